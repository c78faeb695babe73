"""The geocoder's phrase index (:class:`marsad.geo.index.WordIndex`): what it matches, and in what order."""

from __future__ import annotations

from marsad.geo.index import WordIndex
from marsad.text.normalise import fold
from marsad.text.tokens import tokenise


def _index(*phrases: tuple[str, str, bool]) -> WordIndex[str]:
    index: WordIndex[str] = WordIndex()
    for phrase, payload, strict in phrases:
        index.add(tuple(fold(phrase).split()), payload, strict)
    return index


def _found(index: WordIndex[str], text: str) -> list[tuple[int, int, str]]:
    text = fold(text)
    return [(m.first, m.last, m.payload) for m in index.find(text, tokenise(text))]


def test_phrases_of_one_first_word_come_out_in_the_order_they_were_added() -> None:
    """One- and many-word phrases of a first word interleaved: matches keep the order of ``add``, whichever
    word follows."""
    index = _index(("تل عفر", "a", False), ("تل", "b", False), ("تل ابيض", "c", False), ("تل عفر", "d", False))
    assert _found(index, "وصلوا إلى تل عفر") == [(2, 4, "a"), (2, 3, "b"), (2, 4, "d")]
    assert _found(index, "في تل أبيض أمس") == [(1, 2, "b"), (1, 3, "c")]
    assert _found(index, "تل، عفر") == [(0, 1, "b")]  # a phrase never runs across a comma


def test_a_longer_phrase_needs_all_its_words_in_a_row() -> None:
    index = _index(("ام قصر", "a", False), ("ام الربيعين", "b", False))
    assert _found(index, "ميناء أم قصر") == [(1, 3, "a")]
    assert _found(index, "أم الربيعين") == [(0, 2, "b")]
    assert _found(index, "ام قصير") == []
    assert _found(index, "والربيعين ام") == []


def test_a_strict_phrase_needs_the_article_it_is_written_with() -> None:
    """بلد (the town) is not البلد ("the country"); the article may still come with a proclitic."""
    index = _index(("بلد", "town", True), ("مدينه", "city", False))
    assert _found(index, "في البلد والمدينة") == [(2, 3, "city")]
    assert _found(index, "قضاء بلد") == [(1, 2, "town")]
    assert _found(index, "وبلد") == [(0, 1, "town")]

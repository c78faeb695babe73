"""The phrase matcher: clitics, the article rule, stems, phrase gaps and its bounded word cache."""

import pytest

from marsad.text import matcher as matcher_module
from marsad.text.matcher import PhraseMatcher, Screen, longest_first
from marsad.text.normalise import normalise
from marsad.text.tokens import tokenise


def _find(m: PhraseMatcher[str], text: str) -> list[tuple[str, str]]:
    norm = normalise(text).text
    return [(norm[x.start:x.end], x.payload) for x in m.find(norm, tokenise(norm))]


@pytest.fixture
def lexicon() -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add("الموصل", "mosul")
    m.add("هجوم", "attack")
    m.add("التنظيم", "org")
    m.add("قتل*", "kill")
    m.add("عبوة ناسفة", "ied")
    return m


def test_proclitics_and_article_on_the_first_word(lexicon):
    assert _find(lexicon, "وبالموصل") == [("وبالموصل", "mosul")]
    assert _find(lexicon, "للموصل") == [("للموصل", "mosul")]
    assert _find(lexicon, "والهجوم") == [("والهجوم", "attack")]  # written without ال: matches with it


def test_a_word_written_with_the_article_needs_it(lexicon):
    assert _find(lexicon, "تنظيم") == []
    assert _find(lexicon, "التنظيم") == [("التنظيم", "org")]


def test_stems_match_inflections(lexicon):
    assert _find(lexicon, "قتلوا") == [("قتلوا", "kill")]


def test_phrase_words_are_separated_by_space_only(lexicon):
    assert ("عبوه ناسفه", "ied") in _find(lexicon, "انفجار عبوة ناسفة")
    assert all(p != "ied" for _, p in _find(lexicon, "عبوة، ناسفة"))


def test_longest_first_keeps_the_longer_overlapping_match():
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add("عبوة", "short")
    m.add("عبوة ناسفة", "long")
    norm = normalise("عبوة ناسفة").text
    kept = longest_first(m.find(norm, tokenise(norm)))
    assert [k.payload for k in kept] == ["long"]


def test_word_cache_stays_bounded_and_results_do_not_change(lexicon, monkeypatch):
    text = " ".join(f"كلمة{i} بالموصل" for i in range(50))
    expected = _find(lexicon, text)
    monkeypatch.setattr(matcher_module, "_CACHE_LIMIT", 10)
    fresh: PhraseMatcher[str] = PhraseMatcher()
    for phrase, payload in (("الموصل", "mosul"), ("هجوم", "attack"), ("التنظيم", "org"), ("قتل*", "kill"),
                            ("عبوة ناسفة", "ied")):
        fresh.add(phrase, payload)
    assert _find(fresh, text) == expected
    assert len(fresh._first) <= 10


def test_word_cache_that_fills_up_still_answers_for_the_words_it_held(monkeypatch):
    """A text whose new words fill the cache empties it: its words met before must be worked out again."""
    monkeypatch.setattr(matcher_module, "_CACHE_LIMIT", 10)
    cache: dict[str, int] = {}
    first = ["قصف", "مدفعي", "على", "قرية", "في", "ريف"]
    assert matcher_module.per_word(cache, first, len) == [3, 5, 3, 4, 2, 3]
    second = ["قصف", "على", "ريف", "ادلب", "الجنوبي", "امس", "الاحد", "صباحا"]
    assert matcher_module.per_word(cache, second, len) == [len(w) for w in second]
    assert len(cache) <= 10


# --- the screen: does a text hold a match with a kept payload? -------------------------------------------


def _screen_matcher() -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    for phrase, payload in (("هجوم", "event"), ("جرى اعتقال", "event"), ("جرى", "filler"), ("قتل*", "event"),
                            ("قوات الامن", "actor"), ("عبوة ناسفة", "event"), ("عبوة", "object")):
        m.add(phrase, payload)
    return m


@pytest.mark.parametrize("text,expected", [
    ("وقع هجوم على حاجز للشرطة", True),  # a one-word phrase
    ("وبالهجوم الذي استهدف القافلة", True),  # with proclitics and the article
    ("جرى افتتاح مدرسة جديدة", False),  # a word that only begins a kept phrase, without the rest
    ("وجرى اعتقال ثلاثة مطلوبين", True),  # a two-word phrase whose first word carries و
    ("جرى. اعتقال", False),  # a full stop between the words: no phrase
    ("قتلوا اثنين من الحراس", True),  # a stem entry
    ("انتشرت قوات الامن في المدينة", False),  # phrases whose payload is not kept
    ("عثر على عبوة في الطريق", False),
    ("انفجرت عبوة ناسفة قرب السوق", True),  # a longer phrase after a word that is also a phrase of its own
])
def test_the_screen_answers_as_a_full_find_would(text, expected):
    m = _screen_matcher()
    screen = Screen(m, lambda payload: payload == "event")
    norm = normalise(text).text
    tokens = tokenise(norm)
    assert screen.any(norm, tokens) is expected
    assert expected == any(x.payload == "event" for x in m.find(norm, tokens))
    assert screen.any(norm, tokens) is expected  # the words are sorted now: same answer from the sets


def test_the_screen_sees_phrases_added_after_it_was_made():
    m = _screen_matcher()
    screen = Screen(m, lambda payload: payload == "event")
    norm = normalise("اندلعت اشتباكات عنيفة").text
    assert not screen.any(norm, tokenise(norm))
    m.add("اشتباكات", "event")
    assert screen.any(norm, tokenise(norm))


@pytest.mark.parametrize(("word", "keys"), [
    ("الموصل", ("الموصل", "موصل")),  # no proclitic letter first: only the article comes off
    ("هجوم", ("هجوم",)),
    ("ال", ("ال",)),  # too short to lose its article
    ("وبالموصل", ("وبالموصل", "بالموصل", "الموصل", "موصل")),
    ("للموصل", ("للموصل", "الموصل", "موصل")),
    ("ولم", ("ولم", "لم")),
])
def test_lookup_keys_peel_proclitics_least_first(word, keys):
    from marsad.text.tokens import lookup_keys

    assert lookup_keys(word) == keys


def test_stems_of_different_lengths_under_one_head():
    """Stems sharing their first letters but not their length are each tried (longest-stem lookups by head)."""
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add("قتل*", "kill")
    m.add("قتلا*", "dead")
    m.add("قصف*", "shell")
    assert sorted(p for _, p in _find(m, "وقتلاهم")) == ["dead", "kill"]
    assert _find(m, "بالقصف") == [("بالقصف", "shell")]
    assert _find(m, "قصفت") == [("قصفت", "shell")]


def test_word_cache_emptied_mid_text_keeps_the_words_it_had_met():
    """A text whose new words overflow the cache empties it: words of that text met before (cached) must be
    computed again, not looked up in the emptied cache."""
    cache: dict[str, int] = {}
    matcher_module.per_word(cache, ["a", "b"], len)
    limit = matcher_module._CACHE_LIMIT
    try:
        matcher_module._CACHE_LIMIT = 4
        assert matcher_module.per_word(cache, ["a", "cc", "ddd", "eeee"], len) == [1, 2, 3, 4]
    finally:
        matcher_module._CACHE_LIMIT = limit

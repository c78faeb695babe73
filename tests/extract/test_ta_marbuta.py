"""Cue words in ة before a suffix: ة is written ت before any suffix (the dual, a possessive pronoun), so a
folded cue "غاره*" (غارة) cannot reach "غارتين" by its prefix; ``inflect.ta_marbuta_phrases`` makes those
forms once, where triggers.toml is loaded.  Sentences are invented; they vary case (nominative -ان and
oblique -ين), word order (the noun as subject, object, after a preposition) and voice."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.lexicon import load_lexicons
from marsad.model import Article
from marsad.pipeline import extract_events
from marsad.text import inflect
from marsad.text.normalise import fold
from marsad.text.tokens import tokenise


def cue_of(text: str) -> set[str]:
    """The cues of the phrases that span the whole (folded) text."""
    lex, text = load_lexicons(), fold(text)
    tokens = tokenise(text)
    return {m.payload.label for m in lex.matcher.find(text, tokens)
            if m.payload.category == "cue" and m.first == 0 and m.last == len(tokens)}


def types(text: str) -> list[str]:
    return [e.sub_event_type for e in extract_events(Article("t", text, published=date(2021, 8, 3)))]


def test_the_generator_writes_ta_before_every_suffix() -> None:
    forms = set(inflect.ta_marbuta_phrases("قذيفه*"))
    assert {"قذيفتان", "قذيفتين", "قذيفته", "قذيفتهم", "قذيفتها", "قذيفات"} <= forms
    assert not forms & {"قذيفهين", "قذيفاتهم"}  # no ه before a suffix; no campaign plural with a pronoun
    assert "المدفعيتين" in inflect.ta_marbuta_phrases("المدفعيه")
    assert not any(f.startswith("المدفعيت") and f.endswith("ه") for f in inflect.ta_marbuta_phrases("المدفعيه"))
    assert "ضربتان جويتان" in inflect.ta_marbuta_phrases("ضربه جويه")  # the adjective agrees
    assert inflect.ta_marbuta_phrases("اصابته") == []  # already a pronoun on ة
    assert inflect.ta_marbuta_phrases("تحرير مدينه") == []  # a construct phrase: not every word in ة


@pytest.mark.parametrize(("word", "cue"), [
    ("قذيفتين", "shelling"),  # oblique dual
    ("معركتان", "clash"),  # nominative dual
    ("رهينتين", "abduction"),
    ("جثته", "kill"),  # a possessive on a three-letter noun
    ("وعمليتهم", "operation"),  # a possessive after a proclitic
    ("ضربتان جويتان", "air"),  # a noun and its adjective, both dual
    ("الضربتين الجويتين", "air"),
    ("قنبلتين يدويتين", "grenade"),
])
def test_a_cue_in_ta_marbuta_matches_with_a_suffix(word: str, cue: str) -> None:
    assert cue in cue_of(word)


@pytest.mark.parametrize("word", [
    "جهتين",  # two sides: no cue word's dual
    "عملتين",  # two currencies, one letter short of عمليتين
    "ضربتين",  # a strike without its adjective is no cue (ضربة alone is not listed)
    "سيارتين",  # two cars, without مفخخة
])
def test_an_unrelated_word_in_ta_is_no_cue(word: str) -> None:
    assert cue_of(word) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("أسفرت ضربتان جويتان عن مقتل خمسة مدنيين في مدينة إدلب يوم الخميس.", "Air/drone strike"),
    ("قتل خمسة مدنيين في ضربتين جويتين على مدينة إدلب يوم الخميس.", "Air/drone strike"),
    ("سقطت قذيفتان على حي في مدينة درعا يوم الخميس مما أدى إلى إصابة طفلين.", "Shelling/artillery/missile attack"),
    ("أصيب طفلان بقذيفتين سقطتا على حي في مدينة درعا يوم الخميس.", "Shelling/artillery/missile attack"),
    ("ألقى مجهولون قنبلتين يدويتين على منزل في البصرة يوم الخميس.", "Grenade"),
    ("اندلعت معركتان بين الجيش ومسلحي داعش قرب الرمادي يوم الخميس.", "Armed clash"),
    ("عثر على جثته في بستان قرب مدينة بعقوبة يوم الخميس.", "Attack"),
])
def test_a_suffixed_cue_reports_its_event(text: str, expected: str) -> None:
    assert types(text) == [expected]


@pytest.mark.parametrize("text", [
    "زار الوزير جهتين حكوميتين في مدينة البصرة يوم الخميس.",
    "تبادل التجار عملتين في سوق مدينة البصرة يوم الخميس.",
])
def test_a_sentence_with_an_unrelated_word_in_ta_reports_nothing(text: str) -> None:
    assert types(text) == []

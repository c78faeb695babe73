"""The one generator of Arabic forms (``marsad.text.inflect``), used by both lexicon loaders.

Each rule is tried on several invented lemmas that vary person, gender, number and the weak letters.
"""

from __future__ import annotations

import pytest

from marsad.lexicon import load_lexicons
from marsad.text import inflect


def test_the_perfect_is_tagged_with_its_person() -> None:
    forms = dict(inflect.perfect("قتل"))
    assert forms["قتل"] == "3ms" and forms["قتلت"] == "3fs" and forms["قتلوا"] == "3mp"
    assert forms["قتلا"] == "3md" and forms["قتلتا"] == "3fd" and forms["قتلنا"] == "1p"


def test_weak_lemmas_change_their_stem_before_suffixes() -> None:
    assert {"اعتدت", "اعتدوا", "اعتدى"} <= {f for f, _ in inflect.perfect("اعتدى", defective=True)}
    assert {"اغتلنا", "اغتالت", "اغتالوا"} <= {f for f, _ in inflect.perfect("اغتال", hollow=True)}
    assert "لقوا" in {f for f, _ in inflect.perfect("لقي")}
    assert {"كانت", "كانوا", "كانا"} <= {f for f, _ in inflect.perfect("كان", hollow=True)}


def test_the_imperfect_is_tagged_with_person_and_number() -> None:
    forms = dict(inflect.imperfect("قتل"))
    assert forms["يقتل"] == "3ms" and forms["تقتل"] == "3fs" and forms["يقتلون"] == "3mp"
    assert forms["يقتلان"] == "3md" and forms["نقتل"] == "1ps"
    assert "يعتدون" in dict(inflect.imperfect("عتدي"))  # a stem in ي drops it before و


def test_pronouns_on_verbs_and_nouns() -> None:
    assert ("قتلوه", "ه") in inflect.with_pronouns("قتلوا", inflect.OBJECTS)
    assert ("واجهه", "ه") in inflect.with_pronouns("واجه", inflect.OBJECTS)  # a verb's final ه stays
    assert ("اصابتهم", "هم") in inflect.with_pronouns("اصابه", inflect.POSSESSIVES, noun=True)  # ة → ت
    assert {"غارتين", "غارات", "هجوما", "مقتلهم"} <= {f for f, _ in inflect.noun_paradigm(["غاره", "هجوم", "مقتل"], [])}


def test_both_loaders_share_the_generator() -> None:
    lex = load_lexicons()
    assert lex.verbs is not None
    for form in ("قتلوهم", "اغتالوه", "يقتلون", "اعدمت"):
        assert form in lex.verbs.forms, form  # a predicate of verbs.toml
        assert form in lex.word_set("casualty_verbs"), form  # a verb of a toll (numbers.toml)
    assert {f.person for f in lex.verbs.forms["قتلت"]} >= {"3fs"}
    assert any(f.clitic == "هم" for f in lex.verbs.forms["قتلوهم"])


def test_a_person_noun_row_makes_every_number_and_case() -> None:
    """One row per lemma: singular, accusative, dual, and the plurals the row names (broken, sound, feminine)."""
    assert inflect.person_forms("حارس حراس") == ["حارس", "حارسا", "حارسان", "حارسين", "حراس", "حراسا"]
    sound = inflect.person_forms("مقاوم +")
    assert {"مقاوم", "مقاوما", "مقاومان", "مقاومون", "مقاومين", "مقاومو", "مقاومي"} == set(sound)
    feminine = inflect.person_forms("ممرض + +ات")
    assert {"ممرضه", "ممرضات", "ممرضتان", "ممرضتين"} <= set(feminine)
    assert "ممرضه" not in inflect.person_forms("ممرض +")  # the feminine only where the row asks for it


def test_a_nisba_person_noun_has_no_feminine_and_a_definite_row_no_indefinite() -> None:
    """"عسكري +": the soldiers, never the adjective of a thing ("قاعدة عسكرية"); "المهاجم +": only with ال."""
    forms = set(inflect.person_forms("بحري +"))
    assert {"بحري", "بحريا", "بحريين", "بحريون"} <= forms and not {f for f in forms if f.endswith(("يه", "يات"))}
    assert all(f.startswith("ال") for f in inflect.person_forms("المقتحم +"))
    assert "المقتحما" not in inflect.person_forms("المقتحم +")  # no tanween with the article
    assert "امراه" in inflect.person_forms("امراه نساء") and "امراها" not in inflect.person_forms("امراه نساء")


def test_a_defective_verb_writes_its_final_alif_before_a_pronoun() -> None:
    """تبنّى → تبنّاه، تبنّاها; the other persons keep their stems (تبنته، تبنوه); a verb in ي is no defective."""
    forms = {f for f, _ in inflect.with_pronouns("رمي", inflect.OBJECTS, defective=True)}
    assert {"رماه", "رماها", "رماهم"} <= forms and "رميه" not in forms
    assert "لقيه" in {f for f, _ in inflect.with_pronouns("لقي", inflect.OBJECTS)}
    lex = load_lexicons()
    assert lex.verbs is not None and {"تبناه", "تبناها", "تبنته", "تبنوه"} <= set(lex.verbs.forms)


@pytest.mark.parametrize("phrase,expected", [
    ("صاروخ اسرائيلي", ["صاروخان اسرائيليان", "صاروخين اسرائيليين", "الصاروخان الاسرائيليان",
                        "الصاروخين الاسرائيليين"]),
    ("طائره روسيه", ["طائرتان روسيتان", "طائرتين روسيتين", "الطائرتان الروسيتان", "الطائرتين الروسيتين"]),
    ("غاره جويه تركيه", ["غارتان جويتان تركيتان", "غارتين جويتين تركيتين", "الغارتان الجويتان التركيتان",
                            "الغارتين الجويتين التركيتين"]),
])
def test_dual_phrases_make_every_word_agree(phrase: str, expected: list[str]) -> None:
    """Noun and adjectives take the same dual ending, ة written ت before it, with and without ال."""
    assert inflect.dual_phrases(phrase) == expected

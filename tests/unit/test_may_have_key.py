"""tokens.may_have_key: the quick text test before a scan of lookup keys never says no to a token that has one."""

from marsad.text.tokens import lookup_keys, may_have_key, tokenise


def _has_key(text: str, words: frozenset[str]) -> bool:
    return any(not words.isdisjoint(lookup_keys(t.text)) for t in tokenise(text))


def test_a_key_with_its_article_turned_from_lil() -> None:
    words = frozenset({"الاختناق"})
    text = "تعرض الاهالي للاختناق بعد القصف"
    assert _has_key(text, words) and may_have_key(text, words)


def test_a_key_behind_a_conjunction_and_a_preposition() -> None:
    words = frozenset({"حصيله"})
    text = "وبحصيله جديده اعلنت الوزاره"
    assert _has_key(text, words) and may_have_key(text, words)


def test_no_word_in_the_text() -> None:
    words = frozenset({"اختناق", "الاختناق"})
    text = "قصفت الطائرات مواقع المسلحين امس"
    assert not may_have_key(text, words) and not _has_key(text, words)

"""Normalisation keeps a faithful way back to the text as given."""

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalise import fold, normalise

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
EXTRA = st.sampled_from(list("\u0640\u064b\u064e\u0650\u0651\u0652\u200f\u200e\u202b\u202c\ufeff\ufefb\ufef5"
                             " .،0٢۴أإآىة"))
TEXT = st.text(st.one_of(ARABIC, EXTRA, st.characters(min_codepoint=32, max_codepoint=126)), max_size=200)


def test_folds_letters_digits_and_marks():
    n = normalise("أمسِ ٢٧ إصابةً ـــ مستشفى")
    assert n.text == "امس 27 اصابه  مستشفي"


def test_spans_map_back_to_the_original():
    original = "قُتِلَ خمسةٌ في كركوكَ"
    n = normalise(original)
    start = n.text.index("كركوك")
    s, e = n.span(start, start + len("كركوك"))
    assert original[s:e] == "كركوكَ"  # the mark on the last letter belongs to the word
    start = n.text.index("قتل")
    assert n.original_text(start, start + 3) == "قُتِلَ"


def test_bidi_marks_inside_a_word_are_removed():
    assert normalise("بغ\u200fداد").text == "بغداد"


def test_presentation_forms_decompose_and_map_back():
    original = "\ufefbبد"  # lam-alef ligature, then ب د
    n = normalise(original)
    assert n.text == "لابد"
    assert n.span(0, 2) == (0, 1)
    assert n.original_text(2, 4) == "بد"


@settings(max_examples=300)
@given(TEXT)
def test_every_normalised_char_maps_to_an_original_char(text):
    n = normalise(text)
    previous = -1
    for i in range(len(n.text)):
        o = n.original_index(i)
        assert 0 <= o < len(text)
        assert o >= previous
        previous = o
        # the original character normalises to (something containing) this one
        assert n.text[i] in normalise(text[o]).text or text[o] in "\ufefb\ufef5"


@settings(max_examples=300)
@given(TEXT, st.data())
def test_spans_cover_what_they_normalise_to(text, data):
    n = normalise(text)
    if not n.text:
        return
    start = data.draw(st.integers(0, len(n.text) - 1))
    end = data.draw(st.integers(start + 1, len(n.text)))
    s, e = n.span(start, end)
    assert 0 <= s < e <= len(text)
    assert normalise(text[s:e]).text.find(n.text[start:end]) >= 0


def test_fold_collapses_space():
    assert fold("  طوز   خورماتو ") == "طوز خورماتو"

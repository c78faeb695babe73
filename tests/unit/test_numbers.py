"""Counts of people in every written form (codebook §6)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extract.numbers import read_number
from marsad.lexicon import load_lexicons
from marsad.text.normalise import normalise
from marsad.text.tokens import tokenise


def number(text: str):
    tokens = tokenise(normalise(text).text)
    return read_number(tokens, 0, load_lexicons())


@pytest.mark.parametrize("text,value", [
    ("12 شخصا", 12), ("٢٧ قتيلا", 27), ("۴ جرحى", 4), ("خمسة من عناصر", 5), ("ثلاثة أشخاص", 3),
    ("سبعة عشر قتيلا", 17), ("أحد عشر", 11), ("اثنا عشر", 12), ("خمسة وعشرون", 25), ("الخمسة", 5),
    ("وثلاثة", 3), ("مئة وخمسون", 150), ("ثلاثمئة", 300), ("ثلاثة آلاف", 3000), ("عشرين", 20),
    ("عنصرين", 2), ("جنديين", 2), ("شخصين", 2), ("شرطيين", 2), ("عنصري أمن", 2), ("جنديان", 2),
])
def test_counts(text, value):
    n = number(text)
    assert n is not None and n.value == value


def test_sound_plural_that_looks_like_a_dual_is_marked_ambiguous():
    n = number("متظاهرين")
    assert n is not None and n.value == 2 and not n.exact


@pytest.mark.parametrize("text", ["شخصا", "قتلوا", "3,5", "1.165", "مدينة", "جندي"])
def test_not_counts(text):
    assert number(text) is None


def test_teens_and_tens_span_their_tokens():
    n = number("سبعة عشر قتيلا")
    assert (n.first, n.last) == (0, 2)


@given(st.text(max_size=40))
def test_never_crashes(text):
    tokens = tokenise(normalise(text).text)
    for i in range(len(tokens)):
        read_number(tokens, i, load_lexicons())


@given(st.integers(0, 10**6))
def test_reads_every_digit_script(value):
    for zero in ("0", "\u0660", "\u06f0"):
        digits = "".join(chr(ord(zero) + int(c)) for c in str(value))
        n = number(digits)
        assert n is not None and n.value == value

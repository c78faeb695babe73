"""Bytes to text: encodings, binary input, blank text and the Arabic-script test.

:func:`read_text_document` decodes what a reader was given, in this order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. a known binary signature (PNG, PDF, ZIP ...) or NUL bytes (over 1 %) mean "not a text file";
3. strict UTF-8;
4. the charset an HTML ``<meta>`` or an XML declaration names;
5. charset-normalizer, preferring a decoding that reads as Arabic (short Windows-1256
   texts are otherwise easily taken for a CJK code page), then Windows-1256 itself.

A file that is UTF-8 but for a few damaged lines stays UTF-8: :func:`decode_lines` decodes it
line by line and names the lines that are not valid, so a reader of records (JSONL, CSV, feeds)
can report those records and read the others.  Detection (steps 4 and 5) runs only on a file in
which no line with non-ASCII bytes is valid UTF-8: it never turns valid UTF-8 into another
encoding.

Text whose first characters are more than 1 % control characters (or NUL bytes) is rejected
as binary.  What is left of characters that no text holds (a stray NUL, an unpaired surrogate
from a JSON escape) becomes U+FFFD (:func:`clean_text`): databases refuse them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from marsad.errors import InputError

#: A text "is Arabic" when at least this share of its letters are Arabic script.
ARABIC_SHARE = 0.5
#: How many leading characters :func:`is_arabic` and the binary check look at.
SAMPLE_CHARS = 100_000
#: Above this share of control characters a decoded text is taken for binary data.
MAX_CONTROL_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_DECLARED = re.compile(rb"""<(?:meta|\?xml)\b[^>]*?(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
#: The Arabic-script blocks (Arabic, its supplement, extended-A, presentation forms A and B).
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_ARABIC_LETTERS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _ARABIC_BLOCKS) + "]+")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
#: Whitespace plus invisible format characters (bidi controls, zero-width, BOM, soft hyphen).
_INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad"
_BLANK = re.compile(f"[\\s{_INVISIBLE}]*")
_EDGES = re.compile(f"^[\\s{_INVISIBLE}]+|[\\s{_INVISIBLE}]+$")


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A decoded input and the (1-based) lines whose bytes were not valid in its encoding."""

    text: str
    bad_lines: tuple[int, ...] = ()


def read_text_document(data: bytes, where: str) -> str:
    """Decode a single document (see the module docstring); raise :class:`InputError` if it is
    not text or if any of its lines is not valid in its encoding (the line is named)."""
    decoded = decode_lines(data, where)
    if decoded.bad_lines:
        raise InputError(where, "not valid UTF-8 (the rest of the file is)", decoded.bad_lines[0])
    return decoded.text


def decode_lines(data: bytes, where: str) -> DecodedText:
    """Decode ``data`` (see the module docstring), naming the lines that are not valid UTF-8 in
    an otherwise UTF-8 file; those lines hold U+FFFD where the bad bytes were."""
    decoded = _decode(data, where)
    sample = decoded.text[:SAMPLE_CHARS]
    if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise InputError(where, "not a text file (binary data)")
    return DecodedText(clean_text(decoded.text), decoded.bad_lines)


def clean_text(text: str) -> str:
    """``text`` with each NUL and unpaired surrogate replaced by U+FFFD (same length, so offsets hold)."""
    return _NOT_TEXT.sub("\ufffd", text) if _NOT_TEXT.search(text) else text


def _decode(data: bytes, where: str) -> DecodedText:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return DecodedText(_strict(data, codec, where))
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(where, f"not a text file (looks like {kind})")
    head = data[:SAMPLE_CHARS]
    if head.count(b"\x00") > MAX_CONTROL_SHARE * len(head):  # a stray NUL is a damaged line, not a binary file
        raise InputError(where, "not a text file (binary data)")
    try:
        return DecodedText(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # UTF-8 cut off inside the last character
            return DecodedText(data[: exc.start].decode("utf-8"))
    mostly_utf8 = _utf8_lines(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    declared = _declared_text(data)
    if declared is not None:
        return DecodedText(declared)
    detected = _detected_text(data)
    if detected is None:
        raise InputError(where, "not a text file (the encoding could not be recognised)")
    return DecodedText(detected)


def _utf8_lines(data: bytes) -> DecodedText | None:
    """``data`` read as UTF-8 line by line when at least one line with non-ASCII bytes is valid
    UTF-8 (so the file is UTF-8 and the invalid lines are damage); ``None`` otherwise."""
    lines = data.splitlines(keepends=True)
    parts: list[str] = []
    bad: list[int] = []
    utf8_seen = False
    for number, line in enumerate(lines, 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            if number == len(lines) and exc.reason == "unexpected end of data":
                text = line[: exc.start].decode("utf-8", "replace")  # the file ends inside a character
            else:
                bad.append(number)
                text = line.decode("utf-8", "replace")
        else:
            utf8_seen = utf8_seen or not line.isascii()
        parts.append(text)
    return DecodedText("".join(parts), tuple(bad)) if utf8_seen else None


def _strict(data: bytes, codec: str, where: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not a text file (invalid {codec.upper()} at byte {exc.start})") from None


def _declared_text(data: bytes) -> str | None:
    """The text decoded with the charset an HTML or XML header declares, if that works."""
    match = _DECLARED.search(data[:4096])
    if match is None or match.group(1).lower().startswith((b"utf-16", b"utf-32", b"utf16", b"utf32")):
        return None  # a UTF-16/32 file without a byte-order mark would not show its declaration in ASCII
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _detected_text(data: bytes) -> str | None:
    """charset-normalizer's reading, preferring one that is Arabic (see the module docstring)."""
    from charset_normalizer import from_bytes  # only for files that are not UTF-8: not loaded by every command

    matches = list(from_bytes(data))[:3]
    decoded = [str(m) for m in matches]
    for text in decoded:
        if is_arabic(text):
            return text
    if matches and matches[0].coherence > 0:
        return decoded[0]
    try:
        cp1256 = data.decode("cp1256")
    except UnicodeDecodeError:
        cp1256 = ""
    if is_arabic(cp1256):
        return cp1256
    return decoded[0] if decoded else None


def is_arabic(text: str) -> bool:
    """True when at least :data:`ARABIC_SHARE` of the letters (first :data:`SAMPLE_CHARS`
    characters) are Arabic script; False for a text without letters.

    Counted in two parts, for speed (every extracted article is checked): the Arabic letters, with one
    plain character class (:func:`_arabic_letter_runs`), and among the characters left (spaces,
    punctuation, digits, marks, other scripts) the letters and Arabic ones as defined above, with the
    slower Unicode-category class.  The counts are those of the definition."""
    sample = text[:SAMPLE_CHARS]
    rest = _arabic_letter_runs().sub("", sample)
    arabic = len(sample) - len(rest)
    letters = _NOT_LETTERS.sub("", rest)
    total = arabic + len(letters)
    if not total:
        return False
    arabic += len(letters) - len(_ARABIC_LETTERS.sub("", letters))
    return arabic >= ARABIC_SHARE * total


@cache
def _arabic_letter_runs() -> re.Pattern[str]:
    """Runs of the characters of :data:`_ARABIC_BLOCKS` that are letters (not matched by
    :data:`_NOT_LETTERS`): computed from those two, so that it cannot drift from them."""
    ranges: list[tuple[int, int]] = []
    for a, b in _ARABIC_BLOCKS:
        for c in range(a, b + 1):
            if _NOT_LETTERS.fullmatch(chr(c)):
                continue
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1] = (ranges[-1][0], c)
            else:
                ranges.append((c, c))
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]+")


def is_blank(text: str) -> bool:
    """True when ``text`` holds nothing but whitespace and invisible format characters."""
    return _BLANK.fullmatch(text) is not None


def strip_blank(text: str) -> str:
    """``text`` without leading and trailing whitespace and invisible format characters."""
    return _EDGES.sub("", text)

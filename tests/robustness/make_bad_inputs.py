"""Write the bad-input corpus of the robustness tests into a directory.

    python tests/robustness/make_bad_inputs.py DIR      # or make_bad_inputs(Path(DIR)) from a test

Every file is generated here (nothing is committed): the Arabic articles are taken from the
dev corpus (``tests/corpus/dev/articles.jsonl``) so that they carry real events.  Each case
is a :class:`Case` saying what Marsad must do with it: read it (``ok``), refuse it with a
one-line error naming it (``error``, with the words the message must hold and, for record
files, the lines that must be named), or skip it with a note (``note``).  The 50 MB file is
made on demand by :func:`make_big_text` (it is slow to write and only one test needs it).
"""

from __future__ import annotations

import codecs
import json
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "articles.jsonl"
#: The dev article every encoding variant is made of (short, one event, encodable in Windows-1256).
ARTICLE_ID = "ant2-SK-middleEast-299-20180314"
SECRET = "MARSAD-SECRET-7f3a9c"  # what the XXE feed's target file holds when the caller gives none

#: Bidi controls and other invisible format characters put inside words.
BIDI_MARKS = ("\u200f", "\u200e", "\u061c", "\u202b", "\u202c", "\u2067", "\u2069", "\u200d", "\u200c")


@dataclass(slots=True)
class Case:
    """One bad (or legacy) input and what Marsad must make of it."""

    name: str  # file name in the corpus directory
    outcome: str  # "ok" (read), "error" (one-line errors), "note" (read, then skipped with a note)
    problem: str = ""  # words the error or note must hold
    lines: tuple[int, ...] = ()  # record files: the lines that must be named, one error each
    ids: tuple[str, ...] = ()  # the ids of the articles the file gives (the others are refused)
    twin: str = ""  # a file that must give the same events


def dev_article(article_id: str = ARTICLE_ID) -> dict[str, object]:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == article_id:
            return record
    raise LookupError(f"{article_id} is not in {DEV}")


def article_text(record: dict[str, object]) -> str:
    """The document of a dev record as a .txt file holds it: title, blank line, text."""
    return f"{record['title']}\n\n{record['text']}\n"


def with_bidi_marks(text: str) -> str:
    """``text`` with a bidi or zero-width mark inside every third Arabic word (after its second letter)."""
    words = text.split(" ")
    for n in range(0, len(words), 3):
        word = words[n]
        if len(word) > 3 and all("\u0621" <= ch <= "\u064a" for ch in word[:3]):
            words[n] = word[:2] + BIDI_MARKS[n % len(BIDI_MARKS)] + word[2:]
    return " ".join(words)


def png_bytes() -> bytes:
    """A real PNG header and IHDR chunk (a 16 x 16 RGB image), then bytes that are not text."""
    ihdr = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    pixels = zlib.compress(bytes(range(256)) * 3)
    idat = b"IDAT" + pixels
    return header + struct.pack(">I", len(pixels)) + idat + struct.pack(">I", zlib.crc32(idat))


ENGLISH = (
    "Gunmen killed two police officers in an attack on a checkpoint near Kirkuk on Monday night, "
    "security sources said. Two other officers were wounded and taken to hospital.\n"
)
FRENCH = (
    "Deux policiers ont été tués lundi soir dans une attaque contre un poste de contrôle près de Kirkouk, "
    "selon des sources de sécurité. Deux autres ont été blessés.\n"
)

MALFORMED_HTML = """<html><head><title>هجوم في ديالى</title><meta charset="utf-8">
<body><div class="nav"><a href="/">الرئيسية</a><div>
<article><h1>{title}</h1>
<p>{body}
<p>تفاصيل أخرى &bogus; &#xD800; <b><i>غير مغلقة</b>
<script>document.write("<p>نص من سكربت لا يقرأ")</script>
</div></div></div></span>
"""
NO_BODY_HTML = """<!DOCTYPE html><html><head><title>صفحة فارغة</title>
<script>var x = "<p>لا نص هنا</p>";</script><style>p {color: red}</style></head>
<body><nav><a href="/">الرئيسية</a></nav><script>alert(1)</script></body></html>
"""
SCRIPT_JSONL_TEXT = (
    "<script>alert('xss')</script>قتل شخصان في هجوم على بغداد أمس.\n"
    '<img src=x onerror="alert(1)"> وأصيب ثلاثة آخرون.'
)

XXE_RSS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>خلاصة</title>
<item><title>خبر &secret;</title><link>https://x.example/xxe</link>
<description>قتل شخصان في هجوم على بغداد. &secret;</description></item>
</channel></rss>
"""
LAUGHS_RSS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>
"""


def make_bad_inputs(directory: Path, secret: Path | None = None) -> list[Case]:
    """Write every case into ``directory`` (created) and return them; ``secret`` is the file the
    XXE feed tries to read (written here when not given)."""
    directory.mkdir(parents=True, exist_ok=True)
    if secret is None:
        secret = directory / "secret" / "token.txt"
        secret.parent.mkdir(exist_ok=True)
        secret.write_text(SECRET, encoding="utf-8")
    record = dev_article()
    doc = article_text(record)
    cases: list[Case] = []

    def put(case: Case, data: bytes | str) -> None:
        path = directory / case.name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(case)

    put(Case("ar-utf8.txt", "ok", ids=("ar-utf8",)), doc)
    put(Case("ar-cp1256.txt", "ok", ids=("ar-cp1256",), twin="ar-utf8.txt"), doc.encode("cp1256"))
    put(Case("ar-bom.txt", "ok", ids=("ar-bom",), twin="ar-utf8.txt"), codecs.BOM_UTF8 + doc.encode("utf-8"))
    put(Case("ar-utf16.txt", "ok", ids=("ar-utf16",), twin="ar-utf8.txt"), doc.encode("utf-16"))
    put(Case("ar-bidi.txt", "ok", ids=("ar-bidi",), twin="ar-utf8.txt"), with_bidi_marks(doc))
    put(Case("empty.txt", "error", "empty text"), b"")
    put(Case("blank.txt", "error", "empty text"), " \n\t\r\n  \u00a0\u200f\u2067 \n\n")
    put(Case("image.png", "error", "not a text file (looks like a PNG image)"), png_bytes())
    put(Case("photo.txt", "error", "not a text file (looks like a PNG image)"), png_bytes())  # binary, text suffix
    put(Case("english.txt", "note", "skipped, not Arabic text", ids=("english",)), ENGLISH)
    put(Case("french.txt", "note", "skipped, not Arabic text", ids=("french",)), FRENCH)
    put(Case("broken.html", "ok", ids=("broken",)), MALFORMED_HTML.format(title=record["title"], body=record["text"]))
    put(Case("no-body.html", "error", "empty text (no article text found in the page"), NO_BODY_HTML)
    good = {"id": "jsonl-good-1", "published": record["published"], "title": record["title"], "text": record["text"]}
    jsonl_lines = [
        json.dumps(good, ensure_ascii=False),
        '{"id": "cut", "text": "قتل شخصان',  # 2: cut off
        "[1, 2, 3]",  # 3: not an object
        json.dumps({"id": "no-text", "title": "عنوان"}),  # 4: no text
        json.dumps({"id": "bad-date", "text": "نص", "published": "13/45/2021"}),  # 5: bad date
        json.dumps({"id": "int-text", "text": 42}),  # 6: text not a string
        "",
        json.dumps({**good, "id": "jsonl-good-2", "url": "https://x.example/2"}, ensure_ascii=False),  # 8
        "\x00\x01 garbage",  # 9: control characters (a stray NUL does not make the file binary)
    ]
    put(Case("broken.jsonl", "error", lines=(2, 3, 4, 5, 6, 9), ids=("jsonl-good-1", "jsonl-good-2")),
        "\n".join(jsonl_lines) + "\n")
    one_line = " ".join(str(record["text"]).split())
    csv_text = (
        "id,title,text,published\n"
        f"csv-good-1,{record['title']},\"{one_line}\",{record['published']}\n"
        "csv-short,عنوان فقط\n"  # 3: the text column is missing
        "csv-long,a,نص,2021-01-01,extra,more\n"  # 4: more fields than columns
        f"csv-good-2,,\"{one_line}\"\n"  # 5: the trailing column is missing, the text is there
    )
    put(Case("missing-columns.csv", "error", lines=(3, 4), ids=("csv-good-1", "csv-good-2")), csv_text)
    put(Case("no-text-column.csv", "error", "no 'text' column"), "id,title\n1,عنوان\n")
    put(Case("xxe.rss", "error", "refused: the feed declares a DTD or entities"), XXE_RSS.format(secret=secret))
    put(Case("laughs.rss", "error", "refused: the feed declares a DTD or entities"), LAUGHS_RSS)
    stray = {"id": "stray-nul", "published": record["published"], "url": "https://x.example/nul",
             "title": "عنوان\u0000", "text": record["text"] + "\u0000 \ud800"}  # JSON escapes: NUL, lone surrogate
    put(Case("stray-nul.jsonl", "ok", ids=("stray-nul",)), json.dumps(stray, ensure_ascii=True) + "\n")
    undated = {"id": "undated-1", "published": None, "title": record["title"], "text": record["text"],
               "url": "https://x.example/undated"}
    put(Case("undated.jsonl", "ok", "publication date unknown", ids=("undated-1",)),
        json.dumps(undated, ensure_ascii=False) + "\n")
    scripted = {"id": "scripted-1", "published": "2021-08-03", "title": "<b>خبر</b>", "text": SCRIPT_JSONL_TEXT,
                "url": "https://x.example/scripted"}
    put(Case("scripted.jsonl", "ok", ids=("scripted-1",)), json.dumps(scripted, ensure_ascii=False) + "\n")
    return cases


def make_big_text(path: Path, size: int = 50_000_000) -> Path:
    """A text file of at least ``size`` bytes of Arabic lines (one document)."""
    line = article_text(dev_article()).replace("\n", " ") + "\n"
    chunk = line.encode("utf-8") * 1000
    with open(path, "wb") as f:
        written = 0
        while written < size:
            f.write(chunk)
            written += len(chunk)
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_bad_inputs.py DIR")
    for case in make_bad_inputs(Path(sys.argv[1])):
        print(f"{case.outcome:6} {case.name}")

"""Property tests of hostile text: the readers and the whole extractor never crash.

Extends (does not repeat) the fuzzing of ``tests/unit``: test_readers feeds random bytes,
markup bits and records to ``read_document``; test_numbers, test_normalise and test_time
fuzz one stage each.  Here:

* files of each kind, read by path (the suffix decides the reader), built from the pieces
  real dirty feeds are made of (ragged CSV rows, quoted newlines, JSON escapes of control
  characters and surrogates, deep nesting, nested markup, scripts, entities, legacy
  encodings): the only error is :class:`InputError`, and every article read can be stored
  (no NUL, no unpaired surrogate, visible text, within the size limit);
* :func:`marsad.pipeline.extract_events` on Arabic-ish text (real words, letters, marks,
  digits of every script, punctuation, bidi controls, presentation forms), dated or not:
  it returns events whose records serialise, whose evidence spans lie within the text and
  cover the words they name, and whose date, when the article has none, comes from words.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.io.encoding import is_blank
from marsad.io.readers import MAX_ARTICLE_CHARS, read_path
from marsad.model import Article
from marsad.pipeline import extract_events

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "articles.jsonl"
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])

# --------------------------------------------------------------------------- Arabic-ish text


def _dev_texts() -> list[str]:
    return [f"{r['title']}\n{r['text']}" for r in map(json.loads, DEV.read_text(encoding="utf-8").splitlines())]


WORDS = st.sampled_from(sorted({w for t in _dev_texts() for w in t.split()})).map(lambda w: w + " ")
SENTENCES = st.sampled_from(sorted({s.strip() + ". " for t in _dev_texts() for s in re.split(r"[.\n]", t)
                                    if s.strip()}))
LETTERS = st.text(st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1, max_size=8)
MARKS = st.characters(min_codepoint=0x064B, max_codepoint=0x0652) | st.just("\u0640")
DIGITS = st.text(st.characters(categories=["Nd"]), min_size=1, max_size=6)  # every script's decimal digits
PUNCTUATION = st.sampled_from(list("،؛؟.,:;!\"'«»-–()[]/%\n\n\t  "))
BIDI = st.sampled_from(list("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                            "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
PRESENTATION = st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF) | st.characters(
    min_codepoint=0xFE70, max_codepoint=0xFEFC)
NOISE = st.one_of(LETTERS, MARKS, DIGITS, PUNCTUATION, BIDI, PRESENTATION)


@st.composite
def noisy_sentence(draw: st.DrawFn) -> str:
    """A sentence of a real report with noise put inside it (within words too)."""
    sentence = draw(SENTENCES)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(sentence)))
        sentence = sentence[:at] + draw(NOISE) + sentence[at:]
    return sentence


ARABICISH = st.lists(st.one_of(noisy_sentence(), WORDS, NOISE), max_size=30).map("".join)
REPORT = st.lists(st.tuples(noisy_sentence(), st.just("") | NOISE | WORDS).map("".join),
                  min_size=1, max_size=12).map("".join)
PUBLISHED = st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


@settings(SETTINGS, max_examples=200)
@given(ARABICISH, REPORT, PUBLISHED)
def test_the_extractor_never_crashes_and_its_evidence_lies_in_the_text(title: str, body: str,
                                                                        published: date | None) -> None:
    article = Article.from_parts("fuzz", title.strip(), body, published)
    text = article.text
    events = extract_events(article, include_unlocated=True)
    target(float(len(events)))  # steer towards texts that give many events
    for event in events:
        record = json.loads(json.dumps(event.to_record(), ensure_ascii=False))
        assert record["article_id"] == "fuzz"
        for name, spans in event.evidence.items():
            for span in spans:
                assert 0 <= span.start < span.end <= len(text), (name, span)
                assert text[span.start:span.end] == span.text, (name, span)
        if published is None and event.event_date is not None:  # no made-up date: it comes from words
            assert event.evidence.get("date"), record


# --------------------------------------------------------------------------- readers, by file


def storable(article: Article) -> None:
    """What the store and the extractor need of every article a reader gives."""
    for value in (article.id, article.title, article.text, article.outlet, article.url):
        assert not re.search("[\x00\ud800-\udfff]", value), value
    assert not is_blank(article.text)
    assert len(article.text) <= MAX_ARTICLE_CHARS + len(article.title) + 2


def read_file(tmp_path: Path, name: str, data: bytes) -> None:
    """Read ``data`` as file ``name``: only InputErrors, each naming the file; storable articles."""
    path = tmp_path / name
    path.write_bytes(data)
    errors: list[InputError] = []
    articles = list(read_path(path, on_error=errors.append))
    assert all(e.where == str(path) for e in errors)
    for article in articles:
        storable(article)
    try:
        list(read_path(path))  # raising by default: an InputError, nothing else
    except InputError as exc:
        assert exc.where == str(path)


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256"])
#: Text with a character no database stores (NUL, unpaired surrogates) or a control character inside.
DIRTY = st.tuples(ARABICISH, st.sampled_from(["\x00", "\ud800", "\udfff", "\x01", "\x1b", "\x7f"]), ARABICISH).map(
    "".join)
TEXTISH = st.one_of(DIRTY, ARABICISH, st.text(max_size=30))


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace")


FIELD = st.one_of(st.none(), TEXTISH, st.integers(), st.floats(), st.booleans(),
                  st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                  st.sampled_from(["2021-08-03", "2021-02-30", "0001-01-01", "9999-12-31", "03/08/2021", ""]))
RECORD = st.fixed_dictionaries({"text": TEXTISH | FIELD}, optional={
    key: TEXTISH | FIELD for key in ("id", "title", "published", "outlet", "url", "other")})
JSON_LINE = st.one_of(
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=True)),  # escapes: \\u0000, \\ud800 ...
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)),
    st.integers(1, 3000).map(lambda depth: "[" * depth + "]" * depth),  # deep nesting
    st.integers(1, 3000).map(lambda depth: '{"text": ' + "[" * depth),
    TEXTISH,
)


@SETTINGS
@given(st.lists(JSON_LINE, max_size=8), st.sampled_from(["\n", "\r\n"]), ENCODINGS)
def test_jsonl_files_give_storable_articles_or_input_errors(tmp_path_factory, lines: list[str], newline: str,
                                                            encoding: str) -> None:
    read_file(tmp_path_factory.mktemp("jsonl"), "fuzz.jsonl", encode(newline.join(lines), encoding))


CELL = st.one_of(TEXTISH, st.sampled_from(['"', '""', '"a"b', "\n", "\r\n", ",", "2021-08-03", ""]))


def csv_text(header: list[str], rows: list[list[str]], raw: bool) -> str:
    if raw:  # as a careless exporter writes it: no quoting at all
        return "\n".join(",".join(row) for row in [header, *rows])
    out = io.StringIO()
    writer = csv.writer(out)
    for row in [header, *rows]:
        writer.writerow(row)
    return out.getvalue()


@SETTINGS
@given(st.lists(st.sampled_from(["id", "title", "text", "published", "outlet", "url", "x", "TEXT ", ""]),
                min_size=1, max_size=7),
       st.lists(st.lists(CELL, max_size=9), max_size=6), st.booleans(), ENCODINGS)
def test_csv_files_give_storable_articles_or_input_errors(tmp_path_factory, header: list[str], rows: list[list[str]],
                                                          raw: bool, encoding: str) -> None:
    read_file(tmp_path_factory.mktemp("csv"), "fuzz.csv", encode(csv_text(header, rows, raw), encoding))


TAG = st.sampled_from(["html", "head", "body", "article", "div", "p", "span", "nav", "a", "script", "style", "title",
                       "meta", "footer", "table", "td", "br", "h1", "iframe", "svg", "math", "template", "noscript"])
MARKUP = st.recursive(
    TEXTISH | st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&bogus;", "&#x202E;", "<!--", "-->", "<![CDATA[x]]>",
                               '<meta charset="cp1256">', "<?xml version='1.0'?>", "<!DOCTYPE html>",
                               '<img src=x onerror="alert(1)">', "javascript:alert(1)"]),
    lambda inner: st.builds(lambda tag, parts, closed: f"<{tag}>{''.join(parts)}" + (f"</{tag}>" if closed else ""),
                            TAG, st.lists(inner, max_size=4), st.booleans()),
    max_leaves=25,
)


@SETTINGS
@given(MARKUP, ENCODINGS)
def test_html_files_give_storable_articles_or_input_errors(tmp_path_factory, markup: str, encoding: str) -> None:
    read_file(tmp_path_factory.mktemp("html"), "fuzz.html", encode(markup, encoding))

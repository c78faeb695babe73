"""Turn any input (files, directories, feeds, URLs, stdin) into :class:`~marsad.model.Article` objects.

Kinds of input, chosen by suffix (case-insensitive) or, for stdin, URLs and files of
another suffix, by sniffing the decoded text:

* ``.txt``: the whole file is the document; title = first non-blank line; id = file stem
  (path relative to the directory, without suffix, when read from a directory).
* ``.html``/``.htm``: trafilatura's main text, title, site name, canonical url and date
  metadata (no extensive search, so no guessed ``YYYY-01-01``), else the first date
  visible in the page ("03 أغسطس 2021", "2021-08-03", "03/08/2021").
* ``.jsonl``/``.json``: one codebook §8 object per line (a ``.json`` array also works).
* ``.csv``: header naming ``text`` and any of id, title, published, outlet, url.
* ``.xml``/``.rss``/``.atom``: RSS/Atom feeds (:mod:`marsad.io.feeds`).
* directories: recursively, in sorted order; hidden files skipped; unknown suffixes skipped
  with a logged warning.

A record's missing ``published`` takes the caller's default.  A record without id gets
one from its url or, failing that, from a hash of its document (:func:`derive_id`).
Errors a user can cause are :class:`InputError` naming the file (and line); they go to
``on_error`` (default: raise) and reading continues with the next line or file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.io.encoding import (
    DecodedText,
    clean_text,
    decode_lines,
    is_arabic,
    is_blank,
    read_text_document,
    strip_blank,
)
from marsad.model import Article

__all__ = [
    "KINDS_BY_SUFFIX",
    "MAX_ARTICLE_CHARS",
    "ErrorHandler",
    "derive_id",
    "first_line",
    "is_arabic",
    "iter_articles",
    "parse_published",
    "read_document",
    "read_path",
    "read_text_document",
    "sniff_kind",
    "too_long",
    "visible_date",
]


ErrorHandler = Callable[[InputError], None]

KINDS_BY_SUFFIX = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
CSV_COLUMNS = ("id", "title", "text", "published", "outlet", "url")
#: The longest article text read (characters); beyond it one document would hold the extractor
#: for minutes (its time grows faster than the text), and no news article is this long.
MAX_ARTICLE_CHARS = 1_000_000
#: The largest web page given to trafilatura (characters of markup).
MAX_PAGE_CHARS = 10 * MAX_ARTICLE_CHARS
STDIN = "<stdin>"
NOT_UTF8 = "not valid UTF-8 (the rest of the file is)"

_ISO_DATE = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ][0-9:.,+\-Z ]*)?\s*")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_ROOT = re.compile(r"<(?:html|body|head|p|div)[\s>]", re.I)
_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_AR_WORD = "[\u0621-\u064a]+"
_MONTH = rf"{_AR_WORD}(?:\s+{_AR_WORD})?"
_VISIBLE_DATE = re.compile(
    r"(?<![0-9])(?:"
    r"(?P<iy>[0-9]{4})-(?P<im>[0-9]{1,2})-(?P<id>[0-9]{1,2})"
    r"|(?P<nd>[0-9]{1,2})[/.](?P<nm>[0-9]{1,2})[/.](?P<ny>[0-9]{4})"
    rf"|(?P<wd>[0-9]{{1,2}})\s+(?P<month>{_MONTH}(?:\s*/\s*{_MONTH})?)\s*[،,]?\s*(?P<wy>[0-9]{{4}})"
    r")(?![0-9])"
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_MAX_DATE_CANDIDATES = 20


class _RecordProblem(Exception):
    """A JSONL/CSV record cannot be used; the caller adds the file and line."""


def _raise(error: InputError) -> None:
    raise error


class _Reporter:
    """Hands each error to ``on_error`` (default: raise), once: a re-raised error is not reported again."""

    def __init__(self, on_error: ErrorHandler | None) -> None:
        self.on_error = on_error or _raise
        self.last: InputError | None = None

    def __call__(self, error: InputError) -> None:
        self.last = error
        self.on_error(error)


def _reporter(on_error: ErrorHandler | None) -> _Reporter:
    return on_error if isinstance(on_error, _Reporter) else _Reporter(on_error)


# --------------------------------------------------------------------------- public API


def iter_articles(
    inputs: Iterable[str], published: date | None = None, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Articles from each input: a path, a directory, an ``http(s)://`` URL or ``-`` (stdin)."""
    report = _reporter(on_error)
    for source in map(os.fspath, inputs):
        if source == "-":
            yield from _guarded(_read_stdin(published, report), report)
        elif source.lower().startswith(("http://", "https://")):
            from marsad.io.feeds import read_url  # httpx and feedparser only when needed

            yield from _guarded(read_url(source, published, report), report)
        else:
            yield from read_path(Path(source), published, report)


def read_path(path: Path, published: date | None = None, on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Articles from one file or, recursively, a directory."""
    report = _reporter(on_error)
    if _is_dir(path):
        yield from _read_directory(path, published, report)
    else:
        yield from _guarded(_read_file(path, path.stem, published, report), report)


def read_document(
    data: bytes,
    where: str,
    doc_id: str | None = None,
    published: date | None = None,
    on_error: ErrorHandler | None = None,
    kind: str | None = None,
    url: str = "",
) -> Iterator[Article]:
    """Articles from the bytes of one input; ``kind`` (see :data:`KINDS_BY_SUFFIX`) or sniffed.

    ``doc_id`` names a single-document input (text, HTML); ``None`` derives it from the content.
    """
    report = _reporter(on_error)
    decoded = decode_lines(data, where)
    text = decoded.text
    if is_blank(text):
        raise InputError(where, "empty text")
    kind = kind or sniff_kind(text)
    if kind in ("feed", "jsonl", "csv"):  # records are decoded one by one: a damaged line costs its record only
        yield from _read_records(kind, decoded, where, published, report)
        return
    if decoded.bad_lines:
        raise InputError(where, NOT_UTF8, decoded.bad_lines[0])
    doc_id = doc_id or derive_id(url, text)
    if kind == "html":
        yield _read_html(text, where, doc_id, published, url)
    else:
        if len(text) > MAX_ARTICLE_CHARS:
            raise InputError(where, too_long(len(text)))
        yield Article(id=doc_id, text=text, title=first_line(text), published=published, url=url)


def _read_records(
    kind: str, decoded: DecodedText, where: str, published: date | None, report: ErrorHandler
) -> Iterator[Article]:
    """The articles of a file of records; a record on a line that is not valid UTF-8 is reported, not read."""
    bad = frozenset(decoded.bad_lines)
    if kind == "jsonl":
        yield from _read_jsonl(decoded.text, where, published, report, bad)
    elif kind == "csv":
        yield from _read_csv(decoded.text, where, published, report, bad)
    else:
        from marsad.io.feeds import read_feed

        for line in decoded.bad_lines:
            report(InputError(where, NOT_UTF8 + "; the feed item there is skipped", line))
        for article in read_feed(decoded.text, where, published, report):
            if not bad or "\ufffd" not in article.title + article.text:
                yield article


def sniff_kind(text: str) -> str:
    """``jsonl`` (starts with ``{`` or ``[``), ``feed``, ``html`` (starts with ``<``) or ``text``."""
    head = strip_blank(text[:65536])
    if head[:1] in ("{", "["):
        return "jsonl"
    if head[:1] == "<":
        feed, html = _FEED_ROOT.search(head), _HTML_ROOT.search(head)
        return "feed" if feed and (html is None or feed.start() < html.start()) else "html"
    return "text"


def parse_published(value: str) -> date:
    """The date of a ``--published`` option (``YYYY-MM-DD``); :class:`InputError` if invalid."""
    try:
        return _parse_iso_date(value)
    except ValueError:
        raise InputError("--published", f"not a date of the years {NEWS_YEARS.start}-{NEWS_YEARS.stop - 1}: {value!r} "
                                        "(use YYYY-MM-DD, e.g. 2021-08-03)") from None


def derive_id(url: str, content: str) -> str:
    """A stable id for a record without one: ``u-`` + hash of its url, else ``h-`` + hash of its text."""
    if url:
        return "u-" + hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return "h-" + hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def first_line(text: str) -> str:
    """The first line with something visible on it, stripped ("" if none)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = strip_blank(text[start:end])
        if line:
            return line
        start = end + 1
    return ""


def visible_date(text: str) -> date | None:
    """The first date written in ``text``: ISO, day/month/year in digits, or an Arabic month name."""
    for number, match in enumerate(_VISIBLE_DATE.finditer(text.translate(_DIGITS))):
        if number >= _MAX_DATE_CANDIDATES:
            return None
        found = _candidate_date(match)
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------- paths


def _guarded(articles: Iterator[Article], report: _Reporter) -> Iterator[Article]:
    """``articles`` until the first :class:`InputError`, which goes to ``report`` (unless it came from there)."""
    try:
        yield from articles
    except InputError as exc:
        if exc is report.last:
            raise  # the handler chose to stop
        report(exc)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _log() -> Any:
    """This module's logger (``logging`` is imported only when something is to be logged)."""
    import logging

    return logging.getLogger(__name__)


def _read_directory(root: Path, published: date | None, report: _Reporter) -> Iterator[Article]:
    for path in _directory_files(root, report):
        if not _is_regular(path):  # a FIFO, socket or device would block or never end
            _log().warning("%s: skipped (not a regular file)", path)
            continue
        kind = KINDS_BY_SUFFIX.get(path.suffix.lower())
        if kind is None:
            _log().warning("%s: skipped (not a .txt, .html, .jsonl, .json, .csv or feed file)", path)
            continue
        doc_id = path.relative_to(root).with_suffix("").as_posix()
        yield from _guarded(_read_file(path, doc_id, published, report, kind), report)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True  # reading it reports the problem


def _directory_files(root: Path, report: ErrorHandler) -> list[Path]:
    """Non-hidden files below ``root``, sorted by their path relative to it."""

    def walk_error(exc: OSError) -> None:
        report(InputError(str(exc.filename or root), f"cannot read the directory: {exc.strerror or exc}"))

    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=walk_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _read_file(
    path: Path, doc_id: str, published: date | None, report: ErrorHandler, kind: str | None = None
) -> Iterator[Article]:
    where = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "no such file or directory") from None
    except (OSError, ValueError) as exc:
        raise InputError(where, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    kind = kind or KINDS_BY_SUFFIX.get(path.suffix.lower())
    yield from read_document(data, where, doc_id, published, report, kind)


def _read_stdin(published: date | None, report: ErrorHandler) -> Iterator[Article]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(STDIN, "standard input is not available")
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(STDIN, f"cannot read: {exc}") from None
    yield from read_document(data, STDIN, None, published, report)


# --------------------------------------------------------------------------- HTML


def _read_html(text: str, where: str, doc_id: str, published: date | None, url: str = "") -> Article:
    """One article from a web page, via trafilatura."""
    import trafilatura  # slow to import: only when a page is read

    if len(text) > MAX_PAGE_CHARS:
        raise InputError(where, f"web page too large: {len(text):,} characters (the limit is {MAX_PAGE_CHARS:,})")
    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, date_extraction_params=_HTML_DATE_PARAMS
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(where, f"cannot read the HTML: {exc}") from None
    body = getattr(doc, "text", None) or ""
    if is_blank(body):
        raise InputError(where, "empty text (no article text found in the page)")
    if _only_link_words(text, body):
        raise InputError(where, "empty text (no article text found in the page, only its links)")
    if len(body) > MAX_ARTICLE_CHARS:
        raise InputError(where, too_long(len(body)))
    title = strip_blank(getattr(doc, "title", None) or "")
    day = _optional_iso_date(getattr(doc, "date", None)) or _page_date(text, trafilatura.html2txt) or published
    return Article.from_parts(
        doc_id,
        title,
        _without_title_line(body, title),
        day,
        outlet=strip_blank(getattr(doc, "sitename", None) or ""),
        url=getattr(doc, "url", None) or url,
    )


def _only_link_words(html: str, body: str, short: int = 40) -> bool:
    """Whether a short ``body`` is only words of the page's links: trafilatura's last resort
    on a page without an article is its menu."""
    words = body.split()
    if len(words) > short:
        return False
    import lxml.html

    try:
        links = lxml.html.document_fromstring(html).iterfind(".//a")
        link_words = {word for link in links for word in link.text_content().split()}
    except Exception:  # lxml raises several kinds on broken markup; then the body stands
        return False
    return all(word in link_words for word in words)


def _page_date(html: str, to_text: Callable[[str], str]) -> date | None:
    try:
        return visible_date(to_text(html))
    except Exception:  # a failed fallback only leaves the date unknown
        return None


def _without_title_line(body: str, title: str) -> str:
    """``body`` without its first line when that line repeats the title (pages often do)."""
    head, _, rest = body.partition("\n")
    return rest.lstrip("\n") if title and strip_blank(head) == title and not is_blank(rest) else body


def _candidate_date(match: re.Match[str]) -> date | None:
    if match["iy"]:
        return _safe_date(match["iy"], match["im"], match["id"])
    if match["ny"]:
        return _safe_date(match["ny"], match["nm"], match["nd"])
    import dateparser  # slow to import: only when a page has no date metadata

    for month in reversed(match["month"].split("/")):
        parsed = dateparser.parse(
            f"{match['wd']} {month.strip()} {match['wy']}",
            languages=["ar"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"]},
        )
        if parsed is not None:
            return parsed.date()
    return None


def _safe_date(year: str, month: str, day: str) -> date | None:
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if found.year >= 1900 else None


# --------------------------------------------------------------------------- records


def _read_jsonl(
    text: str, where: str, published: date | None, report: ErrorHandler, bad: frozenset[int] = frozenset()
) -> Iterator[Article]:
    """One article per JSON object line; a whole-file JSON array is read item by item."""
    if strip_blank(text[:1024])[:1] == "[":
        if bad:
            raise InputError(where, NOT_UTF8, min(bad))
        yield from _read_json_array(text, where, published, report)
        return
    for number, line in enumerate(io.StringIO(text, newline=""), 1):
        if is_blank(line):
            continue
        if number in bad:
            report(InputError(where, NOT_UTF8 + "; this record is skipped", number))
            continue
        try:
            yield _record_article(_json_object(line), published)
        except _RecordProblem as exc:
            report(InputError(where, str(exc), number))


def _read_json_array(text: str, where: str, published: date | None, report: ErrorHandler) -> Iterator[Article]:
    try:
        items = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(where, f"not valid JSON: {exc}") from None
    if not isinstance(items, list):
        raise InputError(where, "expected one JSON object per line, or an array of objects")
    for number, item in enumerate(items, 1):
        try:
            if not isinstance(item, dict):
                raise _RecordProblem("expected a JSON object")
            yield _record_article(item, published)
        except _RecordProblem as exc:
            report(InputError(where, f"item {number}: {exc}"))


def _json_object(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise _RecordProblem(f"not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise _RecordProblem("expected a JSON object ({...}) on this line")
    return value


def _read_csv(
    text: str, where: str, published: date | None, report: ErrorHandler, bad: frozenset[int] = frozenset()
) -> Iterator[Article]:
    """One article per CSV row; the header must name a ``text`` column."""
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    lines = io.StringIO(text, newline="").readlines()
    try:
        header = [strip_blank(name).lower() for name in next(csv.reader(lines[:1], strict=True), [])]
    except csv.Error as exc:
        raise InputError(where, f"cannot read the CSV header: {exc}", 1) from None
    if "text" not in header:
        raise InputError(where, f"no 'text' column in the CSV header (columns: {', '.join(CSV_COLUMNS)})", 1)
    for start, end, row in _csv_rows(lines, 1, where, report):
        if all(is_blank(cell) for cell in row):
            continue
        if bad and any(start <= line <= end for line in bad):
            report(InputError(where, NOT_UTF8 + "; this row is skipped", min(n for n in bad if n >= start)))
            continue
        try:
            yield _record_article(_csv_record(header, row), published)
        except _RecordProblem as exc:
            report(InputError(where, str(exc), start))


def _csv_rows(lines: list[str], first: int, where: str, report: ErrorHandler) -> Iterator[tuple[int, int, list[str]]]:
    """``(first line, last line, row)`` of each CSV record from line index ``first`` on.

    The reader is strict: a quote that closes and is followed by anything but a comma or a line
    end is an error.  A record that is not well-formed is read leniently when it stays on its
    own line (an unescaped quote inside a field); one that would run on over the next lines (most
    often an unterminated quote, which swallows the rows after it into one field) is reported at
    its own first line, and reading resumes on the line after that, so it costs that record only.
    """
    position = first
    while position < len(lines):
        reader = csv.reader(islice(lines, position, None), strict=True)
        done = 0  # lines of this reader consumed by good records
        try:
            for row in reader:
                yield position + done + 1, position + reader.line_num, row
                done = reader.line_num
            return
        except csv.Error as exc:
            position += done
            lenient, problem = _one_line_record(lines[position])
            if lenient is None:
                report(InputError(where, f"bad CSV row: {problem or exc}", position + 1))
            else:
                yield position + 1, position + 1, lenient
            position += 1


def _one_line_record(line: str) -> tuple[list[str] | None, str]:
    """The lenient reading of ``line`` when it is a whole record by itself, else ``None`` and
    what is wrong with it."""
    try:
        rows = list(csv.reader([line]))
    except csv.Error as exc:
        return None, str(exc)
    if len(rows) != 1 or any("\n" in cell or "\r" in cell for cell in rows[0]):
        return None, ("a quote opened on this line is never closed on it (unterminated quote); "
                      "this row is skipped and the next rows are read")
    return rows[0], ""


def _csv_record(header: list[str], row: list[str]) -> dict[str, str]:
    if len(row) > len(header):
        raise _RecordProblem(f"{len(row)} fields but the header names {len(header)}")
    return dict(zip(header, row, strict=False))


def _record_article(record: Mapping[str, Any], published: date | None) -> Article:
    """An article from a §8 record (JSON object or CSV row)."""
    if record.get("text") is None:
        raise _RecordProblem("missing 'text'")
    body = _field(record, "text")
    if is_blank(body):
        raise _RecordProblem("empty text")
    if len(body) > MAX_ARTICLE_CHARS:
        raise _RecordProblem(too_long(len(body)))
    title, url = _field(record, "title"), _field(record, "url")
    day = _record_date(record.get("published")) or published
    doc_id = _record_id(record.get("id")) or derive_id(url, f"{title}\n\n{body}" if title else body)
    return Article.from_parts(doc_id, title, body, day, outlet=_field(record, "outlet"), url=url)


def _field(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _RecordProblem(f"'{key}' must be a string, not {type(value).__name__}")
    return clean_text(value)  # a JSON escape can carry a NUL or an unpaired surrogate


def _record_id(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _RecordProblem(f"'id' must be a string or a number, not {type(value).__name__}")


def _record_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return _parse_iso_date(value)
        except ValueError:
            pass
    raise _RecordProblem(f"'published' must be YYYY-MM-DD (years {NEWS_YEARS.start}-{NEWS_YEARS.stop - 1}) or null, "
                         f"not {value!r}")


def too_long(chars: int) -> str:
    """The problem of a text longer than :data:`MAX_ARTICLE_CHARS`."""
    return (f"too long for one article: {chars:,} characters (the limit is {MAX_ARTICLE_CHARS:,}); "
            "split it into articles, e.g. one JSON object per line")


def _optional_iso_date(value: str | None) -> date | None:
    try:
        return _parse_iso_date(value) if value else None
    except ValueError:
        return None


#: Publication years Marsad accepts: news, not a typo (year 1 would overflow day arithmetic).
NEWS_YEARS = range(1900, 2201)


def _parse_iso_date(value: str) -> date:
    """``YYYY-MM-DD``, optionally followed by a time, of a year in :data:`NEWS_YEARS`; ValueError otherwise."""
    match = _ISO_DATE.fullmatch(value)
    if match is None or int(match[1]) not in NEWS_YEARS:
        raise ValueError(value)
    return date(int(match[1]), int(match[2]), int(match[3]))

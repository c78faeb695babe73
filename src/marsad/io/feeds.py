"""RSS/Atom feeds and URLs.

Feeds are checked with defusedxml before feedparser sees them: a feed that declares a
DTD or entities (XXE, "billion laughs") is refused with an :class:`InputError`, so no
entity is ever expanded and no local file is ever read.  Each item becomes an
:class:`Article`: its title, its content (else summary) with the HTML stripped by lxml,
its link (the id is derived from it) and its date.

URLs are fetched with httpx (timeouts, a Marsad User-Agent, a size limit) and read like
any other input: a feed gives its items, a web page one article.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import httpx
import lxml.html
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from lxml import etree

from marsad import __version__
from marsad.errors import InputError
from marsad.io.encoding import clean_text, is_blank, strip_blank
from marsad.io.readers import MAX_ARTICLE_CHARS, ErrorHandler, derive_id, read_document, too_long
from marsad.model import Article

USER_AGENT = f"marsad/{__version__} (+https://example.invalid/marsad)"
#: Seconds to connect, and to wait for each read.
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
#: The largest response read (after decompression).
MAX_FETCH_BYTES = 20_000_000
#: The longest a whole download may take (seconds), however steadily the bytes come.
FETCH_DEADLINE = 120.0

_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ROOT_CLOSED = re.compile(r"</(?:rss|feed|rdf:RDF)\s*>\s*$", re.I)
_DTD_MARKUP = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCKS = ("br", "p", "div", "li", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
_SPACES = re.compile(r"[^\S\n]+")
_REFUSED = "refused: the feed declares a DTD or entities, which Marsad does not read (XXE/entity-expansion risk)"


def read_url(url: str, published: date | None, report: ErrorHandler) -> Iterator[Article]:
    """Articles from a URL: a feed's items, or the article of a web page."""
    data = fetch(url)
    yield from read_document(data, url, derive_id(url, ""), published, report, url=url)


def fetch(url: str, *, timeout: httpx.Timeout | float = TIMEOUT, max_bytes: int = MAX_FETCH_BYTES) -> bytes:
    """The body of ``url``; :class:`InputError` on a network error, an HTTP error or too large a body."""
    headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT}
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise InputError(url, f"the server answered HTTP {response.status_code} {response.reason_phrase}")
            return _limited_body(response, url, max_bytes)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, UnicodeError) as exc:
        raise InputError(url, f"could not fetch: {exc or type(exc).__name__}") from None


def _limited_body(response: httpx.Response, url: str, max_bytes: int, deadline: float = FETCH_DEADLINE) -> bytes:
    """The body, refused when it is larger than ``max_bytes`` or takes longer than ``deadline``
    seconds in all (httpx's timeouts bound each read; a server dripping a byte at a time would
    pass them for ever)."""
    chunks: list[bytes] = []
    size = 0
    ends = time.monotonic() + deadline
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(url, f"larger than {max_bytes:,} bytes; not read")
        if time.monotonic() > ends:
            raise InputError(url, f"still downloading after {deadline:.0f} s; not read")
        chunks.append(chunk)
    return b"".join(chunks)


def read_feed(text: str, where: str, published: date | None, report: ErrorHandler) -> Iterator[Article]:
    """One article per feed item; a bad item goes to ``report`` and the others are still read."""
    parsed = _parse_feed(safe_feed_bytes(text, where), where)
    if not parsed.get("version") and not parsed.entries:
        raise InputError(where, "not an RSS or Atom feed")
    outlet = clean_text(strip_blank(parsed.feed.get("title", "")))
    entries = list(parsed.entries)
    if entries and parsed.get("bozo") and not _ROOT_CLOSED.search(text[-256:]):
        # The root element is never closed: the file was cut off, and its last item with it.
        report(InputError(where, f"item {len(entries)}: the feed is cut off inside this item; it is skipped"))
        entries.pop()
    for number, entry in enumerate(entries, 1):
        try:
            yield _entry_article(entry, outlet, published)
        except ValueError as exc:
            report(InputError(where, f"item {number}: {exc}"))


def safe_feed_bytes(text: str, where: str) -> bytes:
    """The feed as UTF-8 bytes, once defusedxml has found no DTD and no entity in it."""
    data = _XML_DECLARATION.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1).encode("utf-8", "replace")
    try:
        fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(where, _REFUSED) from None
    except ParseError:
        if _DTD_MARKUP.search(text):  # not well-formed: only feedparser's lenient parser will read it
            raise InputError(where, _REFUSED) from None
    return data


def _parse_feed(data: bytes, where: str) -> Any:
    try:
        return feedparser.parse(data)
    except Exception as exc:  # feedparser's lenient parsers can fail in many ways on garbage
        raise InputError(where, f"cannot read the feed: {exc}") from None


def _entry_article(entry: Any, outlet: str, published: date | None) -> Article:
    """An article from a feedparser entry; ValueError when it has no text."""
    title = clean_text(strip_blank(_detail_text(entry.get("title_detail"), entry.get("title", ""))))
    body = clean_text(_entry_body(entry))  # a character reference (&#0;) can put a NUL in the text
    if not title and is_blank(body):
        raise ValueError("empty text")
    if len(body) > MAX_ARTICLE_CHARS:
        raise ValueError(too_long(len(body)))
    link = clean_text(entry.get("link", "") or "")
    doc_id = derive_id(link or entry.get("id", "") or "", f"{title}\n\n{body}")
    return Article.from_parts(doc_id, title, body, _entry_date(entry) or published, outlet=outlet, url=link)


def _entry_body(entry: Any) -> str:
    """The longest content of the item, else its summary, as plain text."""
    contents = sorted(entry.get("content") or [], key=lambda c: len(c.get("value", "")), reverse=True)
    if contents:
        return _detail_text(contents[0], contents[0].get("value", ""))
    return _detail_text(entry.get("summary_detail"), entry.get("summary", ""))


def _detail_text(detail: Any, value: str) -> str:
    if detail and detail.get("type") in _HTML_TYPES:
        return html_fragment_text(value)
    return value.strip()


def html_fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (lxml), one line per paragraph or line break."""
    if is_blank(fragment):
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"unreadable HTML content ({exc})") from None
    etree.strip_elements(root, "script", "style", etree.Comment, with_tail=False)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None

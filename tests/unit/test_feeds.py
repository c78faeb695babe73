"""Feeds: RSS/Atom items become Articles; DTDs and entities are refused; URLs come from a local server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marsad import __version__
from marsad.errors import InputError
from marsad.io.feeds import USER_AGENT, fetch, html_fragment_text
from marsad.io.readers import derive_id, iter_articles, read_path
from marsad.model import Article

TITLE = "مقتل ثلاثة مدنيين بقصف على حلب"
BODY = "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف حيا سكنيا في مدينة حلب."
SECRET = "TOP-SECRET-d41d8cd98f00"

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الأنباء</title><link>https://news.example/</link>
<item><title>{TITLE}</title><link>https://news.example/a/1</link>
<pubDate>Tue, 03 Aug 2021 10:00:00 +0300</pubDate>
<description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;فقرة &lt;b&gt;ثانية&lt;/b&gt;&lt;/p&gt;
&lt;script&gt;alert(1)&lt;/script&gt;</description>
</item>
<item><title></title><description></description></item>
<item><title>عنوان بلا تاريخ</title><guid isPermaLink="false">tag:news.example,2021:2</guid>
<description>نص عادي</description></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title><id>urn:x</id><updated>2021-08-04T00:00:00Z</updated>
<entry><title>{TITLE}</title><link href="https://site.example/e/1"/><id>urn:e1</id>
<updated>2021-08-04T08:00:00Z</updated><summary>ملخص قصير</summary>
<content type="html">&lt;div&gt;{BODY}&lt;br&gt;سطر&lt;/div&gt;</content></entry>
</feed>
"""


def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def xxe_feed(secret: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><description>&xxe;</description></item>
</channel></rss>"""


LOLS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
BILLION_LAUGHS = (
    f'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n{LOLS}]>\n'
    '<rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>'
)


def read_all(path: Path) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    return list(read_path(path, on_error=errors.append)), errors


def test_rss_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS)
    articles, errors = read_all(path)
    first, second = articles
    assert first.title == TITLE
    assert first.text == f"{TITLE}\n\n{BODY}\nفقرة ثانية"
    assert first.url == "https://news.example/a/1"
    assert first.id == derive_id("https://news.example/a/1", "")
    assert first.published == date(2021, 8, 3)
    assert first.outlet == "وكالة الأنباء"
    assert second.text == "عنوان بلا تاريخ\n\nنص عادي" and second.published is None
    assert second.id == derive_id("tag:news.example,2021:2", "")
    assert [(e.where, e.problem) for e in errors] == [(str(path), "item 2: empty text")]


def test_atom_content_is_preferred_to_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM)
    ((article,), errors) = read_all(path)
    assert errors == []
    assert article.text == f"{TITLE}\n\n{BODY}\nسطر"
    assert article.url == "https://site.example/e/1" and article.published == date(2021, 8, 4)


def test_legacy_encoded_feed_and_sniffed_kind(tmp_path: Path) -> None:
    path = tmp_path / "feed.dat"  # not a feed suffix: sniffed
    path.write_bytes(RSS.replace('encoding="utf-8"', 'encoding="windows-1256"').encode("cp1256"))
    articles, _ = read_all(path)
    assert articles[0].title == TITLE and BODY in articles[0].text


def test_default_published_date_applies_to_undated_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS)
    dates = [a.published for a in read_path(path, date(2020, 5, 5), on_error=lambda e: None)]
    assert dates == [date(2021, 8, 3), date(2020, 5, 5)]


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>")
    articles, errors = read_all(path)
    assert articles == [] and errors[0].problem == "not an RSS or Atom feed"


@pytest.mark.parametrize("suffix", [".xml", ".rss", ".txt.xml"])
def test_xxe_feed_never_reveals_the_secret(tmp_path: Path, suffix: str) -> None:
    feed = tmp_path / f"evil{suffix}"
    feed.write_text(xxe_feed(secret_file(tmp_path)))
    articles, errors = read_all(feed)
    assert articles == []
    assert len(errors) == 1 and errors[0].where == str(feed)
    assert errors[0].problem.startswith("refused: the feed declares a DTD")
    assert SECRET not in str(errors[0])


def test_malformed_xxe_feed_is_refused_too(tmp_path: Path) -> None:
    feed = tmp_path / "evil.xml"
    feed.write_text(xxe_feed(secret_file(tmp_path)).replace("</channel>", "<unclosed></channel>"))
    with pytest.raises(InputError, match="refused") as caught:
        list(read_path(feed))
    assert SECRET not in str(caught.value)


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    feed = tmp_path / "lol.xml"
    feed.write_text(BILLION_LAUGHS)
    started = time.monotonic()
    with pytest.raises(InputError, match="refused"):
        list(read_path(feed))
    assert time.monotonic() - started < 2


def test_html_fragment_text() -> None:
    assert html_fragment_text("<p>أ <i>ب</i></p><script>x()</script><!-- c --><ul><li>ج</li><li>د</li></ul>") == (
        "أ ب\nج\nد"
    )
    assert html_fragment_text("  ") == ""
    assert html_fragment_text("نص &amp; بلا وسوم") == "نص & بلا وسوم"


# --------------------------------------------------------------------------- URLs (a local server only)

PAGE = f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1><p>{BODY}</p></article></body></html>"
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/feed.xml": (200, "application/rss+xml", RSS.encode()),
    "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/big": (200, "text/plain", b"x" * 5000),
    "/xxe": (200, "application/xml", b""),
}


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/feed.xml")
            self.end_headers()
            return
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the test output
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_feed_url_is_fetched_with_a_marsad_user_agent(server: str) -> None:
    Handler.seen_agents.clear()
    articles = list(iter_articles([f"{server}/feed.xml"], on_error=lambda e: None))
    assert [a.title for a in articles] == [TITLE, "عنوان بلا تاريخ"]
    assert Handler.seen_agents == [USER_AGENT]
    assert USER_AGENT.startswith(f"marsad/{__version__} (+")


def test_redirects_are_followed(server: str) -> None:
    assert len(list(iter_articles([f"{server}/redirect"], on_error=lambda e: None))) == 2


def test_page_url_becomes_one_article(server: str) -> None:
    (article,) = iter_articles([f"{server}/page"])
    assert article.title == TITLE and BODY in article.text
    assert article.url == f"{server}/page" and article.id == derive_id(f"{server}/page", "")


def test_xxe_over_http_is_refused(server: str, tmp_path: Path) -> None:
    ROUTES["/xxe"] = (200, "application/xml", xxe_feed(secret_file(tmp_path)).encode())
    errors: list[InputError] = []
    assert list(iter_articles([f"{server}/xxe"], on_error=errors.append)) == []
    assert errors[0].problem.startswith("refused") and SECRET not in str(errors[0])


def test_http_errors_and_limits_are_input_errors(server: str) -> None:
    with pytest.raises(InputError, match="HTTP 404") as caught:
        fetch(f"{server}/missing")
    assert caught.value.where == f"{server}/missing"
    with pytest.raises(InputError, match="larger than 1,000 bytes"):
        fetch(f"{server}/big", max_bytes=1000)
    assert fetch(f"{server}/big", max_bytes=5000) == b"x" * 5000


def test_unreachable_url_is_an_input_error_and_others_still_read(server: str) -> None:
    errors: list[InputError] = []
    closed = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens there
    articles = list(iter_articles([closed, f"{server}/page"], on_error=errors.append))
    assert len(articles) == 1
    assert errors[0].where == closed and errors[0].problem.startswith("could not fetch")

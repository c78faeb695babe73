"""The dashboard in a real browser (Debian's Chromium driven by Playwright), over a live server.

The store holds the bundled sample plus one hostile article whose text carries a script tag
and an ``onerror`` image: its event must show that markup as inert text.  Skipped only when
``/usr/bin/chromium`` is absent and ``MARSAD_REQUIRE_BROWSER`` is not ``1`` (CI sets it).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import pytest

from marsad.api.app import create_app
from marsad.commands.demo import sample_articles
from marsad.model import Article
from marsad.store import ingest_articles, open_store

pytestmark = pytest.mark.slow  # a headless browser: `pytest -m "not slow"` leaves it out

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
SCRIPT = "<script>window.__xss=1</script>"
IMAGE = '<img src=x onerror="window.__xss=2">'
HOSTILE = Article.from_parts(
    "hostile-1", f"{SCRIPT} مقتل شرطيين بهجوم لداعش غربي الموصل",
    f"{IMAGE} قتل شرطيان وأصيب ثلاثة آخرون، اليوم الأحد، بهجوم شنه عناصر تنظيم داعش على نقطة تفتيش في قضاء تلعفر "
    "غربي الموصل.", date(2021, 8, 1), "Hostile Outlet")
NO_GAP = "#eef0f2"


def _browser_required() -> None:
    """Skip (or, when the browser is required, fail) without Chromium or Playwright."""
    required = os.environ.get("MARSAD_REQUIRE_BROWSER") == "1"
    if not CHROMIUM.exists():
        if required:
            pytest.fail(f"MARSAD_REQUIRE_BROWSER=1 but {CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); MARSAD_REQUIRE_BROWSER=1 fails instead")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if required:
            pytest.fail("MARSAD_REQUIRE_BROWSER=1 but playwright is not installed (pip install -e '.[dev]')")
        pytest.skip("playwright not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live ``marsad serve`` (uvicorn in a thread) over the sample plus the hostile article."""
    _browser_required()
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "dashboard.db"
    with open_store(db) as store:
        ingest_articles(store, [*sample_articles(), HOSTILE])
    port = _free_port()
    app = create_app(str(db), token="")
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page(viewport={"width": 1440, "height": 1000})
        tab.problems = []  # console errors and page errors, CSP violations included
        tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: tab.problems.append(str(e)))
        tab.set_default_timeout(15_000)
        tab.goto(server + "/")
        tab.wait_for_selector("body[data-ready='1']")
        yield tab
        browser.close()


def api(server: str, path: str, **params: Any) -> Any:
    return httpx.get(server + path, params=params, timeout=10).json()


def test_map_draws_districts_shaded_by_gaps_and_event_points(page: Any, server: str) -> None:
    districts = json.loads(resources.files("marsad").joinpath("data/geo/districts.geojson").read_text("utf-8"))
    assert page.locator("path.district").count() == len(districts["features"]) > 50
    events = api(server, "/api/events", limit=1000)["events"]
    located = [e for e in events if e["latitude"] is not None]
    assert page.locator("path.event-point").count() == len(located) > 5
    radius = {e["event_id"]: e["fatalities"] for e in located}
    big = max(radius, key=radius.__getitem__)
    small = min(radius, key=radius.__getitem__)
    size = lambda eid: page.locator(f"path.event-point[data-event-id='{eid}']").bounding_box()["width"]  # noqa: E731
    assert size(big) > size(small)
    keys = {f"{f['properties']['country']}|{f['properties']['admin1']}|{f['properties']['admin2']}"
            for f in districts["features"]}
    shaded = [g for g in api(server, "/api/gaps")["gaps"]
              if g["score"] > 0 and f"{g['country']}|{g['admin1']}|{g['admin2']}" in keys]
    for gap in shaded:
        path = page.locator(f"path.district[data-area='{gap['country']}|{gap['admin1']}|{gap['admin2']}']")
        assert path.get_attribute("fill") != NO_GAP, gap["area"]
    assert page.locator("#timeline svg rect").count() > 0
    assert page.locator("#events-table tbody tr").count() == min(50, len(events))


def test_clicking_an_event_shows_fields_text_and_labelled_evidence(page: Any, server: str) -> None:
    row = page.locator("#events-table tbody tr").filter(has_text="Sky News Arabia").first
    event_id = row.get_attribute("data-event-id")
    row.click()
    page.wait_for_selector("#detail .article-text mark[data-field]")
    detail = api(server, f"/api/events/{event_id}")
    assert page.locator("#detail h3").first.inner_text().startswith(detail["event"]["sub_event_type"])
    assert detail["event"]["notes"] in page.locator("#detail .notes").inner_text()
    for i, article in enumerate(detail["articles"]):
        box = page.locator("#detail .article-text").nth(i)
        assert box.get_attribute("dir") == "rtl" and box.get_attribute("lang") == "ar"
        assert box.text_content() == article["text"]  # every character shown, nothing parsed away
        for field, spans in article["evidence"].items():
            marked = box.locator(f"mark[data-fields~='{field}']").all_text_contents()
            for start, end in spans:
                assert article["text"][start:end] in "".join(marked), (field, start, end)
            labels = box.locator(f"mark[data-label*='{_label(field)}']")
            assert labels.count() >= 1, field
            legend = page.locator("#detail .evidence-legend").nth(i)
            assert legend.locator(f"mark[data-field='{field}']").count() == 1


def _label(field: str) -> str:
    return {"trigger": "Trigger", "actor1": "Actor 1", "actor2": "Actor 2", "location": "Place", "date": "Date",
            "fatalities": "Killed", "injured": "Injured"}[field]


def test_hostile_article_is_shown_as_inert_text(page: Any, server: str) -> None:
    hostile = [e for e in api(server, "/api/events", limit=1000)["events"] if "hostile-1" in e["article_ids"]]
    assert hostile, "the hostile article should give an event"
    page.locator(f"path.event-point[data-event-id='{hostile[0]['event_id']}']").dispatch_event("click")
    page.wait_for_selector("#detail .source[data-article-id='hostile-1'] .article-text mark")
    text = page.locator("#detail .source[data-article-id='hostile-1'] .article-text")
    assert SCRIPT in text.inner_text() and IMAGE in text.inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#detail script, #detail img").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.mouse.move(0, 0)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_no_console_errors_or_csp_violations(page: Any) -> None:
    assert page.problems == []


def test_api_docs_render_offline_under_the_csp(page: Any, server: str) -> None:
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 8
    assert page.problems == []

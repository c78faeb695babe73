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
from datetime import date, timedelta
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
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        tab = context.new_page()
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


def _drawn_points(page: Any) -> tuple[list[str], list[str]]:
    """Ids of the events drawn as points, and of those inside numbered clusters."""
    points = page.eval_on_selector_all("path.event-point", "ps => ps.map(p => p.dataset.eventId)")
    clustered = page.eval_on_selector_all(".cluster-count", "cs => cs.flatMap(c => c.dataset.eventIds.split(' '))")
    return points, clustered


def test_map_draws_districts_shaded_by_gaps_and_event_points(page: Any, server: str) -> None:
    districts = json.loads(resources.files("marsad").joinpath("data/geo/districts.geojson").read_text("utf-8"))
    assert page.locator("path.district").count() == len(districts["features"]) > 50
    events = api(server, "/api/events", limit=1000)["events"]
    located = [e for e in events if e["latitude"] is not None]
    points, clustered = _drawn_points(page)
    assert sorted(points + clustered) == sorted(e["event_id"] for e in located) and len(located) > 5
    assert clustered, "zoomed out, nearby events are grouped"
    assert page.locator(".event-cluster").first.inner_text().isdigit()
    page.evaluate("window.marsad.map.map.setZoom(10)")  # zoomed in: every event is a point
    points, clustered = _drawn_points(page)
    assert not clustered and len(points) == len(located)
    radius = {e["event_id"]: e["fatalities"] for e in located}
    big = max(radius, key=radius.__getitem__)
    small = min(radius, key=radius.__getitem__)
    def size(eid: str) -> float:
        event = next(e for e in located if e["event_id"] == eid)
        page.evaluate(f"window.marsad.map.map.setView([{event['latitude']}, {event['longitude']}], 10)")
        return float(page.locator(f"path.event-point[data-event-id='{eid}']").bounding_box()["width"])

    assert size(big) > size(small)
    page.evaluate("window.marsad.map.zoomToArea({})")
    keys = {f"{f['properties']['country']}|{f['properties']['admin1']}|{f['properties']['admin2']}"
            for f in districts["features"]}
    shaded = [g for g in api(server, "/api/gaps")["gaps"]
              if g["score"] > 0 and f"{g['country']}|{g['admin1']}|{g['admin2']}" in keys]
    for gap in shaded:
        path = page.locator(f"path.district[data-area='{gap['country']}|{gap['admin1']}|{gap['admin2']}']")
        assert path.get_attribute("fill") != NO_GAP, gap["area"]
    assert page.locator("#timeline svg rect.bar").count() > 0
    assert page.locator("#events-table tbody tr").count() == min(50, len(events))


def test_place_labels_are_on_the_first_screen(page: Any) -> None:
    for name in ("Iraq", "Syria"):
        label = page.locator(f".place-label[data-kind='country'][data-name='{name}']")
        label.wait_for(state="visible")
        assert label.text_content() == name
    assert page.locator(".place-label[data-kind='governorate']:visible").count() >= 15
    assert page.locator(".place-label[data-name='Mosul'][data-kind='city']").is_visible()
    box = page.locator(".place-label[data-name='Iraq']").bounding_box()
    assert box["y"] + box["height"] < 1000  # above the fold


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


LABEL_EXTENTS = """box => {
  const limits = box.getBoundingClientRect();
  const probe = document.createElement("span");
  probe.className = "ev-label-probe";
  document.body.append(probe);
  const out = [...box.querySelectorAll("mark[data-label]")].map(mark => {
    probe.textContent = mark.dataset.label;
    const width = probe.getBoundingClientRect().width;
    const piece = mark.getClientRects()[0];
    const before = getComputedStyle(mark, "::before");
    const anchoredRight = before.right === "0px" && before.left !== "0px";  // the CSS decides the side
    const left = anchoredRight ? piece.right - width : piece.left;
    return [mark.dataset.label, left - limits.left, limits.right - (left + width)];
  });
  probe.remove();
  return out;
}"""


def test_evidence_labels_stay_inside_the_article_box(page: Any, server: str) -> None:
    page.set_viewport_size({"width": 900, "height": 1000})
    try:
        for event in api(server, "/api/events", limit=1000)["events"][:8]:
            page.evaluate(f"location.hash = '#event={event['event_id']}'")
            page.locator("#detail .article-text mark[data-label]").first.wait_for()
            page.wait_for_timeout(50)
            for box in page.locator("#detail .article-text").all():
                for label, room_left, room_right in box.evaluate(LABEL_EXTENTS):
                    assert room_left >= -1 and room_right >= -1, (event["event_id"], label, room_left, room_right)
    finally:
        page.evaluate("location.hash = ''")
        page.set_viewport_size({"width": 1440, "height": 1000})


def test_hostile_article_is_shown_as_inert_text_and_hash_routing_works(page: Any, server: str) -> None:
    hostile = [e for e in api(server, "/api/events", limit=1000)["events"] if "hostile-1" in e["article_ids"]]
    assert hostile, "the hostile article should give an event"
    page.evaluate(f"location.hash = '#event={hostile[0]['event_id']}'")  # an edited URL in an open tab
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
    page.evaluate("location.hash = ''")
    page.wait_for_selector("#detail", state="hidden")


def _settled(page: Any) -> None:
    """Wait until the status line reports the events again (a locator wait: the CSP forbids eval)."""
    from playwright.sync_api import expect

    expect(page.locator("#status")).to_contain_text("events")


def _apply(page: Any, **values: str) -> None:
    """Set filter fields and apply them; waits for the new table."""
    form = page.locator("#filters")
    for name, value in values.items():
        field = form.locator(f"[name='{name}']")
        if field.evaluate("f => f.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    with page.expect_response(lambda r: "/api/gaps" in r.url):
        form.locator("button[type='submit']").click()
    _settled(page)


def _reset(page: Any) -> None:
    with page.expect_response(lambda r: "/api/gaps" in r.url):
        page.locator("#filters button[type='reset']").click()
    _settled(page)


def test_filtering_to_a_governorate_zooms_to_it(page: Any) -> None:
    whole = page.evaluate("window.marsad.map.map.getBounds().toBBoxString()")
    _apply(page, admin1="Basra")
    page.wait_for_timeout(400)
    west, south, east, north = map(float, page.evaluate("window.marsad.map.map.getBounds().toBBoxString()").split(","))
    assert west < 47.4 < east and south < 30.4 < north  # Basra's middle is in view
    assert east - west < 6 and north - south < 4, (west, south, east, north, whole)
    assert "admin1=Basra" in page.url
    districts = page.locator(".place-label[data-kind='district']")
    assert districts.count() >= 3 and districts.first.is_visible()  # zoomed in: district names
    _reset(page)


def test_brushing_the_timeline_changes_the_table(page: Any, server: str) -> None:
    before = page.locator("#page-info").inner_text()
    bars = [b for b in page.locator("#timeline svg rect.bar").all() if b.bounding_box()]
    xs = sorted({round(b.bounding_box()["x"] + b.bounding_box()["width"] / 2) for b in bars})
    assert len(xs) >= 3
    y = bars[0].bounding_box()["y"] + 2
    page.mouse.move(xs[0], y)
    page.mouse.down()
    page.mouse.move(xs[len(xs) // 2], y, steps=5)
    with page.expect_response(lambda r: "/api/gaps" in r.url):
        page.mouse.up()
    _settled(page)
    since = page.locator("#filters [name='since']").input_value()
    until = page.locator("#filters [name='until']").input_value()
    assert since and until and since <= until
    expected = api(server, "/api/events", since=since, until=until, limit=1)["total"]
    assert page.locator("#page-info").inner_text() != before
    assert page.locator("#page-info").inner_text().endswith(f"/ {expected}")
    dates = page.locator("#events-table tbody tr td:first-child").all_inner_texts()
    assert dates and all(since <= d <= until for d in dates)
    assert f"since={since}" in page.url and f"until={until}" in page.url
    finer = api(server, "/api/timeline", since=since, until=until)["bin"]
    assert api(server, "/api/timeline")["bin"] == "month" and finer in {"day", "week"}
    assert page.locator("#timeline svg").get_attribute("data-bin") == finer  # the bins follow the new span
    _reset(page)


def test_timeline_labels_do_not_repeat(page: Any) -> None:
    labels = page.locator("#timeline .labels text").all_text_contents()
    assert len(labels) >= 2 and len(labels) == len(set(labels))


def test_a_copied_url_restores_the_filters(page: Any, server: str) -> None:
    _apply(page, country="IRQ", event_type="Explosions/Remote violence")
    url = page.url
    info = page.locator("#page-info").inner_text()
    other = page.context.new_page()
    try:
        other.goto(url)
        other.wait_for_selector("body[data-ready='1']")
        assert other.locator("#filters [name='country']").input_value() == "IRQ"
        assert other.locator("#filters [name='event_type']").input_value() == "Explosions/Remote violence"
        assert other.locator("#page-info").inner_text() == info
        types = set(other.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts())
        assert types and types <= {"Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                    "Remote explosive/landmine/IED", "Grenade", "Chemical weapon"}
    finally:
        other.close()
    _reset(page)


def test_download_menu_gives_acled_csv_of_the_filter(page: Any, server: str, tmp_path: Path) -> None:
    import csv

    from marsad.io.exports import ACLED_COLUMNS

    _apply(page, country="SYR")
    page.locator("#download summary").click()
    with page.expect_download() as info:
        page.locator("#dl-csv").click()
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows[0]) == 31
    assert len(rows) - 1 == api(server, "/api/events", country="SYR", limit=1)["total"] > 0
    assert {r[ACLED_COLUMNS.index("country")] for r in rows[1:]} == {"Syria"}
    for fmt in ("geojson", "parquet"):
        href = page.locator(f"#dl-{fmt}").get_attribute("href")
        assert f"format={fmt}" in href and "country=SYR" in href
        assert httpx.get(server + href, timeout=10).status_code == 200
    page.locator("#download summary").click()
    _reset(page)


def test_gap_window_says_why_and_moves(page: Any, server: str) -> None:
    default = api(server, "/api/gaps")["params"]["at"]
    assert "latest complete window" in page.locator("#gap-note").inner_text()
    assert page.locator("#gap-at").input_value() == default
    with page.expect_response(lambda r: "/api/gaps" in r.url):
        page.locator("#gap-earlier").click()
    page.locator("#gap-note").filter(has_text="the day you chose").wait_for()
    moved = page.locator("#gap-at").input_value()
    assert (date.fromisoformat(default) - date.fromisoformat(moved)).days == 28
    assert f"gap_at={moved}" in page.url
    with page.expect_response(lambda r: "/api/gaps" in r.url):
        page.locator("#gap-later").click()
    from playwright.sync_api import expect

    expect(page.locator("#gap-at")).to_have_value(default)


def test_arabic_toggle_flips_the_layout(page: Any) -> None:
    page.locator("#lang-toggle").click()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.locator("#filters h2").inner_text() == "المرشّحات"
    assert page.locator(".place-label[data-name='Iraq']").text_content() == "العراق"
    assert page.locator("#events-table th").first.inner_text() == "التاريخ"
    sidebar = page.locator(".sidebar").bounding_box()
    content = page.locator(".content").bounding_box()
    assert sidebar["x"] > content["x"]  # mirrored: the filters are on the right
    assert "lang=ar" in page.url
    page.locator("#lang-toggle").click()
    assert page.evaluate("document.documentElement.dir") == "ltr"


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (800, 1000)])
def test_screenshots_and_the_map_above_the_fold(page: Any, server: str, width: int, height: int) -> None:
    tab = page.context.new_page()
    try:
        tab.set_viewport_size({"width": width, "height": height})
        tab.goto(server + "/")
        tab.wait_for_selector("body[data-ready='1']")
        box = tab.locator("#map").bounding_box()
        assert box["y"] < height * 0.45 and box["y"] + box["height"] * 0.6 < height, box
        assert box["width"] <= width
        legend = tab.locator(".legend").bounding_box()
        assert legend["x"] >= box["x"] and legend["x"] + legend["width"] <= box["x"] + box["width"] + 1
        assert tab.locator(".place-label[data-name='Iraq']").is_visible()
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"dashboard-{width}x{height}.png"))
    finally:
        tab.close()


def test_no_console_errors_or_csp_violations(page: Any) -> None:
    assert page.problems == []


def test_api_docs_render_offline_under_the_csp(page: Any, server: str) -> None:
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 8
    assert page.problems == []


def test_tick_labels_never_repeat_over_long_spans(page: Any) -> None:
    """The labelling function itself, over two years of weeks, six of months and a quarter of days."""
    starts = {
        "week": [(date(2018, 1, 1) + timedelta(weeks=i)).isoformat() for i in range(104)],
        "month": [date(2015 + i // 12, i % 12 + 1, 1).isoformat() for i in range(72)],
        "day": [(date(2018, 6, 1) + timedelta(days=i)).isoformat() for i in range(92)],
    }
    for bin_size, series in starts.items():
        for every in (1, 2, 3, 5, 8):
            ticks = page.evaluate(
                "([s, b, e]) => import('/static/js/timeline.js').then(m => m.tickLabels(s, b, e))",
                [series, bin_size, every])
            texts = [tick["text"] for tick in ticks]
            assert len(texts) == len(set(texts)) >= 2, (bin_size, every, texts)
            gaps = [b["index"] - a["index"] for a, b in zip(ticks, ticks[1:], strict=False)]
            assert all(gap >= every for gap in gaps), (bin_size, every, gaps)

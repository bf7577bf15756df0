"""Accessibility in a real browser, on the demo program a first visitor sees (no sign-in):

- axe-core finds no serious or critical violation on any page, in German, English and Persian;
- on a phone (390 px) the longest evidence sentence of the agenda is shown whole, not clipped;
- on a phone the sidebar closes after a page is chosen from it.

One server and one browser for the whole module; pages are visited by clicking the sidebar,
so each language costs one page load. With DASHBOARD_SCREENSHOTS=1 every page is also saved
at 1440 and 390 px as docs/screenshots/pages/<page>_<lang>_<width>.png for the README.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_FLAGS, SHOTS, SHOTS_ENV, dashboard_server

from dashboard import db
from dashboard.views import demo

pytestmark = pytest.mark.browser
LANGS = ("de", "en", "fa")
# url path of every page a demo visitor reaches (the Admin page needs an admin account)
PAGES = ("attention", "supporter", "program", "network", "import", "programs",
         "data-dictionary", "settings", "setup")  # fmt: skip
DESKTOP, PHONE = {"width": 1440, "height": 1000}, {"width": 390, "height": 844}
# A phone's user agent: Streamlit closes the sidebar after navigation on mobile devices only.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
BLOCKING = {"serious", "critical"}
# Streamlit's own page list puts its section titles (<div>) straight into the <ul> of links,
# which axe reports as `list`/`listitem`; the app cannot change that markup (no JavaScript).
# The page list is checked once per language with every other rule, the pages without it.
NAV = "[data-testid=stSidebarNavItems]"
NAV_MARKUP_RULES = {"list": {"enabled": False}, "listitem": {"enabled": False}}
SHOT_MAX_HEIGHT = 2400  # px: long pages are cut there to keep the README's images small


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Runs the dashboard on a database holding the demo program; yields its URL."""
    folder = tmp_path_factory.mktemp("a11y")
    con = db.connect(folder / "demo.duckdb")
    assert demo.ensure_demo(con)
    con.close()
    with dashboard_server(folder / "demo.duckdb", folder / "console.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def _settled(page) -> None:  # noqa: ANN001
    """Waits until the page's script run has finished drawing (no running indicator)."""
    page.get_by_role("heading", level=1).first.wait_for()
    page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget]')"
        " && !document.querySelector('[data-stale=true]')"
    )
    page.wait_for_timeout(300)  # charts render a moment after the script ends
    # Elements fade in (and stale ones out) with CSS transitions; axe measuring contrast in
    # the middle of one reports a pale colour that no reader ever sees once it has settled.
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect?.getComputedTiming().iterations === Infinity)",
        timeout=10_000,
    )


def _go(page, path: str) -> None:  # noqa: ANN001
    page.locator(f"[data-testid=stSidebarNav] a[href$='/{path}']").click()
    page.wait_for_url(f"**/{path}*")
    _settled(page)


def _blocking(axe, page, **run: dict) -> list[str]:  # noqa: ANN001
    """Returns 'rule (impact): element' for every serious or critical axe violation."""
    found = axe.run(page, **run).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {node['target']}"
        for v in found
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]


def _shoot(page, name: str) -> None:  # noqa: ANN001
    """Saves the page at desktop and phone width (only with DASHBOARD_SCREENSHOTS=1)."""
    if os.environ.get(SHOTS_ENV) != "1":
        return
    from PIL import Image  # Pillow comes with Streamlit; 256 colours keep the files small

    folder = SHOTS / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.wait_for_timeout(800)  # the layout and the charts follow the new width
        height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": size["width"], "height": min(height, SHOT_MAX_HEIGHT)})
        page.wait_for_timeout(500)
        png = Image.open(io.BytesIO(page.screenshot()))
        png.quantize(colors=256).save(folder / f"{name}_{size['width']}.png", optimize=True)
    page.set_viewport_size(DESKTOP)


def test_axe_finds_no_serious_violation_on_any_page(server: str, browser) -> None:  # noqa: ANN001
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems: dict[str, list[str]] = {}
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(60_000)
    for lang in LANGS:
        page.goto(f"{server}/?lang={lang}")
        _settled(page)
        nav = _blocking(
            axe, page, context={"include": [[NAV]]}, options={"rules": NAV_MARKUP_RULES}
        )
        if nav:
            problems[f"page list ({lang})"] = nav
        for path in PAGES:
            if path != "attention":
                _go(page, path)
            found = _blocking(axe, page, context={"exclude": [[NAV]]})
            if found:  # on a loaded machine a chart or table may still be fading in: look again
                page.wait_for_timeout(2000)
                _settled(page)
                found = _blocking(axe, page, context={"exclude": [[NAV]]})
            if found:
                problems[f"{path} ({lang})"] = found
            _shoot(page, f"{path}_{lang}")
    context.close()
    assert problems == {}


def _phone(browser):  # noqa: ANN001, ANN202
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, user_agent=PHONE_AGENT
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def test_the_longest_evidence_sentence_is_shown_whole_on_a_phone(server: str, browser) -> None:  # noqa: ANN001
    context, page = _phone(browser)
    page.goto(f"{server}/?lang=en")
    _settled(page)
    cells = page.locator("table.dash-table td.dash-wide")
    cells.first.wait_for()  # the tables are drawn after the heading, in the same run
    texts = cells.all_text_contents()
    assert len(texts) >= 20  # the demo agenda: every signal names its evidence
    longest = cells.nth(max(range(len(texts)), key=lambda i: len(texts[i])))
    longest.scroll_into_view_if_needed()
    box = longest.bounding_box()
    fits = longest.evaluate(
        "e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"
    )
    context.close()
    assert len(max(texts, key=len)) > 100  # long enough to be cut in a narrow column
    assert fits, "the sentence overflows its cell"
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_the_sidebar_closes_after_choosing_a_page_on_a_phone(server: str, browser) -> None:  # noqa: ANN001
    context, page = _phone(browser)
    page.goto(f"{server}/?lang=en")
    _settled(page)
    sidebar = page.locator("[data-testid=stSidebar]")
    page.get_by_test_id("stExpandSidebarButton").click()
    page.wait_for_function(
        "document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().width > 200"
    )
    _go(page, "network")
    page.wait_for_function(
        "document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 0"
    )
    box = sidebar.bounding_box()
    context.close()
    assert box is not None and box["x"] + box["width"] <= 0  # off screen: the page is readable

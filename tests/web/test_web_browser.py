"""A real headless Chromium (Debian's `chromium` and `chromium-driver`, driven by Selenium) on
the pages of the seed pair: search, a facet click, the cable, a REF link, the article and its
related documents, the background form (pasted and uploaded); screenshots go to
test-output/screenshots/. Skipped, with the reason, where Chromium is not installed (`.ci/run`
installs it)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.support import ROOT, SEED_ARTICLE, LiveServer

CHROMIUM = "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = ROOT / "test-output" / "screenshots"

pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM),
                       reason="needs Debian's chromium at /usr/bin/chromium:"
                              " apt-get install chromium chromium-driver"),
    pytest.mark.skipif(not os.path.exists(DRIVER),
                       reason="needs chromedriver: apt-get install chromium-driver"),
]

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
         "--hide-scrollbars")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1280,1000")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _shot(browser: Any, name: str) -> Path:
    """A screenshot of the whole page (the window grown to the page's height)."""
    width = browser.execute_script("return window.innerWidth")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    size = browser.get_window_size()
    browser.set_window_size(size["width"], min(max(height, 600), 6000))
    path = SHOTS / f"{name}.png"
    browser.save_screenshot(str(path))
    browser.set_window_size(size["width"], size["height"])
    assert path.stat().st_size > 5000 and width > 0
    return path


def _problems(browser: Any) -> list[str]:
    """Console errors, such as Content-Security-Policy refusals or failed loads."""
    return [entry["message"] for entry in browser.get_log("browser")
            if entry["level"] == "SEVERE"]


def _no_sideways_scroll(browser: Any) -> None:
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = browser.execute_script(
        "const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
        "'body *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5)"
        ".map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px: {wide}"


def test_search_and_a_facet_click(browser: Any, live_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live_server.url + "/search?q=AQIM")
    assert "of" in browser.find_element(By.ID, "results-h").text
    _shot(browser, "search")
    before = browser.find_element(By.ID, "results-h").text
    facet = browser.find_element(By.CSS_SELECTOR, 'a[data-facet="tag"]')
    value = facet.find_element(By.CLASS_NAME, "facet-value").text
    count = facet.find_element(By.CLASS_NAME, "count").text
    facet.click()
    WebDriverWait(browser, 10).until(lambda b: f"tag%3A{value}" in b.current_url)
    heading = browser.find_element(By.ID, "results-h").text
    assert heading != before and f"of {count} documents" in heading
    assert browser.find_element(By.CSS_SELECTOR, 'a.chosen[data-facet="tag"]')
    _shot(browser, "search-facet")
    assert not _problems(browser)


def test_cable_page_notes_on_focus_and_a_ref_link(browser: Any, live_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live_server.url + "/documents/09BAMAKO387")
    assert "President Toure Ready" in browser.find_element(By.TAG_NAME, "h1").text
    _shot(browser, "cable")
    term = browser.find_element(By.CSS_SELECTOR, ".cable-header .term-word")
    tip = browser.find_element(By.ID, term.get_attribute("aria-describedby"))
    assert not tip.is_displayed()
    browser.execute_script("arguments[0].focus()", term)
    assert tip.is_displayed() and tip.text
    _shot(browser, "cable-note")
    assert not _problems(browser)

    browser.get(live_server.url + "/documents/08MANAMA536")
    link = browser.find_element(By.CSS_SELECTOR, 'a.ref[href="/documents/08MANAMA253"]')
    link.click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/documents/08MANAMA253"))
    back = browser.find_element(By.CSS_SELECTOR, 'a.ref[href="/documents/08MANAMA536"]')
    assert back.is_displayed()  # cited by: linked the other way
    _shot(browser, "cable-ref")


def test_article_page_and_related(browser: Any, live_server: LiveServer,
                                  seed_article_id: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{live_server.url}/documents/{seed_article_id}")
    assert browser.find_element(By.TAG_NAME, "h1").text == "STUTTGART, Germany"
    assert not browser.find_elements(By.CSS_SELECTOR, ".quote")  # not enriched: no quotations
    _shot(browser, "article")
    related = browser.find_element(By.CSS_SELECTOR, '.related a[href="/documents/09BAMAKO387"]')
    related.click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/documents/09BAMAKO387"))
    assert not _problems(browser)


def test_the_background_form_pasted_and_uploaded(browser: Any,
                                                live_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def submit_and_find_the_cable() -> None:
        browser.find_element(By.CSS_SELECTOR, "form.background button[type=submit]").click()
        WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "found-h"))
        hit = browser.find_element(By.CSS_SELECTOR,
                                   '.background-hits a[href="/documents/09BAMAKO387"]')
        assert hit.is_displayed()
        why = browser.find_element(By.CSS_SELECTOR, '[data-id="09BAMAKO387"] .reason').text
        assert "terms: mali, malian, touré, aqim, maghreb (lexical #3)" in why

    browser.get(live_server.url + "/background")
    box = browser.find_element(By.ID, "bg-text")
    browser.execute_script("arguments[0].value = arguments[1]", box,  # a paste, at once
                           SEED_ARTICLE.read_text("utf-8"))
    box.send_keys(" AQIM")
    submit_and_find_the_cable()
    assert "AQIM" in browser.find_element(By.ID, "bg-text").get_attribute("value")
    _shot(browser, "background")

    browser.get(live_server.url + "/background")
    browser.find_element(By.ID, "bg-file").send_keys(str(SEED_ARTICLE))
    submit_and_find_the_cable()
    assert not _problems(browser)


def test_article_quotes_of_the_enrichment(browser: Any, enriched_server: LiveServer,
                                          seed_article_id: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{enriched_server.url}/documents/{seed_article_id}")
    assert browser.find_elements(By.CSS_SELECTOR, ".quote")
    assert browser.find_elements(By.CSS_SELECTOR, "a.speaker")
    _shot(browser, "article-quotes")
    assert not _problems(browser)


@pytest.mark.parametrize("width", [375, 320])
def test_small_screens_and_zoom_reflow(browser: Any, live_server: LiveServer,
                                       seed_article_id: str, width: int) -> None:
    """A phone (375px) and 400% zoom of a 1280px window (320 CSS px) both reflow."""
    size = browser.get_window_size()
    browser.set_window_size(width, 900)
    try:
        for name, path in (("search", "/search?q=AQIM"), ("cable", "/documents/09BAMAKO387"),
                           ("article", f"/documents/{seed_article_id}"),
                           ("background", "/background")):
            browser.get(live_server.url + path)
            _shot(browser, f"{name}-{width}px")
            _no_sideways_scroll(browser)
    finally:
        browser.set_window_size(size["width"], size["height"])


def test_keyboard_reaches_search_and_results(browser: Any, live_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live_server.url + "/search")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Skip to content"
    box = browser.find_element(By.ID, "q")
    box.send_keys('"choir boys"', Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "choir" in b.current_url)
    first = browser.find_element(By.CSS_SELECTOR, ".hit h3 a")
    assert first.get_attribute("href").endswith("/documents/09BAMAKO387")


def test_entity_timeline_and_map_pages(browser: Any, enriched_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(enriched_server.url + "/documents/09BAMAKO387")
    link = browser.find_element(By.CSS_SELECTOR, '.cable-text a.entity[href$="toumani-toure"]')
    link.click()
    WebDriverWait(browser, 10).until(lambda b: "/entities/person:" in b.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Amadou Toumani Touré"
    assert browser.find_element(By.CSS_SELECTOR, "svg.chart").is_displayed()
    _shot(browser, "entity")
    browser.get(enriched_server.url + "/timeline")
    browser.find_element(By.CSS_SELECTOR, 'figcaption a[href*="year=2009"]').click()
    WebDriverWait(browser, 10).until(lambda b: "year=2009" in b.current_url)
    assert "2009" in browser.find_element(By.TAG_NAME, "h1").text
    _shot(browser, "timeline")
    browser.get(enriched_server.url + "/map")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map circle")
    loaded = browser.execute_script(
        "return fetch('/static/world.svg').then(r => r.status)")
    assert loaded == 200
    _shot(browser, "map")
    assert not _problems(browser)


def test_map_zooms_and_timeline_pages_in_a_browser(browser: Any,
                                                   enriched_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(enriched_server.url + "/map")
    browser.find_element(By.CSS_SELECTOR, 'a[aria-label="Zoom the map to Tessalit"]').click()
    WebDriverWait(browser, 10).until(lambda b: "zoom=4" in b.current_url)
    svg = browser.find_element(By.CSS_SELECTOR, "svg.map")
    assert svg.get_dom_attribute("viewBox") == "272.02 94.6 180 90"
    circles = browser.find_elements(By.CSS_SELECTOR, "svg.map circle")
    assert circles and all(c.is_displayed() for c in circles)
    browser.find_element(By.CSS_SELECTOR, "a.zoom-in").click()
    WebDriverWait(browser, 10).until(lambda b: "zoom=8" in b.current_url)
    assert browser.find_element(By.CSS_SELECTOR, "svg.map").get_dom_attribute("viewBox") \
        == "317.02 117.1 90 45"
    _shot(browser, "map-zoomed")
    browser.get(enriched_server.url + "/timeline?limit=5")
    assert "1–5 shown" in browser.find_element(By.CSS_SELECTOR, "p.lead").text
    browser.find_element(By.CSS_SELECTOR, 'a[rel="next"]').click()
    WebDriverWait(browser, 10).until(lambda b: "offset=5" in b.current_url)
    assert "6–10 shown" in browser.find_element(By.CSS_SELECTOR, "p.lead").text
    times = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "ol.events time")]
    assert times == ["13 June 2009", "2012", "19 March 2012 – 25 March 2012",
                     "19 March 2012 – 25 March 2012", "22 March 2012"]
    _shot(browser, "timeline-page-2")
    assert not _problems(browser)


def test_mentions_toggle_marks_the_names(browser: Any, enriched_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By

    browser.get(enriched_server.url + "/documents/09BAMAKO387")
    mali = browser.find_element(By.CSS_SELECTOR, '.cable-text a.entity[href$="place:mali"]')

    def underlined() -> bool:
        line = browser.execute_script(
            "return getComputedStyle(arguments[0]).textDecorationLine", mali)
        return "underline" in line

    assert not underlined()
    browser.find_element(By.CSS_SELECTOR, "label.mentions-toggle").click()
    assert underlined()
    _shot(browser, "cable-mentions-marked")
    browser.find_element(By.CSS_SELECTOR, "label.mentions-toggle").click()
    assert not underlined()


@pytest.fixture
def correcting_server(enriched_seeds: str, tmp_path: Path) -> Iterator[LiveServer]:
    """A server with a token over a copy of the enriched seed pair, to correct its entities."""
    from tests.conftest import copy_archive
    from tests.web.support import TOKEN

    from cablewire.settings import Settings
    from cablewire.web import create_app

    app = create_app(Settings.resolve(env={}, db=copy_archive(enriched_seeds, tmp_path)),
                     token=TOKEN)
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()
    app.state.web.close()


def test_a_merge_made_in_the_entity_page_form_shows_on_the_page(
        browser: Any, correcting_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from tests.web.support import TOKEN

    browser.get(correcting_server.url + "/entities/organization:chatham-house")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Chatham House"
    form = browser.find_element(By.CSS_SELECTOR, "form.correction.merge")
    form.find_element(By.NAME, "into").send_keys("Jamestown Foundation")
    form.find_element(By.NAME, "by").send_keys("Ana")
    form.find_element(By.NAME, "note").send_keys("one think tank")
    form.find_element(By.NAME, "token").send_keys(TOKEN)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith(
        "/entities/organization:jamestown-foundation"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Jamestown Foundation"
    assert browser.find_element(By.CSS_SELECTOR, ".byline").text == "Also written: Chatham House"
    listed = browser.find_element(By.CSS_SELECTOR, "li.correction").text
    assert listed.startswith("USER CORRECTION #1 ")  # the label is set in capitals
    assert ("Ana: merge organization:chatham-house into organization:jamestown-foundation"
            " — one think tank") in listed
    _shot(browser, "entity-corrected")
    # The mentions page, one click away, shows the merged entity's mentions in their sentences.
    browser.find_element(By.CSS_SELECTOR, "#docs-h a").click()
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/mentions"))
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".mentions mark")]
    assert sorted(marks) == ["Chatham House", "Chatham House", "Jamestown Foundation"]
    assert not _problems(browser)

"""End to end in a real headless Chromium (Debian's chromium + chromium-driver, via Selenium):
the seeds store, filtered by an actor, an event with its highlighted evidence, an actor with
its timeline and network. Set EVENTSCRIBE_SCREENSHOTS=docs/screenshots to refresh the README's
pictures."""
import contextlib
import os
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import uvicorn
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

import hostile_store
from eventscribe.web.app import create_app
from eventscribe.web.guard import CONTENT_SECURITY_POLICY

CHROMIUM, DRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"


@contextlib.contextmanager
def _serving(db):
    """The app over `db` in a real server on a free loopback port; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    web = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not web.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        web.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(seeds_db):
    with _serving(seeds_db) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return hostile_store.build(tmp_path_factory.mktemp("hostile-browser"))


@pytest.fixture(scope="module")
def hostile_server(hostile_db):
    with _serving(hostile_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.fail("Chromium not found: `apt-get install chromium chromium-driver` (.ci/run does this)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    yield driver
    driver.quit()


def _shoot(driver, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("EVENTSCRIBE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}.png"))


def _no_console_errors(driver) -> None:
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def test_explore_the_seeds_in_a_browser(server, browser, tmp_path):
    wait = WebDriverWait(browser, 15)
    browser.get(server + "/events")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert len(rows) > 5
    _shoot(browser, "events", tmp_path)
    _no_console_errors(browser)

    actor_box = browser.find_element(By.NAME, "actor")
    actor_box.send_keys("Lavrentyev")
    actor_box.submit()
    wait.until(ready.url_contains("actor=Lavrentyev"))
    filtered = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert 0 < len(filtered) < len(rows)
    assert all("Lavrent" in row.text for row in filtered)

    browser.find_element(By.CSS_SELECTOR, "a.event-link").click()
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "blockquote.evidence mark.trigger")))
    marks = browser.find_elements(By.CSS_SELECTOR, "blockquote.evidence mark.trigger")
    assert marks and all(mark.text.strip() for mark in marks)
    _shoot(browser, "event", tmp_path)
    _no_console_errors(browser)

    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "ul.participants a.actor-link") if "Lavrent" in a.text)
    link.click()
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#timeline svg circle.mark")))
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#network svg g.node")))
    nodes = browser.find_elements(By.CSS_SELECTOR, "#network svg g.node")
    assert len(nodes) >= 2 and browser.find_elements(By.CSS_SELECTOR, "#network svg line.link")
    browser.execute_script("document.getElementById('timeline').scrollIntoView()")
    _shoot(browser, "actor", tmp_path)
    _no_console_errors(browser)

    other = next(node for node in nodes if "centre" not in node.get_attribute("class"))
    here = browser.current_url
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", other)
    wait.until(lambda driver: driver.current_url != here and "/actors/" in driver.current_url)

    browser.get(server + "/timeline")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#timeline svg circle.mark")))
    _shoot(browser, "timeline", tmp_path)
    _no_console_errors(browser)

    browser.get(server + "/map")
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#map path.leaflet-interactive")))
    _shoot(browser, "map", tmp_path)
    _no_console_errors(browser)


def _event_with_script_url(db) -> str:
    from eventscribe.store import Store
    with Store(db, read_only=True) as store:
        return next(e["event_id"] for e in store.query_events()
                    if any(m["url"] == hostile_store.SCRIPT_URL for m in e["mentions"]))


def _no_alert(driver) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text


def test_javascript_source_url_is_no_link_and_runs_nothing(hostile_server, hostile_db, browser):
    with urllib.request.urlopen(hostile_server + "/events") as response:     # the real server sends the policy
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    browser.get(hostile_server + "/events/" + _event_with_script_url(hostile_db))
    WebDriverWait(browser, 15).until(ready.presence_of_element_located((By.CSS_SELECTOR, "span.source-url")))
    assert not browser.find_elements(By.CSS_SELECTOR, 'a[href^="javascript" i], a[href^="data" i], a[href^="vbscript" i]')
    schemes = browser.execute_script("return Array.from(document.links, a => a.protocol)")
    assert set(schemes) <= {"http:", "https:"}
    shown = browser.find_element(By.CSS_SELECTOR, "span.source-url")
    assert shown.text == hostile_store.SCRIPT_URL
    shown.click()
    time.sleep(0.3)
    _no_alert(browser)
    assert browser.current_url.startswith(hostile_server + "/events/")
    _no_console_errors(browser)

    # Were markup ever to slip through, the policy still stops it: an inline handler never runs.
    browser.execute_script("document.body.insertAdjacentHTML('beforeend',"
                           " '<img src=\"/nowhere.png\" onerror=\"document.title=\\'ran\\'; alert(3)\">')")
    time.sleep(0.5)
    _no_alert(browser)
    assert browser.title != "ran"
    refused = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert refused, "the browser reported no blocked inline handler"


def test_hostile_reports_map_and_pages_keep_a_quiet_console(hostile_server, browser):
    wait = WebDriverWait(browser, 15)
    for path in ("/events", "/actors", "/timeline"):
        browser.get(hostile_server + path)
        _no_console_errors(browser)
    browser.get(hostile_server + "/map")
    place = '#map path.leaflet-interactive[stroke="#b3261e"]'     # a place marker, not a country outline
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, place)))
    marker = browser.find_element(By.CSS_SELECTOR, place)
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker)
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".leaflet-popup-content a")))
    href = browser.find_element(By.CSS_SELECTOR, ".leaflet-popup-content a").get_attribute("href")
    assert href.startswith((hostile_server + "/events?", hostile_server + "/events/"))   # its events, or its one event
    _no_console_errors(browser)


def test_the_overview_counts_charts_and_sorts_in_a_browser(server, browser, tmp_path):
    wait = WebDriverWait(browser, 15)
    browser.get(server + "/events")
    bars = browser.find_elements(By.CSS_SELECTOR, "#over-time svg a.bar rect")
    assert bars and all(bar.get_attribute("data-period") for bar in bars)
    counts = {section: browser.find_elements(By.CSS_SELECTOR, f"#{section} li")
              for section in ("by-type", "by-actor", "by-country")}
    assert all(counts.values()), counts
    _no_console_errors(browser)

    # clicking a bar lists the events of its period
    tallest = max(bars, key=lambda bar: int(bar.get_attribute("data-events")))
    period, expected = tallest.get_attribute("data-period"), int(tallest.get_attribute("data-events"))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", tallest)
    wait.until(ready.url_contains("since=" + period))
    dates = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "table.events a.event-link")]
    assert len(dates) == expected and all(d.startswith(period) for d in dates)

    # a column header sorts the list: most reports first
    browser.get(server + "/events")
    browser.find_element(By.LINK_TEXT, "Sources").click()
    wait.until(ready.url_contains("sort=sources"))
    sources = [int(row.find_elements(By.TAG_NAME, "td")[4].text) for row in
               browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")]
    assert sources == sorted(sources, reverse=True) and sources[0] > sources[-1]

    # a type in the counts filters the list to it
    browser.get(server + "/events")
    first_type = browser.find_element(By.CSS_SELECTOR, "#by-type li a")
    chosen = first_type.text
    first_type.click()
    wait.until(ready.url_contains("type=" + chosen))
    assert {row.find_elements(By.TAG_NAME, "td")[1].text.split()[0] for row in
            browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")} == {chosen}

    # the actor page lists the actor's events
    browser.get(server + "/events")
    browser.find_element(By.CSS_SELECTOR, "#by-actor li a").click()
    wait.until(ready.url_contains("actor="))
    listed = len(browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr"))
    browser.find_element(By.CSS_SELECTOR, "table.events a.actor-link").click()
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "table.actor-events")))
    assert browser.find_elements(By.CSS_SELECTOR, "table.actor-events tbody tr a.event-link")
    _no_console_errors(browser)
    assert listed >= 1


def test_the_map_has_no_stripes_and_shades_countries_by_count(server, browser, tmp_path):
    browser.get(server + "/map")
    wait = WebDriverWait(browser, 15)
    outline = '#map path.leaflet-interactive[stroke="#8a8f98"]'
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, outline)))
    wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".map-legend .legend-row")))
    # the map opens at zoom 2: the world is 1024 pixels wide, so no outline may span half of it
    widths = browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]), p => p.getBBox().width)", outline)
    assert len(widths) > 150 and max(widths) <= 512 + 4, max(widths)
    fills = browser.execute_script("return Array.from(document.querySelectorAll(arguments[0]), p => p.getAttribute('fill'))",
                                   outline)
    assert len(set(fills)) >= 2 and "#f4f3ef" in fills     # countries with events shaded, the rest plain
    _shoot(browser, "map", tmp_path)
    _no_console_errors(browser)


@pytest.fixture(scope="module")
def outlier_server(seeds_db, tmp_path_factory):
    """The seeds with one event dated decades before the rest, as a misread year makes."""
    import sqlite3
    copy = tmp_path_factory.mktemp("outlier") / "seeds.db"
    shutil.copy(seeds_db, copy)
    with sqlite3.connect(copy) as raw:
        raw.execute("UPDATE events SET date = '1962-05-01', date_precision = 'day' WHERE event_id ="
                    " (SELECT event_id FROM events WHERE date IS NOT NULL ORDER BY event_id LIMIT 1)")
    with _serving(copy) as url:
        yield url


def test_the_timeline_axis_spans_the_bulk_of_the_events(outlier_server, browser, tmp_path):
    browser.get(outlier_server + "/timeline")
    WebDriverWait(browser, 15).until(ready.presence_of_element_located((By.CSS_SELECTOR, "#timeline svg circle.mark")))
    ticks = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#timeline .axis .tick text") if t.text.strip()]
    years = [int(t) for t in ticks if t.isdigit()]
    assert ticks and all(year >= 2010 for year in years), ticks        # 1962 does not stretch the axis
    listed = browser.find_elements(By.CSS_SELECTOR, "ul.outliers li")
    assert len(listed) == 1 and listed[0].text.startswith("1962-05-01")
    assert "outside" in browser.find_element(By.CSS_SELECTOR, "p.note").text
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline .legend .legend-item")
    _shoot(browser, "timeline", tmp_path)
    _no_console_errors(browser)

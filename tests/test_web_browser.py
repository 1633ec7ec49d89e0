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
    assert browser.find_element(By.CSS_SELECTOR, ".leaflet-popup-content a").get_attribute("href").startswith(
        hostile_server + "/events?place=")
    _no_console_errors(browser)

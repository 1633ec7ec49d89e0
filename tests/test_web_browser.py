"""End to end in a real headless Chromium (Debian's chromium + chromium-driver, via Selenium):
the seeds store, filtered by an actor, an event with its highlighted evidence, an actor with
its timeline and network. Set EVENTSCRIBE_SCREENSHOTS=docs/screenshots to refresh the README's
pictures."""
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from eventscribe.web.app import create_app

CHROMIUM, DRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def server(seeds_db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    web = uvicorn.Server(uvicorn.Config(create_app(seeds_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not web.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    web.should_exit = True
    thread.join(timeout=10)


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

"""The demo in a real headless browser: `xunke demo`, the phone page, onboarding, a prospect.

Needs Debian's chromium and chromium-driver (.ci/run installs them and fails if this skips).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
XUNKE = str(Path(sys.executable).with_name("xunke"))
CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
SHOTS = os.environ.get("XUNKE_DEMO_SCREENSHOTS")  # a folder: also save phone-width screenshots
WAIT = 120  # seconds; generous: CI machines run the suite on two busy cores
needs_browser = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="BROWSER: no chromium/chromedriver installed (apt-get install chromium chromium-driver)")


@pytest.fixture
def demo_url(tmp_path: Path) -> Iterator[str]:
    """A running `xunke demo` on a free port; its URL."""
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path}/unused.db"\n')
    env = {k: v for k, v in os.environ.items() if k != "XUNKE_BOT__TOKEN"}
    proc = subprocess.Popen([XUNKE, "--config", str(cfg), "run", "--or-demo", "--port", "0",
                             "--prospects", "60"], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("No bot token configured: starting the demo"), first
        line = proc.stdout.readline()
        found = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
        assert found, line
        yield found[1]
    finally:
        proc.terminate()
        proc.wait(20)


@pytest.fixture
def browser() -> Iterator[object]:
    """Headless chromium at phone width."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=400,860",
                "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER or ""), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@needs_browser
def test_onboard_log_a_prospect_and_press_buttons(demo_url: str, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    wait = WebDriverWait(browser, WAIT)

    def chat_has(text: str) -> None:
        wait.until(lambda d: text in d.find_element(By.ID, "messages").text,
                   f"{text!r} never appeared")

    def press(label: str) -> None:
        """The newest message's inline button whose text contains ``label``."""
        xpath = f"(//div[@class='keyboard']//button[contains(., '{label}')])[last()]"
        wait.until(ec.element_to_be_clickable((By.XPATH, xpath))).click()

    browser.get(demo_url)
    wait.until(ec.element_to_be_clickable((By.XPATH, "//nav/button[contains(., 'New rep')]")))
    shot(browser, "demo-start")
    browser.find_element(By.XPATH, "//nav/button[contains(., 'New rep')]").click()
    wait.until(ec.element_to_be_clickable((By.ID, "start-button"))).click()
    chat_has("欢迎您")  # onboarded through the invite deep link
    chat_has("主菜单")
    press("新客户")
    chat_has("新客户")
    box = browser.find_element(By.ID, "text")
    box.send_keys("张伟\n")
    chat_has("张伟 的电话号码")
    shot(browser, "demo-new-prospect")
    press("保存")
    chat_has("已保存")  # the same message was edited in place by the bot
    shot(browser, "demo-saved")
    bubbles = browser.find_elements(By.CSS_SELECTOR, "#messages .msg:not(.mine)")
    assert any("<b>" in (b.get_attribute("innerHTML") or "") for b in bubbles)  # HTML kept


def shot(driver: object, name: str) -> None:
    """Save a screenshot when XUNKE_DEMO_SCREENSHOTS names a folder (for docs/)."""
    if SHOTS:
        driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))  # type: ignore[attr-defined]

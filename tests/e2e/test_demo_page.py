"""The demo in a real headless browser: `make run` without a token, the phone page, and every
flow of the main menu used from it by three personas and in the group chat.

Needs Debian's chromium and chromium-driver (.ci/run installs them and fails if this skips).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from bot.demo.fakeapi import DEFAULT_TOKEN

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
def browser() -> Iterator[Any]:
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


NEWER = """return [...document.querySelectorAll('#messages .msg')]
  .filter((m) => +m.dataset.id >= arguments[0]).map((m) => m.innerText).join('\\n');"""
NEWEST = "return Math.max(0, ...[...document.querySelectorAll('#messages .msg')]" \
         ".map((m) => +m.dataset.id));"


class Phone:
    """The page in the browser, used as a person would. Every step waits for the page's change
    counter (``body[data-version]``, set after each redraw) to move past its value before the
    step, and for the expected texts in the messages the step touched or brought (so a stale
    copy higher up, or a reminder the bot pushes meanwhile, changes nothing)."""

    def __init__(self, driver: Any, url: str) -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        self.d, self.url = driver, url
        self.wait = WebDriverWait(driver, WAIT, ignored_exceptions=[StaleElementReferenceException])

    def version(self) -> int:
        """The page's change counter (-1 until the open chat is drawn)."""
        value = self.d.find_element(By.TAG_NAME, "body").get_attribute("data-version")
        return int(value) if value else -1

    def step(self, action: Callable[[], object], since: int, *expected: str) -> None:
        """Do something, then wait for a redraw after it whose messages from id ``since`` on
        show every ``expected`` text."""
        before = self.version()
        action()
        self.wait.until(lambda d: self.version() > before and all(
            text in d.execute_script(NEWER, since) for text in expected),
            f"{expected} never showed in messages from #{since} on")

    def newest(self) -> int:
        """The newest message id in the open chat (0 when empty)."""
        return int(self.d.execute_script(NEWEST))

    def button(self, label: str) -> Any:
        """The newest inline button whose text contains ``label``."""
        xpath = f"(//div[@class='keyboard']//button[contains(., '{label}')])[last()]"
        return self.wait.until(ec.element_to_be_clickable((By.XPATH, xpath)))

    def press(self, label: str, *expected: str) -> None:
        """Press an inline button; the bot answers by editing that message or sending more."""
        found = self.button(label)
        since = int(found.find_element(By.XPATH, "ancestor::div[@data-id]").get_attribute(
            "data-id"))
        self.step(found.click, since, *expected)

    def type(self, text: str, *expected: str) -> None:
        """Type into the composer and send."""
        box = self.d.find_element(By.ID, "text")
        self.step(lambda: box.send_keys(text + "\n"), self.newest() + 1, *expected)

    def be(self, tab: str) -> None:
        """Switch to a persona or the group: a fresh chat view, drawn once the counter is back."""
        self.d.find_element(By.XPATH, f"//nav/button[contains(., '{tab}')]").click()
        self.wait.until(lambda _: self.version() >= 0, f"{tab} never drew")

    def start(self, *expected: str) -> None:
        """A persona's first contact: the START button."""
        button = self.wait.until(ec.element_to_be_clickable((By.ID, "start-button")))
        self.step(button.click, 1, *expected)

    def attach(self, kind: str, path: Path | None, *expected: str) -> None:
        """The attachment menu's choices: a photo or a file from disk (given to the hidden file
        input its buttons open: a headless browser has no file dialog), or the location."""
        def send() -> None:
            if path is None:
                self.d.find_element(By.ID, "attach").click()
                self.wait.until(ec.element_to_be_clickable((By.ID, "send-location"))).click()
            else:
                self.d.find_element(By.ID, f"{kind}-input").send_keys(str(path))
        self.step(send, self.newest() + 1, *expected)


@needs_browser
def test_every_main_menu_flow_from_the_page(demo_url: str, browser: Any, tmp_path: Path
                                            ) -> None:
    """One browser session: three personas and the group chat, every menu flow, media, files,
    a location, URL and copy buttons, an edit and a deletion."""
    phone = Phone(browser, demo_url)
    browser.get(demo_url)
    phone.wait.until(lambda _: phone.version() >= 0)
    shot(browser, "demo-start")
    _new_rep_onboards_and_logs_a_prospect_and_a_visit(phone, tmp_path)
    _rep_imports_searches_and_opens_screens(phone, tmp_path)
    _bot_buttons_edits_and_deletions_render(phone, _personas(demo_url)["rep"])
    _manager_sees_the_team_and_binds_the_group(phone)


def _new_rep_onboards_and_logs_a_prospect_and_a_visit(phone: Phone, tmp_path: Path) -> None:
    phone.be("New rep")
    phone.start("欢迎您", "主菜单")  # onboarded through the invite deep link
    phone.press("新客户", "请发送姓名")
    phone.type("张伟", "张伟 的电话号码")
    shot(phone.d, "demo-new-prospect")
    phone.press("保存", "已保存")  # the same message, edited in place by the bot
    shot(phone.d, "demo-saved")
    bubbles = phone.d.find_elements(By.CSS_SELECTOR, "#messages .msg:not(.mine)")
    assert any("<b>" in (b.get_attribute("innerHTML") or "") for b in bubbles)  # HTML kept
    phone.press("完成", "今天要做什么")
    phone.press("记录拜访", "选择客户")
    phone.press("张伟", "结果如何")  # today, face to face: the defaults of the short flow
    phone.press("无人接听", "照片：否 · 位置：否")  # the last screen: notes, photo, location
    photo = tmp_path / "shopfront.png"
    photo.write_bytes(phone.d.get_screenshot_as_png())
    phone.attach("photo", photo, "照片：是 · 位置：否")
    phone.attach("location", None, "照片：是 · 位置：是", "📍 31.2304, 121.4737")
    assert phone.d.find_elements(By.CSS_SELECTOR, "#messages .msg.mine img[alt=photo]")
    shot(phone.d, "demo-visit-notes")
    phone.press("保存", "已保存与 张伟 的拜访")


def _rep_imports_searches_and_opens_screens(phone: Phone, tmp_path: Path) -> None:
    phone.be(" (rep)")
    phone.start("今天要做什么")
    leads = tmp_path / "leads.csv"
    leads.write_text("姓名,电话,公司\n钱多多,13912345678,多多贸易\n孙小美,13887654321,\n",
                     encoding="utf-8")
    phone.attach("file", leads, "📄 leads.csv", "可新建：2")
    phone.press("导入 2", "导入完成：新建 2 个客户")
    phone.press("完成", "今天要做什么")
    phone.press("搜索", "请输入姓名")
    phone.type("钱多多", "找到 1 个")
    phone.press("钱多多 ·", "电话：+8613912345678", "负责人")  # the card
    shot(phone.d, "demo-card")
    phone.type("/start", "今天要做什么")
    phone.press("每月贺卡", "每月贺卡，")
    phone.press("返回", "今天要做什么")
    phone.press("客户引荐", "最佳引荐人")
    phone.press("返回", "今天要做什么")


def _bot_buttons_edits_and_deletions_render(phone: Phone, rep: int) -> None:
    """No menu flow shows a URL button and the greetings' copy button needs a due card (a date),
    so these go out as the bot would send them, through the stand-in's Bot API."""
    keyboard = {"inline_keyboard": [[{"text": "Map", "url": "https://example.org/map"},
                                     {"text": "Copy wording", "copy_text": {"text": "新年快乐"}}]]}
    sent: dict[str, Any] = {}
    phone.step(lambda: sent.update(_bot_api(phone.url, "sendMessage", chat_id=rep,
                                            text="<b>Links</b> here", parse_mode="HTML",
                                            reply_markup=keyboard)), phone.newest() + 1,
               "Links here")
    assert phone.button("Map").get_attribute("data-kind") == "url"
    phone.button("Map").click()
    alert = phone.wait.until(ec.alert_is_present())
    assert "https://example.org/map" in alert.text
    alert.dismiss()  # nothing leaves the machine
    phone.button("Copy wording").click()
    phone.wait.until(lambda d: "Copied" in d.find_element(By.ID, "toast").text)
    phone.step(lambda: _bot_api(phone.url, "editMessageText", chat_id=rep,
                                message_id=sent["message_id"], text="Links, changed"),
               sent["message_id"], "Links, changed", "edited")
    assert not phone.d.find_elements(By.XPATH, "//button[contains(., 'Copy wording')]")
    _bot_api(phone.url, "deleteMessage", chat_id=rep, message_id=sent["message_id"])
    phone.wait.until(lambda d: not d.find_elements(
        By.XPATH, f"//div[@data-id='{sent['message_id']}']"), "the deleted message stayed")


def _manager_sees_the_team_and_binds_the_group(phone: Phone) -> None:
    phone.be("(manager)")
    phone.start("团队与邀请")  # only a manager's menu has it
    phone.press("团队与邀请", "选择一个团队")
    phone.be("👥")
    phone.type("/bind", "日报群")  # the group becomes the team's digest chat
    shot(phone.d, "demo-group")


def _personas(url: str) -> dict[str, int]:
    """The page's personas by role (the second rep under "new")."""
    with urllib.request.urlopen(f"{url}demo/setup", timeout=WAIT) as answer:
        setup = json.load(answer)
    found = {"group": setup["group"]["id"]}
    for p in setup["personas"]:
        found["new" if p["role"] in found else p["role"]] = p["user_id"]
    return found


def _bot_api(url: str, method: str, **params: Any) -> Any:
    """Call the stand-in Bot API as the demo bot does (it checks the call against the spec)."""
    request = urllib.request.Request(f"{url}bot{DEFAULT_TOKEN}/{method}",
                                     json.dumps(params).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=WAIT) as answer:
        return json.load(answer)["result"]


def shot(driver: Any, name: str) -> None:
    """Save a screenshot when XUNKE_DEMO_SCREENSHOTS names a folder (for docs/)."""
    if SHOTS:
        driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))

"""axe-core (shipped inside axe-selenium-python) finds no critical or serious
violation on the main pages, at desktop and phone widths."""

from __future__ import annotations

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import LiveServer, sign_in

MAIN_PAGES = [
    "/sign-in",
    "/meetings",
    "/meetings/calendar?month=2021-12",
    "/tasks",
    "/api/docs",
]


def _serious(driver: webdriver.Chrome) -> list[str]:
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results["violations"]
        if v["impact"] in ("critical", "serious")
    ]


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_main_pages_have_no_serious_accessibility_violation(
    live_server: LiveServer, browser: webdriver.Chrome, path: str
) -> None:
    sign_in(browser, live_server, "secretary")
    browser.get(f"{live_server.url}{path}")
    assert _serious(browser) == []


def test_record_pages_have_no_serious_accessibility_violation(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "leader")
    browser.get(f"{live_server.url}/meetings")
    meeting = browser.find_element("css selector", ".card a").get_attribute("href")
    browser.get(str(meeting))
    assert _serious(browser) == []
    browser.get(f"{live_server.url}/tasks")
    task = browser.find_element("css selector", "table.tasks a").get_attribute("href")
    browser.get(str(task))
    assert _serious(browser) == []


def test_the_api_docs_draw_the_operations_offline(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "viewer")
    browser.get(f"{live_server.url}/api/docs")
    WebDriverWait(browser, 15).until(
        lambda d: d.find_elements("css selector", ".swagger-ui .opblock")
    )

"""A leader follows a task back to the meeting and the speaker who issued it."""

from __future__ import annotations

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.browser.conftest import LiveServer, click_and_wait, sign_in


def test_leader_reaches_the_meeting_and_speaker_of_a_task_in_two_clicks(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "leader")
    browser.get(f"{live_server.url}/tasks?as_of=2022-06-30")
    Select(browser.find_element(By.ID, "status")).select_by_value("done_on_time")
    click_and_wait(
        browser, browser.find_element(By.CSS_SELECTOR, "form.filters button")
    )
    task = browser.find_element(By.PARTIAL_LINK_TEXT, "Kế hoạch công tác năm 2022")
    click_and_wait(browser, task)
    assert (
        "Hoàn thành đúng hạn" in browser.find_element(By.CLASS_NAME, "status-line").text
    )
    chain = browser.find_element(By.CLASS_NAME, "chain")
    click_and_wait(browser, chain.find_element(By.CSS_SELECTOR, ".chain-speech a"))
    speech = browser.find_element(By.CSS_SELECTOR, ".speech:target")
    assert "Hồ Quang Bửu" in speech.text  # the speaker, on the meeting's page
    assert "Quảng Nam" in browser.find_element(By.TAG_NAME, "h1").text


def test_the_tracker_filters_to_overdue(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "leader")
    browser.get(f"{live_server.url}/tasks")
    Select(browser.find_element(By.ID, "status")).select_by_value("overdue")
    click_and_wait(
        browser, browser.find_element(By.CSS_SELECTOR, "form.filters button")
    )
    badges = browser.find_elements(By.CSS_SELECTOR, "table.tasks .badge")
    assert badges and all(b.text == "Chưa hoàn thành, quá hạn" for b in badges)

"""Journeys through the meeting page's points and a speech's corrections, and a
leader superseding a task, in a real browser (no JavaScript needed for any)."""

from __future__ import annotations

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.browser.conftest import LiveServer, click_and_wait, sign_in


def _type(driver: webdriver.Chrome, field_id: str, text: str) -> None:
    field = driver.find_element(By.ID, field_id)
    field.clear()
    field.send_keys(text)


def _submit(driver: webdriver.Chrome, form: str) -> None:
    click_and_wait(
        driver, driver.find_element(By.CSS_SELECTOR, f"{form} [type=submit]")
    )


def _open(driver: webdriver.Chrome, summary: str) -> None:
    driver.find_element(By.XPATH, f"//summary[contains(., '{summary}')]").click()


def _serious(driver: webdriver.Chrome) -> list[str]:
    """axe-core's critical and serious violations on the page shown."""
    axe = Axe(driver)
    axe.inject()
    return [
        f"{v['id']}: {v['help']}"
        for v in axe.run()["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def _row(driver: webdriver.Chrome, name: str) -> str:
    return str(
        driver.find_element(
            By.XPATH, f"//table[@class='points']//tr[td[1][contains(., '{name}')]]"
        ).text
    )


def test_a_secretary_connects_a_point_and_records_who_attended_there(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "secretary")
    browser.get(f"{live_server.url}/meetings/new")
    _type(browser, "title", "Hội nghị trực tuyến kiểm tra điểm cầu")
    browser.execute_script(
        "document.getElementById('starts_at').value = '2099-03-01T08:00';"
    )
    _submit(browser, "main form")
    names = "UBND tỉnh Quảng Nam\nUBND huyện Duy Xuyên\nUBND huyện Núi Thành"
    browser.find_element(By.ID, "points-names").send_keys(names)
    browser.find_element(By.ID, "points-first_is_host").click()
    _submit(browser, "form[action$='/points']")
    assert "chưa kết nối" in _row(browser, "Duy Xuyên")

    click_and_wait(
        browser,
        browser.find_element(
            By.XPATH, "//button[@aria-label='Kết nối UBND huyện Duy Xuyên']"
        ),
    )
    assert "đang kết nối" in _row(browser, "Duy Xuyên")
    assert "1 đang kết nối" in browser.find_element(By.ID, "points").text
    click_and_wait(
        browser,
        browser.find_element(
            By.XPATH, "//button[@aria-label='Ngắt kết nối UBND huyện Duy Xuyên']"
        ),
    )
    assert "đã ngắt lúc" in _row(browser, "Duy Xuyên")

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "UBND huyện Núi Thành"))
    assert "chưa kết nối" in browser.find_element(By.CLASS_NAME, "facts").text
    assert _serious(browser) == []  # the point's page and its form
    Select(browser.find_element(By.ID, "attendance-person_ids")).select_by_visible_text(
        "Hồ Quang Bửu, Phó Chủ tịch UBND tỉnh"
    )
    _type(browser, "attendance-attendee_count", "-5")
    _submit(browser, "form[action$='/attendance']")
    error = browser.find_element(By.ID, "attendance-attendee_count-error")
    assert error.is_displayed()  # beside the field, what was typed still there
    assert (
        browser.find_element(By.ID, "attendance-attendee_count").get_attribute("value")
        == "-5"
    )
    _type(browser, "attendance-attendee_count", "24")
    _submit(browser, "form[action$='/attendance']")
    row = _row(browser, "Núi Thành")
    assert "24" in row and "Hồ Quang Bửu" in row
    assert _serious(browser) == []  # the rows' links and buttons


def test_a_secretary_corrects_a_speech_and_reads_the_original_beside_it(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "secretary")
    browser.get(f"{live_server.url}/tasks")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "table.tasks a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".chain-speech a"))
    speech = browser.find_element(By.CSS_SELECTOR, ".speech:target")
    click_and_wait(browser, speech.find_element(By.CSS_SELECTOR, "a.speech-link"))
    original = browser.find_element(By.ID, "correct-text").get_attribute("value")
    _type(browser, "correct-text", "Nội dung đã đính chính theo băng ghi âm.")
    _submit(browser, "form[action$='/correct']")
    assert browser.find_element(By.ID, "correct-reason-error").is_displayed()
    _type(browser, "correct-reason", "Sửa theo băng ghi âm")
    _submit(browser, "form[action$='/correct']")
    current = browser.find_element(By.ID, "current").text
    assert "Nội dung đã đính chính theo băng ghi âm." in current
    if original:
        assert original.split()[0] in browser.find_element(By.ID, "original").text
    corrections = browser.find_element(By.ID, "corrections").text
    assert "Sửa theo băng ghi âm" in corrections and "Cán bộ secretary" in corrections
    assert _serious(browser) == []


def test_a_leader_supersedes_a_task_by_pasting_the_new_tasks_address(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "leader")
    browser.get(f"{live_server.url}/tasks?status=overdue")
    task_links = "table.tasks a[href*='/tasks/']"
    old = str(browser.find_element(By.CSS_SELECTOR, task_links).get_attribute("href"))
    browser.get(f"{live_server.url}/tasks")
    new = next(
        href
        for link in browser.find_elements(By.CSS_SELECTOR, task_links)
        if (href := str(link.get_attribute("href"))) != old
    )
    browser.get(old)
    _open(browser, "Thay thế bằng nhiệm vụ khác")
    _type(browser, "supersede-by_assignment_id", new)
    _type(browser, "supersede-reason", "Giao lại theo kết luận mới")
    Select(
        browser.find_element(By.ID, "supersede-authority-document_kind")
    ).select_by_value("Công văn")
    _type(browser, "supersede-authority-document_number", "415/UBND-KGVX")
    _submit(browser, "form[action$='/supersede']")
    assert "Được thay thế bởi" in browser.find_element(By.CLASS_NAME, "facts").text
    assert not browser.find_elements(By.ID, "actions")

"""Whole journeys in a real browser: a secretary records a meeting and its conclusion,
the officer follows the task up, the leader decides and traces it, a viewer only
reads, and two secretaries editing one meeting lose nothing."""

from __future__ import annotations

from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.browser.conftest import LiveServer, chrome, click_and_wait, sign_in

CONCLUSION = Path(__file__).parents[1] / "functional" / "data"
QUANG_NAM = (CONCLUSION / "quang-nam-2021-12-10-conclusion.txt").read_text(
    encoding="utf-8"
)


def _submit(driver: webdriver.Chrome, form: str) -> None:
    click_and_wait(
        driver, driver.find_element(By.CSS_SELECTOR, f"{form} [type=submit]")
    )


def _open(driver: webdriver.Chrome, summary: str) -> None:
    """Open the <details> whose summary reads ``summary``."""
    driver.find_element(By.XPATH, f"//summary[contains(., '{summary}')]").click()


def _set(driver: webdriver.Chrome, field_id: str, value: str) -> None:
    """Set a date or time input as its picker would (locale-independent)."""
    driver.execute_script(
        "document.getElementById(arguments[0]).value = arguments[1];", field_id, value
    )


def _type(driver: webdriver.Chrome, field_id: str, text: str) -> None:
    field = driver.find_element(By.ID, field_id)
    field.clear()
    field.send_keys(text)


def test_secretary_records_a_meeting_and_the_officer_and_leader_follow_it_up(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "secretary")
    browser.get(f"{live_server.url}/meetings/new")
    _type(browser, "title", "Hội nghị chuyển đổi số quý IV")
    Select(browser.find_element(By.ID, "format")).select_by_value("online")
    _set(browser, "starts_at", "2021-12-10T08:00")
    _submit(browser, "main form")
    meeting_url = browser.current_url

    names = "\n".join(
        ["UBND tỉnh Quảng Nam"] + [f"UBND xã số {n}" for n in range(1, 160)]
    )
    browser.find_element(By.ID, "points-names").send_keys(names)
    browser.find_element(By.ID, "points-first_is_host").click()
    _submit(browser, "form[action$='/points']")
    assert "(160)" in browser.find_element(By.ID, "points").text

    _open(browser, "Thêm người chủ trì")
    chair = Select(browser.find_element(By.ID, "chair-person_id"))
    chair.select_by_visible_text("Hồ Quang Bửu, Phó Chủ tịch UBND tỉnh")
    _submit(browser, "form[action$='/chair']")
    _open(browser, "Nhập thời điểm khai mạc")  # recorded after the fact
    _set(browser, "open-opened_at", "2021-12-10T08:00")
    _submit(browser, "form[action$='/open']")

    recording = browser.current_url
    page = browser.find_element(By.TAG_NAME, "html")
    for number in range(1, 6):  # five speeches, live: each appears without a reload
        search = browser.find_element(By.ID, "speaker-search")
        search.clear()
        search.send_keys("ho quang")  # no diacritics
        WebDriverWait(browser, 5).until(
            expected_conditions.text_to_be_present_in_element(
                (By.ID, "speech-form-speaker_id"), "Hồ Quang Bửu"
            )
        )
        kind = "conclusion" if number == 5 else "discussion"
        Select(browser.find_element(By.ID, "speech-kind")).select_by_value(kind)
        # Recorded after the fact: the meeting was on 10/12/2021.
        _set(browser, "speech-spoken_at", f"2021-12-10T{8 + number:02d}:00")
        text = browser.find_element(By.ID, "speech-text")
        text.send_keys(f"Ý kiến số {number}")
        text.send_keys(Keys.ENTER)  # Enter saves
        WebDriverWait(browser, 5).until(
            lambda d, n=number: (
                len(d.find_elements(By.CSS_SELECTOR, "#speech-list .speech")) == n
            )
        )
    assert browser.current_url == recording  # never reloaded
    assert page.is_displayed()  # the same document: no page was loaded

    meeting_url = meeting_url.split("?")[0]
    browser.get(f"{meeting_url}/conclusion")
    browser.execute_script(
        "document.getElementById('text').value = arguments[0];", QUANG_NAM
    )
    _submit(browser, "main form")
    for _round in range(10):  # register every agency the directory lacks
        unknown = browser.find_elements(By.CSS_SELECTOR, "form.agency-choice")
        if not unknown:
            break
        form = unknown[0]
        name = form.find_element(By.NAME, "name").get_attribute("value")
        if (
            name == "Sở Thông tin và Truyền thông"
        ):  # the province's own, by its short name
            Select(form.find_element(By.NAME, "same_as")).select_by_visible_text(
                "Sở Thông tin và Truyền thông tỉnh Quảng Nam"
            )
        click_and_wait(browser, form.find_element(By.CSS_SELECTOR, "[type=submit]"))
    assert not browser.find_elements(By.CSS_SELECTOR, "form.agency-choice")
    deadline = browser.find_element(By.ID, "items-1-tasks-0-deadline")
    browser.execute_script("arguments[0].value = '2022-01-31';", deadline)  # corrected
    _submit(browser, "form[action$='/conclusion/confirm']")
    assert "Đã ban hành kết luận" in browser.page_source

    _open(browser, "Ban hành Thông báo kết luận")
    _type(browser, "notice-number", "25/TB-UBND")
    _submit(browser, "form[action$='/notice']")
    _submit(browser, "form[action$='/close']")
    assert "Đã kết thúc" in browser.find_element(By.CLASS_NAME, "facts").text
    task = browser.find_element(By.CSS_SELECTOR, "#item-2 table.tasks a").get_attribute(
        "href"
    )

    sign_in(browser, live_server, "agency_officer")
    browser.get(live_server.url + "/")
    assert str(task).split("/")[-1] in browser.page_source  # the new task, at home
    browser.get(str(task))
    progress = {"progress-percent": "50", "progress-note": "Đã có dự thảo"}
    for summary, form, fields in (
        ("Tiếp nhận nhiệm vụ", "acknowledge", {}),
        ("Báo cáo tiến độ", "progress", progress),
    ):
        _open(browser, summary)
        for field, value in fields.items():
            _type(browser, field, value)
        _submit(browser, f"form[action$='/{form}']")
    _complete_with_a_report(browser)
    assert "Hoàn thành" in browser.find_element(By.CLASS_NAME, "status-line").text
    _follow_the_report_to_its_page(browser, str(task))


def _complete_with_a_report(browser: webdriver.Chrome) -> None:
    """The officer reports completion with the report that proves it; sent first
    without its number, it is refused beside that field, with the rest kept."""
    _open(browser, "Báo cáo hoàn thành")
    _type(browser, "complete-evidence", "Kế hoạch số 12/KH-STTTT đã ban hành")
    Select(browser.find_element(By.ID, "complete-document-kind")).select_by_value(
        "Báo cáo"
    )
    _set(browser, "complete-document-date", "2022-01-20")
    _submit(browser, "form[action$='/complete']")
    error = browser.find_element(By.ID, "complete-document-number-error")
    assert error.text == "Nhập số, ký hiệu văn bản."
    kept = browser.find_element(By.ID, "complete-document-date")
    assert kept.get_attribute("value") == "2022-01-20"
    _type(browser, "complete-document-number", "15/BC-STTTT")
    _submit(browser, "form[action$='/complete']")
    assert "Đã báo cáo hoàn thành" in browser.page_source


def _follow_the_report_to_its_page(browser: webdriver.Chrome, task: str) -> None:
    """The task page shows the report; its registry page lists the task it proves."""
    shown = browser.find_element(By.CSS_SELECTOR, "#completions .evidence-document")
    assert "Báo cáo số 15/BC-STTTT" in shown.text and "20/01/2022" in shown.text
    click_and_wait(browser, shown.find_element(By.TAG_NAME, "a"))
    assert "15/BC-STTTT" in browser.find_element(By.TAG_NAME, "h1").text
    proves = browser.find_element(
        By.XPATH, "//section[h2='Minh chứng hoàn thành nhiệm vụ']"
    )
    link = proves.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href") == task
    assert "Sở Thông tin và Truyền thông" in proves.text  # whose completion


def test_leader_extends_a_task_citing_a_cong_van_then_traces_it(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "leader")
    browser.get(f"{live_server.url}/tasks?status=overdue")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "table.tasks a"))
    _open(browser, "Gia hạn")
    _set(browser, "extend-deadline", "2099-12-31")
    _type(browser, "extend-reason", "Theo đề nghị của cơ quan chủ trì")
    Select(
        browser.find_element(By.ID, "extend-authority-document_kind")
    ).select_by_value("Công văn")
    _type(browser, "extend-authority-document_number", "301/UBND-KGVX")
    _submit(browser, "form[action$='/extend']")
    assert "31/12/2099" in browser.page_source
    meeting = browser.find_element(By.CSS_SELECTOR, ".chain-meeting a")
    title = meeting.text
    click_and_wait(browser, meeting)
    assert browser.find_element(By.TAG_NAME, "h1").text == title


def test_a_viewer_sees_no_action_and_a_forged_post_is_refused(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "viewer")
    browser.get(f"{live_server.url}/tasks")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "table.tasks a"))
    assert not browser.find_elements(By.ID, "actions")
    task_url = browser.current_url
    browser.execute_script(
        """const form = document.createElement('form');
        form.method = 'post'; form.action = arguments[0] + '/acknowledge';
        document.body.appendChild(form); form.submit();""",
        task_url,
    )
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("/acknowledge"))
    assert "Không mở được trang" in browser.page_source  # 400: no CSRF token


def test_two_secretaries_edit_one_meeting_and_the_second_is_told(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    sign_in(browser, live_server, "secretary")
    browser.get(f"{live_server.url}/meetings/new")
    _type(browser, "title", "Họp giao ban chuyển đổi số")
    _set(browser, "starts_at", "2099-02-01T09:00")
    _submit(browser, "main form")
    meeting_url = browser.current_url
    second = chrome()
    try:
        sign_in(second, live_server, "secretary")
        second.get(meeting_url)
        _open(browser, "Thêm người chủ trì")
        _submit(browser, "form[action$='/chair']")  # the first one writes
        _open(second, "Thêm người chủ trì")
        _submit(second, "form[action$='/chair']")  # the second, from an older page
        assert "đã thay đổi hồ sơ này" in second.page_source
        assert second.find_element(By.ID, "chair-person_id")  # the form is still there
    finally:
        second.quit()

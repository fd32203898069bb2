"""The meeting page's carry-over section: a secretary reviews the open tasks."""

from __future__ import annotations

import re

from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.support import Api
from tests.functional.test_carry_over import committee, earlier_meetings, schedule


def test_a_secretary_puts_open_tasks_on_the_agenda_from_the_meeting_page(
    api: Api, sign_in: SignIn
) -> None:
    of = committee(api)
    one, two, three = earlier_meetings(api, of)
    review = schedule(api, of, "2022-01-10")
    secretary = sign_in("secretary", of.committee_id)
    api.project()
    page = f"/meetings/{review}"
    html = secretary.get(page).get_data(as_text=True)
    assert "Rà soát nhiệm vụ còn mở" in html
    form = re.search(r'id="carry-over".*?</section>', html, re.S)
    assert form is not None
    version = re.search(r'id="carry-over-version"[^>]*value="(\d+)"', form.group(0))
    assert version is not None
    answer = secretary.post(
        f"{page}/open-task-reviews",
        data={"csrf_token": csrf_token(form.group(0)), "version": version.group(1)},
    )
    assert answer.status_code == 303
    assert answer.headers["Location"].endswith(f"{page}#carry-over")
    shown = secretary.get(page).get_data(as_text=True)
    assert "Đã đưa 2 nhiệm vụ còn mở vào chương trình." in shown
    section = re.search(r'id="carry-over".*?</section>', shown, re.S)
    assert section is not None
    for task_id in (one, three):
        assert f'href="/tasks/{task_id}"' in section.group(0)
    assert f'href="/tasks/{two}"' not in section.group(0)
    assert "Chưa hoàn thành, trong hạn" in section.group(0)


def test_a_viewer_sees_the_reviewed_tasks_but_no_button(
    api: Api, sign_in: SignIn
) -> None:
    of = committee(api)
    earlier_meetings(api, of)
    review = schedule(api, of, "2022-01-10")
    api.project()
    api.ok(f"/api/v1/meetings/{review}/open-task-reviews")
    viewer = sign_in("viewer", of.committee_id)
    html = viewer.get(f"/meetings/{review}").get_data(as_text=True)
    assert "Nhiệm vụ một" in html and "Nhiệm vụ ba" in html
    assert "open-task-reviews" not in html

"""Completing a task from its page with the report that proves it: the task's page
and the document's page show it; bad input is refused beside its field."""

from __future__ import annotations

from uuid import uuid4

import pytest

from tests.functional.pages.conftest import SignIn, csrf_token
from tests.functional.pages.task_support import issued_task, post_action, task_events
from tests.functional.support import Api

EVIDENCE = "Đã ban hành kế hoạch, gửi kèm báo cáo"


def _number() -> str:
    """A report's number of this test only (the registry is shared on PostgreSQL)."""
    return f"{uuid4().int % 10_000}/BC-STTTT-{uuid4().hex[:6].upper()}"


def test_an_officer_completes_with_a_report_shown_on_the_task_and_document_pages(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    number = _number()
    refused = post_action(
        officer,
        task_id,
        "complete",
        agency_id=meeting.department_id,
        evidence=EVIDENCE,
        **{
            "document-kind": "Báo cáo",
            "document-number": number,
            "document-date": "2022-01-10",
        },
    )
    assert refused == ""
    task = api.get(f"/api/v1/assignments/{task_id}").get_json()
    [completion] = task["completions"]
    assert completion["evidence"] == EVIDENCE
    assert completion["document"]["kind"] == "Báo cáo"
    assert completion["document"]["number"] == number
    assert completion["document"]["date"] == "2022-01-10"
    api.project()

    page = officer.get(f"/tasks/{task_id}").get_data(as_text=True)
    assert 'id="completions"' in page
    assert f'<a href="/documents/{number}">Báo cáo số {number}</a>' in page
    assert "10/01/2022" in page and EVIDENCE in page

    document = officer.get(f"/documents/{number}")
    assert document.status_code == 200
    html = document.get_data(as_text=True)
    proves = html.split("Minh chứng hoàn thành nhiệm vụ", 1)[1]
    assert f'href="/tasks/{task_id}"' in proves
    assert "Xây dựng kế hoạch chuyển đổi số năm 2022" in proves


def test_an_address_in_the_evidence_opens_as_a_link_and_the_form_is_gone(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    address = "https://stttt.quangnam.gov.vn/ke-hoach-cds-2022"
    evidence = f"Đăng tại {address}."
    stored = post_action(
        officer, task_id, "complete", agency_id=meeting.department_id, evidence=evidence
    )
    assert stored == ""
    page = officer.get(f"/tasks/{task_id}").get_data(as_text=True)
    link = f'<a href="{address}" rel="noopener noreferrer nofollow">{address}</a>'
    assert f"Đăng tại {link}.</p>" in page
    assert "Văn bản chứng minh</span>" not in page  # no document was named
    assert f"/tasks/{task_id}/complete" not in page  # its one part is reported


@pytest.mark.parametrize(
    ("document", "field", "message"),
    [
        pytest.param(
            {"document-kind": "Báo cáo", "document-number": "15/BC-STTTT",
             "document-date": "2022-02-31"},
            "date", "Ngày không hợp lệ (ngày/tháng/năm).", id="31-february",
        ),
        pytest.param(
            {"document-kind": "Báo cáo", "document-number": "  "},
            "number", "Nhập số, ký hiệu văn bản.", id="kind-without-number",
        ),
        pytest.param(
            {"document-number": "15/BC-STTTT"},
            "kind", "Chọn loại văn bản.", id="number-without-kind",
        ),
        pytest.param(
            {"document-kind": "Tờ trình", "document-number": "15/BC-STTTT"},
            "kind", "Lựa chọn không hợp lệ.", id="kind-not-offered",
        ),
        pytest.param(
            {"document-kind": "Báo cáo", "document-number": "15/BC\x00-STTTT"},
            "number", "Có ký tự không hợp lệ (ký tự điều khiển).", id="control",
        ),
        pytest.param(
            {"document-kind": "Báo cáo", "document-number": "15/BC-STTTT",
             "document-date": "2300-01-10"},
            "date", "Năm từ 1900 đến 2200.", id="year-2300",
        ),
        pytest.param(
            {"document-kind": "Báo cáo", "document-number": "1" * 101},
            "number", "Tối đa 100 ký tự.", id="number-too-long",
        ),
    ],
)  # fmt: skip
def test_a_bad_evidence_document_is_refused_beside_its_field_and_nothing_stored(
    api: Api, sign_in: SignIn, document: dict[str, str], field: str, message: str
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    before = task_events(api, task_id)
    page = post_action(
        officer,
        task_id,
        "complete",
        agency_id=meeting.department_id,
        evidence=EVIDENCE,
        **document,
    )
    assert (
        f'<p class="field-error" id="complete-document-{field}-error">{message}</p>'
        in page
    )
    assert f'aria-describedby="complete-document-{field}-error"' in page
    assert '<details class="action" id="action-complete" open>' in page
    assert EVIDENCE in page  # what was typed stays
    if "document-kind" in document and field != "kind":
        assert f'<option selected value="{document["document-kind"]}">' in page
    if field != "number":
        assert f'value="{document["document-number"]}"' in page
    assert task_events(api, task_id) == before


def test_a_date_alone_names_no_document_and_asks_for_its_kind_and_number(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    page = post_action(
        officer,
        task_id,
        "complete",
        agency_id=meeting.department_id,
        evidence=EVIDENCE,
        **{"document-date": "2022-01-10"},
    )
    assert 'id="complete-document-kind-error">Chọn loại văn bản.' in page
    assert 'id="complete-document-number-error">Nhập số, ký hiệu văn bản.' in page
    assert 'value="2022-01-10"' in page
    assert "Completed" not in task_events(api, task_id)


def test_a_second_completion_from_an_older_page_is_told_it_was_reported(
    api: Api, sign_in: SignIn
) -> None:
    meeting, task_id = issued_task(api)
    officer = sign_in("agency_officer", meeting.committee_id, meeting.department_id)
    older = officer.get(f"/tasks/{task_id}").get_data(as_text=True)
    data = {
        "csrf_token": csrf_token(older),
        "agency_id": meeting.department_id,
        "evidence": EVIDENCE,
    }
    assert officer.post(f"/tasks/{task_id}/complete", data=data).status_code == 303
    again = officer.post(f"/tasks/{task_id}/complete", data=data)
    assert again.status_code == 400
    assert "Cơ quan này đã báo cáo hoàn thành." in again.get_data(as_text=True)
    assert task_events(api, task_id).count("Completed") == 1

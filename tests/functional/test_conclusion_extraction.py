"""A pasted conclusion text, read into a draft, checked, and issued over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from tests.functional.support import Api, OpenMeeting, problem

# Quảng Nam's conclusion of 10/12/2021 (a copy of the shared seed text).
SEED = Path(__file__).parent / "data" / "quang-nam-2021-12-10-conclusion.txt"
KINDS = {"Công ty Cổ phần FPT": "enterprise", "UBND tỉnh": "peoples_committee"}


def extract(api: Api, meeting_id: str, text: str, **query: Any) -> Any:
    """Post a text to the extract endpoint."""
    return api.client.post(
        f"/api/v1/meetings/{meeting_id}/conclusions/extract",
        json={"text": text},
        query_string=query,
    )


def register(api: Api, proposed: list[dict[str, Any]], meeting: OpenMeeting) -> int:
    """Register each proposed agency (the department: an alias); last position.

    New agencies are registered under a unique name, with the one in the text
    as an alias, because tests on PostgreSQL share one directory.
    """
    position = 0
    district = api.agency("UBND thành phố Tam Kỳ", kind="peoples_committee")
    for agency in proposed:
        if agency["name"] == "Sở Thông tin và Truyền thông":
            path = f"/api/v1/agencies/{meeting.department_id}/aliases"
            alias = api.ok(path, {"alias": agency["name"]})
            position = int(alias["position"])
            continue
        body: dict[str, Any] = {
            "name": api.name(agency["name"]),
            "aliases": [agency["name"]],
            "kind": KINDS.get(agency["name"], "department"),
        }
        if agency["group"]:
            body.update(kind="group", member_ids=[district])
        response = api.post("/api/v1/agencies", body)
        assert response.status_code == 201, response.get_json()
        position = int(response.headers["X-Steerlog-Position"])
    return position


def test_seed_text_drafts_register_issue_and_trace(api: Api) -> None:
    meeting = api.open_meeting()
    text = SEED.read_text(encoding="utf-8")
    api.project()
    first = extract(api, meeting.meeting_id, text)
    assert first.status_code == 200, first.get_data(as_text=True)
    draft = first.get_json()
    assert draft["day"] == "2021-12-10"
    assert draft["conclusion"] == {"speech_id": None, "items": []}
    proposed = {agency["name"]: agency for agency in draft["agencies_proposed"]}
    assert "Công ty Cổ phần FPT" in proposed
    assert proposed["UBND các huyện, thị xã, thành phố"]["group"] is True
    start, end = proposed["Công ty Cổ phần FPT"]["spans"][0]
    # The span is of the text as pasted, a no-break space and all.
    assert " ".join(text[start:end].split()) == "Công ty Cổ phần FPT"

    position = register(api, draft["agencies_proposed"], meeting)
    api.project()
    second = extract(api, meeting.meeting_id, text, after=position).get_json()
    assert second["agencies_proposed"] == []
    conclusion = second["conclusion"]
    assert [item["number"] for item in conclusion["items"]] == ["1", "2", "3", "4", "5"]
    request = conclusion["items"][4]["tasks"][0]
    assert request["kind"] == "request"
    first_task = conclusion["items"][0]["tasks"][0]
    assert first_task["deadline"] == "2021-12-31"
    assert [d["number"] for d in first_task["documents"]] == ["04-NQ/TU"]
    assert first_task["report_via"] == meeting.department_id

    conclusion["speech_id"] = api.speech(meeting)
    path = f"/api/v1/meetings/{meeting.meeting_id}/conclusion"
    issued = api.ok(path, conclusion)["assignment_ids"]
    assert len(issued) == sum(len(item["tasks"]) for item in conclusion["items"]) == 6
    assert api.ok(path, conclusion)["assignment_ids"] == []

    assert_traced_to_the_meeting(api, meeting, issued[0], conclusion["speech_id"])


def assert_traced_to_the_meeting(
    api: Api, meeting: OpenMeeting, assignment_id: str, speech_id: str
) -> None:
    """Lineage up from the assignment reaches its meeting, speech and speaker."""
    graph = api.read(f"/api/v1/lineage/assignment/{assignment_id}", direction="up")
    reached = {node["key"] for node in graph["nodes"]}
    assert {
        f"meeting:{meeting.meeting_id}",
        f"speech:{speech_id}",
        f"person:{meeting.chair_id}",
        f"item:{meeting.meeting_id}#1",
        "document:04-NQ/TU",
    } <= reached


def test_extraction_keeps_character_spans_and_stores_nothing(api: Api) -> None:
    meeting = api.open_meeting()
    text = SEED.read_text(encoding="utf-8")
    before = api.get(f"/api/v1/meetings/{meeting.meeting_id}").headers["ETag"]
    draft = extract(api, meeting.meeting_id, text).get_json()["draft"]
    first = draft["assignments"][0]
    start, end = first["spans"]["text"]
    assert text[start:end] == first["text"]
    assert [d["number"] for d in draft["documents_cited"]] == [
        "04-NQ/TU",
        "1969/QĐ-UBND",
    ]
    after = api.get(f"/api/v1/meetings/{meeting.meeting_id}").headers["ETag"]
    assert after == before


def test_known_agencies_are_matched_by_alias(api: Api) -> None:
    meeting = api.open_meeting()
    # A name no other test gives: tests on PostgreSQL share one directory.
    name = "Công ty Cổ phần Công nghệ Sao Bắc Đẩu"
    enterprise = api.agency("SBD", kind="enterprise", aliases=[name])
    api.project()
    text = f"Kết luận:\n1. Đề nghị {name} hỗ trợ xây dựng nền tảng số."
    conclusion = extract(api, meeting.meeting_id, text).get_json()["conclusion"]
    [item] = conclusion["items"]
    assert item["tasks"][0]["lead"] == [enterprise]
    assert item["tasks"][0]["kind"] == "request"


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_an_empty_text_gives_an_empty_draft(api: Api, text: str) -> None:
    meeting = api.open_meeting()
    response = extract(api, meeting.meeting_id, text)
    assert response.status_code == 200, response.get_json()
    draft = response.get_json()
    assert draft["conclusion"]["items"] == []
    assert draft["agencies_proposed"] == []


def test_a_text_over_the_extractor_limit_is_a_422_naming_text(api: Api) -> None:
    meeting = api.open_meeting()
    body = problem(extract(api, meeting.meeting_id, "a" * 1_000_001), 422)
    assert "limit" in body["errors"]["text"][0]


def test_a_body_over_one_mebibyte_is_a_413(api: Api) -> None:
    meeting = api.open_meeting()
    problem(extract(api, meeting.meeting_id, "ă" * 600_000), 413)


def test_a_missing_text_is_a_422(api: Api) -> None:
    meeting = api.open_meeting()
    response = api.client.post(
        f"/api/v1/meetings/{meeting.meeting_id}/conclusions/extract", json={}
    )
    assert "text" in problem(response, 422)["errors"]


def test_extracting_for_an_unknown_meeting_is_a_404(api: Api) -> None:
    unknown = "00000000-0000-4000-8000-000000000000"
    problem(extract(api, unknown, "Kết luận: 1. Sở Tài chính báo cáo."), 404)


CONFIRMED_TEXT = (
    "THÔNG BÁO KẾT LUẬN\n"
    "1. Giao Sở Ngoại vụ chủ trì, phối hợp với Sở Du lịch xây dựng kế hoạch "
    "chuyển đổi số năm 2022, hoàn thành trước ngày 15/01/2022.\n"
)


def confirm(api: Api, meeting_id: str, body: dict[str, Any]) -> Any:
    """Post a confirmed conclusion with its text to the confirm endpoint."""
    return api.client.post(
        f"/api/v1/meetings/{meeting_id}/conclusions/confirm", json=body
    )


def test_an_api_confirmed_draft_is_issued_kept_with_its_text_and_exported(
    api: Api, tmp_path: Path
) -> None:
    meeting = api.open_meeting()
    # Names no other test gives: tests on PostgreSQL share one directory.
    lead = api.agency("Sở Ngoại vụ", aliases=["Sở Ngoại vụ"])
    helper = api.agency("Sở Du lịch", aliases=["Sở Du lịch"])
    api.project()
    draft = extract(api, meeting.meeting_id, CONFIRMED_TEXT).get_json()
    assert draft["agencies_proposed"] == [], draft["agencies_proposed"]
    [item] = draft["conclusion"]["items"]
    [task] = item["tasks"]
    assert task["lead"] == [lead]
    assert task["coordinating"] == [helper]
    task["title"] = "xây dựng kế hoạch chuyển đổi số năm 2022"  # the secretary's edit
    body = {**draft["conclusion"], "speech_id": api.speech(meeting)}
    response = confirm(api, meeting.meeting_id, {**body, "text": CONFIRMED_TEXT})
    assert response.status_code == 200, response.get_json()
    assert len(response.get_json()["assignment_ids"]) == 1

    app: Any = api.client.application.extensions["steerlog"]
    reading = app.confirmed_reading(UUID(meeting.meeting_id), CONFIRMED_TEXT)
    assert reading.text == CONFIRMED_TEXT
    assert reading.draft["assignments"][0]["assignees_lead"] == ["Sở Ngoại vụ"]
    [kept] = reading.confirmed["items"]
    assert kept["tasks"][0]["title"] == "xây dựng kế hoạch chuyển đổi số năm 2022"

    app.export_confirmed_readings(tmp_path)
    name = f"confirmed-{meeting.meeting_id}-{reading.digest[:8]}"
    assert (
        (tmp_path / f"{name}.txt").read_text(encoding="utf-8").endswith(CONFIRMED_TEXT)
    )
    case = json.loads((tmp_path / "expected" / f"{name}.json").read_text("utf-8"))
    [assignment] = case["assignments"]
    assert assignment["summary"] == "xây dựng kế hoạch chuyển đổi số năm 2022"
    assert assignment["deadline"] == "2022-01-15"

    # Confirming the same text again issues nothing new and keeps one reading.
    again = confirm(api, meeting.meeting_id, {**body, "text": CONFIRMED_TEXT})
    assert again.get_json()["assignment_ids"] == []
    readings = [r for r in app.confirmed_readings() if r.id == reading.id]
    assert len(readings) == 1


def test_a_confirm_without_its_text_is_a_422_and_issues_nothing(api: Api) -> None:
    meeting = api.open_meeting()
    speech_id = api.speech(meeting)
    items = [
        {
            "number": "1",
            "text": "Kế hoạch",
            "tasks": [{"title": "xây dựng kế hoạch", "lead": [meeting.department_id]}],
        }
    ]
    before = api.get(f"/api/v1/meetings/{meeting.meeting_id}").headers["ETag"]
    for body in (
        {"speech_id": speech_id, "items": items},
        {
            "speech_id": speech_id,
            "items": items,
            "text": "  \n",
        },
    ):
        assert "text" in problem(confirm(api, meeting.meeting_id, body), 422)["errors"]
    after = api.get(f"/api/v1/meetings/{meeting.meeting_id}").headers["ETag"]
    assert after == before

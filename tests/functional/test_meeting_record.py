"""A meeting's record over HTTP: speeches, approvals, the conclusion, the notice."""

from __future__ import annotations

from uuid import uuid4

from tests.functional.support import Api, problem

BASE = "/api/v1/meetings"


def test_speech_is_recorded_with_the_speakers_title_of_the_day(api: Api) -> None:
    meeting = api.open_meeting()
    response = api.post(
        f"{BASE}/{meeting.meeting_id}/speeches",
        {
            "speaker_id": meeting.chair_id,
            "kind": "opening",
            "point_id": meeting.host_point_id,
            "text": "Phát biểu khai mạc hội nghị.",
            "spoken_at": "2021-12-10T08:10:00+07:00",
        },
    )
    assert response.status_code == 201
    speech = api.client.get(response.headers["Location"]).get_json()
    assert speech["speaker_name"] == "Trịnh Văn Thắng"
    assert speech["speaker_title"] == "Chủ tịch UBND tỉnh"
    assert speech["kind"] == "opening"
    assert speech["spoken_at"] == "2021-12-10T08:10:00+07:00"


def test_speech_before_the_meeting_opens_is_a_409(api: Api) -> None:
    meeting_id = api.meeting(api.committee())
    speaker = api.person("Nguyễn Văn A")
    body = {"speaker_id": speaker, "kind": "discussion"}
    response = api.post(f"{BASE}/{meeting_id}/speeches", body)
    conflict = problem(response, 409)
    assert conflict["rule"] == "meeting_not_open"
    assert conflict["details"] == {"meeting_id": meeting_id}


def test_speech_by_an_unknown_speaker_or_at_an_unknown_point(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/speeches"
    nobody = api.post(path, {"speaker_id": str(uuid4()), "kind": "discussion"})
    assert "speaker_id" in problem(nobody, 422)["errors"]
    elsewhere = {
        "speaker_id": meeting.chair_id,
        "kind": "discussion",
        "point_id": str(uuid4()),
    }
    assert problem(api.post(path, elsewhere), 409)["rule"] == (
        "unknown_connection_point"
    )


def test_speech_correction_keeps_the_original_in_history(api: Api) -> None:
    meeting = api.open_meeting()
    speech_id = api.speech(meeting, kind="directive")
    path = f"{BASE}/{meeting.meeting_id}/speeches/{speech_id}"
    body = {"reason": "Sai chính tả", "text": "Chỉ đạo đã đính chính."}
    api.ok(f"{path}/corrections", body)
    speech = api.get(path).get_json()
    assert speech["text"] == "Chỉ đạo đã đính chính."
    assert speech["corrections"] == [
        {
            "reason": "Sai chính tả",
            "changes": {"text": "Chỉ đạo đã đính chính."},
            "actor": api.actor,
        }
    ]
    events = api.get(f"/api/v1/history/{meeting.meeting_id}").get_json()["items"]
    recorded = [e for e in events if e["event"] == "SpeechRecorded"]
    assert recorded[0]["data"]["text"] == "Kết luận của đồng chí Chủ tịch UBND tỉnh."


def test_correcting_an_unknown_speech_or_without_reason_fails(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/speeches/{uuid4()}"
    unknown = api.post(f"{path}/corrections", {"reason": "Sai", "text": "Mới"})
    assert problem(unknown, 409)["rule"] == "unknown_speech"
    assert "reason" in problem(api.post(f"{path}/corrections", {}), 422)["errors"]
    problem(api.get(path), 404)


def test_approval_is_recorded_and_read(api: Api) -> None:
    meeting = api.open_meeting()
    body = {
        "title": "Kế hoạch chuyển đổi số năm 2022",
        "document": {"kind": "Kế hoạch", "number": "45/KH-UBND"},
    }
    response = api.post(f"{BASE}/{meeting.meeting_id}/approvals", body)
    assert response.status_code == 201
    approval = api.client.get(response.headers["Location"]).get_json()
    assert approval["title"] == body["title"]
    assert approval["document"]["number"] == "45/KH-UBND"
    problem(api.get(f"{BASE}/{meeting.meeting_id}/approvals/{uuid4()}"), 404)


def test_conclusion_issues_assignments_once(api: Api) -> None:
    meeting = api.open_meeting()
    assignment_ids = api.conclude(meeting)
    assert len(assignment_ids) == 1
    body = api.get(f"{BASE}/{meeting.meeting_id}").get_json()
    assert [item["number"] for item in body["conclusion"]] == ["1"]
    speech_id = body["conclusion"][0]["speech_id"]
    draft = {
        "speech_id": speech_id,
        "items": [
            {
                "number": "1",
                "text": "Giao Sở TT&TT xây dựng kế hoạch chuyển đổi số năm 2022.",
            }
        ],
    }
    again = api.post(f"{BASE}/{meeting.meeting_id}/conclusion", draft)
    assert again.status_code == 200
    assert again.get_json()["assignment_ids"] == []


def test_conclusion_rules_and_references(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/conclusion"
    guest = api.person("Khách mời")
    speech = api.created(
        f"{BASE}/{meeting.meeting_id}/speeches",
        {"speaker_id": guest, "kind": "conclusion"},
    )
    item = {"number": "1", "text": "Kết luận."}
    absent = api.post(path, {"speech_id": speech, "items": [item]})
    assert problem(absent, 409)["rule"] == "speaker_not_present"
    chair_speech = api.speech(meeting)
    twice = api.post(path, {"speech_id": chair_speech, "items": [item, item]})
    assert problem(twice, 409)["rule"] == "duplicate_item_number"
    task = {"title": "Việc", "lead": [str(uuid4())]}
    unknown_lead = {"speech_id": chair_speech, "items": [{**item, "tasks": [task]}]}
    assert "lead" in problem(api.post(path, unknown_lead), 422)["errors"]
    empty = api.post(path, {"speech_id": chair_speech, "items": []})
    assert "items" in problem(empty, 422)["errors"]
    no_text = {"speech_id": chair_speech, "items": [{"number": "2"}]}
    assert "items.0.text" in problem(api.post(path, no_text), 422)["errors"]


def test_conclusion_item_is_amended_with_a_reason(api: Api) -> None:
    meeting = api.open_meeting()
    api.conclude(meeting)
    path = f"{BASE}/{meeting.meeting_id}/conclusion/items"
    body = {"text": "Giao Sở TT&TT chủ trì kế hoạch.", "reason": "Theo ý kiến Chủ tịch"}
    api.ok(f"{path}/1/amendments", body)
    item = api.get(f"{BASE}/{meeting.meeting_id}").get_json()["conclusion"][0]
    assert item["text"] == "Giao Sở TT&TT chủ trì kế hoạch."
    assert item["amendments"] == [
        "Giao Sở TT&TT xây dựng kế hoạch chuyển đổi số năm 2022."
    ]
    unknown = api.post(f"{path}/9/amendments", body)
    assert problem(unknown, 409)["rule"] == "unknown_item"


def test_notice_is_published_once_after_a_conclusion(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/notice"
    notice = {"kind": "Thông báo", "number": "25/TB-UBND", "date": "2021-12-15"}
    assert problem(api.post(path, notice), 409)["rule"] == "no_conclusion"
    api.conclude(meeting)
    api.ok(path, notice)
    published = api.get(f"{BASE}/{meeting.meeting_id}").get_json()["notice"]
    assert published["number"] == "25/TB-UBND"
    assert published["date"] == "2021-12-15"
    assert problem(api.post(path, notice), 409)["rule"] == "no_change"


def test_closed_meeting_takes_corrections_but_no_speech(api: Api) -> None:
    meeting = api.open_meeting()
    speech_id = api.speech(meeting)
    api.ok(f"{BASE}/{meeting.meeting_id}/close")
    late = api.post(
        f"{BASE}/{meeting.meeting_id}/speeches",
        {"speaker_id": meeting.chair_id, "kind": "discussion"},
    )
    assert problem(late, 409)["rule"] == "meeting_closed"
    body = {"reason": "Bổ sung", "kind": "directive"}
    api.ok(f"{BASE}/{meeting.meeting_id}/speeches/{speech_id}/corrections", body)

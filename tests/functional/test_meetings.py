"""Meetings over HTTP: schedule, life cycle, chairs, agenda, connection points."""

from __future__ import annotations

from uuid import uuid4

from tests.functional.support import MEETING_START, Api, problem

BASE = "/api/v1/meetings"


def test_meeting_is_scheduled_and_reads_back(api: Api) -> None:
    committee_id = api.committee()
    meeting_id = api.meeting(committee_id)
    response = api.get(f"{BASE}/{meeting_id}")
    assert response.headers["ETag"] == '"1"'
    body = response.get_json()
    assert body["committee_id"] == committee_id
    assert body["title"] == "Hội nghị trực tuyến về chuyển đổi số"
    assert body["status"] == "scheduled"
    assert body["starts_at"] == MEETING_START
    assert body["points"] == body["speeches"] == body["conclusion"] == []


def test_schedule_refuses_a_time_without_offset_and_an_unknown_committee(
    api: Api,
) -> None:
    body = {
        "committee_id": str(uuid4()),
        "title": "Họp",
        "format": "online",
        "starts_at": "2022-01-01T08:00:00",
    }
    assert "starts_at" in problem(api.post(BASE, body), 422)["errors"]
    body["starts_at"] = MEETING_START
    assert "committee_id" in problem(api.post(BASE, body), 422)["errors"]


def test_schedule_with_a_chosen_id_twice_is_a_409(api: Api) -> None:
    committee_id = api.committee()
    body = {
        "id": str(uuid4()),
        "committee_id": committee_id,
        "title": "Họp",
        "format": "hybrid",
        "starts_at": MEETING_START,
    }
    assert api.created(BASE, body) == body["id"]
    assert problem(api.post(BASE, body), 409)["rule"] == "already_exists"


def test_meeting_is_rescheduled_then_cancelled_and_takes_nothing_more(
    api: Api,
) -> None:
    meeting_id = api.meeting(api.committee())
    later = {"starts_at": "2021-12-12T14:00:00+07:00", "location": "Hội trường A"}
    api.ok(f"{BASE}/{meeting_id}/reschedule", later)
    api.ok(f"{BASE}/{meeting_id}/cancel", {"reason": "Trùng lịch họp của Tỉnh ủy"})
    body = api.get(f"{BASE}/{meeting_id}").get_json()
    assert body["status"] == "cancelled"
    assert body["location"] == "Hội trường A"
    assert problem(api.post(f"{BASE}/{meeting_id}/open"), 409)["rule"] == (
        "meeting_cancelled"
    )


def test_cancel_needs_a_reason(api: Api) -> None:
    meeting_id = api.meeting(api.committee())
    assert (
        "reason" in problem(api.post(f"{BASE}/{meeting_id}/cancel", {}), 422)["errors"]
    )


def test_meeting_opens_and_closes_and_cannot_be_rescheduled_after(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}"
    late = api.post(f"{path}/reschedule", {"starts_at": MEETING_START})
    assert problem(late, 409)["rule"] == "meeting_already_opened"
    api.ok(f"{path}/close")
    body = api.get(path).get_json()
    assert body["status"] == "closed"
    assert body["opened_at"] == "2021-12-10T08:05:00+07:00"
    assert body["closed_at"] is not None
    assert problem(api.post(f"{path}/close"), 409)["rule"] == "meeting_closed"


def test_chairs_and_agenda_items_are_recorded(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}"
    presenter = api.person("Nguyễn Văn Hùng", "Giám đốc Sở TT&TT")
    api.ok(f"{path}/agenda", {"title": "Báo cáo kết quả CĐS năm 2021"})
    api.ok(f"{path}/agenda", {"title": "Kế hoạch năm 2022", "presenter_id": presenter})
    body = api.get(path).get_json()
    assert [item["number"] for item in body["agenda"]] == [1, 2]
    assert body["agenda"][1]["presenter_id"] == presenter
    assert body["chairs"] == [
        {
            "person_id": meeting.chair_id,
            "name": "Trịnh Văn Thắng",
            "title": "Chủ tịch UBND tỉnh",
            "point_id": meeting.host_point_id,
        }
    ]
    again = api.post(
        f"{path}/chairs",
        {"person_id": meeting.chair_id, "point_id": meeting.host_point_id},
    )
    assert problem(again, 409)["rule"] == "no_change"
    unknown = api.post(f"{path}/agenda", {"title": "X", "presenter_id": str(uuid4())})
    assert "presenter_id" in problem(unknown, 422)["errors"]


def test_connection_point_is_added_read_connected_and_attended(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/points"
    response = api.post(path, {"name": "UBND huyện Bát Xát", "level": "district"})
    assert response.status_code == 201
    point_id = response.get_json()["id"]
    assert response.headers["Location"] == f"{path}/{point_id}"
    api.ok(f"{path}/{point_id}/connect", {"at": "2021-12-10T07:55:00+07:00"})
    point = api.get(f"{path}/{point_id}").get_json()
    assert point["connected"] is True
    assert point["last_change_at"] == "2021-12-10T07:55:00+07:00"
    api.ok(f"{path}/{point_id}/disconnect")
    assert api.get(f"{path}/{point_id}").get_json()["connected"] is False
    attendee = api.person("Lò Văn Páo", "Chủ tịch UBND huyện")
    body = {"person_ids": [attendee], "attendee_count": 25}
    assert api.put(f"{path}/{point_id}/attendance", body).status_code == 200
    attendance = api.get(f"{BASE}/{meeting.meeting_id}").get_json()["attendance"]
    assert attendance == [
        {"point_id": point_id, "person_ids": [attendee], "attendee_count": 25}
    ]


def test_connection_point_rules(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/points"
    second_host = api.post(
        path, {"name": "Điểm cầu 2", "level": "central", "is_host": True}
    )
    assert problem(second_host, 409)["rule"] == "host_point_exists"
    same_name = api.post(path, {"name": "ubnd tinh", "level": "province"})
    assert problem(same_name, 409)["rule"] == "duplicate_connection_point"
    unknown = api.put(f"{path}/{uuid4()}/attendance", {"person_ids": []})
    assert problem(unknown, 409)["rule"] == "unknown_connection_point"
    problem(api.get(f"{path}/{uuid4()}"), 404)
    bad_level = api.post(path, {"name": "Xã Y Tý", "level": "village"})
    assert "level" in problem(bad_level, 422)["errors"]


def test_attendance_count_below_the_people_named_is_a_422(api: Api) -> None:
    meeting = api.open_meeting()
    path = f"{BASE}/{meeting.meeting_id}/points/{meeting.host_point_id}/attendance"
    body = {"person_ids": [meeting.chair_id], "attendee_count": 0}
    assert "attendee_count" in problem(api.put(path, body), 422)["errors"]


def test_meeting_as_of_before_it_opened(api: Api) -> None:
    committee_id = api.committee()
    meeting_id = api.meeting(committee_id)
    scheduled = api.get(f"{BASE}/{meeting_id}").get_json()["modified_on"]
    api.ok(f"{BASE}/{meeting_id}/open")
    past = api.get(f"{BASE}/{meeting_id}", as_of=scheduled)
    assert past.get_json()["status"] == "scheduled"
    assert api.get(f"{BASE}/{meeting_id}").get_json()["status"] == "open"

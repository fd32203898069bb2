"""Many connection points in one API request: all of them stored, or none, with
each refused row named in the 422 problem."""

from __future__ import annotations

from tests.functional.support import Api, problem


def _batch(api: Api, meeting_id: str, names: list[str], **row: object) -> list[dict]:
    return [{"name": name, "level": "commune", **row} for name in names]


def _versions(api: Api, meeting_id: str) -> int:
    items = api.get(f"/api/v1/history/{meeting_id}").get_json()["items"]
    return len(items)


def test_160_points_are_added_in_one_request(api: Api) -> None:
    meeting_id = api.meeting(api.committee())
    points = [{"name": "UBND tỉnh Quảng Nam", "level": "province", "is_host": True}]
    points += _batch(api, meeting_id, [f"UBND xã số {n}" for n in range(1, 160)])
    response = api.post(
        f"/api/v1/meetings/{meeting_id}/points/batch", {"points": points}
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["id"] == meeting_id
    listed = api.read(f"/api/v1/meetings/{meeting_id}/points")["items"]
    assert len(listed) == 160
    assert [p["name"] for p in listed if p["is_host"]] == ["UBND tỉnh Quảng Nam"]


def test_a_refused_row_refuses_the_whole_batch_and_names_each_row(api: Api) -> None:
    meeting_id = api.meeting(api.committee())
    api.created(
        f"/api/v1/meetings/{meeting_id}/points",
        {"name": "UBND tỉnh", "level": "province", "is_host": True},
    )
    before = _versions(api, meeting_id)
    points = _batch(api, meeting_id, ["UBND xã A", "ubnd XÃ a", "UBND xã B"])
    points.append({"name": "UBND huyện C", "level": "district", "is_host": True})
    response = api.post(
        f"/api/v1/meetings/{meeting_id}/points/batch", {"points": points}
    )
    body = problem(response, 422)
    assert body["type"].endswith("rows_refused")
    assert [(r["index"], r["rule"]) for r in body["rows"]] == [
        (1, "duplicate_connection_point"),
        (3, "host_point_exists"),
    ]
    assert set(body["errors"]) == {"points.1.name", "points.3.is_host"}
    assert _versions(api, meeting_id) == before
    listed = api.read(f"/api/v1/meetings/{meeting_id}/points")["items"]
    assert [p["name"] for p in listed] == ["UBND tỉnh"]


def test_a_malformed_row_is_a_422_on_its_field_and_nothing_is_stored(
    api: Api,
) -> None:
    meeting_id = api.meeting(api.committee())
    path = f"/api/v1/meetings/{meeting_id}/points/batch"
    before = _versions(api, meeting_id)
    body = problem(api.post(path, {"points": []}), 422)
    assert "points" in body["errors"]
    rows = [{"name": "UBND xã A", "level": "commune"}, {"name": "", "level": "thôn"}]
    body = problem(api.post(path, {"points": rows}), 422)
    assert {"points.1.name", "points.1.level"} <= set(body["errors"])
    too_many = _batch(api, meeting_id, [f"Điểm {n}" for n in range(501)])
    problem(api.post(path, {"points": too_many}), 422)
    problem(api.post(path, {"points": rows[:1], "extra": 1}), 422)
    assert _versions(api, meeting_id) == before


def test_a_stale_if_match_is_a_412_and_stores_nothing(api: Api) -> None:
    meeting_id = api.meeting(api.committee())
    path = f"/api/v1/meetings/{meeting_id}/points/batch"
    rows = _batch(api, meeting_id, ["UBND xã A"])
    response = api.post(path, {"points": rows}, if_match=7)
    problem(response, 412)
    assert api.read(f"/api/v1/meetings/{meeting_id}/points")["items"] == []
    assert api.post(path, {"points": rows}, if_match=1).status_code == 200


def test_a_cancelled_meeting_refuses_the_batch_as_it_refuses_one_point(
    api: Api,
) -> None:
    """A rule on the whole meeting is a 409 naming it, not a refusal per row."""
    meeting_id = api.meeting(api.committee())
    api.ok(f"/api/v1/meetings/{meeting_id}/cancel", {"reason": "Hoãn họp"})
    rows = _batch(api, meeting_id, ["UBND xã A", "UBND xã B"])
    batch = problem(
        api.post(f"/api/v1/meetings/{meeting_id}/points/batch", {"points": rows}), 409
    )
    one = problem(api.post(f"/api/v1/meetings/{meeting_id}/points", rows[0]), 409)
    assert batch["rule"] == one["rule"] == "meeting_cancelled"
    assert "rows" not in batch

"""Rules every API operation shares: unknown query parameters, the committee's zone."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.functional.support import Api

UTC_STARTS_AT = "2021-12-10T01:00:00+00:00"  # 08:00 in Hà Nội


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/assignments", {"agency": "nonsense"}),
        ("/api/v1/meetings", {"comittee_id": "x", "status": "open"}),
        ("/api/v1/digests", {"page": "2"}),
        ("/api/v1/statistics/committees", {"limit": "5"}),
    ],
)
def test_an_unknown_query_parameter_is_a_422_naming_it(
    api: Api, path: str, query: dict[str, str]
) -> None:
    response = api.get(path, **query)
    assert response.status_code == 422, response.get_json()
    assert response.mimetype == "application/problem+json"
    errors = response.get_json()["errors"]
    known = {"status"}
    assert set(errors) == set(query) - known


def test_an_unknown_parameter_on_a_read_of_one_aggregate_is_refused(api: Api) -> None:
    meeting = api.open_meeting()
    response = api.get(f"/api/v1/meetings/{meeting.meeting_id}", asof="2022-01-01")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"asof": ["Unknown parameter."]}
    # The documented ones still work.
    assert api.get(f"/api/v1/meetings/{meeting.meeting_id}").status_code == 200


def test_the_document_says_unknown_parameters_are_refused(api: Api) -> None:
    spec = api.get("/api/openapi.json").get_json()
    listing = spec["paths"]["/api/v1/assignments"]["get"]
    assert "query parameter the operation does not list" in listing["description"]
    assert "422" in listing["responses"]


def test_a_meeting_and_the_list_give_its_times_in_the_committees_zone(
    api: Api,
) -> None:
    committee_id = api.committee()
    created = api.post(
        "/api/v1/meetings",
        {
            "committee_id": committee_id,
            "title": api.name("Họp Ban Chỉ đạo"),
            "starts_at": UTC_STARTS_AT,
            "format": "in_person",
            "location": "Hội trường",
        },
    )
    assert created.status_code == 201, created.get_json()
    meeting_id = created.get_json()["id"]
    api.project()
    one = api.get(f"/api/v1/meetings/{meeting_id}").get_json()
    [row] = [
        row
        for row in api.get("/api/v1/meetings", committee_id=committee_id).get_json()[
            "items"
        ]
        if row["id"] == meeting_id
    ]
    assert one["starts_at"] == row["starts_at"] == "2021-12-10T08:00:00+07:00"
    for moment in (one["created_on"], one["modified_on"]):
        assert datetime.fromisoformat(moment).isoformat().endswith("+07:00")


def test_a_time_before_the_zone_kept_whole_minutes_has_an_rfc_3339_offset(
    api: Api,
) -> None:
    """Hà Nội's local mean time was +07:06:30 until 1906: the answer gives the
    same instant with an offset in whole minutes, as the document promises."""
    committee_id = api.committee()
    body = {
        "committee_id": committee_id,
        "title": api.name("Họp Ban Chỉ đạo"),
        "starts_at": "1903-06-01T00:00:00+00:00",
        "format": "in_person",
    }
    meeting_id = api.created("/api/v1/meetings", body)
    starts_at = api.get(f"/api/v1/meetings/{meeting_id}").get_json()["starts_at"]
    assert starts_at == "1903-06-01T07:06:00+07:06"
    assert datetime.fromisoformat(starts_at) == datetime.fromisoformat(
        body["starts_at"]
    )

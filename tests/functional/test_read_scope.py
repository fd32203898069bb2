"""A viewer of committee A cannot find committee B's records, by any read."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from tests.functional.access_support import account_with_role
from tests.functional.support import Api, OpenMeeting, problem


def viewer_of(api: Api, committee_id: str) -> Api:
    """A client signed in as a viewer of one committee."""
    application = api.client.application.extensions["steerlog"]
    _, token = account_with_role(
        application, f"xem.{api.token}.{committee_id[:4]}", "viewer", committee_id
    )
    return Api(api.client.application.test_client(), token)


def digest_of(api: Api, meeting: OpenMeeting) -> str:
    """A digest of the meeting's committee, issued as the scheduler would."""
    application = api.client.application.extensions["steerlog"]
    return str(
        application.issue_digest(
            actor="tests",
            kind="daily",
            committee_id=UUID(meeting.committee_id),
            recipient_kind="agency",
            recipient_id=UUID(meeting.department_id),
            period=(date(2022, 1, 4), date(2022, 1, 4)),
            addresses=["a@quangnam.gov.vn"],
            lines=[],
            tallies=[],
            late=False,
        ).id
    )


def test_a_viewer_finds_only_its_committees_records(api: Api) -> None:
    other = Api(api.client.application.test_client())  # names of its own
    mine, theirs = api.open_meeting(), other.open_meeting()
    [my_task], [their_task] = api.conclude(mine), other.conclude(theirs)
    my_digest, their_digest = digest_of(api, mine), digest_of(api, theirs)
    viewer = viewer_of(api, mine.committee_id)
    api.project()

    def listed(path: str, **query: str) -> str:
        return viewer.get(path, **query).get_data(as_text=True)

    for path, query in [
        ("/api/v1/meetings", {}),
        ("/api/v1/assignments", {}),
        ("/api/v1/search", {"q": "ke hoach chuyen doi so"}),
        ("/api/v1/digests", {}),
        ("/api/v1/statistics/committees", {}),
    ]:
        paged = path not in ("/api/v1/search", "/api/v1/statistics/committees")
        body = listed(path, limit="200", **query) if paged else listed(path, **query)
        assert theirs.committee_id not in body, path
        assert theirs.meeting_id not in body and their_task not in body, path
        assert (
            mine.committee_id in body or my_task in body or mine.meeting_id in body
        ), path
    for path in (
        f"/api/v1/meetings/{theirs.meeting_id}",
        f"/api/v1/assignments/{their_task}",
        f"/api/v1/history/{theirs.meeting_id}",
        f"/api/v1/history/{their_task}",
        f"/api/v1/digests/{their_digest}",
        f"/api/v1/committees/{theirs.committee_id}",
    ):
        assert problem(viewer.get(path), 403)["permission"] == "read", path
    assert viewer.get(f"/api/v1/digests/{my_digest}").status_code == 200
    assert viewer.get(f"/api/v1/history/{mine.meeting_id}").status_code == 200


def test_lineage_shows_other_committees_nodes_as_restricted_stubs(api: Api) -> None:
    other = Api(api.client.application.test_client())  # names of its own
    mine, theirs = api.open_meeting(), other.open_meeting()
    api.conclude(mine)
    [their_task] = other.conclude(theirs)
    viewer = viewer_of(api, mine.committee_id)
    api.project()
    graph = viewer.get(f"/api/v1/lineage/assignment/{their_task}").get_json()
    nodes = {node["key"]: node for node in graph["nodes"]}
    meeting = nodes[f"meeting:{theirs.meeting_id}"]
    assert meeting["restricted"] is True and meeting["label"] == ""
    assert nodes[f"assignment:{their_task}"]["restricted"] is True
    assert "status" not in nodes[f"assignment:{their_task}"]
    full = api.get(f"/api/v1/lineage/assignment/{their_task}").get_json()
    assert all(not node.get("restricted") for node in full["nodes"])
    assert {n["key"] for n in full["nodes"]} == set(nodes)


def test_an_account_named_on_a_subscription_changes_it_itself(api: Api) -> None:
    meeting = api.open_meeting()
    subscription = api.created(
        "/api/v1/digests/subscriptions",
        {
            "committee_id": meeting.committee_id,
            "recipient_kind": "agency",
            "recipient_id": meeting.department_id,
            "addresses": ["vanphong@stttt.quangnam.gov.vn"],
        },
    )
    application = api.client.application.extensions["steerlog"]
    named_id, named_token = account_with_role(
        application, f"nhan.ban.tin.{api.token}", None
    )
    _, stranger_token = account_with_role(application, f"la.{api.token}", None)
    named = Api(api.client.application.test_client(), named_token)
    stranger = Api(api.client.application.test_client(), stranger_token)
    path = f"/api/v1/digests/subscriptions/{subscription}"
    addresses = {"addresses": ["moi@stttt.quangnam.gov.vn"]}
    problem(named.put(f"{path}/addresses", addresses), 403)
    api.ok(f"{path}/accounts", {"account_ids": [str(named_id)]}, method="PUT")
    assert named.get(path).get_json()["account_ids"] == [str(named_id)]
    assert named.put(f"{path}/addresses", addresses).status_code == 200
    problem(stranger.put(f"{path}/addresses", addresses), 403)
    problem(stranger.get(path), 403)
    assert application.digest_addresses(UUID(subscription), ["moi@x.vn"]) == [
        "moi@x.vn",
        f"nhan.ban.tin.{api.token}@quangnam.gov.vn",
    ]


def test_a_subscriptions_history_needs_what_the_subscription_needs(api: Api) -> None:
    meeting = api.open_meeting()
    subscription = api.created(
        "/api/v1/digests/subscriptions",
        {
            "committee_id": meeting.committee_id,
            "recipient_kind": "agency",
            "recipient_id": meeting.department_id,
            "addresses": ["vanphong@stttt.quangnam.gov.vn"],
        },
    )
    viewer = viewer_of(api, meeting.committee_id)
    refusal = problem(viewer.get(f"/api/v1/history/{subscription}"), 403)
    assert refusal["permission"] == "read_subscriptions"
    assert viewer.get(f"/api/v1/history/{meeting.meeting_id}").status_code == 200

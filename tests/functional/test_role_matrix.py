"""The role matrix: every operation of the OpenAPI document × every role.

Operations are read from ``/api/openapi.json``, so an operation added without an
entry here (and in the policy table) fails the test. Each is called anonymously
(401) and as each role: a role the operation is for gets past authorisation
(2xx for reads of existing records; a write's empty body then gets its 422, or
it succeeds), any other role gets 403 naming the permission.
"""

from __future__ import annotations

import re
from typing import Any

from tests.functional.access_support import ROLES, World, build_world
from tests.functional.support import Api, problem

ALL = frozenset(ROLES)
MEMBERS = frozenset({"admin", "secretary", "leader", "agency_officer", "viewer"})
ADMIN = frozenset({"admin"})


def _ops(roles: frozenset[str], *operations: str) -> dict[str, frozenset[str]]:
    return dict.fromkeys(operations, roles)


# Who may call each operation, by "METHOD path" of the document.
EXPECTED: dict[str, frozenset[str]] = {
    **_ops(
        ALL,
        "GET /api/v1/agencies/{agency_id}",
        "GET /api/v1/people/{person_id}",
        "GET /api/v1/meetings",
        "GET /api/v1/assignments",
        "GET /api/v1/statistics/agencies",
        "GET /api/v1/statistics/committees",
        "GET /api/v1/documents",
        "GET /api/v1/documents/{number}",
        "GET /api/v1/lineage/{kind}/{node_id}",
        "GET /api/v1/lineage/item/{meeting_id}/{number}",
        "GET /api/v1/lineage/document/{number}",
        "GET /api/v1/search",
        "GET /api/v1/digests",
        "GET /api/v1/accounts/me",
        "GET /api/v1/assignments.xlsx",
        "GET /api/v1/assignments.csv",
        "GET /api/v1/committees",
        "GET /api/v1/agencies",
        "GET /api/v1/people",
    ),
    **_ops(
        MEMBERS,
        "GET /api/v1/committees/{committee_id}",
        "GET /api/v1/meetings/{meeting_id}",
        "GET /api/v1/meetings/{meeting_id}/points",
        "GET /api/v1/meetings/{meeting_id}/points/{point_id}",
        "GET /api/v1/meetings/{meeting_id}/speeches/{speech_id}",
        "GET /api/v1/meetings/{meeting_id}/approvals/{approval_id}",
        "GET /api/v1/assignments/{assignment_id}",
        "GET /api/v1/digests/{digest_id}",
        "GET /api/v1/history/{aggregate_id}",
        "GET /api/v1/meetings/{meeting_id}/notice.docx",
        "GET /api/v1/meetings/{meeting_id}/notice.pdf",
        "GET /api/v1/meetings/{meeting_id}/minutes.docx",
        "GET /api/v1/meetings/{meeting_id}/minutes.pdf",
        "GET /api/v1/meetings/{meeting_id}/export",
    ),
    **_ops(
        frozenset({"admin", "secretary", "leader"}),
        "GET /api/v1/digests/subscriptions/{subscription_id}",
    ),
    **_ops(
        ADMIN,
        "POST /api/v1/meetings/import",
        "POST /api/v1/committees",
        "POST /api/v1/committees/{committee_id}/rename",
        "POST /api/v1/accounts",
        "GET /api/v1/accounts",
        "POST /api/v1/accounts/{account_id}/roles",
        "POST /api/v1/accounts/{account_id}/roles/revoke",
        "POST /api/v1/accounts/{account_id}/disable",
        "POST /api/v1/accounts/{account_id}/enable",
    ),
    **_ops(
        frozenset({"admin", "agency_officer"}),  # the account itself
        "GET /api/v1/accounts/{account_id}",
        "GET /api/v1/accounts/{account_id}/tokens",
        "POST /api/v1/accounts/{account_id}/tokens",
        "POST /api/v1/accounts/{account_id}/tokens/{token_id}/revoke",
    ),
    **_ops(
        frozenset({"admin", "secretary", "outsider"}),  # a secretary anywhere
        "POST /api/v1/agencies",
        "POST /api/v1/agencies/{agency_id}/rename",
        "POST /api/v1/agencies/{agency_id}/aliases",
        "PUT /api/v1/agencies/{agency_id}/members",
        "POST /api/v1/people",
        "POST /api/v1/people/{person_id}/title",
    ),
    **_ops(
        frozenset({"admin", "secretary"}),
        "POST /api/v1/committees/{committee_id}/members",
        "POST /api/v1/committees/{committee_id}/members/{person_id}/relieve",
        "POST /api/v1/meetings",
        "POST /api/v1/meetings/{meeting_id}/reschedule",
        "POST /api/v1/meetings/{meeting_id}/cancel",
        "POST /api/v1/meetings/{meeting_id}/chairs",
        "POST /api/v1/meetings/{meeting_id}/agenda",
        "POST /api/v1/meetings/{meeting_id}/open",
        "POST /api/v1/meetings/{meeting_id}/close",
        "POST /api/v1/meetings/{meeting_id}/points",
        "POST /api/v1/meetings/{meeting_id}/points/batch",
        "POST /api/v1/meetings/{meeting_id}/points/{point_id}/connect",
        "POST /api/v1/meetings/{meeting_id}/points/{point_id}/disconnect",
        "PUT /api/v1/meetings/{meeting_id}/points/{point_id}/attendance",
        "POST /api/v1/meetings/{meeting_id}/speeches",
        "POST /api/v1/meetings/{meeting_id}/speeches/{speech_id}/corrections",
        "POST /api/v1/meetings/{meeting_id}/approvals",
        "POST /api/v1/meetings/{meeting_id}/conclusion",
        "POST /api/v1/meetings/{meeting_id}/conclusion/items/{number}/amendments",
        "POST /api/v1/meetings/{meeting_id}/notice",
        "POST /api/v1/meetings/{meeting_id}/open-task-reviews",
        "POST /api/v1/meetings/{meeting_id}/conclusions/extract",
        "POST /api/v1/meetings/{meeting_id}/conclusions/confirm",
        "POST /api/v1/assignments",
        "POST /api/v1/digests/subscriptions",
        "PUT /api/v1/digests/subscriptions/{subscription_id}/addresses",
        "POST /api/v1/digests/subscriptions/{subscription_id}/end",
        "POST /api/v1/digests/subscriptions/{subscription_id}/resume",
        "PUT /api/v1/digests/subscriptions/{subscription_id}/accounts",
    ),
    **_ops(
        frozenset({"admin", "leader"}),
        "POST /api/v1/assignments/{assignment_id}/extensions",
        "POST /api/v1/assignments/{assignment_id}/reassignments",
        "POST /api/v1/assignments/{assignment_id}/cancel",
        "POST /api/v1/assignments/{assignment_id}/supersede",
        "POST /api/v1/assignments/{assignment_id}/reopen",
    ),
    **_ops(
        frozenset({"admin", "agency_officer"}),  # an officer of the lead agency
        "POST /api/v1/assignments/{assignment_id}/acknowledgements",
        "POST /api/v1/assignments/{assignment_id}/progress",
        "POST /api/v1/assignments/{assignment_id}/extension-requests",
        "POST /api/v1/assignments/{assignment_id}/completions",
        "POST /api/v1/assignments/{assignment_id}/delegations",
    ),
}
PUBLIC = {"GET /healthz", "GET /readyz"}
# Calendar feeds sign in with the secret in their address: anyone may ask, and an
# address whose secret is not a feed's is a 404, never a 401.
SECRET_ADDRESSES = {
    "GET /api/v1/feeds/{secret}/committees/{committee_id}.ics",
    "GET /api/v1/feeds/{secret}/agencies/{agency_id}.ics",
    "GET /api/v1/feeds/{secret}/people/{person_id}.ics",
}
QUERIES = {"GET /api/v1/search": "?q=ke+hoach"}
# Reads whose path names nothing recorded: past authorisation, they are a 404.
NOTHING_THERE = {
    "GET /api/v1/documents/{number}",
    "GET /api/v1/lineage/document/{number}",
}


def path_values(world: World) -> dict[str, str]:
    """A recorded value for every path parameter of the document."""
    meeting = world.meeting
    return {
        "committee_id": meeting.committee_id,
        "meeting_id": meeting.meeting_id,
        "point_id": meeting.host_point_id,
        "speech_id": world.speech_id,
        "approval_id": world.approval_id,
        "number": "1",
        "assignment_id": world.assignment_id,
        "agency_id": meeting.department_id,
        "person_id": meeting.chair_id,
        "subscription_id": world.subscription_id,
        "digest_id": world.digest_id,
        "aggregate_id": meeting.meeting_id,
        "kind": "meeting",
        "node_id": meeting.meeting_id,
        "account_id": str(world.accounts["agency_officer"]),
        "token_id": "0" * 16,
        "secret": "0" * 43,
    }


def operations(api: Api) -> list[tuple[str, str]]:
    """Every (method, path) of the OpenAPI document."""
    document: dict[str, Any] = api.get("/api/openapi.json").get_json()
    return [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in ("get", "post", "put", "delete", "patch")
    ]


def test_every_documented_operation_has_an_expected_row(api: Api) -> None:
    documented = {f"{method} {path}" for method, path in operations(api)}
    assert documented - set(EXPECTED) - PUBLIC - SECRET_ADDRESSES == set()
    assert set(EXPECTED) - documented == set()


def test_every_operation_answers_each_role_as_the_policy_says(api: Api) -> None:
    world = build_world(api)
    values = path_values(world)
    body = {
        "committee_id": world.meeting.committee_id,
        "agency_id": world.meeting.department_id,
    }
    for method, template in operations(api):
        key = f"{method} {template}"
        path = re.sub(r"{(\w+)}", lambda m: values[m.group(1)], template)
        path += QUERIES.get(key, "")
        sent = None if method == "GET" else body
        if key in PUBLIC:  # /readyz: 503 while no scheduler has beaten here
            assert world.call(None, method, path).status_code in (200, 503), key
            continue
        if key in SECRET_ADDRESSES:
            assert world.call(None, method, path).status_code == 404, key
            continue
        anonymous = world.call(None, method, path, sent)
        assert problem(anonymous, 401)["type"].endswith("not_signed_in"), key
        for role in ROLES:
            response = world.call(role, method, path, sent)
            note = (
                f"{key} as {role}: {response.get_data()[:300].decode(errors='replace')}"
            )
            if role in EXPECTED[key]:
                assert response.status_code not in (401, 403), note
                assert response.status_code < 500, note
                if method == "GET" and key not in NOTHING_THERE:
                    assert response.status_code == 200, note
            else:
                refusal = problem(response, 403)
                assert refusal["permission"], note
                assert refusal["permission"] in refusal["detail"], note

"""A committee's records and one account per role, for the access tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.usecases.steerlog import Steerlog
from tests.functional.support import Api, OpenMeeting

ROLES = ("admin", "secretary", "leader", "agency_officer", "viewer", "outsider")


@dataclass
class World:
    """Committee A's meeting, task and subscription; accounts and their tokens."""

    api: Api
    meeting: OpenMeeting
    assignment_id: str
    speech_id: str
    approval_id: str
    subscription_id: str
    digest_id: str
    other_committee_id: str
    tokens: dict[str, str] = field(default_factory=dict)
    accounts: dict[str, UUID] = field(default_factory=dict)

    @property
    def application(self) -> Steerlog:
        """The application behind the API."""
        application: Steerlog = self.api.client.application.extensions["steerlog"]
        return application

    def client(self) -> FlaskClient:
        """A client that sends no credentials."""
        return self.api.client.application.test_client()

    def call(
        self, role: str | None, method: str, path: str, body: Any = None
    ) -> TestResponse:
        """One request as ``role`` (None: anonymous)."""
        headers = (
            {} if role is None else {"Authorization": f"Bearer {self.tokens[role]}"}
        )
        return self.client().open(path, method=method, json=body, headers=headers)


def account_with_role(
    application: Steerlog,
    login: str,
    role: str | None,
    committee_id: str | None = None,
    agency_id: str | None = None,
    display_name: str = "Cán bộ Kiểm thử",
) -> tuple[UUID, str]:
    """A new account holding ``role``: its id and a token."""
    written = application.register_account(
        actor="tests",
        login=login,
        display_name=display_name,
        email=f"{login}@quangnam.gov.vn",
    )
    if role is not None:
        application.grant_role(
            written.id,
            actor="tests",
            role=role,
            committee_id=UUID(committee_id) if committee_id else None,
            agency_id=UUID(agency_id) if agency_id else None,
        )
    return written.id, application.issue_token(written.id, name="tests").token


def build_world(api: Api) -> World:
    """Committee A's records, committee B, and an account of each role."""
    meeting = api.open_meeting()
    [assignment_id] = api.conclude(meeting)
    base = f"/api/v1/meetings/{meeting.meeting_id}"
    approval_id = api.created(f"{base}/approvals", {"title": "Kế hoạch năm 2022"})
    subscription_id = api.created(
        "/api/v1/digests/subscriptions",
        {
            "committee_id": meeting.committee_id,
            "recipient_kind": "agency",
            "recipient_id": meeting.department_id,
            "addresses": ["sotttt@quangnam.gov.vn"],
        },
    )
    application: Steerlog = api.client.application.extensions["steerlog"]
    digest_id = application.issue_digest(
        actor="tests",
        kind="daily",
        committee_id=UUID(meeting.committee_id),
        recipient_kind="agency",
        recipient_id=UUID(meeting.department_id),
        period=(date(2022, 1, 3), date(2022, 1, 3)),
        addresses=["sotttt@quangnam.gov.vn"],
        lines=[],
        tallies=[],
        late=False,
    ).id
    other = api.committee("Ban Chỉ đạo khác")
    world = World(
        api,
        meeting,
        assignment_id,
        api.speech(meeting, kind="discussion"),
        approval_id,
        subscription_id,
        str(digest_id),
        other,
    )
    grants = {
        "admin": ("admin", None, None),
        "secretary": ("secretary", meeting.committee_id, None),
        "leader": ("leader", meeting.committee_id, None),
        "agency_officer": (
            "agency_officer",
            meeting.committee_id,
            meeting.department_id,
        ),
        "viewer": ("viewer", meeting.committee_id, None),
        "outsider": ("secretary", other, None),
    }
    for role, (granted, committee, agency) in grants.items():
        login = f"{role.replace('_', '.')}.{api.token}"
        world.accounts[role], world.tokens[role] = account_with_role(
            application, login, granted, committee, agency
        )
    api.project()  # lists, lineage and search read the read models
    return world

"""A test client for the API's conventions, and builders of realistic data."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.errors import AlreadyExistsError
from service.readmodel.projector import Projector
from service.usecases.steerlog import Steerlog

ADMIN_LOGIN = "thu.ky.quan.tri"
ADMIN_NAME = "Nguyễn Thị Hằng"
MEETING_START = "2021-12-10T08:00:00+07:00"


@dataclass(frozen=True)
class OpenMeeting:
    """Ids of an opened meeting and what it needs: agencies, people, points."""

    committee_id: str
    department_id: str
    finance_id: str
    chair_id: str
    meeting_id: str
    host_point_id: str


def admin_token(application: Steerlog, login: str = ADMIN_LOGIN) -> str:
    """A new API token of the tests' admin account (registered the first time)."""
    with contextlib.suppress(AlreadyExistsError):
        application.register_account(
            actor="tests",
            login=login,
            display_name=ADMIN_NAME,
            email=f"{login}@laocai.gov.vn",
        )
    account = application.account_by_login(login)
    if not account.is_admin:
        application.grant_role(account.id, actor="tests", role="admin")
    return application.issue_token(account.id, name="tests").token


class Api:
    """Requests as an admin (a bearer token), JSON bodies, If-Match; unique data."""

    def __init__(self, client: FlaskClient, token: str | None = None) -> None:
        self.client = client
        # Ids derive from names, and tests on PostgreSQL share one schema.
        self.token = uuid4().hex[:8]
        application: Steerlog = client.application.extensions["steerlog"]
        self.bearer = token or admin_token(application)
        self.actor = str(application.token_principal(self.bearer).account_id)
        # Every request of this client, also through ``api.client``, sends it.
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {self.bearer}"

    def post(
        self,
        path: str,
        body: Any = None,
        *,
        if_match: int | str | None = None,
        authorised: bool = True,
        method: str = "POST",
    ) -> TestResponse:
        """Send a write; ``if_match`` is a version number or a raw header value."""
        headers: dict[str, str] = {}
        if if_match is not None:
            headers["If-Match"] = (
                f'"{if_match}"' if isinstance(if_match, int) else if_match
            )
        client = self.client if authorised else self.client.application.test_client()
        return client.open(path, method=method, json=body, headers=headers)

    def put(self, path: str, body: Any = None, **kwargs: Any) -> TestResponse:
        """Send a PUT write."""
        return self.post(path, body, method="PUT", **kwargs)

    def get(self, path: str, **query: Any) -> TestResponse:
        """Read."""
        return self.client.get(path, query_string=query)

    def project(self) -> int:
        """Bring the read models up to the end of the log; the position reached."""
        app = self.client.application
        read_side = app.extensions["steerlog.read"]
        Projector(app.extensions["steerlog"], read_side.read_model).catch_up()
        position: int = read_side.position()
        return position

    def read(self, path: str, **query: Any) -> dict[str, Any]:
        """A read of the read models, once projected; it must succeed."""
        self.project()
        response = self.get(path, **query)
        assert response.status_code == 200, response.get_data(as_text=True)
        result: dict[str, Any] = response.get_json()
        return result

    def created(self, path: str, body: Any) -> str:
        """Create something and return its id (the request must succeed)."""
        response = self.post(path, body)
        assert response.status_code == 201, response.get_json()
        return str(response.get_json()["id"])

    def ok(self, path: str, body: Any = None, method: str = "POST") -> dict[str, Any]:
        """A write that must succeed; its body."""
        response = self.post(path, body, method=method)
        assert response.status_code == 200, response.get_json()
        result: dict[str, Any] = response.get_json()
        return result

    def name(self, text: str) -> str:
        """``text`` made unique for this test."""
        return f"{text} {self.token}"

    # -- builders ------------------------------------------------------------

    def committee(self, name: str = "Ban Chỉ đạo Chuyển đổi số") -> str:
        """Establish a committee."""
        body = {"name": self.name(name), "jurisdiction": "tỉnh Lào Cai"}
        return self.created("/api/v1/committees", body)

    def agency(self, name: str, **extra: Any) -> str:
        """Register an agency."""
        return self.created("/api/v1/agencies", {"name": self.name(name), **extra})

    def person(self, full_name: str, title: str | None = None, **extra: Any) -> str:
        """Register a person."""
        body = {"full_name": full_name, "title": title, **extra}
        return self.created("/api/v1/people", body)

    def meeting(self, committee_id: str) -> str:
        """Schedule an online meeting of the committee."""
        body = {
            "committee_id": committee_id,
            "title": "Hội nghị trực tuyến về chuyển đổi số",
            "format": "online",
            "starts_at": MEETING_START,
        }
        return self.created("/api/v1/meetings", body)

    def open_meeting(self) -> OpenMeeting:
        """A meeting opened, chaired, with a host point."""
        committee_id = self.committee()
        department_id = self.agency("Sở Thông tin và Truyền thông")
        finance_id = self.agency("Sở Tài chính")
        chair_id = self.person("Trịnh Văn Thắng", "Chủ tịch UBND tỉnh")
        meeting_id = self.meeting(committee_id)
        base = f"/api/v1/meetings/{meeting_id}"
        point_id = self.created(
            f"{base}/points",
            {"name": "UBND tỉnh", "level": "province", "is_host": True},
        )
        self.ok(f"{base}/chairs", {"person_id": chair_id, "point_id": point_id})
        self.ok(f"{base}/open", {"at": "2021-12-10T08:05:00+07:00"})
        return OpenMeeting(
            committee_id, department_id, finance_id, chair_id, meeting_id, point_id
        )

    def speech(self, meeting: OpenMeeting, kind: str = "conclusion") -> str:
        """The chair speaks at the host point."""
        body = {
            "speaker_id": meeting.chair_id,
            "kind": kind,
            "point_id": meeting.host_point_id,
            "text": "Kết luận của đồng chí Chủ tịch UBND tỉnh.",
            "spoken_at": "2021-12-10T11:00:00+07:00",
        }
        return self.created(f"/api/v1/meetings/{meeting.meeting_id}/speeches", body)

    def conclude(self, meeting: OpenMeeting, deadline: str = "2099-06-30") -> list[str]:
        """Issue a one-item conclusion with one task led by the department."""
        speech_id = self.speech(meeting)
        body = {
            "speech_id": speech_id,
            "items": [
                {
                    "number": "1",
                    "text": "Giao Sở TT&TT xây dựng kế hoạch chuyển đổi số năm 2022.",
                    "tasks": [
                        {
                            "title": "Xây dựng kế hoạch chuyển đổi số năm 2022",
                            "lead": [meeting.department_id],
                            "coordinating": [meeting.finance_id],
                            "deadline": deadline,
                            "deadline_text": "trước ngày 30/6",
                        }
                    ],
                }
            ],
        }
        result = self.ok(f"/api/v1/meetings/{meeting.meeting_id}/conclusion", body)
        return [str(i) for i in result["assignment_ids"]]


def problem(response: TestResponse, status: int) -> dict[str, Any]:
    """The problem document of an error response, checked for its shape."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body: dict[str, Any] = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] and body["title"]
    return body

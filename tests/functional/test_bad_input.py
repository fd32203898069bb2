"""Bad input of every kind gets a 4xx problem document, and nothing is stored.

Each case sends one request to an app holding an opened, concluded meeting and
checks the status, ``application/problem+json``, the field named in ``errors``
when a field is at fault, and that the event log's position did not move. The
cases run on SQLite and on PostgreSQL (the made-up paging cursors were a 500
on PostgreSQL only).
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_side
from service.settings import Settings
from service.settings.database import Database
from service.usecases.steerlog import Steerlog
from tests.functional.support import Api, OpenMeeting, problem
from web.limits import MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_HEADERS, MAX_URL_BYTES
from web.representations import EXTENSION, Representations

V1 = "/api/v1"
NOBODY = "00000000-0000-4000-8000-000000000000"
DEEP_ARRAY = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000
TOO_BIG = b'{"name": "' + b"x" * (2 * MAX_BODY_BYTES) + b'", "jurisdiction": "y"}'
FAKE_CURSOR = base64.b64encode(b"[1,2]").decode()  # what the bug report sent


@dataclass(frozen=True)
class World:
    """An app's data that bad requests aim at: ids and the cursors it handed out."""

    application: Steerlog
    read_side: ReadSide
    meeting: OpenMeeting
    speech_id: str
    assignment_id: str
    cursors: dict[str, str]

    def ids(self) -> dict[str, str]:
        """What a case's path and body may name: ``{meeting}``, ``{agency}``..."""
        return {
            "committee": self.meeting.committee_id,
            "meeting": self.meeting.meeting_id,
            "point": self.meeting.host_point_id,
            "agency": self.meeting.department_id,
            "chair": self.meeting.chair_id,
            "speech": self.speech_id,
            "assignment": self.assignment_id,
            "nobody": NOBODY,
            **{f"cursor_{name}": value for name, value in self.cursors.items()},
        }


@dataclass(frozen=True)
class Case:
    """One bad request and the answer it must get."""

    method: str
    path: str
    status: int
    fields: tuple[str, ...] = ()  # every one of them named in ``errors``
    json: Any = None
    data: bytes | str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    chunked: bool = False

    def send(self, client: FlaskClient, ids: dict[str, str]) -> TestResponse:
        """The request, with the world's ids put into the path and the body."""
        path = self.path.format(**ids)
        headers = dict(self.headers)
        if self.json is not None:
            body = json.dumps(self.json, ensure_ascii=False)
            for name, value in ids.items():
                body = body.replace("{" + name + "}", value)
            return client.open(
                path,
                method=self.method,
                data=body.encode(),
                content_type=JSON,
                headers=headers,
            )
        if self.chunked:
            # As gunicorn passes a chunked body on: no length, the stream ends.
            headers["Transfer-Encoding"] = "chunked"
            raw = self.data if isinstance(self.data, bytes) else b""
            return client.open(
                path,
                method=self.method,
                input_stream=io.BytesIO(raw),
                content_type=self.content_type,
                headers=headers,
                environ_overrides={"wsgi.input_terminated": True},
            )
        data = self.data
        if isinstance(data, str):
            for name, value in ids.items():
                data = data.replace("{" + name + "}", value)
        return client.open(
            path,
            method=self.method,
            data=data,
            content_type=self.content_type,
            headers=headers,
        )


def committee(**fields: Any) -> dict[str, Any]:
    """A committee to establish, with ``fields`` changed (None: left out)."""
    body = {"name": f"Ban Chỉ đạo {uuid4().hex[:6]}", "jurisdiction": "tỉnh Lào Cai"}
    body.update(fields)
    return {key: value for key, value in body.items() if value is not None}


def meeting(**fields: Any) -> dict[str, Any]:
    """A meeting to schedule, with ``fields`` changed (None: left out)."""
    body = {
        "committee_id": "{committee}",
        "title": "Hội nghị sơ kết",
        "format": "online",
        "starts_at": "2022-03-10T08:00:00+07:00",
    }
    body.update(fields)
    return {key: value for key, value in body.items() if value is not None}


def speech(**fields: Any) -> dict[str, Any]:
    """A speech by the chair at the host point, with ``fields`` changed."""
    body = {
        "speaker_id": "{chair}",
        "kind": "discussion",
        "point_id": "{point}",
        "text": "Ý kiến thảo luận.",
        "spoken_at": "2021-12-10T09:00:00+07:00",
    }
    body.update(fields)
    return {key: value for key, value in body.items() if value is not None}


def progress(**fields: Any) -> dict[str, Any]:
    """A progress report by the lead agency, with ``fields`` changed."""
    body = {"agency_id": "{agency}", "note": "Đã hoàn thành dự thảo.", "percent": 40}
    body.update(fields)
    return {key: value for key, value in body.items() if value is not None}


def task(**fields: Any) -> dict[str, Any]:
    """An assignment to issue from a document, with its task's ``fields`` changed."""
    body = {"title": "Rà soát thủ tục", "lead": ["{agency}"], "deadline": "2099-06-30"}
    body.update(fields)
    return {
        "committee_id": "{committee}",
        "issued_on": "2022-01-05",
        "document": {"kind": "Quyết định", "number": "12/QĐ-BCĐ"},
        "task": {key: value for key, value in body.items() if value is not None},
    }


JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
COMMITTEES = f"{V1}/committees"
MEETINGS = f"{V1}/meetings"
ASSIGNMENTS = f"{V1}/assignments"
MEETING = f"{V1}/meetings/{{meeting}}"
SPEECHES = f"{MEETING}/speeches"
ASSIGNMENT = f"{V1}/assignments/{{assignment}}"
PROGRESS = f"{ASSIGNMENT}/progress"
LONG = "x" * 10_000

CASES: dict[str, Case] = {
    # -- JSON that does not parse, or is not an object -------------------------
    "truncated": Case("POST", COMMITTEES, 400, data='{"name": "Ban', content_type=JSON),
    "no value": Case("POST", COMMITTEES, 400, data='{"name": }', content_type=JSON),
    "trailing comma": Case(
        "POST", COMMITTEES, 400, data='{"name": "a",}', content_type=JSON
    ),
    "single quotes": Case(
        "POST", COMMITTEES, 400, data="{'name': 'a'}", content_type=JSON
    ),
    "byte order mark": Case(
        "POST", COMMITTEES, 400, data='\ufeff{"name": "a"}'.encode(), content_type=JSON
    ),
    "invalid utf-8": Case(
        "POST",
        COMMITTEES,
        400,
        data=b'{"name": "\xff\xfe", "jurisdiction": "y"}',
        content_type=JSON,
    ),
    "latin-1 text": Case(
        "POST",
        COMMITTEES,
        400,
        data='{"name": "Ban Ch\xe1 \xf0ao", "jurisdiction": "t"}'.encode("latin-1"),
        content_type=JSON,
    ),
    "5,000-digit number": Case(
        "POST",
        COMMITTEES,
        400,
        data='{"name": "a", "jurisdiction": "b", "predecessor_id": ' + "9" * 5000 + "}",
        content_type=JSON,
    ),
    "null document": Case(
        "POST", COMMITTEES, 422, ("_schema",), data="null", content_type=JSON
    ),
    "array document": Case("POST", COMMITTEES, 422, ("_schema",), json=["Ban Chỉ đạo"]),
    "string document": Case("POST", COMMITTEES, 422, ("_schema",), json="Ban Chỉ đạo"),
    "number document": Case("POST", COMMITTEES, 422, ("_schema",), json=42),
    # -- deep and huge bodies -----------------------------------------------------
    "array 1,000 deep": Case(
        "POST", COMMITTEES, 400, data=DEEP_ARRAY, content_type=JSON
    ),
    "object 1,000 deep": Case(
        "POST", COMMITTEES, 400, data=DEEP_OBJECT, content_type=JSON
    ),
    "array 100,000 deep": Case(
        "POST", SPEECHES, 400, data="[" * 100_000 + "]" * 100_000, content_type=JSON
    ),
    "33 deep in a field": Case(
        "POST",
        COMMITTEES,
        400,
        json=committee(document=json.loads('{"a":' * 33 + "1" + "}" * 33)),
    ),
    "2 MiB body": Case("POST", COMMITTEES, 413, data=TOO_BIG, content_type=JSON),
    "2 MiB chunked body": Case(
        "POST", COMMITTEES, 413, data=TOO_BIG, content_type=JSON, chunked=True
    ),
    "2 MiB speech text": Case(
        "POST", SPEECHES, 413, json=speech(text="ạ" * MAX_BODY_BYTES)
    ),
    "5,000 lead agencies": Case(
        "POST",
        ASSIGNMENTS,
        422,
        ("task.lead",),
        json=task(lead=[str(uuid4()) for _ in range(5000)]),
    ),
    # -- wrong types ------------------------------------------------------------
    "name a number": Case("POST", COMMITTEES, 422, ("name",), json=committee(name=123)),
    "name null": Case(
        "POST", COMMITTEES, 422, ("name",), json={"name": None, "jurisdiction": "tỉnh"}
    ),
    "name a list": Case(
        "POST", COMMITTEES, 422, ("name",), json=committee(name=["Ban"])
    ),
    "name an object": Case(
        "POST", COMMITTEES, 422, ("name",), json=committee(name={"vi": "Ban"})
    ),
    "name true": Case("POST", COMMITTEES, 422, ("name",), json=committee(name=True)),
    "time zone NaN": Case(
        "POST",
        COMMITTEES,
        422,
        ("time_zone",),
        data='{"name": "Ban", "jurisdiction": "tỉnh", "time_zone": NaN}',
        content_type=JSON,
    ),
    "unknown time zone": Case(
        "POST",
        COMMITTEES,
        422,
        ("time_zone",),
        json=committee(time_zone="Asia/Hanoi_Old"),
    ),
    "committee id not a uuid": Case(
        "POST",
        MEETINGS,
        422,
        ("committee_id",),
        json=meeting(committee_id="ban-chi-dao"),
    ),
    "committee id a number": Case(
        "POST", MEETINGS, 422, ("committee_id",), json=meeting(committee_id=12)
    ),
    "unknown format": Case(
        "POST", MEETINGS, 422, ("format",), json=meeting(format="hologram")
    ),
    "format in capitals": Case(
        "POST", MEETINGS, 422, ("format",), json=meeting(format="ONLINE")
    ),
    "title a list": Case(
        "POST", MEETINGS, 422, ("title",), json=meeting(title=["Hội nghị"])
    ),
    "speaker id not a uuid": Case(
        "POST",
        SPEECHES,
        422,
        ("speaker_id",),
        json=speech(speaker_id="Trịnh Văn Thắng"),
    ),
    "unknown speech kind": Case(
        "POST", SPEECHES, 422, ("kind",), json=speech(kind="rant")
    ),
    "speech text a number": Case("POST", SPEECHES, 422, ("text",), json=speech(text=7)),
    "percent a word": Case(
        "POST", PROGRESS, 422, ("percent",), json=progress(percent="fifty")
    ),
    "percent true": Case(
        "POST", PROGRESS, 422, ("percent",), json=progress(percent=True)
    ),
    "lead a string": Case(
        "POST", ASSIGNMENTS, 422, ("task.lead",), json=task(lead="{agency}")
    ),
    "lead of a number": Case(
        "POST", ASSIGNMENTS, 422, ("task.lead.0",), json=task(lead=[42])
    ),
    "task a list": Case(
        "POST", ASSIGNMENTS, 422, ("task._schema",), json={**task(), "task": [1]}
    ),
    # -- dates and times ----------------------------------------------------------
    "starts 31/02": Case(
        "POST",
        MEETINGS,
        422,
        ("starts_at",),
        json=meeting(starts_at="2022-02-31T08:00:00+07:00"),
    ),
    "starts in Vietnamese order": Case(
        "POST",
        MEETINGS,
        422,
        ("starts_at",),
        json=meeting(starts_at="10/03/2022 08:00"),
    ),
    "starts at hour 25": Case(
        "POST",
        MEETINGS,
        422,
        ("starts_at",),
        json=meeting(starts_at="2022-03-10T25:00:00+07:00"),
    ),
    "starts as a number": Case(
        "POST", MEETINGS, 422, ("starts_at",), json=meeting(starts_at=1646874000)
    ),
    "starts empty": Case(
        "POST", MEETINGS, 422, ("starts_at",), json=meeting(starts_at="")
    ),
    "deadline 31/02": Case(
        "POST", ASSIGNMENTS, 422, ("task.deadline",), json=task(deadline="2022-02-31")
    ),
    "deadline month 13": Case(
        "POST", ASSIGNMENTS, 422, ("task.deadline",), json=task(deadline="2022-13-01")
    ),
    "deadline as written": Case(
        "POST", ASSIGNMENTS, 422, ("task.deadline",), json=task(deadline="31/02/2022")
    ),
    "deadline a number": Case(
        "POST", ASSIGNMENTS, 422, ("task.deadline",), json=task(deadline=20220630)
    ),
    "spoken 30/02": Case(
        "POST",
        SPEECHES,
        422,
        ("spoken_at",),
        json=speech(spoken_at="2021-02-30T09:00:00+07:00"),
    ),
    "due_from 31/02": Case(
        "GET", f"{V1}/assignments?due_from=2022-02-31", 422, ("due_from",)
    ),
    "starts_from 31/02": Case(
        "GET",
        f"{MEETINGS}?starts_from=2022-02-31T00:00:00%2B07:00",
        422,
        ("starts_from",),
    ),
    # -- numbers out of range ---------------------------------------------------
    "percent negative": Case(
        "POST", PROGRESS, 422, ("percent",), json=progress(percent=-1)
    ),
    "percent 101": Case(
        "POST", PROGRESS, 422, ("percent",), json=progress(percent=101)
    ),
    "percent 10^30": Case(
        "POST", PROGRESS, 422, ("percent",), json=progress(percent=10**30)
    ),
    "percent 1e400": Case(
        "POST",
        PROGRESS,
        422,
        ("percent",),
        data='{"agency_id": "{agency}", "note": "x", "percent": 1e400}',
        content_type=JSON,
    ),
    "task number 0": Case(
        "POST", ASSIGNMENTS, 422, ("task_number",), json={**task(), "task_number": 0}
    ),
    "task number negative": Case(
        "POST", ASSIGNMENTS, 422, ("task_number",), json={**task(), "task_number": -3}
    ),
    "task number huge": Case(
        "POST",
        ASSIGNMENTS,
        422,
        ("task_number",),
        json={**task(), "task_number": 2**63},
    ),
    "limit 0": Case("GET", f"{MEETINGS}?limit=0", 422, ("limit",)),
    "limit negative": Case("GET", f"{MEETINGS}?limit=-5", 422, ("limit",)),
    "limit 40 digits": Case("GET", f"{MEETINGS}?limit={'9' * 40}", 422, ("limit",)),
    "limit a word": Case("GET", f"{V1}/assignments?limit=all", 422, ("limit",)),
    # -- NUL, control characters, lengths ------------------------------------------
    "NUL in a name": Case(
        "POST", COMMITTEES, 422, ("name",), json=committee(name="Ban\u0000Chỉ đạo")
    ),
    "bell in a name": Case(
        "POST", COMMITTEES, 422, ("name",), json=committee(name="Ban\u0007")
    ),
    "escape in a title": Case(
        "POST", MEETINGS, 422, ("title",), json=meeting(title="\u001b[31mHội nghị")
    ),
    "lone surrogate": Case(
        "POST",
        COMMITTEES,
        422,
        ("name",),
        data='{"name": "\\ud800", "jurisdiction": "tỉnh"}',
        content_type=JSON,
    ),
    "NUL in a speech": Case(
        "POST", SPEECHES, 422, ("text",), json=speech(text="Kết luận\u0000")
    ),
    "NUL in a query": Case("GET", f"{V1}/search?q=%00", 422, ("q",)),
    "empty name": Case("POST", COMMITTEES, 422, ("name",), json=committee(name="")),
    "blank name": Case("POST", COMMITTEES, 422, ("name",), json=committee(name="   ")),
    "10,000-character name": Case(
        "POST", COMMITTEES, 422, ("name",), json=committee(name=LONG)
    ),
    "10,000-character title": Case(
        "POST", MEETINGS, 422, ("title",), json=meeting(title=LONG)
    ),
    "10,000-character reason": Case(
        "POST", f"{MEETING}/cancel", 422, ("reason",), json={"reason": LONG * 2}
    ),
    "10,000-character field name": Case(
        "POST", COMMITTEES, 422, (LONG,), json=committee(**{LONG: 1})
    ),
    "25,000-character note": Case(
        "POST", PROGRESS, 422, ("note",), json=progress(note=LONG * 3)
    ),
    "3,000-character search": Case("GET", f"{V1}/search?q={'x' * 3000}", 422, ("q",)),
    # -- unknown and missing fields -----------------------------------------------
    "unknown field": Case(
        "POST", COMMITTEES, 422, ("colour",), json=committee(colour="đỏ")
    ),
    "unknown nested field": Case(
        "POST", ASSIGNMENTS, 422, ("task.priority",), json=task(priority="high")
    ),
    "missing jurisdiction": Case(
        "POST", COMMITTEES, 422, ("jurisdiction",), json=committee(jurisdiction=None)
    ),
    "empty object": Case("POST", COMMITTEES, 422, ("name", "jurisdiction"), json={}),
    "missing starts_at": Case(
        "POST", MEETINGS, 422, ("starts_at",), json=meeting(starts_at=None)
    ),
    "missing speech kind": Case(
        "POST", SPEECHES, 422, ("kind",), json=speech(kind=None)
    ),
    "missing note": Case("POST", PROGRESS, 422, ("note",), json=progress(note=None)),
    "empty lead": Case("POST", ASSIGNMENTS, 422, ("task.lead",), json=task(lead=[])),
    # -- ids that name nothing, ids and cursors made up ---------------------------
    "unknown meeting": Case("GET", f"{V1}/meetings/{{nobody}}", 404),
    "write to unknown meeting": Case(
        "POST", f"{V1}/meetings/{{nobody}}/speeches", 404, json=speech()
    ),
    "meeting id not a uuid": Case("GET", f"{V1}/meetings/hoi-nghi-1", 404),
    "unknown speaker": Case(
        "POST", SPEECHES, 422, ("speaker_id",), json=speech(speaker_id=NOBODY)
    ),
    "progress of an agency not assigned": Case(
        "POST", PROGRESS, 409, json=progress(agency_id=NOBODY)
    ),
    "unknown committee of a meeting": Case(
        "POST", MEETINGS, 422, ("committee_id",), json=meeting(committee_id=NOBODY)
    ),
    "stale If-Match": Case(
        "POST",
        f"{MEETING}/reschedule",
        412,
        json={"starts_at": "2021-12-11T08:00:00+07:00"},
        headers={"If-Match": '"999"'},
    ),
    "If-Match not a version": Case(
        "POST",
        f"{MEETING}/reschedule",
        422,
        ("If-Match",),
        json={"starts_at": "2021-12-11T08:00:00+07:00"},
        headers={"If-Match": "abc"},
    ),
    "meetings: base64 [1,2]": Case(
        "GET", f"{MEETINGS}?cursor={FAKE_CURSOR}", 422, ("cursor",)
    ),
    "assignments: base64 [1,2]": Case(
        "GET", f"{V1}/assignments?cursor={FAKE_CURSOR}", 422, ("cursor",)
    ),
    "digests: base64 [1,2]": Case(
        "GET", f"{V1}/digests?cursor={FAKE_CURSOR}", 422, ("cursor",)
    ),
    "documents: base64 [1,2]": Case(
        "GET", f"{V1}/documents?cursor={FAKE_CURSOR}", 422, ("cursor",)
    ),
    "meetings: cursor tampered": Case(
        "GET", f"{MEETINGS}?limit=1&cursor={{cursor_tampered}}", 422, ("cursor",)
    ),
    "meetings: cursor re-signed": Case(
        "GET", f"{MEETINGS}?limit=1&cursor={{cursor_resigned}}", 422, ("cursor",)
    ),
    "assignments: a meetings cursor": Case(
        "GET", f"{V1}/assignments?limit=1&cursor={{cursor_meetings}}", 422, ("cursor",)
    ),
    "documents: a meetings cursor": Case(
        "GET", f"{V1}/documents?cursor={{cursor_meetings}}", 422, ("cursor",)
    ),
    "cursor empty": Case("GET", f"{MEETINGS}?cursor=", 422, ("cursor",)),
    "cursor not UTF-8": Case("GET", f"{MEETINGS}?cursor=%ff%fe", 422, ("cursor",)),
    "cursor NUL": Case("GET", f"{V1}/assignments?cursor=%00", 422, ("cursor",)),
    "cursor 2,000 characters": Case(
        "GET", f"{V1}/documents?cursor={'A' * 2000}", 422, ("cursor",)
    ),
    "history cursor a word": Case(
        "GET", f"{V1}/history/{{meeting}}?cursor=abc", 422, ("cursor",)
    ),
    "history cursor negative": Case(
        "GET", f"{V1}/history/{{meeting}}?cursor=-1", 422, ("cursor",)
    ),
    # -- path tricks ----------------------------------------------------------------
    "dot segments": Case("GET", f"{MEETINGS}/../committees", 404),
    "encoded dot segments": Case("GET", f"{MEETINGS}/%2e%2e/%2e%2e/healthz", 404),
    "NUL in a path": Case("GET", f"{V1}/meetings/{{meeting}}%00", 404),
    "encoded slash as an id": Case("GET", f"{V1}/meetings/%2F", 404),
    "document number escaping": Case(
        "GET", f"{V1}/documents/..%2f..%2fetc%2fpasswd", 404
    ),
    "lineage of a NUL document": Case(
        "GET", f"{V1}/lineage/document/%00", 422, ("document.number",)
    ),
    "unknown resource": Case("GET", f"{V1}/minutes", 404),
    # -- methods, media types, sizes of the request's head --------------------
    "DELETE a list": Case("DELETE", COMMITTEES, 405),
    "PUT a list": Case("PUT", MEETINGS, 405, json=meeting()),
    "PATCH a meeting": Case("PATCH", MEETING, 405, json={"title": "Hội nghị"}),
    "POST to a meeting": Case("POST", MEETING, 405, json=meeting()),
    "form-encoded body": Case(
        "POST",
        COMMITTEES,
        415,
        data="name=Ban&jurisdiction=t%E1%BB%89nh",
        content_type=FORM,
    ),
    "multipart body": Case(
        "POST",
        SPEECHES,
        415,
        data=b"--b\r\nContent-Disposition: form-data; name=text\r\n\r\nx\r\n--b--\r\n",
        content_type="multipart/form-data; boundary=b",
    ),
    "text/plain body": Case(
        "POST",
        COMMITTEES,
        415,
        data='{"name": "Ban", "jurisdiction": "tỉnh"}',
        content_type="text/plain",
    ),
    "XML body": Case(
        "POST", MEETINGS, 415, data="<meeting/>", content_type="application/xml"
    ),
    "body without a type": Case(
        "POST", COMMITTEES, 415, data=b'{"name": "Ban", "jurisdiction": "t"}'
    ),
    "chunked form body": Case(
        "POST", PROGRESS, 415, data=b"note=x", content_type=FORM, chunked=True
    ),
    "URL too long": Case("GET", f"{MEETINGS}?title={'x' * MAX_URL_BYTES}", 414),
    "too many headers": Case(
        "GET", MEETINGS, 431, headers={f"X-Extra-{n}": "1" for n in range(MAX_HEADERS)}
    ),
    "header too long": Case(
        "GET", MEETINGS, 431, headers={"X-Note": "x" * MAX_HEADER_BYTES}
    ),
}


def log_position(application: Steerlog) -> int:
    """How far the event log goes: it must not move on a bad request."""
    return int(application.recorder.max_notification_id() or 0)


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def world(
    request: pytest.FixtureRequest,
    flask_app: Flask,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[World]:
    """One app's data for every case (none of them stores anything)."""
    if request.param == "postgres":
        application = request.getfixturevalue("postgres_application")
        read_side = request.getfixturevalue("postgres_read_side")
    else:
        path = Path(tmp_path_factory.mktemp("bad_input")) / "events.sqlite3"
        application = build_application(
            Settings(database=Database.from_url(f"sqlite:///{path}"))
        )
        read_side = build_read_side(application.settings)
    serve(flask_app, application, read_side)
    api = Api(flask_app.test_client())
    opened = api.open_meeting()
    [assignment_id] = api.conclude(opened)
    api.meeting(opened.committee_id)  # a second meeting: a list of two pages
    speech_id = api.speech(opened, kind="discussion")
    api.project()
    yield World(
        application,
        read_side,
        opened,
        speech_id,
        assignment_id,
        handed_out_cursors(api, opened.committee_id),
    )
    if request.param == "sqlite":
        read_side.read_model.close()
        application.close()


def serve(flask_app: Flask, application: Steerlog, read_side: ReadSide) -> None:
    """Point the session's app at this world (other tests point it elsewhere)."""
    flask_app.extensions.update(
        {
            "steerlog": application,
            "steerlog.read": read_side,
            EXTENSION: Representations(),
        }
    )


def handed_out_cursors(api: Api, committee_id: str) -> dict[str, str]:
    """A real next cursor of the meetings, and two forgeries made from it."""
    page = api.read(f"{MEETINGS}", committee_id=committee_id, limit=1)
    real: str = page["next_cursor"]
    payload, _, signature = real.rpartition(".")
    flipped = "A" if signature[0] != "A" else "B"
    # The same payload, signed by a key that is not the app's.
    resigned = f"{payload}.{flipped}{signature[1:]}"
    inner = json.dumps(["meetings", FAKE_CURSOR]).encode()
    forged = base64.urlsafe_b64encode(inner).decode().rstrip("=")
    return {
        "meetings": real,
        "tampered": f"{forged}.{signature}",
        "resigned": resigned,
    }


@pytest.fixture
def client(world: World, flask_app: Flask) -> FlaskClient:
    """A client of the session's app, serving the world, as its admin."""
    serve(flask_app, world.application, world.read_side)
    return Api(flask_app.test_client()).client


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_request_is_a_problem_and_stores_nothing(
    case: Case, world: World, client: FlaskClient
) -> None:
    ids = world.ids()
    before = log_position(world.application)
    response = case.send(client, ids)
    body = problem(response, case.status)
    errors = body.get("errors", {})
    # Only the field at fault is named: the rest of the body is valid.
    assert set(errors) == set(case.fields), body
    assert body["detail"], body
    assert log_position(world.application) == before
    if case.status == 405:
        assert response.headers["Allow"], response.headers


def test_at_least_eighty_cases() -> None:
    assert len(CASES) >= 80


def test_the_cursor_handed_out_still_pages(world: World, client: FlaskClient) -> None:
    """The check refuses forgeries only: the cursor the app gave opens page two."""
    response = client.get(
        MEETINGS,
        query_string={
            "committee_id": world.meeting.committee_id,
            "limit": 1,
            "cursor": world.cursors["meetings"],
        },
    )
    assert response.status_code == 200, response.get_json()
    assert len(response.get_json()["items"]) == 1


def test_a_chunked_body_within_the_limit_is_read_whole(client: FlaskClient) -> None:
    body = json.dumps(committee()).encode()
    response = client.post(
        COMMITTEES,
        input_stream=io.BytesIO(body),
        content_type=JSON,
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 201, response.get_json()


def test_pages_still_take_forms(client: FlaskClient) -> None:
    """415 is the API's: a page's form post reaches the page (here: its CSRF check)."""
    response = client.post("/sign-in", data={"login": "x", "password": "y"})
    assert response.status_code != 415
    assert response.status_code < 500

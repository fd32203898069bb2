"""Property-based: requests generated from the OpenAPI document never get a 5xx.

Every operation of ``/api/openapi.json`` is called through the WSGI app with
requests schemathesis derives from the document, valid and invalid ones, on
aggregates that exist (so reads answer 200 with full representations), and
every answer must be as documented: status code, content type, headers, body.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.ops.heartbeat import Heartbeats
from service.readmodel.projector import Projector
from service.run.composition import build_application
from service.settings import Database, Settings
from tests.functional.support import Api
from web import create_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 4


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[schemathesis.BaseSchema, dict[str, str]]]:
    """The document of an app (not in testing mode, so that an unexpected error
    is the 500 it would be in production) and ids of aggregates it holds."""
    directory = tmp_path_factory.mktemp("openapi")
    database = Database.from_url(f"sqlite:///{directory}/events.sqlite3")
    application = build_application(Settings(database=database))
    app = create_app(application=application)
    api = Api(app.test_client())
    meeting = api.open_meeting()
    [assignment_id] = api.conclude(meeting)
    api.project()
    stop = threading.Event()
    projector = Projector(application, app.extensions["steerlog.read"].read_model)
    following = threading.Thread(target=projector.run, args=(stop, 0.05))
    following.start()
    # A scheduler is alive, as in a deployment: /readyz answers 200, not 503.
    Heartbeats(database).beat(application.clock())
    ids = {
        "committee_id": meeting.committee_id,
        "agency_id": meeting.department_id,
        "person_id": meeting.chair_id,
        "meeting_id": meeting.meeting_id,
        "point_id": meeting.host_point_id,
        "speech_id": api.speech(meeting, kind="discussion"),
        "assignment_id": assignment_id,
        "aggregate_id": meeting.meeting_id,
        "number": "1",
        "node_id": meeting.meeting_id,
    }
    # Every request is an admin's, whose token the client sends (and only
    # the 401s and 403s of ``test_role_matrix`` are other accounts').
    ids["Authorization"] = f"Bearer {api.bearer}"
    auth = {"Authorization": ids["Authorization"]}
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", app, headers=auth), ids
    stop.set()
    following.join()
    application.close()


def run_operation(operation: Any, mode: GenerationMode, ids: dict[str, str]) -> None:
    """Call one operation with generated requests and check every answer."""
    names = re.findall(r"{(\w+)}", operation.path)
    strategy = operation.as_strategy(
        generation_mode=mode,
        path_parameters={name: ids[name] for name in names if name in ids},
    )

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(
            headers={"Authorization": ids["Authorization"]}, checks=CHECKS
        )

    check()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_generated_requests_get_documented_answers_and_no_5xx(
    seeded: tuple[schemathesis.BaseSchema, dict[str, str]], mode: GenerationMode
) -> None:
    schema, ids = seeded
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40
    for operation in operations:
        try:
            run_operation(operation, mode, ids)
        except Unsatisfiable:
            # Nothing of this operation is left to make invalid once its path
            # names existing aggregates (a GET with no query): nothing to test.
            assert mode is GenerationMode.NEGATIVE
        except Exception as error:
            error.add_note(f"operation: {operation.label}")
            raise

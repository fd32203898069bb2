"""Property-based: the OpenAPI document tells the truth, and no input gets a 5xx.

Every operation of ``/api/openapi.json`` is called through the WSGI app with
requests schemathesis derives from the document, valid and invalid ones, on
aggregates that exist (so reads answer 200 with full representations), and
every check schemathesis has is on: no 5xx, answers as documented (status code,
content type, headers, body), invalid requests refused and valid ones accepted.

A valid request may still name things only earlier answers give (an id, a
version, a paging cursor, a log position): in positive mode those are taken
from what the seeded app holds, as a client would; the stateful run follows the
document's links to get them from the answers themselves. Where a rule is on
stored facts (the deadline of the task extended, whether an agency is a group)
or compares two fields, a valid request keeps it as a client that read the
facts first would (``known_facts``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from hypothesis.stateful import run_state_machine_as_test
from schemathesis import GenerationMode
from schemathesis.generation.stateful.state_machine import StepInput, StepOutput

from service.ops.heartbeat import Heartbeats
from service.readmodel.projector import Projector
from service.run.composition import build_application
from service.settings import Settings
from service.settings.database import Database
from tests.functional.known_facts import Facts, with_known_facts
from tests.functional.support import Api
from web import create_app

EXAMPLES_PER_OPERATION = 4


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[schemathesis.BaseSchema, Facts]]:
    """The document of an app (not in testing mode, so that an unexpected error
    is the 500 it would be in production) and what it holds."""
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
        # A group ("UBND các huyện...") is the only kind of agency with members.
        "group_id": api.agency(
            "UBND các huyện, thị xã, thành phố",
            kind="group",
            member_ids=[meeting.finance_id],
        ),
    }
    # Every request is an admin's, whose token the client sends (and only
    # the 401s and 403s of ``test_role_matrix`` are other accounts').
    ids["Authorization"] = f"Bearer {api.bearer}"
    ids["database_url"] = f"sqlite:///{directory}/events.sqlite3"
    # Operations on an account (disable, revoke...) address another one than
    # the admin's, who must stay able to call every operation.
    application.register_account(
        actor="tests",
        login="thu.ky",
        display_name="Thư ký",
        email="thuky@laocai.gov.vn",
    )
    ids["account_id"] = str(application.account_by_login("thu.ky").id)
    auth = {"Authorization": ids["Authorization"]}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app, headers=auth)
    yield schema, Facts(ids, api)
    stop.set()
    following.join()
    application.close()


def run_operation(operation: Any, mode: GenerationMode, facts: Facts) -> None:
    """Call one operation with generated requests and check every answer."""
    ids = facts.ids
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
        if mode is GenerationMode.POSITIVE:
            with_known_facts(case, facts)
        if case.operation.path == "/readyz":  # the scheduler is still alive
            Heartbeats(Database.from_url(ids["database_url"])).beat(datetime.now(UTC))
        case.call_and_validate(headers={"Authorization": ids["Authorization"]})

    check()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_generated_requests_get_documented_answers_and_no_5xx(
    seeded: tuple[schemathesis.BaseSchema, Facts], mode: GenerationMode
) -> None:
    schema, facts = seeded
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40
    for operation in operations:
        try:
            run_operation(operation, mode, facts)
        except Unsatisfiable:
            # Nothing of this operation is left to make invalid once its path
            # names existing aggregates (a GET with no query): nothing to test.
            assert mode is GenerationMode.NEGATIVE
        except Exception as error:
            error.add_note(f"operation: {operation.label}")
            raise


STATEFUL_STEPS = 8
STATEFUL_SCENARIOS = 10


def test_stateful_runs_through_the_links_get_documented_answers(
    seeded: tuple[schemathesis.BaseSchema, Facts],
) -> None:
    """Scenarios that follow the document's links (create a meeting, read it,
    record on it, read it again...), every check on at each step."""
    schema, facts = seeded
    ids = facts.ids
    machine = schema.as_state_machine()
    steps: list[str] = []

    class Scenario(machine):  # type: ignore[misc,valid-type]
        def step(self, input: StepInput) -> StepOutput:
            linked = frozenset(name for _, name in input.applied_parameters if name)
            with_known_facts(input.case, facts, linked)
            if input.transition is not None:
                steps.append(input.case.operation.label)
            return super().step(input)

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": {"Authorization": ids["Authorization"]}}

        def validate_response(
            self, response: Any, case: schemathesis.Case, **kwargs: Any
        ) -> None:
            # The admin's token is the client's own (explicit) authentication:
            # the auth checks try the same request without it, and with a wrong one.
            case.validate_response(
                response,
                headers=kwargs["headers"],
                transport_kwargs=kwargs,
                recorder=self.recorder,
            )

    run_state_machine_as_test(
        Scenario,
        settings=settings(
            max_examples=STATEFUL_SCENARIOS,
            stateful_step_count=STATEFUL_STEPS,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    # Links were followed, not only operations called one by one.
    assert steps

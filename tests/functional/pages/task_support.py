"""Helpers of the task-page tests: a task to act on, a form posted as its page
offers it, and the events the task has recorded."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.functional.pages.conftest import csrf_token
from tests.functional.support import Api, OpenMeeting


def issued_task(api: Api) -> tuple[OpenMeeting, str]:
    """An open meeting whose conclusion issued one task, projected."""
    meeting = api.open_meeting()
    [task_id] = api.conclude(meeting)
    api.project()
    return meeting, task_id


def post_action(client: FlaskClient, task_id: str, action: str, **fields: str) -> str:
    """Post the task page's ``action`` form (its token and version as loaded):
    '' when it was stored, the page shown again when it was refused."""
    page = client.get(f"/tasks/{task_id}").get_data(as_text=True)
    version = re.search(
        rf'action="/tasks/{task_id}/{action}".*?name="version"[^>]*value="(\d+)"',
        page,
        re.S,
    )
    assert version is not None, f"no {action} form on the page"
    data = {"csrf_token": csrf_token(page), "version": version.group(1), **fields}
    response = client.post(f"/tasks/{task_id}/{action}", data=data)
    assert response.status_code in (303, 400), response.status_code
    return response.get_data(as_text=True) if response.status_code == 400 else ""


def task_events(api: Api, task_id: str) -> list[str]:
    """The names of the task's events, oldest first."""
    items = api.get(f"/api/v1/history/{task_id}").get_json()["items"]
    return [item["event"] for item in items]

"""The meeting page's connection point commands: a pasted list, connect, disconnect,
attendance; each as the API's use case, with the version the form was loaded at."""

from __future__ import annotations

from uuid import UUID

from flask_wtf import FlaskForm

from service.eventstore.application import Written
from service.usecases.meetings import PointDraft
from web.http import steerlog
from web.principal import current_actor


def add_pasted(meeting_id: UUID, form: FlaskForm) -> Written:
    """Thêm điểm cầu: one per pasted line, all of them or none."""
    lines = [line.strip() for line in form.names.data.splitlines()]
    names = [line for line in lines if line]
    drafts = [
        PointDraft(name, form.level.data, is_host=form.first_is_host.data and row == 0)
        for row, name in enumerate(names)
    ]
    return steerlog().add_connection_points(
        meeting_id, actor=current_actor(), points=drafts
    )


def connect(meeting_id: UUID, form: FlaskForm, connected: bool = True) -> Written:
    """Kết nối: the row's point comes on line (or drops off)."""
    return steerlog().connect_point(
        meeting_id,
        UUID(form.point_id.data),
        actor=current_actor(),
        connected=connected,
        expected_version=form.expected_version(),
    )


def disconnect(meeting_id: UUID, form: FlaskForm) -> Written:
    """Ngắt kết nối: the row's point drops off line."""
    return connect(meeting_id, form, connected=False)

"""The rules of a meeting's connection points and attendance, and who is present."""

from __future__ import annotations

from datetime import datetime
from uuid import uuid4

import pytest

from domain.connection_points import (
    MAX_CONNECTION_POINTS,
    attendance_count,
    check_new_point,
)
from domain.errors import (
    DuplicateConnectionPointError,
    HostPointExistsError,
    InvalidValueError,
    TooManyConnectionPointsError,
)
from domain.meeting_parts import Attendance, Chair, ConnectionPoint, Speech
from domain.presence import introduced, present_person_ids
from domain.text import fold
from domain.values import PointLevel, SpeechKind, aware
from tests.scenario import MEETING_DAY

MEETING = uuid4()


def host_point() -> ConnectionPoint:
    return ConnectionPoint(uuid4(), "UBND tỉnh", PointLevel.PROVINCE, is_host=True)


def test_a_new_point_needs_a_new_id_and_folded_name() -> None:
    host = host_point()
    points, names = {host.id: host}, {fold(host.name): host.id}
    check_new_point(
        MEETING, points, names, point_id=uuid4(), name="Huyện Duy Xuyên", is_host=False
    )
    for point_id, name in ((host.id, "Tên khác"), (uuid4(), "ubnd  TỈNH")):
        with pytest.raises(DuplicateConnectionPointError) as error:
            check_new_point(
                MEETING, points, names, point_id=point_id, name=name, is_host=False
            )
        assert error.value.field == "name"


def test_a_second_host_point_is_refused() -> None:
    host = host_point()
    with pytest.raises(HostPointExistsError):
        check_new_point(
            MEETING,
            {host.id: host},
            {fold(host.name): host.id},
            point_id=uuid4(),
            name="Tỉnh ủy",
            is_host=True,
        )


def test_no_point_beyond_the_limit() -> None:
    points = {
        (point_id := uuid4()): ConnectionPoint(
            point_id, f"xã {n}", PointLevel.COMMUNE, is_host=False
        )
        for n in range(MAX_CONNECTION_POINTS)
    }
    with pytest.raises(TooManyConnectionPointsError) as error:
        check_new_point(
            MEETING, points, {}, point_id=uuid4(), name="xã thừa", is_host=False
        )
    assert error.value.details["limit"] == 500


def test_head_count_is_at_least_the_people_named() -> None:
    people = [uuid4(), uuid4()]
    assert attendance_count(people, None) == 2
    assert attendance_count(people, 40) == 40
    with pytest.raises(InvalidValueError) as error:
        attendance_count(people, 1)
    assert error.value.field == "attendee_count"


def test_chairs_and_attendees_are_present() -> None:
    chair, attendee, point = uuid4(), uuid4(), uuid4()
    chairs = [Chair(chair, "Hồ Quang Bửu", None, point)]
    attendance = [Attendance(point, (attendee,), 12)]
    assert present_person_ids(chairs, attendance) == {chair, attendee}


def test_a_speaker_is_introduced_as_their_latest_speech_names_them() -> None:
    person = uuid4()
    chairs = [Chair(person, "Hồ Quang Bửu", "Phó Chủ tịch", None)]
    speeches = {
        speech_id: Speech(
            speech_id,
            person,
            "Hồ Quang Bửu",
            title,
            None,
            SpeechKind.DISCUSSION,
            "",
            MEETING_DAY,
        )
        for speech_id, title in ((uuid4(), "Phó Chủ tịch"), (uuid4(), "Chủ tịch"))
    }
    assert introduced(person, speeches.values(), chairs) == ("Hồ Quang Bửu", "Chủ tịch")
    assert introduced(person, [], chairs) == ("Hồ Quang Bửu", "Phó Chủ tịch")
    assert introduced(uuid4(), speeches.values(), chairs) is None


def test_a_time_needs_its_utc_offset() -> None:
    assert aware("at", MEETING_DAY) is MEETING_DAY
    with pytest.raises(InvalidValueError) as error:
        aware("at", datetime(2021, 12, 10, 8, 0))
    assert error.value.field == "at"

"""Every use case through the application, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.errors import (
    InvalidValueError,
    MeetingClosedError,
    UnknownConnectionPointError,
)
from domain.meeting import Meeting
from domain.person import Person
from domain.values import AssignmentStatus, Authority, DocumentRef, MeetingStatus
from service.errors import AlreadyExistsError, NotFoundError, StaleVersionError
from service.usecases.assignments import TaskDraft
from service.usecases.steerlog import Steerlog
from tests.scenario import (
    ACTOR,
    MEETING_DAY,
    Scenario,
    conclude,
    conclusion_items,
    open_meeting,
)


@pytest.fixture
def scenario(app: Steerlog) -> Scenario:
    return open_meeting(app)


def test_directory_use_cases(app: Steerlog, scenario: Scenario) -> None:
    app.rename_committee(
        scenario.committee_id, actor=ACTOR, name="Ban Chỉ đạo CĐS tỉnh"
    )
    app.appoint_member(
        scenario.committee_id,
        actor=ACTOR,
        person_id=scenario.chair_id,
        role="deputy_head",
    )
    app.relieve_member(scenario.committee_id, actor=ACTOR, person_id=scenario.chair_id)
    app.add_agency_alias(scenario.finance_id, actor=ACTOR, alias="STC")
    app.rename_agency(scenario.finance_id, actor=ACTOR, name="Sở Tài chính tỉnh")
    app.set_group_members(
        scenario.districts_id, actor=ACTOR, member_ids=[scenario.district_a_id]
    )
    app.change_title(
        scenario.chair_id,
        actor=ACTOR,
        title="Chủ tịch UBND tỉnh",
        effective_on=date(2022, 5, 1),
    )
    committee = app.load(Committee, scenario.committee_id)
    assert committee.name == "Ban Chỉ đạo CĐS tỉnh" and not committee.members
    assert app.load(Agency, scenario.finance_id).aliases == ["STC", "Sở Tài chính"]
    assert app.load(Agency, scenario.districts_id).member_ids == [
        scenario.district_a_id
    ]
    assert app.load(Person, scenario.chair_id).title == "Chủ tịch UBND tỉnh"


def test_registering_the_same_agency_twice_is_refused(
    app: Steerlog, scenario: Scenario
) -> None:
    with pytest.raises(AlreadyExistsError):
        app.register_agency(actor=ACTOR, name="sở tài chính")


def test_unknown_reference_names_the_field(app: Steerlog, scenario: Scenario) -> None:
    with pytest.raises(NotFoundError) as error:
        app.schedule_meeting(
            actor=ACTOR,
            committee_id=uuid4(),
            title="Họp",
            format="online",
            starts_at=MEETING_DAY,
        )
    assert error.value.field == "committee_id"


def test_meeting_set_up_and_record(app: Steerlog, scenario: Scenario) -> None:
    m = scenario.meeting_id
    app.add_agenda_item(m, actor=ACTOR, title="Đánh giá kết quả năm 2021")
    app.connect_point(m, scenario.district_point_id, actor=ACTOR)
    app.connect_point(m, scenario.district_point_id, actor=ACTOR, connected=False)
    app.record_attendance(
        m,
        scenario.district_point_id,
        actor=ACTOR,
        person_ids=[scenario.speaker_id],
        attendee_count=25,
    )
    speech = app.record_speech(
        m,
        actor=ACTOR,
        speaker_id=scenario.speaker_id,
        kind="presentation",
        point_id=scenario.host_point_id,
    )
    app.correct_speech(
        m,
        speech.id,
        actor=ACTOR,
        reason="sai chức danh",
        speaker_title="Chủ tịch HĐQT FPT",
    )
    app.record_approval(
        m,
        actor=ACTOR,
        title="Kế hoạch CĐS năm 2022",
        document=DocumentRef("Kế hoạch", "55/KH-UBND"),
    )
    meeting = app.load(Meeting, m)
    assert meeting.agenda[0].title == "Đánh giá kết quả năm 2021"
    assert meeting.attendance[scenario.district_point_id].attendee_count == 25
    assert meeting.speeches[speech.id].speaker_name == "Trương Gia Bình"
    assert meeting.speeches[speech.id].speaker_title == "Chủ tịch HĐQT FPT"
    assert meeting.approvals[0].document == DocumentRef("Kế hoạch", "55/KH-UBND")


def test_speech_at_unregistered_point_stores_nothing(
    app: Steerlog, scenario: Scenario
) -> None:
    before = app.load(Meeting, scenario.meeting_id).version
    with pytest.raises(UnknownConnectionPointError):
        app.record_speech(
            scenario.meeting_id,
            actor=ACTOR,
            speaker_id=scenario.chair_id,
            kind="opening",
            point_id=uuid4(),
        )
    assert app.load(Meeting, scenario.meeting_id).version == before


def test_a_speaker_keeps_one_name_and_title_within_a_meeting(
    app: Steerlog, scenario: Scenario
) -> None:
    m = scenario.meeting_id
    first = app.record_speech(
        m, actor=ACTOR, speaker_id=scenario.speaker_id, kind="presentation"
    )
    app.change_title(
        scenario.speaker_id,
        actor=ACTOR,
        title="Cố vấn",
        effective_on=date(2021, 12, 10),
    )
    second = app.record_speech(
        m, actor=ACTOR, speaker_id=scenario.speaker_id, kind="discussion"
    )
    speeches = app.load(Meeting, m).speeches
    assert speeches[second.id].speaker_title == speeches[first.id].speaker_title
    assert speeches[second.id].speaker_name == "Trương Gia Bình"


def test_speech_by_an_unknown_person_names_the_field(
    app: Steerlog, scenario: Scenario
) -> None:
    before = app.load(Meeting, scenario.meeting_id).version
    with pytest.raises(NotFoundError) as raised:
        app.record_speech(
            scenario.meeting_id, actor=ACTOR, speaker_id=uuid4(), kind="discussion"
        )
    assert raised.value.field == "speaker_id"
    assert app.load(Meeting, scenario.meeting_id).version == before


def test_issue_conclusion_saves_meeting_and_assignments_atomically(
    app: Steerlog, scenario: Scenario
) -> None:
    speech_id, assignment_ids = conclude(app, scenario)
    assert len(assignment_ids) == 3
    group_task = app.load(Assignment, assignment_ids[0])
    assert group_task.tracked == [scenario.district_a_id, scenario.district_b_id]
    assert group_task.origin.speech_id == speech_id
    assert group_task.origin.speaker_id == scenario.chair_id
    assert group_task.origin.point_id == scenario.host_point_id
    assert group_task.issued_on == date(2021, 12, 10)
    assert group_task.report_to == scenario.department_id
    assert app.load(Meeting, scenario.meeting_id).items["2"].speech_id == speech_id


def test_issuing_the_same_conclusion_twice_creates_nothing(
    app: Steerlog, scenario: Scenario
) -> None:
    speech_id, _ = conclude(app, scenario)
    position = app.recorder.max_notification_id()
    again = app.issue_conclusion(
        scenario.meeting_id,
        actor=ACTOR,
        speech_id=speech_id,
        items=conclusion_items(scenario),
    )
    assert again.assignment_ids == []
    assert app.recorder.max_notification_id() == position


def test_conclusion_with_a_bad_task_stores_nothing(
    app: Steerlog, scenario: Scenario
) -> None:
    speech = app.record_speech(
        scenario.meeting_id,
        actor=ACTOR,
        speaker_id=scenario.chair_id,
        kind="conclusion",
    )
    items = conclusion_items(scenario)
    bad = items[1].tasks[0]
    items[1] = type(items[1])(
        "2",
        items[1].text,
        [
            TaskDraft(
                title=bad.title,
                lead=[scenario.department_id],
                deadline=date(2020, 1, 1),
            )
        ],
    )
    position = app.recorder.max_notification_id()
    with pytest.raises(InvalidValueError) as error:
        app.issue_conclusion(
            scenario.meeting_id, actor=ACTOR, speech_id=speech.id, items=items
        )
    assert error.value.field == "deadline"
    assert app.recorder.max_notification_id() == position
    assert app.load(Meeting, scenario.meeting_id).items == {}


def test_follow_up_of_an_assignment(app: Steerlog, scenario: Scenario) -> None:
    _, (group_task, guide, _) = conclude(app, scenario)
    authority = Authority(meeting_id=scenario.meeting_id, item_number="2")
    app.acknowledge(guide, actor=ACTOR, agency_id=scenario.department_id)
    app.report_progress(
        guide, actor=ACTOR, agency_id=scenario.finance_id, note="đã góp ý", percent=40
    )
    app.request_extension(
        guide,
        actor=ACTOR,
        agency_id=scenario.department_id,
        deadline=date(2022, 2, 28),
        reason="chờ",
    )
    app.extend_deadline(
        guide,
        actor=ACTOR,
        deadline=date(2022, 2, 28),
        authority=authority,
        reason="đồng ý",
    )
    app.complete(
        guide,
        actor=ACTOR,
        agency_id=scenario.department_id,
        evidence="QĐ 1/QĐ-STTTT",
        completed_on=date(2022, 2, 20),
    )
    done = app.load(Assignment, guide)
    assert done.status_on(date(2022, 3, 1)) is AssignmentStatus.DONE_ON_TIME
    app.reopen(guide, actor=ACTOR, reason="chưa đạt")
    app.reassign(
        guide,
        actor=ACTOR,
        lead=[scenario.finance_id],
        authority=authority,
        reason="điều chỉnh",
    )
    assert app.load(Assignment, guide).lead == [scenario.finance_id]
    child = app.delegate(
        group_task,
        actor=ACTOR,
        by_agency_id=scenario.district_a_id,
        task=TaskDraft(
            title="Tổ công nghệ số cộng đồng xã",
            lead=[scenario.finance_id],
            deadline=date(2021, 12, 25),
        ),
        issued_on=date(2021, 12, 12),
    )
    assert app.load(Assignment, child.id).parent_id == group_task
    app.supersede(
        group_task,
        actor=ACTOR,
        by_assignment_id=child.id,
        authority=authority,
        reason="thay thế",
    )
    app.cancel_assignment(guide, actor=ACTOR, authority=authority, reason="hủy")
    assert (
        app.load(Assignment, group_task).status_on(date(2022, 1, 1))
        is AssignmentStatus.SUPERSEDED
    )
    assert (
        app.load(Assignment, guide).status_on(date(2022, 1, 1))
        is AssignmentStatus.CANCELLED
    )


def test_delegation_cannot_outlast_its_parent(
    app: Steerlog, scenario: Scenario
) -> None:
    _, (group_task, _, _) = conclude(app, scenario)
    with pytest.raises(InvalidValueError) as error:
        app.delegate(
            group_task,
            actor=ACTOR,
            by_agency_id=scenario.district_a_id,
            task=TaskDraft(
                title="x", lead=[scenario.finance_id], deadline=date(2022, 6, 1)
            ),
            issued_on=date(2021, 12, 12),
        )
    assert error.value.field == "deadline"


def test_standalone_assignment_by_document_is_issued_once(
    app: Steerlog, scenario: Scenario
) -> None:
    plan = DocumentRef("Kế hoạch", "55/KH-UBND", date(2022, 4, 12))
    task = TaskDraft(
        title="triển khai nền tảng số",
        lead=[scenario.department_id],
        deadline=date(2022, 12, 31),
    )
    written = app.issue_assignment(
        actor=ACTOR,
        committee_id=scenario.committee_id,
        task=task,
        issued_on=date(2022, 4, 12),
        document=plan,
        item_number="3",
    )
    assert app.load(Assignment, written.id).origin.document == plan
    with pytest.raises(AlreadyExistsError):
        app.issue_assignment(
            actor=ACTOR,
            committee_id=scenario.committee_id,
            task=task,
            issued_on=date(2022, 4, 12),
            document=plan,
            item_number="3",
        )


def test_meeting_life_cycle_and_notice(app: Steerlog, scenario: Scenario) -> None:
    conclude(app, scenario)
    app.close_meeting(
        scenario.meeting_id, actor=ACTOR, at=MEETING_DAY + timedelta(hours=4)
    )
    with pytest.raises(MeetingClosedError):
        app.record_speech(
            scenario.meeting_id,
            actor=ACTOR,
            speaker_id=scenario.chair_id,
            kind="discussion",
        )
    app.amend_conclusion_item(
        scenario.meeting_id,
        "1",
        actor=ACTOR,
        text="Sửa nội dung mục 1",
        reason="đính chính",
    )
    app.publish_notice(
        scenario.meeting_id, actor=ACTOR, notice=DocumentRef("Thông báo", "25/TB-UBND")
    )
    meeting = app.load(Meeting, scenario.meeting_id)
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.notice is not None and meeting.notice.key == "25/TB-UBND"
    other = app.schedule_meeting(
        actor=ACTOR,
        committee_id=scenario.committee_id,
        title="Họp quý I",
        format="in_person",
        starts_at=MEETING_DAY,
    )
    app.reschedule_meeting(
        other.id,
        actor=ACTOR,
        starts_at=MEETING_DAY + timedelta(days=7),
        location="Hội trường",
    )
    app.cancel_meeting(other.id, actor=ACTOR, reason="trùng lịch")
    assert app.load(Meeting, other.id).status is MeetingStatus.CANCELLED


def test_expected_version_guards_every_write(app: Steerlog, scenario: Scenario) -> None:
    version = app.load(Meeting, scenario.meeting_id).version
    with pytest.raises(StaleVersionError):
        app.add_agenda_item(
            scenario.meeting_id, actor=ACTOR, title="x", expected_version=version - 1
        )
    written = app.add_agenda_item(
        scenario.meeting_id, actor=ACTOR, title="x", expected_version=version
    )
    assert written.version == version + 1
    assert written.position == app.recorder.max_notification_id()


def test_loading_the_wrong_kind_is_not_found(app: Steerlog, scenario: Scenario) -> None:
    with pytest.raises(NotFoundError):
        app.load(Meeting, scenario.committee_id)

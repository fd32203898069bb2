"""A small, realistic meeting to test against: a committee, agencies, people, points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from uuid import UUID

from service.usecases.assignments import TaskDraft
from service.usecases.record import ItemDraft
from service.usecases.steerlog import Steerlog

ICT = timezone(timedelta(hours=7))
ACTOR = "thu.ky@quangnam.gov.vn"
MEETING_DAY = datetime(2021, 12, 10, 8, 0, tzinfo=ICT)


@dataclass(frozen=True)
class Scenario:
    """Ids of everything an open meeting needs."""

    committee_id: UUID
    department_id: UUID
    finance_id: UUID
    district_a_id: UUID
    district_b_id: UUID
    districts_id: UUID
    chair_id: UUID
    speaker_id: UUID
    meeting_id: UUID
    host_point_id: UUID
    district_point_id: UUID


def open_meeting(app: Steerlog) -> Scenario:
    """A committee's online meeting, opened, with a chair and two points."""
    committee = app.establish_committee(
        actor=ACTOR,
        name="Ban Chỉ đạo Chuyển đổi số tỉnh Quảng Nam",
        jurisdiction="tỉnh Quảng Nam",
    )
    department = app.register_agency(
        actor=ACTOR,
        name="Sở Thông tin và Truyền thông",
        short_name="Sở TT&TT",
    )
    finance = app.register_agency(actor=ACTOR, name="Sở Tài chính")
    district_a = app.register_agency(
        actor=ACTOR, name="UBND huyện Núi Thành", kind="peoples_committee"
    )
    district_b = app.register_agency(
        actor=ACTOR, name="UBND thành phố Tam Kỳ", kind="peoples_committee"
    )
    districts = app.register_agency(
        actor=ACTOR,
        name="UBND các huyện, thị xã, thành phố",
        kind="group",
        member_ids=[district_a.id, district_b.id],
    )
    chair = app.register_person(
        actor=ACTOR, full_name="Hồ Quang Bửu", title="Phó Chủ tịch UBND tỉnh"
    )
    speaker = app.register_person(
        actor=ACTOR, full_name="Trương Gia Bình", title="Chủ tịch Tập đoàn FPT"
    )
    meeting = app.schedule_meeting(
        actor=ACTOR,
        committee_id=committee.id,
        title="Hội nghị trực tuyến về chuyển đổi số",
        format="online",
        starts_at=MEETING_DAY,
    )
    host = app.add_connection_point(
        meeting.id, actor=ACTOR, name="UBND tỉnh", level="province", is_host=True
    )
    district_point = app.add_connection_point(
        meeting.id, actor=ACTOR, name="huyện Núi Thành", level="district"
    )
    app.assign_chair(meeting.id, actor=ACTOR, person_id=chair.id, point_id=host.id)
    app.open_meeting(meeting.id, actor=ACTOR, at=MEETING_DAY)
    return Scenario(
        committee.id,
        department.id,
        finance.id,
        district_a.id,
        district_b.id,
        districts.id,
        chair.id,
        speaker.id,
        meeting.id,
        host.id,
        district_point.id,
    )


def conclude(app: Steerlog, s: Scenario) -> tuple[UUID, list[UUID]]:
    """The chair concludes with two items (three tasks); returns speech and tasks."""
    speech = app.record_speech(
        s.meeting_id,
        actor=ACTOR,
        speaker_id=s.chair_id,
        kind="conclusion",
        point_id=s.host_point_id,
        text="Phó Chủ tịch UBND tỉnh Hồ Quang Bửu kết luận...",
        spoken_at=MEETING_DAY + timedelta(hours=3),
    )
    written = app.issue_conclusion(
        s.meeting_id, actor=ACTOR, speech_id=speech.id, items=conclusion_items(s)
    )
    return speech.id, written.assignment_ids


def conclusion_items(s: Scenario) -> list[ItemDraft]:
    """Two numbered items, the second assigning two agencies different tasks."""
    return [
        ItemDraft(
            "1",
            "UBND các huyện, thị xã, thành phố xây dựng kế hoạch chuyển đổi số"
            " năm 2022.",
            [
                TaskDraft(
                    title="xây dựng kế hoạch chuyển đổi số năm 2022",
                    lead=[s.districts_id],
                    deadline=date(2021, 12, 31),
                    deadline_text="trước ngày 31/12/2021",
                    report_to=s.department_id,
                )
            ],
        ),
        ItemDraft(
            "2",
            "Sở TT&TT chủ trì, phối hợp Sở Tài chính xây dựng khung hướng dẫn.",
            [
                TaskDraft(
                    title="xây dựng khung hướng dẫn Tổ Công nghệ số cộng đồng",
                    lead=[s.department_id],
                    coordinating=[s.finance_id],
                    deadline=date(2022, 1, 15),
                ),
                TaskDraft(title="bố trí kinh phí", lead=[s.finance_id]),
            ],
        ),
    ]

"""The read models on SQLite and PostgreSQL: every query, lineage and search."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

import pytest

from domain.text import fold
from domain.values import Authority
from service.readmodel.base import (
    AssignmentFilter,
    BadCursorError,
    MeetingFilter,
    Page,
)
from service.readmodel.projections.directory import DirectoryChanges
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.readmodel.rows import AssignmentNode
from service.run.composition import build_read_model
from service.run.demo import load_demo
from service.run.demo.loader import Loaded
from service.settings import Settings
from service.usecases.steerlog import Steerlog

DAY = date(2022, 6, 1)


@pytest.fixture
def read_side(settings: Settings) -> Iterator[ReadSide]:
    model = build_read_model(settings)
    yield ReadSide(model)
    model.close()


@pytest.fixture
def demo(app: Steerlog, read_side: ReadSide) -> dict[str, Loaded]:
    loaded = {item.source.split("/")[-1].split("-")[0]: item for item in load_demo(app)}
    Projector(app, read_side.read_model).catch_up()
    return loaded


def test_projections_reach_the_end_of_the_log(
    app: Steerlog, read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    assert read_side.position() == app.recorder.max_notification_id()
    assert read_side.wait_for(app.recorder.max_notification_id(), timeout=0.1)
    assert not read_side.wait_for(app.recorder.max_notification_id() + 1, timeout=0.05)


def test_meetings_page_newest_first_with_a_cursor(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    first = read_side.meetings(MeetingFilter(), Page(limit=4))
    assert len(first.items) == 4 and first.next_cursor
    rest = read_side.meetings(MeetingFilter(), Page(limit=4, cursor=first.next_cursor))
    assert len(rest.items) == 1 and rest.next_cursor is None  # Nghệ An: no meeting
    starts = [m.starts_at for m in first.items + rest.items]
    assert starts == sorted(starts, reverse=True)
    assert starts[0].startswith("2022-04-22T07:00:00")  # 14:00 ICT, stored in UTC


def test_meetings_filter_by_committee_status_format_and_dates(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    meeting = read_side.meetings(MeetingFilter(format="online"), Page()).items
    assert {m.format for m in meeting} == {"online"}
    quang_nam = read_side.meetings(
        MeetingFilter(
            starts_from=datetime(2021, 12, 1, tzinfo=UTC),
            starts_before=datetime(2022, 1, 1, tzinfo=UTC),
        ),
        Page(),
    ).items
    assert [m.notice_number for m in quang_nam] == ["25/TB-UBND"]
    committee = quang_nam[0].committee_id
    assert (
        len(read_side.meetings(MeetingFilter(committee_id=committee), Page()).items)
        == 1
    )
    assert read_side.meetings(MeetingFilter(status="open"), Page()).items == []
    assert quang_nam[0].point_count == 4 and quang_nam[0].item_count == 5


def test_connection_points_in_registration_order(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    points = read_side.connection_points(str(demo["tuyen"].meeting_ids[0]))
    assert len(points) == 21
    assert points[0].name == "Tỉnh ủy" and points[0].is_host is True
    assert points[0].attendee_count == 60 and points[0].named_attendees == 3


def test_a_bad_cursor_is_refused(read_side: ReadSide) -> None:
    with pytest.raises(BadCursorError):
        read_side.meetings(MeetingFilter(), Page(cursor="không-phải-cursor"))


def test_tracker_by_agency_includes_tasks_of_its_groups(
    app: Steerlog, read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    tam_ky = _agency(read_side, "UBND thành phố Tam Kỳ")
    group = _agency(read_side, "UBND các huyện, thị xã, thành phố tỉnh Quảng Nam")
    own = read_side.assignments(
        AssignmentFilter(day=DAY, agency_id=tam_ky), Page()
    ).items
    by_group = read_side.assignments(AssignmentFilter(day=DAY, agency_id=group), Page())
    assert {a.item_number for a in own} == {"1", "4"}
    assert {a.id for a in by_group.items} == {a.id for a in own}
    roles = {(g.name, g.role) for g in own[0].agencies}
    assert ("UBND thành phố Tam Kỳ", "tracked") in roles


def test_tracker_statuses_on_a_day_and_due_window(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    overdue = read_side.assignments(AssignmentFilter(day=DAY, status="overdue"), Page())
    assert len(overdue.items) == 4
    assert all(a.status == "overdue" for a in overdue.items)
    before = read_side.assignments(
        AssignmentFilter(day=date(2021, 12, 1), status="overdue"), Page()
    )
    assert before.items == []
    window = read_side.assignments(
        AssignmentFilter(day=DAY, due_from=date(2022, 1, 1), due_to=date(2022, 3, 31)),
        Page(),
    ).items
    assert [a.deadline for a in window] == ["2022-01-31", "2022-03-31"]
    extended = window[0]
    assert extended.original_deadline == "2022-01-15"
    assert extended.status == "done_on_time"


def test_tracker_lists_the_extension_requests_waiting_until_one_is_granted(
    app: Steerlog, read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    waiting = AssignmentFilter(day=DAY, extension_requested=True)
    already = {a.id for a in read_side.assignments(waiting, Page(limit=200)).items}
    task = next(
        a
        for a in read_side.assignments(AssignmentFilter(day=DAY), Page(limit=200)).items
        if a.status == "in_progress" and a.id not in already and a.meeting_id
    )
    lead = next(UUID(g.agency_id) for g in task.agencies if g.role == "lead")
    later = date(2099, 12, 31)
    app.request_extension(
        UUID(task.id), actor="test", agency_id=lead, deadline=later, reason="chờ"
    )
    Projector(app, read_side.read_model).catch_up()
    mine = AssignmentFilter(day=DAY, committee_id=task.committee_id, agency_id=lead)
    for where in (waiting, replace(mine, extension_requested=True)):
        found = read_side.assignments(where, Page(limit=200)).items
        assert task.id in {a.id for a in found}
        assert all(a.extension_requested for a in found)
    authority = Authority(meeting_id=UUID(task.meeting_id), item_number="1")
    app.extend_deadline(
        UUID(task.id), actor="test", deadline=later, authority=authority, reason="ok"
    )
    Projector(app, read_side.read_model).catch_up()
    after = read_side.assignments(waiting, Page(limit=200)).items
    assert {a.id for a in after} == already


def test_tracker_by_meeting_and_speaker_pages_by_due_date(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    meeting_id = str(demo["quang"].meeting_ids[0])
    first = read_side.assignments(
        AssignmentFilter(day=DAY, meeting_id=meeting_id), Page(limit=4)
    )
    rest = read_side.assignments(
        AssignmentFilter(day=DAY, meeting_id=meeting_id),
        Page(limit=4, cursor=first.next_cursor),
    )
    assert len(first.items) + len(rest.items) == 6
    speaker = first.items[0].speaker_id
    by_speaker = read_side.assignments(
        AssignmentFilter(day=DAY, speaker_id=speaker), Page()
    ).items
    assert len(by_speaker) == 6


def test_statistics_per_agency_and_committee(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    committees = {c.name: c for c in read_side.statistics(DAY, "committee")}
    nghe_an = committees["Ban Chỉ đạo Chuyển đổi số tỉnh Nghệ An"]
    assert (nghe_an.done_on_time, nghe_an.done_late, nghe_an.total) == (
        1,
        1,
        9,
    )
    assert nghe_an.on_time_rate == 0.5
    agencies = {a.name: a for a in read_side.statistics(DAY, "agency")}
    tam_ky = agencies["UBND thành phố Tam Kỳ"]
    assert tam_ky.done_on_time == 1 and tam_ky.in_progress == 1
    dien_ban = agencies["UBND thị xã Điện Bàn"]
    assert dien_ban.overdue == 1


def test_documents_and_what_cites_them(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    numbers = [d.number for d in read_side.documents(Page()).items]
    assert "1969/QĐ-UBND" in numbers and "1619/QĐ-TTg" in numbers
    decision = read_side.document("1619/QĐ-TTG", DAY)
    assert decision is not None and len(decision.cited_by) == 3
    assert read_side.document("0/KHÔNG-CÓ", DAY) is None


def test_lineage_up_reaches_meeting_speaker_document_and_parent(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    delegated = demo["vinh"].assignment_ids[3]
    graph = read_side.lineage(f"assignment:{delegated}", "up", 6, DAY)
    kinds = {node.kind: node for node in graph.nodes}
    assert set(kinds) >= {"assignment", "item", "meeting", "speech", "person"}
    assert {"committee", "document"} <= set(kinds)
    assert kinds["person"].label == "Phạm Minh Chính"
    edges = {edge.edge for edge in graph.edges}
    assert {"delegated_from", "derived_from", "concluded_by", "spoken_by"} <= edges
    start = next(n for n in graph.nodes if n.depth == 0)
    assert start.status == "done_on_time"


def test_lineage_down_from_a_meeting_reaches_every_assignment(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    national = demo["vinh"].meeting_ids[0]
    graph = read_side.lineage(f"meeting:{national}", "down", 6, DAY)
    assignments = [n for n in graph.nodes if n.kind == "assignment"]
    assert len(assignments) == 4  # three items' tasks and one delegated further
    assert all(isinstance(n, AssignmentNode) for n in assignments)
    shallow = read_side.lineage(f"meeting:{national}", "down", 1, DAY)
    assert {n.kind for n in shallow.nodes} == {"meeting", "item"}


def test_lineage_down_from_a_person_and_a_document(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    people = read_side.lineage(
        f"assignment:{demo['quang'].assignment_ids[0]}", "up", 6, DAY
    ).nodes
    chair = next(n for n in people if n.kind == "person")
    from_chair = read_side.lineage(chair.key, "down", 6, DAY).nodes
    assert len([n for n in from_chair if n.kind == "assignment"]) == 6
    from_document = read_side.lineage("document:125/UBND-KGVX", "down", 3, DAY).nodes
    assert [n.label for n in from_document if n.kind == "assignment"] == [
        "xây dựng Kế hoạch công tác năm 2022 của các Tổ Công tác chuyển đổi số"
    ]


def test_search_ignores_diacritics_case_and_spelling(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    hits = read_side.search("chuyen doi so")
    assert hits and all(hit.kind in ("speech", "item", "assignment") for hit in hits)
    assert read_side.search("CHUYỂN ĐỔI SỐ") == hits
    assert {h.key for h in read_side.search("Uy ban Quoc gia")} == {
        h.key for h in read_side.search("Ủy ban quốc gia")
    }
    assert read_side.search("tổ công nghệ cộng đồng")[0].kind in (
        "item",
        "assignment",
    )
    assert read_side.search("xyzzy không tồn tại") == []
    assert read_side.search("  ") == []


def test_agency_directory_lists_aliases(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    directory = {a.name: a for a in read_side.agency_directory()}
    assert directory["Sở TT&TT tỉnh Nghệ An"].aliases == ("Sở TT&TT",)


def _agency(read_side: ReadSide, name: str) -> str:
    return next(a.id for a in read_side.agency_directory() if a.name == name)


def test_values_are_stored_exactly_as_given(read_side: ReadSide) -> None:
    # Quotes, backslashes, a StrEnum and Vietnamese text: the drivers quote them.
    class Kind(StrEnum):
        DEPARTMENT = "department"

    agency_id = uuid4()
    changes = DirectoryChanges()
    name = "Sở O'Neil \\ Thông tin; DROP TABLE agencies; --"
    changes.agency_registered(
        id=agency_id, name=name, kind=Kind.DEPARTMENT, short_name=None, parent_id=None
    )
    changes.agency_name_added(agency_id=agency_id, folded=fold(name), name="Sở TT&TT")
    model = read_side.read_model
    with model.transaction() as cursor:
        model.apply(cursor, model.render(changes.items, {}))
    [agency] = read_side.agency_directory()
    assert (agency.id, agency.name, agency.aliases) == (
        str(agency_id),
        name,
        ("Sở TT&TT",),
    )


def test_reads_scoped_to_committees_see_only_theirs(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    meetings = read_side.meetings(MeetingFilter(), Page()).items
    quang_nam = next(m for m in meetings if m.notice_number == "25/TB-UBND")
    mine = [UUID(quang_nam.committee_id)]
    scoped = read_side.meetings(MeetingFilter(), Page(), committees=mine).items
    assert [m.id for m in scoped] == [quang_nam.id]
    assert read_side.meetings(MeetingFilter(), Page(), committees=[]).items == []
    tracked = read_side.assignments(AssignmentFilter(day=DAY), Page(), mine).items
    everything = read_side.assignments(AssignmentFilter(day=DAY), Page(200)).items
    assert tracked and len(tracked) < len(everything)
    assert {a.committee_id for a in tracked} == {quang_nam.committee_id}
    counts = read_side.statistics(DAY, "committee", committees=mine)
    assert [c.id for c in counts] == [quang_nam.committee_id]
    by_agency = read_side.statistics(DAY, "agency", committees=mine)
    assert sum(c.total for c in by_agency) < sum(
        c.total for c in read_side.statistics(DAY, "agency")
    )
    cited = {d.key for d in read_side.documents(Page(), committees=mine).items}
    assert "1969/QĐ-UBND" in cited and "1619/QĐ-TTG" not in cited
    national = read_side.document("1619/QĐ-TTG", DAY, committees=mine)
    assert national is not None and national.cited_by == []
    hits = read_side.search("chuyen doi so", 200, committees=mine)
    assert hits and len(hits) < len(read_side.search("chuyen doi so", 200))
    assert {h.meeting_id for h in hits} <= {quang_nam.id, None}
    assert read_side.digests(committees=mine).items == []


def test_lineage_nodes_carry_their_committee(
    read_side: ReadSide, demo: dict[str, Loaded]
) -> None:
    task = demo["quang"].assignment_ids[0]
    graph = read_side.lineage(f"assignment:{task}", "up", 6, DAY)
    by_kind = {node.kind: node for node in graph.nodes}
    committee = by_kind["committee"].key.split(":", 1)[1]
    for kind in ("assignment", "item", "meeting", "speech", "committee"):
        assert by_kind[kind].committee_id == committee, kind
    assert by_kind["person"].committee_id is None  # a person is of no committee

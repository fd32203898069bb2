"""A realistic steerlog corpus on PostgreSQL, written through the domain's commands.

Sixty provincial steering committees for digital transformation (Ban Chỉ đạo chuyển
đổi số), their ~3,000 agencies (sở, ngành, UBND huyện, doanh nghiệp, and groups of
them), their officials, ~2,400 meetings over 2021–2024 (online conferences of up to
200 điểm cầu), every speech, conclusion, notice, and ~200,000 assignments with
delegations three levels down, acknowledged, reported on, extended, completed,
cancelled or superseded weeks and months later.

Every aggregate is built with its own domain commands and stored with
``app.save(*aggregates)`` in large batches: no per-command loads, no hand-written
event rows. The data is pseudo-random from a seed, so a corpus is the same each time.
The follow-up of a meeting's tasks is saved with later meetings' batches, so the
log interleaves as it would in real use.

Usage: python -m bench.corpus [--schema NAME] [--scale 1.0] [--seed 2022]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from uuid import UUID

import aiosql
import psycopg2
from eventsourcing.domain import Aggregate

from bench.common import POSTGRES_URL
from domain import ids
from domain.agency import Agency
from domain.assignment import Assignment
from domain.committee import Committee
from domain.meeting import Meeting
from domain.person import Person
from domain.values import Authority, ConclusionItem, DocumentRef, Origin
from service.readmodel import postgres
from service.run.composition import build_application
from service.settings import Settings
from service.settings.database import Database
from service.usecases.steerlog import Steerlog


def listed(text: str) -> tuple[str, ...]:
    """The names in ``text``, separated by ``|`` (a compact vocabulary)."""
    return tuple(text.split("|"))


QUERIES = aiosql.from_path(
    Path(__file__).with_name("corpus.sql"), "psycopg2", mandatory_parameters=False
)
ACTOR = "corpus"
VN = timezone(timedelta(hours=7))
OFFICE_CLOSES = timedelta(hours=17)
DEFAULT_SCHEMA = "bench_corpus"
MIN_EVENTS = 1_000_000
PROVINCES = listed(
    "Hà Giang|Cao Bằng|Bắc Kạn|Tuyên Quang|Lào Cai|Yên Bái|Thái Nguyên|Lạng Sơn"
    "|Bắc Giang|Phú Thọ|Điện Biên|Lai Châu|Sơn La|Hòa Bình|Quảng Ninh|Bắc Ninh"
    "|Hải Dương|Hưng Yên|Thái Bình|Hà Nam|Nam Định|Ninh Bình|Vĩnh Phúc|Thanh Hóa"
    "|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Thừa Thiên Huế|Quảng Nam|Quảng Ngãi"
    "|Bình Định|Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk"
    "|Đắk Nông|Lâm Đồng|Bình Phước|Tây Ninh|Bình Dương|Đồng Nai|Bà Rịa - Vũng Tàu"
    "|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Đồng Tháp|An Giang|Kiên Giang"
    "|Hậu Giang|Sóc Trăng|Bạc Liêu|Cà Mau|Hải Phòng|Đà Nẵng|Cần Thơ"
)
DEPARTMENTS = (
    ("Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("Sở Tài chính", ""),
    ("Sở Nội vụ", ""),
    ("Sở Tư pháp", ""),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("Sở Y tế", ""),
    ("Sở Công Thương", ""),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT"),
    ("Sở Giao thông vận tải", "Sở GTVT"),
    ("Sở Xây dựng", ""),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("Văn phòng UBND tỉnh", "VP UBND"),
    ("Công an tỉnh", ""),
    ("Ban Tuyên giáo Tỉnh ủy", ""),
    ("Thanh tra tỉnh", ""),
    ("Cục Thuế tỉnh", ""),
    ("Bảo hiểm xã hội tỉnh", "BHXH"),
    ("Đài Phát thanh và Truyền hình tỉnh", ""),
    ("Ban Quản lý các khu công nghiệp tỉnh", ""),
    ("Ngân hàng Nhà nước chi nhánh tỉnh", ""),
    ("Liên đoàn Lao động tỉnh", ""),
)
ENTERPRISES = ("Viettel", "VNPT", "FPT Telecom chi nhánh", "Bưu điện tỉnh")
MINISTRIES = listed(
    "Bộ Thông tin và Truyền thông|Bộ Công an|Bộ Kế hoạch và Đầu tư|Bộ Tài chính"
    "|Bộ Nội vụ|Văn phòng Chính phủ|Bộ Y tế|Bộ Giáo dục và Đào tạo"
    "|Ngân hàng Nhà nước Việt Nam|Bảo hiểm xã hội Việt Nam"
)
PLACES = listed(
    "Yên Sơn|Sơn Dương|Hàm Yên|Chiêm Hóa|Na Hang|Lâm Bình|Tam Kỳ|Hội An|Điện Bàn"
    "|Duy Xuyên|Thăng Bình|Núi Thành|Phú Ninh|Tiên Phước|Bắc Trà My|Nam Giang"
    "|Đông Giang|Tây Giang|Hiệp Đức|Quế Sơn|Đại Lộc|Chợ Đồn|Ba Bể|Ngân Sơn"
    "|Bạch Thông|Pác Nặm|Na Rì|Quỳnh Lưu|Diễn Châu|Yên Thành|Đô Lương"
    "|Thanh Chương|Nam Đàn|Hưng Nguyên|Nghi Lộc|Tam Dương|Lập Thạch|Sông Lô"
    "|Bình Xuyên|Yên Lạc|Vĩnh Tường|Tân Lập|Hòa Bình|Phú Lâm|Kim Phú|Tràng Đà"
    "|Mỹ Lâm|Thái Bình"
)
SURNAMES = listed(
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Ma|Nông"
)
MIDDLES = listed(
    "Văn|Thị|Đức|Minh|Hữu|Quang|Thanh|Ngọc|Xuân|Công|Đình|Hồng|Kim|Thu|Mạnh"
)
GIVEN = listed(
    "Sơn|Hải|Hùng|Dũng|Lan|Hương|Tuấn|Thắng|Bình|Hà|Long|Nam|Trung|Hiếu|Phương"
    "|Quân|Thảo|Khánh|Việt|Cường|Tâm|Hoa|Đạt|Linh|Yến|Thành|Kiên|Mai"
)
TASKS = (
    "xây dựng kế hoạch chuyển đổi số năm {year}",
    "triển khai nền tảng họp trực tuyến đến cấp xã",
    "hoàn thiện Trung tâm giám sát, điều hành đô thị thông minh (IOC)",
    "đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "phát triển hạ tầng viễn thông băng rộng đến các thôn, bản",
    "thành lập và kiện toàn Tổ công nghệ số cộng đồng",
    "tuyên truyền, nâng cao nhận thức về chuyển đổi số",
    "bảo đảm an toàn, an ninh mạng cho các hệ thống thông tin",
    "xây dựng cơ sở dữ liệu chuyên ngành, kết nối với nền tảng dữ liệu dùng chung",
    "triển khai thanh toán không dùng tiền mặt tại trường học, bệnh viện",
    "phổ cập điện thoại thông minh và tài khoản thanh toán cho người dân",
    "triển khai Đề án 06 về ứng dụng dữ liệu dân cư, định danh và xác thực điện tử",
    "rà soát, đánh giá chỉ số chuyển đổi số (DTI) cấp tỉnh năm {year}",
    "đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức",
    "nâng cấp hệ thống quản lý văn bản và điều hành",
    "đưa sản phẩm OCOP lên sàn thương mại điện tử",
    "triển khai hồ sơ sức khỏe điện tử cho người dân",
    "xây dựng kiến trúc chính quyền điện tử phiên bản 2.0",
    "chuẩn hóa, làm sạch dữ liệu đất đai và hộ tịch",
    "lắp đặt camera giám sát an ninh trật tự tại các nút giao thông",
    "hướng dẫn người dân cài đặt và sử dụng ứng dụng VNeID",
)
SCOPES = listed(
    "trên địa bàn tỉnh|tại các xã, phường, thị trấn|trong toàn ngành"
    "|tại các cơ quan, đơn vị|ở các huyện miền núi|trong năm {year}"
)
TOPICS = listed(
    "chuyển đổi số|chính quyền số|kinh tế số|xã hội số|dịch vụ công|hạ tầng số"
    "|dữ liệu số|nền tảng số|kỹ năng số|an toàn thông tin"
)
ISSUES = (
    "nguồn nhân lực công nghệ thông tin còn thiếu",
    "kinh phí đầu tư cho hạ tầng còn hạn chế",
    "tỷ lệ hồ sơ trực tuyến toàn trình còn thấp",
    "việc kết nối, chia sẻ dữ liệu giữa các ngành còn chậm",
    "vùng lõm sóng di động ở các thôn, bản vùng sâu, vùng xa",
    "nhận thức của một bộ phận người dân về chuyển đổi số chưa đầy đủ",
)
OPENERS = ("Thay mặt Ban Chỉ đạo, tôi nhiệt liệt chào mừng các đồng chí đại biểu"
           " dự hội nghị tại {points} điểm cầu.",
           "Hội nghị hôm nay nhằm đánh giá kết quả {topic} và bàn giải pháp thời gian"
           " tới.")  # fmt: skip
FINDINGS = (
    "Năm {year}, tỉnh {province} đã đạt nhiều kết quả quan trọng về {topic}.",
    "Tỷ lệ hồ sơ được xử lý trực tuyến đạt {percent}%, tăng so với cùng kỳ.",
    "Đã có {count} Tổ công nghệ số cộng đồng được thành lập với hơn {people}"
    " thành viên.",
    "Tuy nhiên, {issue}.",
    "Đề nghị {agency} khẩn trương {task}, hoàn thành trước ngày {deadline}.",
    "Căn cứ {document}, đơn vị đã ban hành kế hoạch triển khai chi tiết.",
    "Chúng tôi kiến nghị tỉnh quan tâm bố trí kinh phí để {task}.",
)


@dataclass(frozen=True)
class Sizes:
    """How big the corpus is; ``scale`` multiplies the number of meetings."""

    committees: int = 60
    meetings_per_committee: int = 45
    people_per_committee: int = 95
    batch_meetings: int = 24

    @classmethod
    def scaled(cls, scale: float) -> Sizes:
        """Sizes with ``scale`` times the meetings (at least one per committee)."""
        return cls(meetings_per_committee=max(1, round(45 * scale)))

    @property
    def min_events(self) -> int:
        """How many events a complete corpus of these sizes has, at least."""
        return int(MIN_EVENTS * self.meetings_per_committee / 45)


@dataclass(frozen=True)
class Official:
    """A registered person, as a speech and a chair need them."""

    id: UUID
    name: str
    title: str
    agency_id: UUID


@dataclass(frozen=True)
class Draft:
    """A task before it is issued: what, who leads and coordinates, by when."""

    title: str
    lead: list[UUID]
    coordinating: list[UUID]
    deadline: date | None
    deadline_text: str | None
    documents: list[DocumentRef]


@dataclass
class Province:
    """One committee's world: its agencies, officials, documents, recent meetings."""

    name: str
    committee_id: UUID
    departments: list[UUID] = field(default_factory=list)
    districts: list[tuple[UUID, str]] = field(default_factory=list)
    enterprises: list[UUID] = field(default_factory=list)
    groups: list[UUID] = field(default_factory=list)
    ubnd: UUID | None = None
    leaders: list[Official] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    recent: deque[tuple[UUID, list[str]]] = field(
        default_factory=lambda: deque(maxlen=5)
    )
    issued: deque[UUID] = field(default_factory=lambda: deque(maxlen=200))
    meetings_held: int = 0


@dataclass(frozen=True)
class FollowUp:
    """Assignments waiting for their next stage, saved with a later batch."""

    due_batch: int
    stage: int
    level: int
    assignments: list[Assignment]


def capitalised(text: str) -> str:
    """The text with its first letter upper-case (the rest untouched)."""
    return text[:1].upper() + text[1:]


def vn_date(day: date) -> str:
    """A date as written in Vietnamese documents: ``15/01/2022``."""
    return day.strftime("%d/%m/%Y")


class CorpusWriter:
    """Builds the aggregates with their commands and saves them in batches."""

    def __init__(self, app: Steerlog, sizes: Sizes, seed: int) -> None:
        self.app, self.sizes, self.rng = app, sizes, random.Random(seed)
        self.pending: list[Aggregate] = []
        self.counts: Counter[str] = Counter()
        self.members: dict[UUID, list[UUID]] = {}
        self.names: dict[UUID, str] = {}
        self.follow_ups: list[FollowUp] = []
        self.provinces: list[Province] = []
        self.by_committee: dict[UUID, Province] = {}
        self.tally: Counter[str] = Counter()
        self.national: list[DocumentRef] = [
            DocumentRef("Quyết định", "749/QĐ-TTg", date(2020, 6, 3), "Thủ tướng"),
            DocumentRef("Nghị quyết", "52-NQ/TW", date(2019, 9, 27), "Bộ Chính trị"),
            DocumentRef("Quyết định", "06/QĐ-TTg", date(2022, 1, 6), "Thủ tướng"),
            DocumentRef("Chỉ thị", "01/CT-TTg", date(2022, 1, 22), "Thủ tướng"),
        ]
        self.ministries: list[UUID] = []

    # -- saving --------------------------------------------------------------

    def uuid(self) -> UUID:
        """A pseudo-random (version 4) id from the seed."""
        return UUID(int=self.rng.getrandbits(128), version=4)

    def add(self, *aggregates: Aggregate) -> None:
        """Queue aggregates with pending events for the next save."""
        self.pending.extend(aggregates)

    def flush(self) -> None:
        """Save every queued aggregate in one transaction; count what was stored."""
        unique = list({id(a): a for a in self.pending}.values())
        self.pending = []
        for start in range(0, len(unique), 4000):
            recordings = self.app.save(*unique[start : start + 4000])
            self.counts.update(type(r.domain_event).__qualname__ for r in recordings)

    # -- the directory -------------------------------------------------------

    def agency(
        self, name: str, kind: str, short: str = "", members: list[UUID] | None = None
    ) -> UUID:
        """Register an agency (a group with its members); return its id."""
        agency = Agency.register(
            id=ids.agency_id(name),
            actor=ACTOR,
            name=name,
            kind=kind,
            short_name=short or None,
            aliases=[name.replace("Ủy ban nhân dân", "UBND")]
            if "Ủy ban" in name
            else [],
        )
        if members:
            agency.set_group_members(actor=ACTOR, member_ids=members)
        self.members[agency.id] = members or [agency.id]
        self.names[agency.id] = name
        self.add(agency)
        return agency.id

    def person(self, title: str, agency_id: UUID) -> Official:
        """Register an official with a Vietnamese name and title."""
        rng = self.rng
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        person = Person.register(
            id=self.uuid(),
            actor=ACTOR,
            full_name=name,
            title=title,
            agency_id=agency_id,
        )
        self.add(person)
        return Official(person.id, name, title, agency_id)

    def directory(self) -> None:
        """Ministries, then every province's committee, agencies and officials."""
        self.ministries = [self.agency(name, "ministry") for name in MINISTRIES]
        for name in PROVINCES[: self.sizes.committees]:
            province = self.province(name)
            self.provinces.append(province)
            self.by_committee[province.committee_id] = province
            self.flush()

    def province(self, name: str) -> Province:
        """One province: committee, departments, districts, enterprises, groups."""
        where = f"tỉnh {name}"
        committee_name = f"Ban Chỉ đạo chuyển đổi số tỉnh {name}"
        province = Province(name, ids.committee_id(committee_name, where))
        ubnd = self.agency(f"Ủy ban nhân dân tỉnh {name}", "peoples_committee")
        province.ubnd = ubnd
        for department, short in DEPARTMENTS:
            agency = self.agency(f"{department} {name}", "department", short)
            province.departments.append(agency)
        for number, place in enumerate(self.rng.sample(PLACES, 18)):
            kind = ("thành phố", "thị xã")[number] if number < 2 else "huyện"
            agency_id = self.agency(
                f"Ủy ban nhân dân {kind} {place}, tỉnh {name}", "peoples_committee"
            )
            province.districts.append((agency_id, f"{kind} {place}"))
        province.enterprises = [
            self.agency(f"{enterprise} {name}", "enterprise")
            for enterprise in ENTERPRISES
        ]
        self.groups(province)
        self.officials(province, ubnd)
        self.committee(province, committee_name, where)
        province.documents = self.documents(province)
        return province

    def groups(self, province: Province) -> None:
        """The groups a conclusion names: districts, departments, enterprises."""
        name = province.name
        province.groups = [
            self.agency(
                f"UBND các huyện, thị xã, thành phố tỉnh {name}",
                "group",
                members=[agency for agency, _ in province.districts],
            ),
            self.agency(
                f"Các sở, ban, ngành tỉnh {name}",
                "group",
                members=province.departments[:15],
            ),
            self.agency(
                f"Các doanh nghiệp viễn thông trên địa bàn tỉnh {name}",
                "group",
                members=province.enterprises[:3],
            ),
        ]

    def officials(self, province: Province, ubnd: UUID) -> None:
        """The chair and deputies of the province, then heads of its agencies."""
        province.leaders = [self.person("Chủ tịch UBND tỉnh", ubnd)] + [
            self.person("Phó Chủ tịch UBND tỉnh", ubnd) for _ in range(3)
        ]
        heads = [
            (f"Giám đốc {self.names[agency].rsplit(' ', 2)[0]}", agency)
            for agency in province.departments
        ] + [(f"Chủ tịch UBND {place}", agency) for agency, place in province.districts]
        while len(province.officials) < self.sizes.people_per_committee - 4:
            title, agency = heads[len(province.officials) % len(heads)]
            deputy = len(province.officials) >= len(heads)
            title = title.replace("Giám đốc", "Phó Giám đốc") if deputy else title
            title = title.replace("Chủ tịch", "Phó Chủ tịch") if deputy else title
            province.officials.append(self.person(title, agency))

    def committee(self, province: Province, name: str, where: str) -> None:
        """Establish the committee by decision and appoint its members."""
        decision = DocumentRef(
            "Quyết định",
            f"{self.rng.randint(100, 2999)}/QĐ-UBND",
            date(2020, self.rng.randint(6, 12), self.rng.randint(1, 28)),
            f"UBND {where}",
        )
        committee = Committee.establish(
            id=province.committee_id,
            actor=ACTOR,
            name=name,
            jurisdiction=where,
            document=decision,
        )
        roles = ["head"] + ["deputy_head"] * 3 + ["standing"] + ["member"] * 16
        for role, official in zip(
            roles, province.leaders + province.officials, strict=False
        ):
            committee.appoint_member(
                actor=ACTOR, person_id=official.id, role=role, document=decision
            )
        self.add(committee)

    def documents(self, province: Province) -> list[DocumentRef]:
        """The provincial documents conclusions and tasks cite."""
        rng, found = self.rng, []
        issuers = (
            ("NQ/TU", "Nghị quyết", "Tỉnh ủy"),
            ("KH-UBND", "Kế hoạch", "UBND"),
            ("QĐ-UBND", "Quyết định", "UBND"),
            ("CT-UBND", "Chỉ thị", "UBND"),
        )
        for number in range(24):
            suffix, kind, issuer = issuers[number % 4]
            sep = "-" if suffix.startswith("NQ") else "/"
            day = date(2021, 1, 1) + timedelta(days=rng.randint(0, 1200))
            found.append(
                DocumentRef(
                    kind,
                    f"{rng.randint(1, 3999)}{sep}{suffix}",
                    day,
                    f"{issuer} tỉnh {province.name}",
                )
            )
        return found

    # -- meetings ------------------------------------------------------------

    def calendar(self) -> list[tuple[datetime, Province]]:
        """Every meeting's start and province, in the order they happen."""
        first = datetime(2021, 1, 4, 8, 0, tzinfo=VN)
        days = 4 * 365
        plan = [
            (
                first
                + timedelta(
                    days=self.rng.randrange(days), hours=self.rng.choice((0, 0, 6))
                ),
                province,
            )
            for province in self.provinces
            for _ in range(self.sizes.meetings_per_committee)
        ]
        return sorted(plan, key=lambda entry: entry[0])

    def phrase(self, template: str, day: date) -> str:
        """A vocabulary phrase with its year filled in."""
        return template.format(year=day.year)

    def meeting(self, province: Province, starts_at: datetime) -> list[Assignment]:
        """One meeting from schedule to close; return the tasks its conclusion gave."""
        rng = self.rng
        province.meetings_held += 1
        kind = rng.choices(("online", "hybrid", "in_person"), (45, 35, 20))[0]
        meeting = Meeting.schedule(
            id=self.uuid(),
            actor=ACTOR,
            committee_id=province.committee_id,
            title=self.meeting_title(province, kind, starts_at),
            format=kind,
            starts_at=starts_at,
            location=f"Hội trường UBND tỉnh {province.name}",
        )
        chair = rng.choice(province.leaders[:2])
        points = self.points(meeting, province, kind)
        host = points[0][0]
        meeting.assign_chair(
            actor=ACTOR,
            person_id=chair.id,
            name=chair.name,
            title=chair.title,
            point_id=host,
        )
        for _ in range(rng.randint(2, 5)):
            meeting.add_agenda_item(
                actor=ACTOR,
                title=capitalised(self.phrase(rng.choice(TASKS), starts_at.date())),
                presenter_id=rng.choice(province.officials).id,
            )
        self.attendance(meeting, province, points, chair, starts_at)
        meeting.open(actor=ACTOR, at=starts_at)
        big = len(points) >= 100
        self.speeches(meeting, province, points, chair, big)
        tasks = self.conclusion(meeting, province, chair)
        self.close(meeting, province, starts_at)
        return tasks

    def meeting_title(self, province: Province, kind: str, starts_at: datetime) -> str:
        """A title as committees write them."""
        rng, year = self.rng, starts_at.year
        task = self.phrase(rng.choice(TASKS), starts_at.date())
        return rng.choice(
            (
                f"Phiên họp thứ {province.meetings_held} Ban Chỉ đạo chuyển đổi số"
                f" tỉnh {province.name}",
                f"Hội nghị {'trực tuyến ' if kind == 'online' else ''}sơ kết"
                f" {rng.choice(('quý', '6 tháng', '9 tháng'))} năm {year} về"
                f" {rng.choice(TOPICS)}",
                f"Hội nghị triển khai {task}",
                f"Hội nghị tổng kết công tác chuyển đổi số năm {year - 1}",
            )
        )

    def points(
        self, meeting: Meeting, province: Province, kind: str
    ) -> list[tuple[UUID, UUID | None]]:
        """Connection points (id, agency): host, districts, communes on big days."""
        wanted = 1
        if kind != "in_person":
            wanted = 200 if self.rng.random() < 0.1 else self.rng.randint(8, 40)
        names: list[tuple[str, str, UUID | None]] = [
            (f"Điểm cầu UBND tỉnh {province.name}", "province", None)
        ]
        names += [
            (f"Điểm cầu UBND {place}", "district", agency)
            for agency, place in province.districts
        ]
        names += [
            (f"Điểm cầu xã {commune}, {place}", "commune", None)
            for _, place in province.districts
            for commune in PLACES[:11]
        ]
        points = []
        for number, (name, level, agency) in enumerate(names[:wanted]):
            point_id = ids.connection_point_id(meeting.id, name)
            meeting.add_connection_point(
                actor=ACTOR,
                point_id=point_id,
                name=name,
                level=level,
                is_host=number == 0,
                agency_id=agency,
            )
            points.append((point_id, agency))
        return points

    def attendance(
        self,
        meeting: Meeting,
        province: Province,
        points: list[tuple[UUID, UUID | None]],
        chair: Official,
        starts_at: datetime,
    ) -> None:
        """Points come on line; who attended at the host, head counts elsewhere."""
        rng = self.rng
        if meeting.format.value != "in_person":
            for point_id, _ in points:
                at = starts_at - timedelta(minutes=rng.randint(5, 40))
                meeting.connect_point(actor=ACTOR, point_id=point_id, at=at)
        guests = rng.sample(province.officials, 12)
        meeting.record_attendance(
            actor=ACTOR,
            point_id=points[0][0],
            person_ids=[chair.id, *(guest.id for guest in guests)],
            attendee_count=rng.randint(30, 120),
        )
        for point_id, _ in points[1:]:
            if rng.random() < 0.5:
                meeting.record_attendance(
                    actor=ACTOR,
                    point_id=point_id,
                    person_ids=[],
                    attendee_count=rng.randint(5, 40),
                )

    def speech_text(self, province: Province, day: date, sentences: int) -> str:
        """A few sentences from the committees' vocabulary."""
        rng, parts = self.rng, []
        for _ in range(sentences):
            deadline = day + timedelta(days=rng.randint(15, 120))
            document = rng.choice(province.documents + self.national)
            parts.append(
                rng.choice(FINDINGS).format(
                    year=day.year,
                    province=province.name,
                    topic=rng.choice(TOPICS),
                    percent=rng.randint(20, 95),
                    count=rng.randint(50, 2000),
                    people=rng.randint(500, 9000),
                    issue=rng.choice(ISSUES),
                    agency=self.names[rng.choice(province.departments)],
                    task=self.phrase(rng.choice(TASKS), day),
                    deadline=vn_date(deadline),
                    document=f"{document.kind} số {document.number}",
                )
            )
        return " ".join(parts)

    def speak(
        self,
        meeting: Meeting,
        province: Province,
        speaker: Official,
        kind: str,
        point_id: UUID,
    ) -> UUID:
        """Record one speech, a minute or more after the previous one."""
        rng = self.rng
        at = meeting.starts_at + timedelta(minutes=len(meeting.speeches) * 4 + 1)
        text = self.speech_text(province, at.date(), rng.randint(2, 4))
        if kind == "opening":
            opener = rng.choice(OPENERS)
            text = opener.format(points=len(meeting.points), topic=rng.choice(TOPICS))
        speech_id = self.uuid()
        meeting.record_speech(
            actor=ACTOR,
            speech_id=speech_id,
            speaker_id=speaker.id,
            speaker_name=speaker.name,
            speaker_title=speaker.title,
            kind=kind,
            spoken_at=at,
            point_id=point_id,
            text=text,
        )
        return speech_id

    def speeches(
        self,
        meeting: Meeting,
        province: Province,
        points: list[tuple[UUID, UUID | None]],
        chair: Official,
        big: bool,
    ) -> None:
        """Opening, presentations, discussion from the points, directives."""
        rng, host = self.rng, points[0][0]
        count = rng.randint(80, 120) if big else rng.randint(15, 30)
        if not big and meeting.format.value != "in_person":
            count = rng.randint(35, 65)
        self.speak(meeting, province, chair, "opening", host)
        for _ in range(rng.randint(2, 4)):
            presenter = rng.choice(province.officials)
            self.speak(meeting, province, presenter, "presentation", host)
        for _ in range(count - 6):
            point_id, _ = rng.choice(points)
            speaker = rng.choice(province.officials)
            self.speak(meeting, province, speaker, "discussion", point_id)
        for leader in province.leaders[2:4]:
            self.speak(meeting, province, leader, "directive", host)

    def close(self, meeting: Meeting, province: Province, starts_at: datetime) -> None:
        """Approvals, notice of the conclusion, and the close."""
        rng = self.rng
        if rng.random() < 0.4:
            document = rng.choice(province.documents)
            meeting.record_approval(
                actor=ACTOR,
                approval_id=self.uuid(),
                title=f"{document.kind} số {document.number}",
                document=document,
            )
        meeting.close(actor=ACTOR, at=starts_at + timedelta(hours=3, minutes=30))
        if rng.random() < 0.85:
            notice = DocumentRef(
                "Thông báo",
                f"{rng.randint(1, 999)}/TB-UBND",
                starts_at.date() + timedelta(days=rng.randint(1, 7)),
                f"UBND tỉnh {province.name}",
            )
            meeting.publish_notice(actor=ACTOR, notice=notice)
        province.recent.append((meeting.id, list(meeting.items)))
        self.add(meeting)

    # -- the conclusion and its tasks ----------------------------------------

    def conclusion(
        self, meeting: Meeting, province: Province, chair: Official
    ) -> list[Assignment]:
        """The chair concludes with numbered items; each item gives 1-5 tasks."""
        rng = self.rng
        host = next(iter(meeting.points))
        speech_id = self.speak(meeting, province, chair, "conclusion", host)
        issued_on = meeting.speeches[speech_id].spoken_at.astimezone(VN).date()
        items, tasks = [], []
        for number in range(1, rng.randint(6, 16) + 1):
            drafts = [self.task(province, issued_on) for _ in range(rng.randint(1, 5))]
            text = "; ".join(self.item_sentence(draft) for draft in drafts[:2])
            items.append(ConclusionItem(str(number), text + "."))
            origin = Origin(
                committee_id=province.committee_id,
                meeting_id=meeting.id,
                item_number=str(number),
                speech_id=speech_id,
                speaker_id=chair.id,
                point_id=host,
            )
            for task_number, draft in enumerate(drafts, start=1):
                task_origin = replace(origin, task_number=task_number)
                tasks.append(self.issue(province, task_origin, draft, issued_on))
        meeting.issue_conclusion(actor=ACTOR, speech_id=speech_id, items=items)
        province.issued.extend(task.id for task in tasks[:20])
        return tasks

    def item_sentence(self, draft: Draft) -> str:
        """How a conclusion item reads: who leads, who coordinates, what, by when."""
        text = "Giao " + " và ".join(self.names[agency] for agency in draft.lead)
        text += " chủ trì"
        if draft.coordinating:
            others = ", ".join(self.names[agency] for agency in draft.coordinating)
            text += f", phối hợp với {others}"
        when = draft.deadline_text or "thực hiện thường xuyên"
        return f"{text} {draft.title[0].lower()}{draft.title[1:]}, {when}"

    def task(self, province: Province, issued_on: date) -> Draft:
        """A task as a conclusion gives it, citing the documents it rests on."""
        rng = self.rng
        title = capitalised(
            f"{self.phrase(rng.choice(TASKS), issued_on)}"
            f" {self.phrase(rng.choice(SCOPES), issued_on)}"
        )
        lead = self.lead(province)
        others = [a for a in rng.sample(province.departments, 3) if a not in lead]
        deadline, deadline_text = self.deadline(issued_on, None)
        cited = province.documents + self.national * 6
        documents = [rng.choice(cited) for _ in range(rng.choice((0, 1, 1, 2)))]
        coordinating = others[: rng.randint(0, 3)]
        return Draft(title, lead, coordinating, deadline, deadline_text, documents)

    def lead(self, province: Province) -> list[UUID]:
        """Who leads: mostly one department, sometimes districts, a group, a firm."""
        rng, roll = self.rng, self.rng.random()
        if roll < 0.22:
            return [province.departments[0]]  # Sở TT&TT leads most of this work
        if roll < 0.65:
            return [rng.choice(province.departments)]
        if roll < 0.77:
            return [rng.choice(province.districts)[0]]
        if roll < 0.83:
            return [rng.choice(province.groups[:2])]
        if roll < 0.88:
            return [rng.choice(province.enterprises)]
        if roll < 0.90:
            return [rng.choice(self.ministries)]
        return rng.sample(province.departments, 2)

    def deadline(
        self, issued_on: date, latest: date | None
    ) -> tuple[date | None, str | None]:
        """A deadline (not after ``latest``) and how the conclusion wrote it."""
        rng, roll = self.rng, self.rng.random()
        day = issued_on + timedelta(days=rng.randint(15, 180))
        if latest is not None:
            day = issued_on + (latest - issued_on) * rng.uniform(0.4, 1.0)
        if roll < 0.1 and latest is None:
            return None, None
        if roll < 0.3 and latest is None:
            month_end = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            return month_end - timedelta(days=1), f"trong tháng {day.month}/{day.year}"
        return day, f"trước ngày {vn_date(day)}"

    def issue(
        self,
        province: Province,
        origin: Origin,
        draft: Draft,
        issued_on: date,
        parent: Assignment | None = None,
    ) -> Assignment:
        """Issue one task as an assignment, tracked per member of a group lead."""
        lead = draft.lead
        assignment = Assignment.issue(
            id=ids.delegated_assignment_id(parent.id, lead, draft.title)
            if parent
            else ids.assignment_id(origin),
            actor=ACTOR,
            origin=origin,
            title=draft.title,
            lead=lead,
            tracked=[member for agency in lead for member in self.members[agency]],
            issued_on=issued_on,
            coordinating=draft.coordinating,
            kind="request" if lead[0] in province.enterprises else "task",
            deadline=draft.deadline,
            deadline_text=draft.deadline_text,
            report_to=parent.lead[0] if parent else province.ubnd,
            report_via=None if parent else province.departments[0],
            documents=draft.documents,
            parent_id=parent.id if parent else None,
        )
        self.tally["assignments" if parent is None else "delegated"] += 1
        self.add(assignment)
        return assignment

    # -- weeks and months later ----------------------------------------------

    def schedule(self, assignments: list[Assignment], level: int, batch: int) -> None:
        """First weeks two batches on, the outcome six batches on."""
        if assignments:
            self.follow_ups.append(FollowUp(batch + 2, 1, level, assignments))
            self.follow_ups.append(FollowUp(batch + 6, 2, level, assignments))

    def follow_up(self, batch: int) -> None:
        """Run every stage due by this batch, in the order they fell due."""
        due = sorted(
            (f for f in self.follow_ups if f.due_batch <= batch),
            key=lambda f: (f.due_batch, f.stage),
        )
        self.follow_ups = [f for f in self.follow_ups if f.due_batch > batch]
        for stage in due:
            children: list[Assignment] = []
            for assignment in stage.assignments:
                if stage.stage == 1:
                    children += self.first_weeks(assignment, stage.level)
                else:
                    self.outcome(assignment)
            self.add(*stage.assignments)
            self.schedule(children, stage.level + 1, batch)

    def moment(self, day: date, days: int) -> datetime:
        """Office hours ``days`` after ``day``."""
        hour = self.rng.randint(8, 16)
        return datetime.combine(day + timedelta(days=days), datetime.min.time(), VN) + (
            timedelta(hours=hour)
        )

    def first_weeks(self, assignment: Assignment, level: int) -> list[Assignment]:
        """Acknowledgements, a progress report or two, delegation further down."""
        rng = self.rng
        for agency in assignment.tracked:
            if rng.random() < 0.85:
                at = self.moment(assignment.issued_on, rng.randint(1, 6))
                assignment.acknowledge(actor=ACTOR, agency_id=agency, at=at)
        for _ in range(rng.choice((0, 1, 1, 2))):
            assignment.report_progress(
                actor=ACTOR,
                agency_id=rng.choice(assignment.tracked),
                note=f"Đã triển khai {rng.randint(10, 90)}% khối lượng công việc;"
                f" {rng.choice(ISSUES)}.",
                at=(at := self.moment(assignment.issued_on, rng.randint(7, 40))),
                now=at,  # reported as it happened: the corpus has no clock
                percent=rng.randint(10, 90),
            )
        if level >= 3 or rng.random() >= (0.72, 0.32, 0.2)[level]:
            return []
        delegator = rng.choice(assignment.tracked)
        province = self.by_committee[assignment.origin.committee_id]
        pool = [a for a, _ in province.districts] + province.enterprises
        leads = rng.sample([a for a in pool if a != delegator], rng.choice((1, 1, 2)))
        return [self.delegated(assignment, lead) for lead in leads]

    def delegated(self, parent: Assignment, to: UUID) -> Assignment:
        """A lead agency passes part of its task to another agency (giao tiếp)."""
        rng = self.rng
        province = self.by_committee[parent.origin.committee_id]
        lead = [to]
        issued_on = parent.issued_on + timedelta(days=rng.randint(2, 10))
        if parent.deadline is not None:
            issued_on = min(issued_on, parent.deadline)
        deadline, deadline_text = self.deadline(issued_on, parent.deadline)
        verb = rng.choice(("Tổ chức thực hiện", "Cụ thể hóa", "Triển khai", "Rà soát"))
        title = f"{verb} nhiệm vụ {rng.choice(TASKS).format(year=issued_on.year)}"
        title += f" tại {self.names[lead[0]]}"
        draft = Draft(title, lead, [], deadline, deadline_text, [])
        return self.issue(province, parent.origin, draft, issued_on, parent)

    def authority(self, province: Province) -> Authority:
        """What allowed a change: a recent meeting's item, or a decision."""
        rng = self.rng
        if province.recent and rng.random() < 0.7:
            meeting_id, items = rng.choice(list(province.recent))
            return Authority(meeting_id=meeting_id, item_number=rng.choice(items))
        number = f"{rng.randint(100, 3999)}/QĐ-UBND"
        return Authority(document=DocumentRef("Quyết định", number, None, "UBND tỉnh"))

    def outcome(self, assignment: Assignment) -> None:
        """Done (on time or late), extended, reopened, cancelled, superseded, or not."""
        rng, roll = self.rng, self.rng.random()
        province = self.by_committee[assignment.origin.committee_id]
        if roll < 0.03:
            assignment.cancel(
                actor=ACTOR,
                authority=self.authority(province),
                reason="Nhiệm vụ không còn phù hợp với tình hình thực tế",
            )
            return
        replacement = rng.choice(list(province.issued))
        if roll < 0.045 and replacement != assignment.id:
            assignment.supersede(
                actor=ACTOR,
                by_assignment_id=replacement,
                authority=self.authority(province),
                reason="Thay thế bằng nhiệm vụ mới",
            )
            return
        if roll < 0.16:
            self.extend(assignment, province)
        if roll < 0.74 and (roll >= 0.16 or rng.random() < 0.6):
            self.complete(assignment, rng.random() < 0.9)
            if roll > 0.71:
                assignment.reopen(actor=ACTOR, reason="Kết quả chưa đạt yêu cầu")
        elif len(assignment.tracked) > 1 and rng.random() < 0.5:
            self.complete(assignment, False)

    def extend(self, assignment: Assignment, province: Province) -> None:
        """A lead agency asks for more time; the committee grants it."""
        rng = self.rng
        floor = assignment.deadline or assignment.issued_on
        later = floor + timedelta(days=rng.randint(30, 90))
        assignment.request_extension(
            actor=ACTOR,
            agency_id=assignment.tracked[0],
            deadline=later,
            reason=f"Do {rng.choice(ISSUES)}",
        )
        assignment.extend_deadline(
            actor=ACTOR,
            deadline=later,
            authority=self.authority(province),
            reason="Đồng ý gia hạn theo đề nghị của cơ quan chủ trì",
        )

    def complete(self, assignment: Assignment, everyone: bool) -> None:
        """Tracked agencies report completion, mostly on time, some late."""
        rng = self.rng
        due = assignment.deadline or assignment.issued_on + timedelta(days=90)
        span = max(1, (due - assignment.issued_on).days)
        agencies = assignment.tracked
        if not everyone:
            agencies = rng.sample(agencies, max(1, len(agencies) // 2))
        for agency in agencies:
            done = assignment.issued_on + timedelta(days=rng.randint(1, span + 30))
            assignment.complete(
                actor=ACTOR,
                agency_id=agency,
                completed_on=done,
                evidence=f"Báo cáo số {rng.randint(1, 999)}/BC ngày {vn_date(done)}",
                now=datetime.combine(done, datetime.min.time(), VN) + OFFICE_CLOSES,
            )

    # -- the whole corpus ----------------------------------------------------

    def write(self, report: bool = True) -> None:
        """The directory, then the meetings in batches with earlier follow-ups."""
        started = time.perf_counter()
        self.directory()
        plan = self.calendar()
        size = self.sizes.batch_meetings
        batch = 0
        for batch, start in enumerate(range(0, len(plan), size)):
            for starts_at, province in plan[start : start + size]:
                tasks = self.meeting(province, starts_at)
                self.tally["meetings"] += 1
                self.schedule(tasks, 0, batch)
            self.follow_up(batch)
            self.flush()
            if report and batch % 10 == 0:
                total = sum(self.counts.values())
                elapsed = time.perf_counter() - started
                print(f"  batch {batch}: {total:,} events, {elapsed:.0f} s", flush=True)
        while self.follow_ups:
            batch += 1
            self.follow_up(batch)
            self.flush()


def corpus_settings(schema: str) -> Settings:
    """Settings on the corpus's schema; no snapshots or cache while writing."""
    database = Database.from_url(f"{POSTGRES_URL}?schema={schema}")
    return Settings(database=database, snapshot_interval=10**9, aggregate_cache_size=0)


def events_by_topic(database: Database) -> Counter[str]:
    """How many events of each type the schema's log holds (none: no corpus)."""
    connection = psycopg2.connect(
        options=f"-c search_path={database.schema}", **database.psycopg2_dsn()
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(QUERIES.has_events.sql)
            if not cursor.fetchone()[0]:
                return Counter()
            cursor.execute(QUERIES.events_by_topic.sql)
            return Counter({topic.rsplit(":", 1)[1]: n for topic, n in cursor})
    finally:
        connection.close()


def generate(settings: Settings, sizes: Sizes, seed: int) -> CorpusWriter:
    """Write a whole corpus into the (empty) schema of ``settings``."""
    app = build_application(settings)
    try:
        writer = CorpusWriter(app, sizes, seed)
        writer.write()
    finally:
        app.close()
    return writer


def ensure_corpus(schema: str, scale: float = 1.0, seed: int = 2022) -> Counter[str]:
    """The corpus in ``schema``, generated unless one of full size is there."""
    sizes = Sizes.scaled(scale)
    settings = corpus_settings(schema)
    counts = events_by_topic(settings.database)
    if sum(counts.values()) >= sizes.min_events:
        print(f"corpus: reusing schema {schema} ({sum(counts.values()):,} events)")
        return counts
    if counts:
        print(f"corpus: schema {schema} holds a partial corpus; regenerating")
        postgres.drop_schema(settings.database)
    print(f"corpus: generating into schema {schema} (seed {seed}, scale {scale})")
    started = time.perf_counter()
    writer = generate(settings, sizes, seed)
    elapsed = time.perf_counter() - started
    total = sum(writer.counts.values())
    print(
        f"corpus: generated {total:,} events in {elapsed:.0f} s"
        f" ({total / elapsed:,.0f} events/s); {writer.tally['meetings']:,} meetings,"
        f" {writer.tally['assignments']:,} assignments from conclusions,"
        f" {writer.tally['delegated']:,} delegated"
    )
    return events_by_topic(settings.database)


def describe(counts: Counter[str]) -> Iterator[str]:
    """Lines describing a corpus from its events by type."""
    yield f"events: {sum(counts.values()):,}"
    for label, topic in (
        ("committees", "Committee.Established"),
        ("agencies", "Agency.Registered"),
        ("groups", "Agency.GroupMembersSet"),
        ("people", "Person.Registered"),
        ("meetings", "Meeting.Scheduled"),
        ("connection points", "MeetingRoom.ConnectionPointAdded"),
        ("speeches", "Meeting.SpeechRecorded"),
        ("conclusions", "Meeting.ConclusionIssued"),
        ("assignments", "Assignment.Issued"),
        ("acknowledgements", "Assignment.Acknowledged"),
        ("progress reports", "Assignment.ProgressReported"),
        ("completions", "Assignment.Completed"),
        ("extensions", "Assignment.DeadlineExtended"),
        ("cancelled", "Assignment.Cancelled"),
        ("superseded", "Assignment.Superseded"),
    ):
        yield f"{label}: {counts[topic]:,}"


def main(argv: Iterable[str] | None = None) -> None:
    """Generate (or find) a corpus and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--drop", action="store_true", help="drop the schema first")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.drop:
        postgres.drop_schema(corpus_settings(args.schema).database)
    counts = ensure_corpus(args.schema, args.scale, args.seed)
    print("; ".join(describe(counts)))


if __name__ == "__main__":
    main()

"""A digest's e-mail, rendered from its templates: escaped HTML, plain text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

from domain.digest import AgencyTally, Digest, DigestKind, DigestLine
from domain.values import RecipientKind
from service.digests.render import render


def weekly(title: str) -> Digest:
    """A late weekly digest with one tally and one overdue line titled ``title``."""
    return Digest.issue(
        actor="test",
        kind=DigestKind.WEEKLY,
        committee_id=uuid4(),
        recipient_kind=RecipientKind.COMMITTEE,
        recipient_id=uuid4(),
        period_start=date(2022, 3, 14),
        period_end=date(2022, 3, 20),
        addresses=["lanhdao@quangnam.gov.vn"],
        lines=[
            DigestLine(
                section="most_overdue",
                ref=uuid4(),
                title=title,
                deadline=date(2022, 3, 1),
                days=-20,
                detail="Sở TT&TT",
            )
        ],
        tallies=[
            AgencyTally(
                agency_id=uuid4(),
                name="Sở Nội vụ",
                done_on_time=3,
                done_late=1,
                in_progress=2,
                overdue=1,
            )
        ],
        late=True,
        issued_at=datetime(2022, 3, 21, tzinfo=UTC),
    )


def test_html_escapes_what_people_typed_and_the_text_keeps_it() -> None:
    title = 'Rà soát <script>alert("x")</script> & báo cáo'
    mail = render(weekly(title), "Lãnh đạo Ban Chỉ đạo", "https://steerlog.example/")
    assert "<script>" not in mail.html
    assert "Rà soát &lt;script&gt;" in mail.html and "&amp; báo cáo" in mail.html
    assert "<td>Sở Nội vụ</td><td>3</td><td>1</td><td>2</td><td>1</td>" in mail.html
    assert "<small>Sở TT&amp;TT</small>" in mail.html
    assert f"1. {title} — hạn 01/03/2022 (quá hạn 20 ngày)" in mail.text
    assert "- Sở Nội vụ: 3 / 1 / 2 / 1" in mail.text
    assert mail.text.startswith("Bản tin tuần 14/03/2022 – 20/03/2022 — Lãnh đạo")
    assert "Bản tin này được gửi muộn" in mail.text and "gửi muộn" in mail.html
    assert mail.subject == "[steerlog] " + mail.text.splitlines()[0]

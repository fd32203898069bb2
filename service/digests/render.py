"""A digest as an e-mail's two parts, in Vietnamese: plain text and HTML, with links.

Each part's frame is a ``string.Template`` in ``templates/`` (``digest.txt``,
``digest.html``); the repeated blocks (late note, tallies, sections) are built here.
Every value put into the HTML is escaped (``markupsafe.escape``); the text part is not.
(Jinja stays in ``web/``: the service layer renders with the standard library.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from string import Template

from markupsafe import escape

from domain.digest import AgencyTally, Digest, DigestKind, DigestLine

HEADINGS = {
    "new": "Nhiệm vụ mới được giao",
    "due": "Sắp đến hạn",
    "overdue": "Quá hạn",
    "completed": "Đã hoàn thành",
    "extension_requested": "Đề nghị gia hạn đang chờ xử lý",
    "most_overdue": "Nhiệm vụ quá hạn lâu nhất",
    "decisions": "Quyết định, chỉ đạo trong tuần",
}
TALLY_COLUMNS = (
    ("done_on_time", "Hoàn thành đúng hạn"),
    ("done_late", "Hoàn thành quá hạn"),
    ("in_progress", "Đang thực hiện"),
    ("overdue", "Quá hạn"),
)
LATE_NOTE = "Bản tin này được gửi muộn do hệ thống gián đoạn."
TALLIES_HEADING = "Thống kê theo cơ quan"

Section = tuple[str, list[DigestLine]]


@dataclass(frozen=True)
class Rendered:
    """Subject, text part and HTML part of a digest's e-mail."""

    subject: str
    text: str
    html: str


def vn_date(day: date | None) -> str:
    """A date as Vietnamese write it: ``17/03/2022``."""
    return day.strftime("%d/%m/%Y") if day else "không có hạn"


def title_of(digest: Digest, recipient: str) -> str:
    """``Bản tin đôn đốc ngày 17/03/2022 — Sở Thông tin và Truyền thông``."""
    if digest.kind is DigestKind.DAILY:
        when = f"ngày {vn_date(digest.period_start)}"
        return f"Bản tin đôn đốc {when} — {recipient}"
    span = f"{vn_date(digest.period_start)} – {vn_date(digest.period_end)}"
    return f"Bản tin tuần {span} — {recipient}"


def when_due(line: DigestLine) -> str:
    """``hạn 20/03/2022 (còn 3 ngày)``, ``quá hạn 5 ngày``, ``đến hạn hôm nay``."""
    if line.deadline is None or line.days is None:
        return "không có hạn"
    if line.days > 0:
        return f"hạn {vn_date(line.deadline)} (còn {line.days} ngày)"
    if line.days == 0:
        return f"hạn {vn_date(line.deadline)} (đến hạn hôm nay)"
    return f"hạn {vn_date(line.deadline)} (quá hạn {-line.days} ngày)"


def render(digest: Digest, recipient: str, base_url: str) -> Rendered:
    """The e-mail of ``digest`` for ``recipient`` (its name), linking to the API."""
    base = base_url.rstrip("/")
    title = title_of(digest, recipient)
    return Rendered(
        subject=f"[steerlog] {title}",
        text=text_part(digest, title, base),
        html=html_part(digest, title, base),
    )


def assignment_link(base: str, line: DigestLine) -> str:
    """The API address of the assignment ``line`` lists."""
    return f"{base}/api/v1/assignments/{line.ref}"


def text_part(digest: Digest, title: str, base: str) -> str:
    """The text part: ``digest.txt`` around the digest's blocks, nothing escaped."""
    sections = "".join(
        _text_section(heading, lines, base) for heading, lines in _sections(digest)
    )
    return _template("digest.txt").substitute(
        title=title,
        underline="=" * len(title),
        late=f"{LATE_NOTE}\n\n" if digest.late else "",
        tallies=_text_tallies(digest.tallies),
        sections=sections,
        base=base,
        digest_id=str(digest.id),
    )


def html_part(digest: Digest, title: str, base: str) -> str:
    """The HTML part: ``digest.html`` around its blocks, every value escaped."""
    sections = "".join(
        _html_section(heading, lines, base) for heading, lines in _sections(digest)
    )
    return _template("digest.html").substitute(
        title=escape(title),
        late=f"<p><em>{escape(LATE_NOTE)}</em></p>\n" if digest.late else "",
        tallies=_html_tallies(digest.tallies),
        sections=sections,
        base=escape(base),
        digest_id=escape(str(digest.id)),
    )


@cache
def _template(name: str) -> Template:
    """The frame ``templates/<name>``, read once."""
    text = resources.files(__package__).joinpath("templates", name).read_text("utf-8")
    return Template(text)


def _sections(digest: Digest) -> list[Section]:
    """The digest's lines under their headings, in the headings' order."""
    sections: dict[str, list[DigestLine]] = {}
    for line in digest.lines:
        sections.setdefault(line.section, []).append(line)
    return [(HEADINGS[name], sections[name]) for name in HEADINGS if name in sections]


def _counts(tally: AgencyTally) -> list[int]:
    """An agency's four counts, in the columns' order."""
    return [getattr(tally, key) for key, _ in TALLY_COLUMNS]


def _text_tallies(tallies: list[AgencyTally]) -> str:
    """``- Sở Nội vụ: 3 / 1 / 2 / 1`` per agency under a heading, or nothing."""
    if not tallies:
        return ""
    labels = ", ".join(label for _, label in TALLY_COLUMNS)
    rows = "".join(
        f"- {tally.name}: {' / '.join(map(str, _counts(tally)))}\n" for tally in tallies
    )
    underline = "-" * len(TALLIES_HEADING)
    return f"{TALLIES_HEADING}\n{underline}\n(Cơ quan: {labels})\n{rows}\n"


def _text_section(heading: str, lines: list[DigestLine], base: str) -> str:
    """A numbered section: each line's title, when it is due, detail and link."""
    caption = f"{heading} ({len(lines)})"
    items = []
    for number, line in enumerate(lines, start=1):
        detail = f"   {line.detail}\n" if line.detail else ""
        items.append(
            f"{number}. {line.title} — {when_due(line)}\n"
            f"{detail}   {assignment_link(base, line)}\n"
        )
    return f"{caption}\n{'-' * len(caption)}\n{''.join(items)}\n"


def _html_tallies(tallies: list[AgencyTally]) -> str:
    """The agencies' counts as a table under a heading, or nothing."""
    if not tallies:
        return ""
    header = "".join(f"<th>{escape(label)}</th>" for _, label in TALLY_COLUMNS)
    rows = "".join(
        f"<tr><td>{escape(tally.name)}</td>"
        + "".join(f"<td>{escape(count)}</td>" for count in _counts(tally))
        + "</tr>\n"
        for tally in tallies
    )
    return (
        f"<h2>{escape(TALLIES_HEADING)}</h2>\n"
        f"<table><thead><tr><th>Cơ quan</th>{header}</tr></thead><tbody>\n"
        f"{rows}</tbody></table>\n"
    )


def _html_section(heading: str, lines: list[DigestLine], base: str) -> str:
    """An ordered list: each line's linked title, when it is due, and its detail."""
    items = []
    for line in lines:
        detail = f"<br><small>{escape(line.detail)}</small>" if line.detail else ""
        items.append(
            f'<li><a href="{escape(assignment_link(base, line))}">'
            f"{escape(line.title)}</a> — {escape(when_due(line))}{detail}</li>\n"
        )
    return f"<h2>{escape(heading)} ({len(lines)})</h2><ol>\n{''.join(items)}</ol>\n"

"""A digest as an e-mail's two parts, in Vietnamese: plain text and HTML, with links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from domain.digest import Digest, DigestKind, DigestLine

# HTML is escaped (autoescape), the text part is not; blocks leave no blank lines.
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=StrictUndefined,
)

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
    context = {
        "digest": digest,
        "title": title,
        "base": base,
        "sections": _sections(digest),
        "tally_columns": TALLY_COLUMNS,
        "late_note": LATE_NOTE,
        "when_due": when_due,
        "link": lambda line: f"{base}/api/v1/assignments/{line.ref}",
    }
    return Rendered(
        subject=f"[steerlog] {title}",
        text=TEMPLATES.get_template("digest.txt").render(context),
        html=TEMPLATES.get_template("digest.html").render(context),
    )


def _sections(digest: Digest) -> list[tuple[str, list[DigestLine]]]:
    """The digest's lines under their headings, in the headings' order."""
    sections: dict[str, list[DigestLine]] = {}
    for line in digest.lines:
        sections.setdefault(line.section, []).append(line)
    return [(HEADINGS[name], sections[name]) for name in HEADINGS if name in sections]

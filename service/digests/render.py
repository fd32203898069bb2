"""A digest as an e-mail's two parts, in Vietnamese: plain text and HTML, with links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

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
        text=_text(digest, title, base),
        html=_html(digest, title, base),
    )


def _sections(digest: Digest) -> list[tuple[str, list[DigestLine]]]:
    sections: dict[str, list[DigestLine]] = {}
    for line in digest.lines:
        sections.setdefault(line.section, []).append(line)
    return [(name, sections[name]) for name in HEADINGS if name in sections]


def _link(base: str, line: DigestLine) -> str:
    return f"{base}/api/v1/assignments/{line.ref}"


def _text(digest: Digest, title: str, base: str) -> str:
    out = [title, "=" * len(title), ""]
    if digest.late:
        out += [LATE_NOTE, ""]
    if digest.tallies:
        out += ["Thống kê theo cơ quan", "-" * 21, *_text_tallies(digest.tallies), ""]
    for name, lines in _sections(digest):
        heading = f"{HEADINGS[name]} ({len(lines)})"
        out += [heading, "-" * len(heading)]
        for number, line in enumerate(lines, 1):
            out.append(f"{number}. {line.title} — {when_due(line)}")
            if line.detail:
                out.append(f"   {line.detail}")
            out.append(f"   {_link(base, line)}")
        out.append("")
    out += [f"Xem bản tin: {base}/api/v1/digests/{digest.id}", ""]
    out.append("Thư này do steerlog gửi tự động; vui lòng không trả lời.")
    return "\n".join(out) + "\n"


def _text_tallies(tallies: list[AgencyTally]) -> list[str]:
    labels = ", ".join(label for _, label in TALLY_COLUMNS)
    rows = [f"(Cơ quan: {labels})"]
    for tally in tallies:
        counts = " / ".join(str(getattr(tally, key)) for key, _ in TALLY_COLUMNS)
        rows.append(f"- {tally.name}: {counts}")
    return rows


def _html(digest: Digest, title: str, base: str) -> str:
    out = [
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    if digest.late:
        out.append(f"<p><em>{escape(LATE_NOTE)}</em></p>")
    if digest.tallies:
        out += ["<h2>Thống kê theo cơ quan</h2>", *_html_tallies(digest.tallies)]
    for name, lines in _sections(digest):
        out.append(f"<h2>{escape(HEADINGS[name])} ({len(lines)})</h2><ol>")
        for line in lines:
            detail = f"<br><small>{escape(line.detail)}</small>" if line.detail else ""
            out.append(
                f'<li><a href="{escape(_link(base, line))}">{escape(line.title)}</a>'
                f" — {escape(when_due(line))}{detail}</li>"
            )
        out.append("</ol>")
    link = escape(f"{base}/api/v1/digests/{digest.id}")
    out.append(f'<p><a href="{link}">Xem bản tin</a></p>')
    out.append("<p><small>Thư này do steerlog gửi tự động.</small></p></body></html>")
    return "\n".join(out) + "\n"


def _html_tallies(tallies: list[AgencyTally]) -> list[str]:
    header = "".join(f"<th>{escape(label)}</th>" for _, label in TALLY_COLUMNS)
    rows = ["<table><thead><tr><th>Cơ quan</th>" + header + "</tr></thead><tbody>"]
    for tally in tallies:
        cells = "".join(f"<td>{getattr(tally, key)}</td>" for key, _ in TALLY_COLUMNS)
        rows.append(f"<tr><td>{escape(tally.name)}</td>{cells}</tr>")
    rows.append("</tbody></table>")
    return rows

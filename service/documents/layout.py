"""An administrative document as Nghị định 30/2020/NĐ-CP lays it out, to render.

The notice and the minutes are built as this model; the DOCX and PDF writers
render the same model, so both files always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Style(StrEnum):
    """How a body paragraph is set."""

    BODY = "body"  # justified, first line indented
    ITEM = "item"  # a numbered conclusion item
    TASK = "task"  # a task under an item, indented further
    HEADING = "heading"  # a bold section line of the minutes
    CLOSING = "closing"  # the last line of the minutes, italic


@dataclass(frozen=True)
class Run:
    """A stretch of text in one face."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body: runs of text, set in a style."""

    runs: tuple[Run, ...]
    style: Style = Style.BODY

    @property
    def text(self) -> str:
        """The paragraph's text, without faces."""
        return "".join(run.text for run in self.runs)


def paragraph(text: str, style: Style = Style.BODY, lead: str = "") -> Paragraph:
    """A paragraph of ``text``, its ``lead`` (a number, a label) in bold."""
    runs = (Run(lead, bold=True),) if lead else ()
    return Paragraph((*runs, Run(text)), style)


@dataclass(frozen=True)
class Signature:
    """Quyền hạn, chức vụ và họ tên người ký: set in the signature block."""

    title: str  # the position, in capitals (``PHÓ CHỦ TỊCH``)
    name: str
    authority: str | None = None  # ``TM.``, ``KT.``, ``TL.`` line above the title


@dataclass(frozen=True)
class AdministrativeDocument:
    """Every part of the first page and the body, in the decree's order."""

    issuing_body: str
    number: str  # ``Số: 25/TB-UBND``
    type_name: str  # ``THÔNG BÁO``, ``BIÊN BẢN``
    subject: str  # trích yếu
    body: tuple[Paragraph, ...]
    signatures: tuple[Signature, ...]  # left to right; the last one at the right
    recipients: tuple[str, ...]  # Nơi nhận, each ``- ...;``
    governing_body: str | None = None
    place_and_date: str | None = None  # the minutes have none
    file_name: str = "document"
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def recipients_block(self) -> bool:
        """Whether the recipients sit beside the signature (one signer)."""
        return len(self.signatures) == 1


QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

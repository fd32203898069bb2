"""Render an administrative document as DOCX (python-docx), as offices edit it."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from service.documents.layout import (
    QUOC_HIEU,
    TIEU_NGU,
    AdministrativeDocument,
    Paragraph,
    Signature,
    Style,
)

FONT = "Times New Roman"  # Phụ lục I; LibreOffice shows it as Liberation Serif
BODY_PT = 14
HEADER_LEFT_CM = 6.3  # the issuing body's column; the Quốc hiệu's takes the rest
TEXT_WIDTH_MM = 210 - 30 - 15


def render_docx(document: AdministrativeDocument) -> bytes:
    """The document as a .docx file's bytes."""
    docx = Document()
    _page(docx)
    _header(docx, document)
    _title(docx, document)
    for block in document.body:
        _body_paragraph(docx, block)
    _closing(docx, document)
    docx.core_properties.title = document.metadata.get("title", document.subject)
    docx.core_properties.author = document.issuing_body
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _page(docx: DocxDocument) -> None:
    """A4 portrait, the decree's margins, Times New Roman 14, numbers from page 2."""
    section = docx.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = docx.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_after = Pt(0)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(number, "PAGE", size=13)


def _field(target: DocxParagraph, instruction: str, size: int) -> None:
    run = target.add_run()
    run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)


def _line(
    cell: _Cell | DocxDocument,
    text: str,
    size: int = 13,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
) -> DocxParagraph:
    target = cell.add_paragraph()
    target.alignment = align
    run = target.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return target


def _rule(target: DocxParagraph, width_cm: float, column_cm: float) -> None:
    """A rule under ``target``: its bottom border, indented to ``width_cm``."""
    side = Cm(max(0.0, (column_cm - width_cm) / 2))
    target.paragraph_format.left_indent = side
    target.paragraph_format.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1")):
        bottom.set(qn(f"w:{name}"), value)
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    target._p.get_or_add_pPr().append(borders)


def _header(docx: DocxDocument, document: AdministrativeDocument) -> None:
    """Issuing body and number at the left; Quốc hiệu, Tiêu ngữ, date at the right."""
    right_cm = TEXT_WIDTH_MM / 10 + 1.5 - HEADER_LEFT_CM
    table = docx.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(HEADER_LEFT_CM), Cm(right_cm)
    for cell in (left, right):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    if document.governing_body:
        _line(left, document.governing_body, size=13)
    body = _line(left, document.issuing_body, size=13, bold=True)
    _rule(body, HEADER_LEFT_CM / 3, HEADER_LEFT_CM)
    _line(left, document.number, size=13).paragraph_format.space_before = Pt(6)
    _line(right, QUOC_HIEU, size=12, bold=True)
    motto = _line(right, TIEU_NGU, size=13, bold=True)
    _rule(motto, 5.6, right_cm)
    if document.place_and_date:
        dated = _line(right, document.place_and_date, size=14, italic=True)
        dated.paragraph_format.space_before = Pt(6)


def _title(docx: DocxDocument, document: AdministrativeDocument) -> None:
    kind = _line(docx, document.type_name, size=14, bold=True)
    kind.paragraph_format.space_before = Pt(18)
    subject = _line(docx, document.subject, size=14, bold=True)
    _rule(subject, 3.0, TEXT_WIDTH_MM / 10)
    subject.paragraph_format.space_after = Pt(12)


def _body_paragraph(docx: DocxDocument, block: Paragraph) -> None:
    target = docx.add_paragraph()
    target.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form = target.paragraph_format
    form.first_line_indent = Cm(1.27)
    form.space_after = Pt(6)
    form.line_spacing = 1.15
    if block.style is Style.HEADING:
        form.first_line_indent = Cm(0)
    for part in block.runs:
        run = target.add_run(part.text)
        run.font.size = Pt(BODY_PT)
        run.bold = part.bold or block.style is Style.HEADING
        run.italic = part.italic or block.style is Style.CLOSING


def _closing(docx: DocxDocument, document: AdministrativeDocument) -> None:
    """Nơi nhận beside the signature (one signer), or signatures then Nơi nhận."""
    signatures = document.signatures
    columns = max(2, len(signatures))
    table = docx.add_table(rows=1, cols=columns)
    table.autofit = False
    cells = table.rows[0].cells
    for cell in cells:
        cell.width = Cm(TEXT_WIDTH_MM / 10 / columns)
    if document.recipients_block:
        _recipients(cells[0], document.recipients)
        _signature(cells[-1], signatures[0])
    else:
        for cell, signature in zip(cells, signatures, strict=False):
            _signature(cell, signature)
        _recipients(docx, document.recipients)


def _recipients(target: _Cell | DocxDocument, recipients: tuple[str, ...]) -> None:
    left = WD_ALIGN_PARAGRAPH.LEFT
    _line(target, "Nơi nhận:", size=12, bold=True, italic=True, align=left)
    for entry in recipients:
        _line(target, entry, size=11, align=left)


def _signature(cell: _Cell, signature: Signature) -> None:
    first = cell.paragraphs[0]
    first.paragraph_format.space_before = Pt(12)
    if signature.authority:
        _line(cell, signature.authority, size=14, bold=True)
    _line(cell, signature.title, size=14, bold=True)
    for _ in range(4):  # room for the signature and the seal
        _line(cell, "", size=14)
    _line(cell, signature.name, size=14, bold=True)

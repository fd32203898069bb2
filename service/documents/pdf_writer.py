"""Render an administrative document as PDF: an HTML page, print CSS, WeasyPrint.

The page is ``templates/document.html`` (``string.Template`` placeholders) and
``templates/print.css``; every text is escaped here. (Jinja stays in ``web/``:
the service layer renders with the standard library, as the digests do.)
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources
from string import Template

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from service.documents.fonts import FAMILY, serif_faces
from service.documents.layout import (
    QUOC_HIEU,
    TIEU_NGU,
    AdministrativeDocument,
    Paragraph,
    Signature,
)


@cache
def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text("utf-8")


def _font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {face.weight};'
        f' font-style: {face.style}; src: url("{face.path.as_uri()}"); }}'
        for face in serif_faces()
    )


def _paragraph(block: Paragraph) -> str:
    runs = []
    for run in block.runs:
        text = escape(run.text)
        runs.append(
            f"<b>{text}</b>" if run.bold else f"<i>{text}</i>" if run.italic else text
        )
    return f'<p class="{block.style.value}">{"".join(runs)}</p>'


def _signature(signature: Signature) -> str:
    authority = (
        f'<div class="authority">{escape(signature.authority)}</div>'
        if signature.authority
        else ""
    )
    return (
        f'<div class="signature">{authority}'
        f'<div class="position">{escape(signature.title)}</div>'
        '<div class="seal"></div>'
        f'<div class="signer">{escape(signature.name)}</div></div>'
    )


def _recipients(entries: tuple[str, ...]) -> str:
    lines = "".join(f'<div class="entry">{escape(entry)}</div>' for entry in entries)
    return f'<div class="recipients"><div class="label">Nơi nhận:</div>{lines}</div>'


def _closing(document: AdministrativeDocument) -> str:
    """Nơi nhận beside the one signature, or the signatures then Nơi nhận."""
    signatures = document.signatures
    if document.recipients_block:
        cells = (
            f'<td class="left">{_recipients(document.recipients)}</td>'
            f'<td class="right">{_signature(signatures[0])}</td>'
        )
        return f'<table class="closing"><tr>{cells}</tr></table>'
    cells = "".join(
        f'<td class="{"right" if n == len(signatures) - 1 else "left"}">'
        f"{_signature(s)}</td>"
        for n, s in enumerate(signatures)
    )
    table = f'<table class="closing"><tr>{cells}</tr></table>'
    return table + _recipients(document.recipients)


def render_html(document: AdministrativeDocument) -> str:
    """The document as the HTML page the PDF is printed from."""
    governing = (
        f'<div class="governing">{escape(document.governing_body)}</div>'
        if document.governing_body
        else ""
    )
    return Template(_template("document.html")).substitute(
        title=escape(document.metadata.get("title", document.subject)),
        author=escape(document.issuing_body),
        font_faces=_font_faces(),
        print_css=_template("print.css"),
        governing=governing,
        issuing_body=escape(document.issuing_body),
        quoc_hieu=QUOC_HIEU,
        tieu_ngu=TIEU_NGU,
        number=escape(document.number),
        place_and_date=escape(document.place_and_date or ""),
        type_name=escape(document.type_name),
        subject=escape(document.subject),
        body="\n".join(_paragraph(block) for block in document.body),
        closing=_closing(document),
    )


def render_pdf(document: AdministrativeDocument) -> bytes:
    """The document as PDF bytes, its fonts embedded (subsets of Liberation Serif)."""
    pdf: bytes = HTML(string=render_html(document)).write_pdf(
        font_config=FontConfiguration()
    )
    return pdf

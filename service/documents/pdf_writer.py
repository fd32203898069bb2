"""Render an administrative document as PDF: a Jinja template, print CSS, WeasyPrint."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from service.documents.fonts import FAMILY, serif_faces
from service.documents.layout import QUOC_HIEU, TIEU_NGU, AdministrativeDocument


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("service.documents", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(document: AdministrativeDocument) -> str:
    """The document as the HTML page the PDF is printed from."""
    return (
        _templates()
        .get_template("document.html")
        .render(
            document=document,
            quoc_hieu=QUOC_HIEU,
            tieu_ngu=TIEU_NGU,
            family=FAMILY,
            faces=serif_faces(),
        )
    )


def render_pdf(document: AdministrativeDocument) -> bytes:
    """The document as PDF bytes, its fonts embedded (subsets of Liberation Serif)."""
    fonts = FontConfiguration()
    page = HTML(string=render_html(document))
    pdf: bytes = page.write_pdf(font_config=fonts)
    return pdf

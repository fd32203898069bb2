"""Every message of the pages has its English, and the compiled catalog is current."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "web" / "translations" / "en" / "LC_MESSAGES"
METHODS = [("web/**.py", "python"), ("web/templates/**.html", "jinja2")]


def _messages_in_the_code() -> set[tuple[str | None, str]]:
    """Each message the pages say, with its context (``pgettext``) if any."""
    found = extract_from_dir(
        str(ROOT),
        METHODS,
        keywords={
            "_": None,
            "_l": None,
            "gettext": None,
            "lazy_gettext": None,
            "pgettext": ((1, "c"), 2),
        },
    )
    return {(context, message) for _file, _line, message, _notes, context in found}


def test_every_message_of_the_pages_has_an_english_translation() -> None:
    with (CATALOG / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="en")
    translated = {
        (m.context, m.id)
        for m in catalog
        if m.id and m.string and "fuzzy" not in m.flags
    }
    missing = _messages_in_the_code() - translated
    assert not missing, f"run `make translations` and translate: {sorted(missing)}"


def test_the_compiled_catalog_matches_the_translations() -> None:
    with (CATALOG / "messages.po").open("rb") as handle:
        source = {
            (m.context, m.id): m.string for m in read_po(handle, locale="en") if m.id
        }
    compiled = read_mo(io.BytesIO((CATALOG / "messages.mo").read_bytes()))
    assert {(m.context, m.id): m.string for m in compiled if m.id} == source, (
        "make translations"
    )

"""Vietnamese text as data: NFC for storing, a folded form only for matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Control characters other than white space (NUL, ESC, ...): invisible, and
# PostgreSQL text cannot even hold NUL. White space ones are spaces already.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
# Vietnamese diacritics, decomposed, are all combining marks of this block.
_MARKS = re.compile("[\u0300-\u036f]")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the one form steerlog stores."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, drop diacritics and ``đ``, collapse spaces: for matching only."""
    # Stripping every mark also makes old and new tone placement (Uỷ, Ủy) one.
    decomposed = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return _SPACES.sub(" ", _MARKS.sub("", decomposed)).strip()


def clean(text: str) -> str:
    """Return ``text`` in NFC with surrounding and repeated spaces removed, line
    breaks and tabs as spaces, and no other control characters."""
    return _CONTROLS.sub("", _SPACES.sub(" ", nfc(text))).strip()

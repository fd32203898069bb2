"""Vietnamese text as data: NFC for storing, a folded form only for matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the one form steerlog stores."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, drop diacritics and ``đ``, collapse spaces: for matching only."""
    # Stripping every mark also makes old and new tone placement (Uỷ, Ủy) one.
    lowered = nfc(text).lower()
    decomposed = unicodedata.normalize("NFD", lowered.replace("đ", "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare).strip()


def clean(text: str) -> str:
    """Return ``text`` in NFC with surrounding and repeated spaces removed."""
    return _SPACES.sub(" ", nfc(text)).strip()

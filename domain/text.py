"""Vietnamese text as data: NFC for storing, a folded form only for matching."""

from __future__ import annotations

import re
import unicodedata

# Old-style tone placement (Uỷ, hoà, thuỷ) and new style (Ủy, hòa, thủy) must match.
_OLD_TONE_PLACEMENT = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the one form steerlog stores."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, drop diacritics and ``đ``, collapse spaces: for matching only."""
    lowered = nfc(text).lower()
    for old, new in _OLD_TONE_PLACEMENT.items():
        lowered = lowered.replace(old, new)
    decomposed = unicodedata.normalize("NFD", lowered.replace("đ", "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare).strip()


def clean(text: str) -> str:
    """Return ``text`` in NFC with surrounding and repeated spaces removed."""
    return _SPACES.sub(" ", nfc(text)).strip()

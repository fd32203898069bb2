"""The serif face every document is set in: Liberation Serif, from Debian.

Liberation Serif has Times New Roman's metrics (the decree's face) and covers
Vietnamese fully. ``.ci/run`` installs ``fonts-liberation2``; nothing is fetched
at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FAMILY = "Liberation Serif"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)
FACES = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}


class FontMissingError(RuntimeError):
    """The serif face is not installed (``apt-get install fonts-liberation2``)."""


@dataclass(frozen=True)
class Face:
    """One face of the family: its weight, style and file."""

    weight: str
    style: str
    path: Path


def serif_faces() -> list[Face]:
    """The four faces of Liberation Serif, or ``FontMissingError`` naming them."""
    for directory in FONT_DIRS:
        paths = {key: directory / name for key, name in FACES.items()}
        if all(path.is_file() for path in paths.values()):
            return [Face(w, s, path) for (w, s), path in paths.items()]
    raise FontMissingError(
        f"{FAMILY} is not installed in {', '.join(map(str, FONT_DIRS))}:"
        " apt-get install fonts-liberation2"
    )

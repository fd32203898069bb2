"""Prepared input: NFC text, a same-length lower-case twin, tokens, sentences, items."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

# Old tone placement (hoà, uỷ) rewritten to the modern one (hòa, ủy) in the twin.
# Each pair has the same length, so offsets in the twin are offsets in the text.
_TONES = {
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
# Only at the end of a syllable ("hoàn" keeps its tone) and never in "quý".
_TONE_RE = re.compile(r"(?<!q)(?:" + "|".join(_TONES) + r")(?!\w)")
_TOKEN_RE = re.compile(r"\w+(?:[&'’]\w+)*|[^\w\s]")
_LINE_RE = re.compile(r"[^\n\r]+")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’)]*\s+")
_MARKER_RE = re.compile(
    r"(?P<roman>[IVX]{1,4})[.)]\s|(?P<num>\d{1,2})[.)]\s(?!\d)|[a-zđ]\)\s|[-–•+*]\s"
)
_ABBREVIATIONS = frozenset(
    {"tp", "ts", "pgs", "gs", "ths", "bs", "ks", "th", "st", "v.v"}
)
# Matched at a line's start (``match(low, pos)``: a ``^`` would only fit offset 0).
_END_OF_BODY_RE = re.compile(r"\s*(nơi nhận|tin liên quan|tin cùng chuyên mục)\b")
# A saved page's first line may name where it came from: not part of the text.
_SOURCE_LINE_RE = re.compile(r"\s*#\s*source\s*:", re.IGNORECASE)
# A sentence longer than this is cut, so no rule ever scans an unbounded stretch.
MAX_SENTENCE_CHARS = 3000
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}


class Token(NamedTuple):
    """One word or punctuation mark with its offsets and its lower-case twin."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """True for words and numbers, False for punctuation."""
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        """True when the word starts with a capital letter."""
        return self.text[0].isupper()

    @property
    def is_acronym(self) -> bool:
        """True for all-capital abbreviations such as UBND or TT&TT."""
        return len(self.text) >= 2 and self.text.isupper()


@dataclass(frozen=True)
class Sentence:
    """A sentence: character and token range, numbered item, paragraph."""

    start: int
    end: int
    first: int
    last: int
    item: str | None
    para: int
    body_first: int


@dataclass(frozen=True)
class Prepared:
    """The text as every rule sees it."""

    raw: str
    low: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    numbered: bool

    def span_text(self, start: int, end: int) -> str:
        """Return the original text of ``[start, end)`` with spaces collapsed."""
        return " ".join(self.raw[start:end].split())


def lower_twin(text: str) -> str:
    """Lower-case ``text`` with modern tone placement, keeping every offset."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _TONE_RE.sub(lambda m: _TONES[m.group()], low)


def prepare(raw: str) -> Prepared:
    """Tokenise ``raw`` (already NFC) and cut it into sentences and numbered items."""
    low = lower_twin(raw)
    tokens = tuple(
        Token(m.group(), low[m.start() : m.end()], m.start(), m.end())
        for m in _TOKEN_RE.finditer(raw)
    )
    pieces = _sentence_pieces(raw, low)
    items = _number_items(raw, pieces)
    starts = [t.start for t in tokens]
    sentences = []
    current: str | None = None
    for index, (start, end, para, marker_end) in enumerate(pieces):
        if index in items:
            current = items[index]
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        body_first = bisect_left(starts, marker_end)
        if first < last and body_first < last:  # a lone marker ("– ") says nothing
            sentences.append(
                Sentence(start, end, first, last, current, para, body_first)
            )
    numbered = len({v for v in items.values() if v is not None}) >= 2
    return Prepared(raw, low, tokens, tuple(sentences), numbered)


def _sentence_pieces(raw: str, low: str) -> list[tuple[int, int, int, int]]:
    """Cut lines into sentences: (start, end, paragraph, end of item marker)."""
    pieces: list[tuple[int, int, int, int]] = []
    for para, line in enumerate(_LINE_RE.finditer(raw)):
        if _END_OF_BODY_RE.match(low, line.start()):
            break  # the recipients list and related links are not the meeting
        if para == 0 and _SOURCE_LINE_RE.match(raw, line.start()):
            continue
        start = line.start()
        for stop in _sentence_stops(raw, line.start(), line.end()):
            _add_piece(pieces, raw, start, stop, para)
            start = stop
        _add_piece(pieces, raw, start, line.end(), para)
    return pieces


def _sentence_stops(raw: str, start: int, end: int) -> list[int]:
    """Offsets where a new sentence begins inside one line."""
    stops = []
    for match in _SENTENCE_END_RE.finditer(raw, start, end):
        nxt = match.end()
        if nxt >= end:
            break
        word = re.search(
            r"(\w+)\W*$", raw[max(start, match.start() - 6) : match.start()]
        )
        if word and word.group(1).lower() in _ABBREVIATIONS:
            continue  # "TP. Hồ Chí Minh", "PGS. TS." do not end a sentence
        if raw[nxt].isupper() or raw[nxt].isdigit() or raw[nxt] in "\"“'(-–":
            stops.append(nxt)
    colon_item = re.compile(r":\s+(?=\d{1,2}[.)]\s)")
    stops.extend(m.end() for m in colon_item.finditer(raw, start, end))
    return sorted(stops)


def _add_piece(
    pieces: list[tuple[int, int, int, int]], raw: str, start: int, end: int, para: int
) -> None:
    """Trim a piece to its text, cutting one that is too long to scan safely."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = raw.rfind(";", start, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut, para, start))
        start = cut
    if start < end:
        marker = _MARKER_RE.match(raw, start)
        pieces.append((start, end, para, marker.end() if marker else start))


def _number_items(
    raw: str, pieces: list[tuple[int, int, int, int]]
) -> dict[int, str | None]:
    """Map piece index to the item label it opens, for a valid 1, 2, 3 ... chain."""
    labels: dict[int, str | None] = {}
    expected, section = 1, ""
    for index, (start, _end, _para, _marker) in enumerate(pieces):
        marker = _MARKER_RE.match(raw, start)
        if not marker:
            continue
        roman = marker.group("roman")
        if roman and _ROMAN.get(roman):
            section, expected = roman + ".", 1
            labels[index] = None
        elif marker.group("num"):
            number = int(marker.group("num"))
            if number == expected or (number == 1 and expected > 1):
                labels[index] = section + str(number)
                expected = number + 1
    if len([v for v in labels.values() if v]) < 2:
        return {}
    if not any(label and "." in label for label in labels.values()):
        return labels
    # Roman sections only matter when numbers restart inside them.
    plain = [label.split(".")[-1] for label in labels.values() if label]
    if len(plain) == len(set(plain)):
        return {k: (v.split(".")[-1] if v else v) for k, v in labels.items()}
    return labels

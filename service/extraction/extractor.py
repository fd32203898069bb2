"""The extractor: a meeting text in, a structured draft (:class:`Extraction`) out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from domain.text import nfc

from .agency_lists import AgencyListReader
from .assignments import AssignmentReader
from .chair import find_chair
from .connection_points import find_points
from .dates import YearContext, find_full_dates
from .directory import Directory, proposed_agencies
from .documents import find_documents
from .errors import ExtractionError
from .meeting import find_approvals, find_title
from .meeting_date import find_meeting_date, find_published
from .model import Extraction, KnownAgency, Meeting, Span
from .prepare import Prepared, prepare
from .speeches import SpeechReader

# Larger inputs are refused: a meeting conclusion is a few pages, and the bound keeps
# every call fast, even on adversarial input. A million characters is ~300 pages.
MAX_TEXT_CHARS = 1_000_000
# Share of control characters above which an input is taken for binary data.
MAX_CONTROL_SHARE = 0.05
# C0 and C1 controls except tab and line breaks, and lone surrogates.
_CONTROL_RE = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def extract(
    text: str,
    agencies: Sequence[KnownAgency] = (),
    today: date | None = None,
    place: str | None = None,
) -> Extraction:
    """Read the meeting, speeches, assignments and cited documents of ``text``.

    ``text`` is normalised to NFC first; spans index that NFC text, which is ``text``
    itself unless ``Extraction.normalized`` is true. ``today`` only supplies a year
    the text gives no clue to; ``place`` (the committee's jurisdiction) decides
    which agency a short name several places share means. Raises
    :class:`ExtractionError` for binary or oversized input (more than
    ``MAX_TEXT_CHARS`` characters).
    """
    check_text(text)
    if not text.strip():
        return Extraction()
    raw = nfc(text)
    prep = prepare(raw)
    reader = AgencyListReader(prep)
    documents = find_documents(prep)
    citations = [d.span for d in documents]
    published = find_published(prep)
    cited_dates = [d.date for d in documents if d.date]
    held = find_meeting_date(prep, cited_dates, published, today)
    speech_reader = SpeechReader(prep)
    reading = speech_reader.read()
    # A month without a year takes it from the meeting, else from the text's own date.
    reference = held[0] if held else published
    years = _year_context(prep, citations, reference, today)
    directory = Directory(agencies, place)
    found = AssignmentReader(prep, reader, reading.in_discussion, citations, years)
    assignments = [directory.resolve_assignment(a) for a in found.read()]
    meeting = _meeting(prep, reader, held, published)
    chair = find_chair(speech_reader, reading.speeches)
    meeting = replace(
        meeting,
        chair=chair[0] if chair else None,
        chair_rule=chair[1] if chair else "",
    )
    return Extraction(
        meeting=meeting,
        speeches=tuple(reading.speeches),
        assignments=tuple(assignments),
        documents=tuple(documents),
        approvals=tuple(find_approvals(prep)),
        agencies_proposed=tuple(proposed_agencies(assignments)),
        normalized=raw != text,
    )


def _meeting(
    prep: Prepared,
    reader: AgencyListReader,
    held: tuple[date, Span, str] | None,
    published: date | None,
) -> Meeting:
    """The meeting's title, date and connection points (the chair comes later)."""
    title = find_title(prep)
    points, count, count_span = find_points(prep, reader)
    return Meeting(
        title=title[0] if title else None,
        title_span=title[1] if title else None,
        title_rule=title[2] if title else "",
        date=held[0] if held else None,
        date_span=held[1] if held else None,
        date_rule=held[2] if held else "",
        connection_points=tuple(points),
        connection_point_count=count,
        count_span=count_span,
        published=published,
    )


def check_text(text: object) -> None:
    """Raise :class:`ExtractionError` unless ``text`` is a string of readable size."""
    if not isinstance(text, str):
        raise ExtractionError(f"expected text (str), got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionError(
            f"text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}",
            length=len(text),
        )
    if "\x00" in text:
        raise ExtractionError("text contains NUL bytes: it looks like binary data")
    controls = len(_CONTROL_RE.findall(text))
    if text and controls > MAX_CONTROL_SHARE * len(text):
        raise ExtractionError(
            f"{controls} of {len(text)} characters are control characters: not text"
        )


def _year_context(
    prep: Prepared,
    citations: list[tuple[int, int]],
    held: date | None,
    today: date | None,
) -> YearContext:
    """Where a missing year comes from: the meeting, else the nearest plain date."""
    mentions = find_full_dates(prep.low)
    plain = [
        m for m in mentions if not any(s <= m.start < e + 20 for s, e in citations)
    ]
    return YearContext(held, plain or mentions, prep.low, today.year if today else None)

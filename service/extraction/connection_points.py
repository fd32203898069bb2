"""Connection points (điểm cầu) a text names, and how many points it counts."""

from __future__ import annotations

import re

from domain.text import fold

from .agency_lists import AgencyListReader
from .model import ConnectionPoint, Span
from .prepare import Prepared

_COUNT_RE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{3})*|\d+)\s+điểm\s+cầu")


def find_points(
    prep: Prepared, reader: AgencyListReader
) -> tuple[list[ConnectionPoint], int | None, Span | None]:
    """Named connection points (điểm cầu ...) and the stated number of points."""
    points: list[ConnectionPoint] = []
    seen: set[str] = set()
    toks = prep.tokens
    for sentence in prep.sentences:
        for k in range(sentence.first, sentence.last - 1):
            if toks[k].low not in ("điểm", "đầu") or toks[k + 1].low != "cầu":
                continue  # "điểm cầu X" and "đầu cầu X" both name a point
            if k > sentence.first and (
                toks[k - 1].low in ("các", "những") or toks[k - 1].text.isdigit()
            ):
                continue
            span = _point_at(prep, reader, k + 2, sentence.last)
            if span and fold(prep.span_text(*span)) not in seen:
                seen.add(fold(prep.span_text(*span)))
                rule = f"point.{toks[k].low}-cầu"
                points.append(ConnectionPoint(prep.span_text(*span), span, rule))
    counts = [
        (int(m.group(1).replace(".", "")), m.span(1))
        for m in _COUNT_RE.finditer(prep.low)
    ]
    best = max(counts) if counts else None
    return points, best[0] if best else None, best[1] if best else None


def _point_at(
    prep: Prepared, reader: AgencyListReader, k: int, end: int
) -> Span | None:
    """Span of the point named at token ``k``: an agency, a place, a commune."""
    toks = prep.tokens
    while k < end and toks[k].low in ("chính", "trung", "tâm", "tại", "ở"):
        k += 1
    if k + 1 < end and (toks[k].low, toks[k + 1].low) == ("trực", "tuyến"):
        k += 2  # "đầu cầu trực tuyến Sở KH&CN tỉnh Đắk Lắk": the point is named after
    if k < end and toks[k].low == "cấp":
        return None  # "điểm cầu cấp huyện": a level, not a named point
    if k + 1 < end and (toks[k].low, toks[k + 1].low) == ("trụ", "sở"):
        start = k  # "đầu cầu trụ sở Chính phủ": the seat of a body
        k += 2
        items = reader.parse_list(k, end, "point")
        if items:
            return toks[start].start, reader.span(items[-1])[1]
        stop = reader.names.extend(k, end, "point") if k < end and toks[k].is_cap else k
        return (toks[start].start, toks[stop - 1].end) if stop > k else None
    items = reader.parse_list(k, end, "point")
    if items:
        after = items[-1].last
        if items[0].plural or (after < end and toks[after].low in ("các", "những")):
            return None  # "đầu cầu các bộ, ngành", "đầu cầu UBND các tỉnh": no name
        if not any(t.is_cap for t in toks[items[0].first : after]):
            return None  # "điểm cầu huyện": a level, no name
        return reader.span(items[0])[0], reader.span(items[-1])[1]
    stop = reader.names.extend(k, end, "point") if k < end and toks[k].is_cap else k
    return (toks[k].start, toks[stop - 1].end) if stop > k else None

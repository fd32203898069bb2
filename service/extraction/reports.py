"""Where a task's results go: ``báo cáo UBND tỉnh (qua Sở X)``, ``gửi về Sở X``."""

from __future__ import annotations

import re
from bisect import bisect_left

from .agencies import Phrase
from .agency_lists import AgencyListReader
from .model import AgencyMention, ReportTo
from .prepare import Prepared

_REPORT_RE = re.compile(
    r"báo\s+cáo(?:\s+[^\s,.;:()]+){0,8}?\s+(?:gửi\s+)?(?:về|lên|cho)\s+"
    r"|báo\s+cáo\s+(?:kịp\s+thời\s+)?|gửi\s+(?:về\s+)?"
)


def mention(reader: AgencyListReader, phrase: Phrase) -> AgencyMention:
    """An agency phrase as plain data."""
    return AgencyMention(reader.text(phrase), reader.span(phrase), None, phrase.group)


class ReportReader:
    """Reads whom a task reports to, and through whom."""

    def __init__(self, prep: Prepared, reader: AgencyListReader) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self.starts = [t.start for t in prep.tokens]
        self.reader = reader

    def token_at(self, position: int) -> int:
        """Index of the first token at or after a character offset."""
        return bisect_left(self.starts, position)

    def report_to(self, start: int, end: int) -> ReportTo | None:
        """``báo cáo UBND tỉnh (qua Sở X)``, ``gửi về Sở X``: where results go."""
        last = self.token_at(end)
        for m in _REPORT_RE.finditer(self.prep.low, start, end):
            items = self.reader.parse_list(self.token_at(m.end()), last, "object")
            if not items:
                continue
            target = items[0]
            span_start, span_end = self.reader.span(target)
            via = self._via(target.last, last)
            text = self.reader.text(target)
            if via:
                text = f"{text} (qua {self.reader.text(via)})"
                span_end = self.reader.span(via)[1]
            return ReportTo(
                text,
                (span_start, span_end),
                mention(self.reader, target),
                mention(self.reader, via) if via else None,
            )
        return None

    def _via(self, k: int, last: int) -> Phrase | None:
        """The agency in ``(qua X ...)`` right after a report target."""
        toks = self.toks
        if k + 1 < last and toks[k].text == "(" and toks[k + 1].low == "qua":
            items = self.reader.parse_list(k + 2, last, "object")
            return items[0] if items else None
        return None

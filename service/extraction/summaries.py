"""A task's summary: a short verbatim fragment, its first action after the roles.

``Sở X chủ trì, phối hợp với Sở Y, xây dựng kế hoạch ...`` is summarised from
``xây dựng``: the roles (``chủ trì,``, ``phối hợp với Y,``, ``cần``, ``được giao``)
come first, and a deadline that opens the body (``trong tháng 2 phải ...``) is skipped.
"""

from __future__ import annotations

from bisect import bisect_left

from . import vocab
from .agency_lists import AgencyListReader
from .anchors import AnchorFinder
from .deadlines import DeadlineMatch
from .model import Span
from .phrases import Phrases
from .prepare import Prepared

_HANDING_OVER = Phrases(v for v in vocab.DIRECTIVE_VERBS if v != "chỉ đạo")
_SUMMARY_WORDS = 28
_SUMMARY_TRIM = frozenset({",", "để", "và", "(", "-", "–"})


class SummaryReader:
    """Reads the summary of a task's body."""

    def __init__(
        self, prep: Prepared, reader: AgencyListReader, finder: AnchorFinder
    ) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self.starts = [t.start for t in prep.tokens]
        self.reader = reader
        self.finder = finder

    def token_at(self, position: int) -> int:
        """Index of the first token at or after a character offset."""
        return bisect_left(self.starts, position)

    def summary(
        self, start: int, end: int, deadlines: list[DeadlineMatch]
    ) -> tuple[str, Span]:
        """A short verbatim fragment of the task: its first action."""
        toks = self.toks
        k, last = self.token_at(start), self.token_at(end)
        k = self.skip_roles(k, last)
        for d in deadlines:  # "được giao trong tháng 2 phải tổng kết ...": after it
            if k < last and self.toks[k].start == d.start:
                k = self.skip_roles(self.token_at(d.end), last)
        after = self.toks[k].start if k < last else end
        stop = min([d.start for d in deadlines if d.start >= after] + [end])
        words, j = 0, k
        while (
            j < last
            and toks[j].start < stop
            and toks[j].text not in ";.:"
            and words < _SUMMARY_WORDS
        ):
            words += toks[j].is_word
            j += 1
        while j > k and toks[j - 1].low in _SUMMARY_TRIM:
            j -= 1
        if j <= k:
            return "", (start, start)
        span = (toks[k].start, toks[j - 1].end)
        return self.prep.span_text(*span), span

    def skip_roles(self, k: int, last: int) -> int:
        """Skip ``chủ trì,`` and ``phối hợp với X,`` before the action itself."""
        toks = self.toks
        while k < last:
            if toks[k].text in ",-–:" or toks[k].low in (
                "cần",
                "có",
                "trách",
                "nhiệm",
                "cũng",
                "phải",
            ):
                k += 1
            elif toks[k].low == "được" and self.finder.phrase_at(
                self.finder.clauses.after_agent(k + 1, last), last, _HANDING_OVER
            ):
                j = self.finder.clauses.after_agent(k + 1, last)
                k = j + self.finder.phrase_at(j, last, _HANDING_OVER)
            elif (
                k + 1 < last
                and (toks[k].low, toks[k + 1].low) == ("chủ", "trì")
                and (k + 2 < last and toks[k + 2].text == ",")
            ):
                k += 2
            elif k + 1 < last and (toks[k].low, toks[k + 1].low) == ("phối", "hợp"):
                j = k + 2
                while j < last and toks[j].low in ("chặt", "chẽ", "với"):
                    j += 1
                items = self.reader.parse_list(j, last, "object")
                if not items:
                    break  # "phối hợp chặt chẽ trong ...": working together is the task
                k = items[-1].last
            else:
                break
        return k

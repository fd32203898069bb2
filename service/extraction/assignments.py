"""Tasks of the conclusion (nhiệm vụ): who leads, who helps, by when, reporting to."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from . import vocab
from .agencies import Phrase
from .agency_lists import AgencyListReader
from .anchors import Anchor, AnchorFinder
from .dates import YearContext
from .deadlines import DeadlineMatch, find_deadlines, read_deadline
from .model import AgencyMention, Assignment, Span
from .phrases import Phrases
from .prepare import Prepared, Sentence
from .reports import ReportReader, mention
from .restatements import without_repeats, without_restatements
from .summaries import SummaryReader

_CONNECTORS = Phrases(vocab.SEQUENCE_CONNECTORS)
# Openers of a sentence giving the previous task's terms; "Yêu cầu hoàn thiện gửi ý
# kiến ... trước ngày 28/9/2018" has no addressee of its own.
_TERMS_OPENERS = (
    "báo cáo gửi",
    "thời gian",
    "thời hạn",
    "hạn hoàn",
    "việc ",
    "yêu cầu ",
    "hoàn thành ",
)
# Deadlines that name a period of work (a month, a quarter), not a day.
_PERIOD_RULES = frozenset(
    {"month_end", "mid_month", "before_month", "quarter_end", "before_quarter"}
)
_ACTIONS = Phrases(vocab.ACTION_VERBS)
_HANDING_OVER = Phrases(v for v in vocab.DIRECTIVE_VERBS if v != "chỉ đạo")


@dataclass
class _Task:
    """A task while it is being read."""

    item: str | None
    leads: tuple[Phrase, ...]
    start: int  # character where the task text starts
    body: int  # character where the body (after the addressees) starts
    end: int
    verb: str | None
    rule: str = "directive-verb"
    lead_in: int = -1  # where the sentence opens, when this is its first task


class AssignmentReader:
    """Reads the assignments of a prepared text."""

    def __init__(
        self,
        prep: Prepared,
        reader: AgencyListReader,
        in_discussion: list[bool],
        citations: list[Span],
        years: YearContext,
    ) -> None:
        self.prep = prep
        self.toks = prep.tokens
        self.starts = [t.start for t in prep.tokens]
        self.reader = reader
        self.finder = AnchorFinder(prep, reader)
        self.summaries = SummaryReader(prep, reader, self.finder)
        self.reports = ReportReader(prep, reader)
        self.in_discussion = in_discussion
        self.citations = citations
        self.years = years

    def read(self) -> list[Assignment]:
        """Every assignment, numbered by item (or 1, 2, ... without items)."""
        tasks: list[_Task] = []
        last: _Task | None = None
        last_index = -2
        header: tuple[str | None, tuple[Phrase, ...]] | None = None
        for index, sentence in enumerate(self.prep.sentences):
            if self.in_discussion[index]:
                last = None  # a participant's own requests are not the meeting's tasks
                continue
            if header and header[0] != sentence.item:
                header = None
            opened = self.finder.header(sentence)
            if opened and self._words(opened[1], sentence.last) < 3:
                header, last = (sentence.item, opened[0]), None
                continue  # "1. Sở X:" then one task per bullet below it
            if self._introduces_details(sentence):
                continue  # "UBND tỉnh chỉ đạo ...; cụ thể:": the tasks follow
            previous = last if last_index == index - 1 else None
            same_para = (
                index > 0 and self.prep.sentences[index - 1].para == sentence.para
            )
            found = self._sentence_tasks(sentence, previous, header, opened, same_para)
            if found:
                tasks.extend(found)
                last, last_index = found[-1], index
            elif previous is not None and self._terms_of(sentence):
                previous.end = (
                    sentence.end
                )  # "Báo cáo gửi về ... trước ngày ...": its terms
                last_index = index
            elif self._goes_on(last, sentence):
                assert last is not None
                last.end = sentence.end  # the item goes on about the same task
                last_index = index
        assignments = without_restatements(
            without_repeats([a for task in tasks for a in self._finish(task)])
        )
        if not self.prep.numbered:
            assignments = [
                replace(a, item=str(i)) for i, a in enumerate(assignments, 1)
            ]
        return assignments

    def _introduces_details(self, s: Sentence) -> bool:
        """A sentence ending ``cụ thể:`` or ``như sau:`` announces the tasks below."""
        tail = self.prep.low[max(s.start, s.end - 20) : s.end].rstrip()
        return tail.endswith(":") and tail[:-1].rstrip().endswith(("cụ thể", "như sau"))

    def _terms_of(self, s: Sentence) -> bool:
        """A sentence giving the previous task's terms: when and where to report, or
        by when the work it names is done (``Việc thành lập phải ... năm 2017``,
        ``Yêu cầu hoàn thiện ... trước ngày ...`` with no addressee of its own)."""
        words = self.prep.low[self.toks[s.body_first].start : s.end][:20]
        opens = words.startswith(_TERMS_OPENERS)
        return opens and bool(self.deadlines(s.start, s.end))

    def _goes_on(self, last: _Task | None, s: Sentence) -> bool:
        """True when a sentence without an addressee continues the item's last task."""
        return bool(last and self.prep.numbered and s.item and last.item == s.item)

    def _words(self, k: int, end: int) -> int:
        """Number of words in tokens ``[k, end)``."""
        return sum(t.is_word for t in self.toks[k:end])

    def _sentence_tasks(
        self,
        s: Sentence,
        previous: _Task | None,
        header: tuple[str | None, tuple[Phrase, ...]] | None,
        opened: tuple[tuple[Phrase, ...], int] | None,
        same_para: bool = False,
    ) -> list[_Task]:
        """Tasks that start in this sentence, or one carried on by a connector or,
        in a text without numbered items, by a verb opening the next sentence."""
        if opened:  # "Sở X: chủ trì ..." names its addressee before a colon
            anchors = [Anchor(s.body_first, opened[0], opened[1], None)]
        else:
            anchors = self.finder.find(s, bool(self.deadlines(s.start, s.end)))
        first = anchors[0] if anchors else None
        if header and first and first.start == s.body_first and first.verb == "chỉ đạo":
            anchors = []  # under "UBND các huyện:", "Chỉ đạo UBND cấp xã ..." is theirs
        if anchors:
            tasks = [
                self._task(s, a, anchors[i + 1] if i + 1 < len(anchors) else None)
                for i, a in enumerate(anchors)
            ]
            tasks[0].lead_in = self.toks[s.body_first].start
            return tasks
        start = self.toks[s.body_first].start
        if header:  # a bullet under an addressee that ended with a colon
            return [_Task(s.item, header[1], start, start, s.end, None, "header")]
        n = self.finder.phrase_at(s.body_first, s.last, _CONNECTORS)
        if previous is not None and not n and self._carries(s, same_para):
            # "... yêu cầu các huyện A. Nâng cao B.": B is theirs too
            return [_Task(s.item, previous.leads, start, start, s.end, None, "carried")]
        if previous is None or not n or previous.item != s.item:
            return []
        body = self.finder.skip_openers(s.body_first, s.last)
        start = self.toks[body].start if body < s.last else s.end
        return [
            _Task(
                s.item, previous.leads, start, start, s.end, previous.verb, "connector"
            )
        ]

    def _carries(self, s: Sentence, same_para: bool) -> bool:
        """A sentence without an addressee that opens on a task verb, right after a
        task in the same paragraph of a text without numbered items."""
        return (
            same_para
            and not self.prep.numbered
            and self.toks[s.body_first].is_cap
            and bool(self.finder.phrase_at(s.body_first, s.last, _ACTIONS))
        )

    def _task(self, s: Sentence, anchor: Anchor, following: Anchor | None) -> _Task:
        """A task from an anchor up to the next anchor or the end of the sentence."""
        end = self.toks[following.start].start if following else s.end
        body = self.toks[anchor.body].start if anchor.body < s.last else end
        start = self.toks[anchor.start].start
        return _Task(s.item, anchor.leads, start, body, end, anchor.verb, anchor.rule)

    def deadlines(self, start: int, end: int) -> list[DeadlineMatch]:
        """Deadline phrases in a range, except dates inside document citations."""
        return [
            d
            for d in find_deadlines(self.prep.low, start, end)
            if not any(c0 < d.end and d.start < c1 for c0, c1 in self.citations)
        ]

    def _finish(self, task: _Task) -> list[Assignment]:
        """The assignment(s) of a task: one per deadline when it sets several."""
        end = _trim_end(self.prep.raw, task.start, task.end)
        coordinating = self._coordinating(task.body, end, task.leads)
        leads = tuple(self._mention(p) for p in task.leads)
        kind = "request" if self._is_request(task) else "task"
        deadlines = self.deadlines(task.body, end)
        period = None if deadlines else self._period_of_tasks(task)
        cuts = [task.body] + [d.end for d in deadlines[:-1]] + [end]
        if len({(d.year, d.month, d.day, d.rule) for d in deadlines}) < 2:
            cuts = [task.body, end]
        out = []
        for i in range(len(cuts) - 1):
            seg_start, seg_end = cuts[i], cuts[i + 1]
            here = [d for d in deadlines if seg_start <= d.start < seg_end]
            text_start = task.start if i == 0 else seg_start
            summary, summary_span = self.summaries.summary(seg_start, seg_end, here)
            due = here[0] if here else period
            out.append(
                Assignment(
                    item=task.item,
                    lead=leads,
                    coordinating=coordinating,
                    deadline=read_deadline(self.prep, self.years, due) if due else None,
                    summary=summary,
                    summary_span=summary_span,
                    text=self.prep.span_text(text_start, seg_end),
                    text_span=(text_start, seg_end),
                    report_to=self.reports.report_to(seg_start, seg_end)
                    or self.reports.report_to(task.body, end),
                    kind=kind,
                    rule=f"task.{task.rule}",
                    anchor_span=self._anchor(task),
                )
            )
        return out

    def _period_of_tasks(self, task: _Task) -> DeadlineMatch | None:
        """The period a sentence names for its tasks before the first addressee:
        ``Đối với nhiệm vụ trong tháng 11.2019, Chủ tịch ... yêu cầu các ngành ...``."""
        if task.lead_in < 0 or task.lead_in >= task.start:
            return None
        if "nhiệm vụ" not in self.prep.low[task.lead_in : task.start]:
            return None
        periods = [
            d
            for d in self.deadlines(task.lead_in, task.start)
            if d.rule in _PERIOD_RULES
        ]
        return periods[-1] if periods else None

    def _anchor(self, task: _Task) -> Span | None:
        """The words that opened a task (``Giao Sở X``, ``Sở X``), when in its text."""
        end = max((self.reader.span(p)[1] for p in task.leads), default=task.start)
        return (task.start, end) if end > task.start else None

    def _is_request(self, task: _Task) -> bool:
        """A request to an outside party: an enterprise or a central body."""
        return task.verb in (None, "đề nghị") and any(p.outside for p in task.leads)

    def _mention(self, phrase: Phrase) -> AgencyMention:
        """An agency phrase as plain data."""
        return mention(self.reader, phrase)

    def token_at(self, position: int) -> int:
        """Index of the first token at or after a character offset."""
        return bisect_left(self.starts, position)

    def _coordinating(
        self, start: int, end: int, leads: tuple[Phrase, ...]
    ) -> tuple[AgencyMention, ...]:
        """Agencies after ``phối hợp (với)`` in the task body."""
        toks, found = self.toks, []
        last = self.token_at(end)
        lead_spans = {self.reader.span(p) for p in leads}
        for k in range(self.token_at(start), last - 1):
            if toks[k].low != "phối" or toks[k + 1].low != "hợp":
                continue
            j = k + 2
            while j < last and toks[j].low in ("chặt", "chẽ", "với", "cùng"):
                j += 1
            for phrase in self.reader.parse_list(j, last, "object"):
                if self.reader.span(phrase) not in lead_spans:
                    found.append(self._mention(phrase))
        return tuple(found)


def _trim_end(raw: str, start: int, end: int) -> int:
    """End of a task without the punctuation and spaces that close its sentence."""
    while end > start and (raw[end - 1] in ".;,:/ " or raw[end - 1].isspace()):
        end -= 1
    return end

"""Where a clause may open with its subject, and the headline of a text.

A subject opens a sentence, follows its first comma, a ``;`` or ``:``, a verb of
saying (``nhấn mạnh, ...``), the comma closing a condition (``nếu ..., Sở X ...``)
or ``trong khi`` / ``còn``. After a later comma of an opener (``Tuy nhiên, so với
yêu cầu, các bộ ...``), after ``, vì vậy`` / ``, do đó`` or after ``là``, a subject
opens a clause only when a task modal follows it (``cần``, ``phải``): those
positions are *weak*.
"""

from __future__ import annotations

from collections.abc import Sequence

from .phrases import Phrases
from .prepare import Prepared, Sentence, Token

# Conjunctions after a comma that open a clause with a subject of its own.
_CLAUSE_OPENERS = Phrases(("trong khi", "còn", "đồng thời", "trong đó"))
# A comma after these opens a clause whose subject is addressed ("nhấn mạnh, các ...").
_SAYING = Phrases(
    (
        "nhấn mạnh",
        "yêu cầu",
        "đề nghị",
        "lưu ý",
        "khẳng định",
        "chỉ đạo",
        "cho rằng",
        "kết luận",
        "giao",
        "chỉ rõ",
    )
)
_CLOSING_STOPS = (".", "!", "?", "…", ";", ":")
# Words of consequence after a comma: the clause they open may address a subject with
# a task modal ("..., vì vậy các ngành, địa phương cần ..."): a weak position.
_CONSEQUENCE = Phrases(("vì vậy", "vì thế", "do vậy", "do đó", "cho nên", "bởi vậy"))


def subject_positions(toks: Sequence[Token], s: Sentence) -> tuple[set[int], set[int]]:
    """Token indexes where a clause may open with its subject, and the weak ones
    where only a subject with a task modal after it opens one."""
    positions, weak = {s.body_first}, set()
    first_comma = True
    condition = _condition(toks, s)
    for k in range(s.body_first, s.last - 1):
        text = toks[k].text
        if text in ";:":
            positions.add(k + 1)
        elif toks[k].low == "là":
            weak.add(k + 1)  # "Vấn đề quan trọng nhất là các Bộ trưởng cần ..."
        elif text == ",":
            if first_comma or _SAYING.before(toks, k) > 0:
                positions.add(k + 1)
            else:
                weak.add(k + 1)
            first_comma = False
            if condition is not None and condition < k:
                positions.add(k + 1)  # "nếu có phát sinh ..., Sở X báo cáo ..."
            consequence = _CONSEQUENCE.at(toks, k + 1, s.last)
            if consequence:
                weak.add(k + 1 + consequence)  # ", vì vậy các ngành cần ..."
            opener = _CLAUSE_OPENERS.at(toks, k + 1, s.last)
            if opener:
                positions.add(k + 1 + opener)  # ", trong khi Sở X chủ trì ..."
    return positions, weak - positions


def _condition(toks: Sequence[Token], s: Sentence) -> int | None:
    """Index of the first word opening a condition (``nếu``, ``khi``,
    ``trường hợp``) in the sentence, if any."""
    for i in range(s.body_first, s.last - 1):
        low = toks[i].low
        if low in ("nếu", "khi") or (low, toks[i + 1].low) == ("trường", "hợp"):
            return i
    return None


def is_headline(prep: Prepared, s: Sentence) -> bool:
    """The text's first sentence, a whole line of its own with no closing stop,
    in a text without numbered items."""
    sentences = prep.sentences
    if prep.numbered or not sentences or s.start != sentences[0].start:
        return False
    line_end = prep.raw.find("\n", s.start)
    line = prep.raw[s.start : line_end if line_end >= 0 else len(prep.raw)].strip()
    return line_end >= 0 and not line.endswith(_CLOSING_STOPS)

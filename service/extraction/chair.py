"""Who chaired the meeting (chủ trì): the named chair, else the one who concluded."""

from __future__ import annotations

import re

from .model import Person, Speech
from .prepare import Sentence
from .speeches import SpeechReader

_MEETING_NEXT = frozenset(
    {",", ".", "hội", "cuộc", "phiên", "buổi", "họp", "và", ";", ":"}
)
# Words before "chủ trì" at a sentence's start that keep it a chair's opening.
_CHAIRS_TOO = (["dự", "và"], ["tham", "dự", "và"], ["cùng"])
_MAX_GAP = 30  # tokens between a name (with its title) and "chủ trì"
_AGENT_GAP = 20  # tokens between "do" and the name (its title between them)


def find_chair(
    reader: SpeechReader, speeches: list[Speech]
) -> tuple[Person, str] | None:
    """The named chair of the meeting, or the person whose speech concluded it,
    with the rule that read it."""
    for sentence in reader.prep.sentences:
        person = _chair_in(reader, sentence)
        if person:
            return person, "chair.chu-tri"
    for kind in ("conclusion", "directive"):
        for speech in speeches:
            if speech.kind == kind and not _attends(reader, speech.person):
                return speech.person, f"chair.{kind}-speech"
    return None


def _attends(reader: SpeechReader, person: Person) -> bool:
    """The text says the person came to the meeting (``X đến dự``, ``có sự tham dự
    của X``): a guest who directs is not who chaired it."""
    name = re.escape(person.name)
    title = re.escape(person.title) if person.title else ""
    pattern = (
        rf"{name}(?:\s*[,–-]\s*{title})?\s+(?:đã\s+)?(?:đến|tới|về)\s+(?:tham\s+)?dự\b"
        rf"|tham\s+dự\s+của\s+(?:đồng\s+chí\s+)?(?:{title}\s+)?{name}"
    )
    return re.search(pattern, reader.prep.raw, re.IGNORECASE) is not None


def _chair_in(reader: SpeechReader, s: Sentence) -> Person | None:
    """A person who chairs in this sentence (``X ... chủ trì hội nghị``)."""
    toks = reader.toks
    for k in range(s.first, s.last - 1):
        if toks[k].low != "chủ" or toks[k + 1].low != "trì":
            continue
        after = [t.low for t in toks[k + 2 : k + 5]]
        if after[:3] == ["tại", "điểm", "cầu"]:
            continue  # the chair of one connection point, not of the meeting
        names = reader.people.names(s.first, s.last)
        if k > s.first and toks[k - 1].low == "sự":
            later = [n for n in names if k < n[0] <= k + 8]
            if later:
                return reader.people.person(
                    *later[0], s.first, toks[later[0][1] - 1].end
                )
            continue
        opening = [t.low for t in toks[s.body_first : k]]
        if k == s.body_first or opening in _CHAIRS_TOO:
            # "Chủ trì hội nghị có đồng chí X", "Dự và chủ trì hội nghị có X"
            later = [n for n in names if k < n[0] <= k + 15]
            if later:
                return reader.people.person(*later[0], s.first, s.end)
            continue
        before = [n for n in names if n[1] <= k and k - n[1] <= _MAX_GAP]
        agent = _agent(reader, before, k)
        if agent:  # "đoàn giám sát do X và Y chủ trì khảo sát ...": X chaired it
            return reader.people.person(*agent, s.first, toks[k].start)
        if (after and after[0] not in _MEETING_NEXT) or after[1:3] == ["phối", "hợp"]:
            continue  # "chủ trì xây dựng ...", "chủ trì, phối hợp": a task, not a chair
        if before:
            first, last = before[-1]
            return reader.people.person(first, last, s.first, toks[k].start)
    return None


def _agent(
    reader: SpeechReader, before: list[tuple[int, int]], k: int
) -> tuple[int, int] | None:
    """The first name right after ``do`` (the agent of ``do X chủ trì``) in the
    clause before token ``k``."""
    for first, last in before:
        j = first - 1
        while j >= 0 and first - j <= _AGENT_GAP and reader.toks[j].low != "do":
            if reader.toks[j].text in ".;":
                break
            j -= 1
        if j >= 0 and reader.toks[j].low == "do" and first - j <= _AGENT_GAP:
            return first, last
    return None

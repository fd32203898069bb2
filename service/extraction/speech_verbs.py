"""Speech verbs (phát biểu, kết luận, chỉ đạo ...) and the kind of speech each says."""

from __future__ import annotations

from collections.abc import Sequence

from . import vocab
from .phrases import Phrases
from .prepare import Token

_VERBS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _kind in vocab.SPEECH_VERBS:
    _words = tuple(_phrase.split())
    _VERBS.setdefault(_words[0], []).append((_words, _kind))
for _entries in _VERBS.values():
    _entries.sort(key=lambda e: -len(e[0]))
_BLOCKERS = Phrases((*vocab.SPEAKER_BLOCKERS, "tiếp thu"))


def speech_verb_at(toks: Sequence[Token], k: int, end: int) -> tuple[int, str] | None:
    """A speech verb at token ``k``: (length, kind)."""
    if k >= end or (k > 0 and toks[k - 1].low in ("ban", "sự", "của")):
        return None  # "Ban Chỉ đạo", "sự chỉ đạo": nouns, not a speech
    for words, kind in _VERBS.get(toks[k].low, ()):
        n = len(words)
        if k + n <= end and all(toks[k + i].low == words[i] for i in range(n)):
            return n, kind
    return None


def ends_speaker_clause(toks: Sequence[Token], k: int, end: int) -> bool:
    """A verb that ends the speaker's clause (nhấn mạnh, chủ trì ...)."""
    return _BLOCKERS.at(toks, k, end) > 0

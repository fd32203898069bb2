"""Lists of agencies: "Sở A, Sở B và các cơ quan liên quan", "các Sở: Nội vụ, ..."."""

from __future__ import annotations

from . import vocab
from .agencies import AgencyReader, Phrase
from .agency_heads import role_length

# Plural heads whose members a colon list names by their own names.
_COLON_HEADS = frozenset({"sở", "bộ", "ban", "ngành", "sở, ngành", "cơ quan", "đơn vị"})


class AgencyListReader(AgencyReader):
    """Reads lists of agency phrases."""

    def parse_list(self, i: int, end: int, mode: str) -> list[Phrase]:
        """A list of agencies joined by commas and "và", bare nouns merged in."""
        first = self.parse(i, end, mode)
        if first is None:
            return []
        colon = self._colon_list(first, end)
        if colon:
            return colon
        items = [first]
        k = first.last
        while k < end:
            sep = self._separator(k, end)
            nxt = self.parse(k + sep, end, "list") if sep else None
            if nxt is None:
                break
            if nxt.bare and items[-1].group:
                last = items[-1]
                items[-1] = Phrase(
                    last.first, nxt.last, last.kind, last.plural, last.outside
                )
            else:
                items.append(nxt)
            k = nxt.last
        return items

    def _separator(self, k: int, end: int) -> int:
        """Length of a list separator at ``k``: ``,``, ``;``, ``và`` or ``, và``
        (``yêu cầu Bộ Tài chính; Bộ Công Thương; Ngân hàng Nhà nước chuẩn bị``:
        a ``;`` right after an agency, before another, lists them)."""
        toks = self.toks
        if toks[k].text in ",;":
            return 2 if k + 1 < end and toks[k + 1].low == "và" else 1
        return 1 if toks[k].low == "và" else 0

    def _colon_list(self, head: Phrase, end: int) -> list[Phrase]:
        """``các Sở: Nội vụ, Tài chính`` read as Sở Nội vụ and Sở Tài chính."""
        toks = self.toks
        colon = head.last
        words = " ".join(t.low for t in toks[head.first + head.plural : colon])
        if not head.plural or words not in _COLON_HEADS:
            return []
        if colon + 1 >= end or toks[colon].text != ":" or not toks[colon + 1].is_cap:
            return []
        prefix = toks[head.first + 1].text.capitalize()
        names, k = [], colon + 1
        while k < end and toks[k].is_cap and toks[k].is_word:
            stop = self.names.extend(k, end, "list")
            names.append(Phrase(k, stop, "named", False, head.outside, prefix))
            sep = self._separator(stop, end) if stop < end else 0
            if not sep:
                break
            k = stop + sep
        return names

    def person(self, k: int, end: int) -> Phrase | None:
        """A titled person addressed as an agency: ``Phó Thủ tướng Vũ Đức Đam``."""
        toks = self.toks
        i = k + 2 if [t.low for t in toks[k : k + 2]] == ["đồng", "chí"] else k
        if i >= end or not toks[i].is_cap or toks[i].low not in vocab.TITLE_OPENERS:
            return None
        k2 = i + 1
        while (
            k2 < end
            and toks[k2].is_word
            and not (toks[k2].is_cap and toks[k2].low in vocab.SURNAMES and k2 > i + 1)
        ):
            if not (toks[k2].is_cap or toks[k2].low in vocab.TITLE_WORDS):
                return None  # the title ends without a name
            k2 += 1
        stop = k2
        while stop < end and stop - k2 < 4 and toks[stop].is_cap and toks[stop].is_word:
            stop += 1
        if k2 < end and stop - k2 >= 2 and not toks[k2].is_acronym:
            return Phrase(k, stop, "person", False, False)
        return None

    def bare_title(self, k: int, end: int) -> Phrase | None:
        """An office addressed by its title alone, a verb right after it:
        ``đề nghị Bộ trưởng trả lời ...`` (the holder named elsewhere, or not)."""
        toks = self.toks
        if k >= end or not toks[k].is_cap:
            return None
        length = role_length(self.toks, k, end)
        if not length:
            return None
        after = k + length
        if after >= end or not toks[after].is_word or toks[after].is_cap:
            return None
        if toks[after].low in vocab.NOT_A_TASK_VERB or toks[after].low == "các":
            return None  # "Bộ trưởng và ...", "Chủ tịch của ...": not the verb
        return Phrase(k, after, "person", False, False)

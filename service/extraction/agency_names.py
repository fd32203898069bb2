"""Where an agency's name ends after its head (Sở + Thông tin và Truyền thông)."""

from __future__ import annotations

from collections.abc import Sequence

from . import vocab
from .agency_heads import complement_at, head_at, starts_agency
from .prepare import Token

# Pairs of words that start a person's title, where an agency name must stop.
_TITLE_PAIRS = frozenset(
    {
        ("chủ", "tịch"),
        ("bí", "thư"),
        ("giám", "đốc"),
        ("đồng", "chí"),
        ("thủ", "trưởng"),
        ("thủ", "tướng"),
        ("bộ", "trưởng"),
        ("tổng", "giám"),
        ("trưởng", "ban"),
        ("trưởng", "phòng"),
        ("chánh", "văn"),
        ("ủy", "viên"),
        ("tổng", "biên"),
        ("giáo", "sư"),
        ("tiến", "sĩ"),
        ("tiến", "sỹ"),
        ("thứ", "trưởng"),
        ("chủ", "nhiệm"),
    }
)
_TITLE_WORDS = frozenset({"phó", "ông", "bà", "pgs", "ts", "gs"})
# Department names written with a comma inside: "Văn hóa, Thể thao và Du lịch",
# "Lao động, Thương binh và Xã hội".
_COMMA_NAMES = frozenset({("văn", "hóa"), ("lao", "động")})


class AgencyNameReader:
    """Reads how far the name after an agency's head goes."""

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks

    def extend(self, k: int, end: int, mode: str) -> int:
        """Token index where the name that follows a head ends."""
        toks = self.toks
        after_cap = False  # the previous token was a capitalised word of the name
        while k < end:
            tok = toks[k]
            step = self._step(k, end, mode)
            if (
                step == 1
                and tok.is_cap
                and not tok.is_acronym
                and not after_cap
                and self._absorbs(k + 1, end)
            ):
                step = 0  # a one-word head inside a name ("Tổ quốc"): a name word
            if step:
                k += step
                after_cap = False
            elif tok.is_word and tok.is_cap and not self._title_stop(k, end):
                k += 1
                if not after_cap and not tok.is_acronym and self._absorbs(k, end):
                    k += 1  # "Thông tin", "Y tế": a name word of two syllables
                    after_cap = False
                else:
                    after_cap = True
            else:
                break
        return k

    def _absorbs(self, k: int, end: int) -> bool:
        """True when the lower-case syllable at ``k`` completes the word before it."""
        if k >= end:
            return False
        tok = self.toks[k]
        return (
            tok.is_word
            and not tok.is_cap
            and not tok.text.isdigit()
            and tok.low not in vocab.NO_ABSORB
            and (
                k + 1 >= end
                or f"{tok.low} {self.toks[k + 1].low}" not in vocab.NO_ABSORB_PAIRS
            )
            and complement_at(self.toks, k, end) is None
        )

    def _step(self, k: int, end: int, mode: str) -> int:
        """Length of a multi-token continuation at ``k``, or 0."""
        toks = self.toks
        tok, nxt = toks[k], toks[k + 1] if k + 1 < end else None
        if tok.is_cap:
            head = head_at(self.toks, k, end)
            if head and head[1] in ("standalone", "named"):
                return head[0]  # "Văn phòng UBND tỉnh", "thành viên Ban Chỉ đạo"
            found = complement_at(self.toks, k, end)
            return found[0] if found and found[0] > 1 else 0  # "Chuyển đổi số"
        found = complement_at(self.toks, k, end)
        if found:
            return found[0]
        if nxt is None or k == 0:
            return 0
        prev = toks[k - 1]
        cap_next = nxt.is_word and nxt.is_cap and not self._title_stop(k + 1, end)
        if (
            tok.low == "và"
            and cap_next
            and prev.is_word
            and not starts_agency(self.toks, k + 1, end)
        ):
            return 1  # "Thông tin và Truyền thông"
        if tok.text in "-–&" and cap_next and prev.is_word:
            return 1  # "Giao thông - Vận tải", "HĐND- UBND"
        if tok.low == "về" and (nxt.is_cap or nxt.low == "chuyển"):
            return 1  # "Ban Chỉ đạo về Chuyển đổi số"
        if tok.low == "các" and cap_next and not starts_agency(self.toks, k + 1, end):
            return 1  # "Ban Quản lý các Khu công nghiệp"
        if tok.text == "," and cap_next and self._comma_in_name(k, end):
            return 1  # "Sở Văn hóa, Thể thao và Du lịch"
        if tok.text == "(" and mode == "point":
            close = self._closing(k, end)
            return close + 1 - k if close else 0
        return 0

    def _comma_in_name(self, k: int, end: int) -> bool:
        """A comma inside a department name ("Văn hóa, Thể thao và Du lịch")."""
        before = tuple(t.low for t in self.toks[max(0, k - 2) : k])
        if before not in _COMMA_NAMES:
            return False  # "Tài chính, Kế hoạch và Đầu tư" are two departments
        for j in range(k + 1, min(end, k + 6)):
            tok = self.toks[j]
            if tok.text == "," or starts_agency(self.toks, j, end):
                return False
            if tok.low == "và":
                return True
        return False

    def _closing(self, k: int, end: int) -> int | None:
        """Index of the ``)`` closing the ``(`` at ``k``, if near."""
        for j in range(k + 1, min(end, k + 12)):
            if self.toks[j].text == ")":
                return j
        return None

    def _title_stop(self, k: int, end: int) -> bool:
        """A capitalised word that starts a person's title, not an agency name."""
        low = self.toks[k].low
        if low in _TITLE_WORDS:
            return True
        return k + 1 < end and (low, self.toks[k + 1].low) in _TITLE_PAIRS

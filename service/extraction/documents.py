"""Cited documents (văn bản): Nghị quyết số 04-NQ/TU ngày 12/04/2021 and the like."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import FULL_DATE_RE, make_date
from .model import CitedDocument, Span
from .prepare import Prepared

# Kinds of legal and administrative documents, as the text names them.
KINDS = (
    "nghị quyết",
    "quyết định",
    "kế hoạch",
    "chỉ thị",
    "công văn",
    "thông báo",
    "thông báo kết luận",
    "nghị định",
    "thông tư",
    "luật",
    "chương trình",
    "đề án",
    "văn bản",
    "công điện",
    "hướng dẫn",
    "tờ trình",
    "báo cáo",
    "kết luận",
    "quy chế",
    "thông tư liên tịch",
    "nghị quyết liên tịch",
    "pháp lệnh",
    "quy định",
)
# The code inside a number names the kind when the text does not (1969/QĐ-UBND).
_CODE_KINDS = {
    "nq": "Nghị quyết",
    "qđ": "Quyết định",
    "kh": "Kế hoạch",
    "ct": "Chỉ thị",
    "tb": "Thông báo",
    "nđ": "Nghị định",
    "tt": "Thông tư",
    "cv": "Công văn",
    "cđ": "Công điện",
    "hd": "Hướng dẫn",
    "ttr": "Tờ trình",
    "bc": "Báo cáo",
    "kl": "Kết luận",
    "qh": "Luật",
    "ttlt": "Thông tư liên tịch",
    "qc": "Quy chế",
    "đa": "Đề án",
    "ctr": "Chương trình",
}
_NUMBER = r"\d+(?:[/-][0-9a-zđ&.]*[a-zđ0-9])+"
_KIND_ALT = "|".join(
    sorted((k.replace(" ", r"\s+") for k in KINDS), key=len, reverse=True)
)
_CITED_RE = re.compile(
    r"(?<!\w)(?P<kind>" + _KIND_ALT + r")\s+(?:số\s*:?\s*|số\s+hiệu\s+)?"
    r"(?P<number>" + _NUMBER + r")"
)
# A bare administrative number: 1969/QĐ-UBND, 48-NQ/TU, 13/2023/NĐ-CP.
_BARE_RE = re.compile(
    r"(?<![\w/])(?:số\s+)?(?P<number>\d+(?:/\d{4})?(?:/|-)(?P<code>[a-zđ]{1,4})"
    r"(?:[/-][0-9a-zđ&]+)+)(?![\w/])"
)
# A document named by a bare number ("Đề án 06", "Nghị quyết 01"), no suffix: only
# kinds that are commonly so named, and never a count ("chỉ thị 2 lần").
_SHORT_KINDS = ("đề án", "nghị quyết", "chỉ thị", "kết luận", "quyết định", "nghị định")
_SHORT_RE = re.compile(
    r"(?<!\w)(?P<kind>"
    # "thông báo kết luận số 01", "thông báo số 03": a notice, its number after "số"
    + r"thông\s+báo\s+kết\s+luận(?=\s+số\s)|thông\s+báo(?=\s+số\s)|"
    + "|".join(k.replace(" ", r"\s+") for k in _SHORT_KINDS)
    + r")\s+(?:số\s+)?(?P<number>\d{1,3})"
    + r"(?![\w/%-]|[.,]\d|\s*(?:năm|tháng|ngày|lần|%))"
)
# A notice of conclusions is a notice (Thông báo), whatever it notifies.
_KIND_NAMES = {"Thông báo kết luận": "Thông báo"}
_DATE_AFTER_RE = re.compile(r"\s*,?\s*(?:(?:được\s+)?ban\s+hành\s+)?(?=ngày\s|\d)")
_NGAY_RE = re.compile(r"ngày\s+(?=\d{1,2}[/.-])")
_OWN_NUMBER_RE = re.compile(r"số\s*:\s*$")


@dataclass
class _Found:
    """A document while mentions are merged."""

    kind: str
    number: str
    date: date | None
    span: Span
    number_span: Span


def find_documents(prep: Prepared) -> list[CitedDocument]:
    """Cited documents in order of first mention, one per normalised number."""
    found: dict[str, _Found] = {}
    for kind, number, start, end, number_span in _mentions(prep):
        value, end = _date_after(prep.low, end)
        key = re.sub(r"\s+", "", prep.low[number_span[0] : number_span[1]])
        if key in found:
            if found[key].date is None and value is not None:
                found[key].date = value  # a later mention may give the date
            continue
        found[key] = _Found(kind, number, value, (start, end), number_span)
    return [
        CitedDocument(f.kind, f.number, f.date, f.span, f.number_span, _rule(prep, f))
        for f in found.values()
    ]


def _rule(prep: Prepared, f: _Found) -> str:
    """Which rule read a citation: kind and number, code in the number, bare number."""
    if not re.search(r"[/-]", f.number):
        return "document.kind-bare-number"  # "Đề án 06"
    if f.span[0] < f.number_span[0] and prep.low[f.span[0]].isalpha():
        named = prep.low[f.span[0] : f.number_span[0]].strip()
        if named and named != "số":
            return "document.kind-number"  # "Nghị quyết số 04-NQ/TU"
    return "document.number-code"  # "1969/QĐ-UBND": the code names the kind


def _mentions(prep: Prepared) -> list[tuple[str, str, int, int, Span]]:
    """(kind, number, start, end, number span) of every citation, kind known or not."""
    mentions = []
    covered: list[Span] = []
    for m in _CITED_RE.finditer(prep.low):
        kind = _kind_name(m.group("kind"))
        number = _clean_number(prep.raw[m.start("number") : m.end("number")])
        span = (m.start("number"), m.start("number") + len(number))
        mentions.append((kind, number, m.start(), span[1], span))
        covered.append((m.start(), m.end()))
    for m in _BARE_RE.finditer(prep.low):
        if any(s <= m.start("number") < e for s, e in covered):
            continue
        if _OWN_NUMBER_RE.search(prep.low, max(0, m.start() - 6), m.start()):
            continue  # "Số: 12/TB-UBND" numbers the notice itself, it cites nothing
        code_kind = _CODE_KINDS.get(m.group("code"))
        if code_kind is None:
            continue
        number = _clean_number(prep.raw[m.start("number") : m.end("number")])
        span = (m.start("number"), m.start("number") + len(number))
        mentions.append((code_kind, number, m.start(), span[1], span))
    for m in _SHORT_RE.finditer(prep.low):
        if any(s <= m.start("number") < e for s, e in covered):
            continue
        kind = _kind_name(m.group("kind"))
        span = (m.start("number"), m.end("number"))
        mentions.append((kind, prep.raw[span[0] : span[1]], m.start(), span[1], span))
    mentions.sort(key=lambda t: t[2])
    return mentions


def _kind_name(words: str) -> str:
    """The kind a citation names, capitalised (``Thông báo kết luận``: Thông báo)."""
    kind = " ".join(words.split()).capitalize()
    return _KIND_NAMES.get(kind, kind)


def _clean_number(number: str) -> str:
    """Drop punctuation a sentence leaves stuck to a number ("55/KH-UBND.")."""
    return number.rstrip(".-/")


def _date_after(low: str, end: int) -> tuple[date | None, int]:
    """The issue date right after a number (``ngày 12/04/2021``), and where it ends."""
    lead = _DATE_AFTER_RE.match(low, end)
    if lead is None:
        return None, end
    position = lead.end()
    numeric = _NGAY_RE.match(low, position)
    m = FULL_DATE_RE.match(low, numeric.end() if numeric else position)
    if m is None:
        return None, end
    day, month, year = m.group("d"), m.group("m"), m.group("y")
    if day is None:
        day, month, year = m.group("d2"), m.group("m2"), m.group("y2")
    return make_date(int(year), int(month), int(day)), m.end()

"""Matching agency phrases to the known-agency directory, and proposing new ones."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from domain.text import fold

from .model import (
    AgencyMention,
    Assignment,
    KnownAgency,
    ProposedAgency,
    ReportTo,
    Span,
)

# Abbreviations of Vietnamese administration, folded (no diacritics, lower case).
_ABBREVIATIONS = (
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bubmttq\b", "uy ban mat tran to quoc"),
    (r"\btt ?& ?tt\b|\btt-tt\b|\bttt?t\b", "thong tin va truyen thong"),
    (r"\bkh ?& ?dt\b|\bkhdt\b", "ke hoach va dau tu"),
    (r"\bkh ?& ?cn\b|\bkhcn\b", "khoa hoc va cong nghe"),
    (r"\bgd ?& ?dt\b|\bgddt\b", "giao duc va dao tao"),
    (r"\btn ?& ?mt\b|\btnmt\b", "tai nguyen va moi truong"),
    (r"\bnn ?& ?ptnt\b|\bnnptnt\b", "nong nghiep va phat trien nong thon"),
    (r"\bld ?- ?tb ?& ?xh\b|\bldtbxh\b", "lao dong thuong binh va xa hoi"),
    (r"\bvh ?,? ?-? ?tt ?& ?dl\b|\bvhttdl\b", "van hoa the thao va du lich"),
    (r"\bgtvt\b", "giao thong van tai"),
    (r"\bbcd\b", "ban chi dao"),
    (r"\bcds\b", "chuyen doi so"),
    (r"\bvp\b", "van phong"),
    (r"\btp\.?\b", "thanh pho"),
    (r"\bbch\b", "ban chap hanh"),
    (r"\bctcp\b", "cong ty co phan"),
)
_NOISE = re.compile(r"[^\w]+")
_LEADING = ("cac ", "toan bo ")


_PLACE_PREFIXES = ("tinh ", "thanh pho ", "huyen ", "thi xa ", "quan ", "xa ")


def _place_key(place: str | None) -> str | None:
    """``tỉnh Quảng Nam`` → ``quang nam``: the name agencies of that place carry."""
    if not place:
        return None
    key = agency_key(place)
    for prefix in _PLACE_PREFIXES:
        key = key.removeprefix(prefix)
    return key or None


def _in_place(keys: list[str], place: str) -> bool:
    return any(f" {place}" in f" {key}" for key in keys)


@lru_cache(maxsize=4096)
def agency_key(text: str) -> str:
    """A matching key: folded, abbreviations spelled out, "và" and punctuation gone."""
    key = fold(text)
    for pattern, full in _ABBREVIATIONS:
        key = re.sub(pattern, full, key)
    key = _NOISE.sub(" ", key.replace("&", " va "))
    words = [w for w in key.split() if w != "va"]
    key = " ".join(words)
    for lead in _LEADING:
        key = key.removeprefix(lead)
    return key


class Directory:
    """The known agencies, indexed by the keys of their names and aliases.

    A short name several agencies answer to (every province has its ``Sở Thông tin
    và Truyền thông``) means the one of the meeting's ``place`` when exactly one
    matches it; otherwise it is left unresolved, for the secretary to choose.
    """

    def __init__(
        self, agencies: Sequence[KnownAgency], place: str | None = None
    ) -> None:
        self.index: dict[str, list[str]] = {}
        self.keys: dict[str, list[str]] = {}
        for agency in agencies:
            for name in (agency.name, *agency.aliases):
                key = agency_key(name)
                self.keys.setdefault(agency.id, []).append(key)
                for each in dict.fromkeys((key, key.removesuffix(" tinh"))):
                    found = self.index.setdefault(each, [])
                    if agency.id not in found:
                        found.append(agency.id)
        self.place = _place_key(place)

    def find(self, text: str) -> str | None:
        """The id of the known agency ``text`` names, or None (unknown, ambiguous)."""
        key = agency_key(text)
        found = self.index.get(key) or self.index.get(key.removesuffix(" tinh")) or []
        if len(found) == 1:
            return found[0]
        local = [a for a in found if self.place and _in_place(self.keys[a], self.place)]
        return local[0] if len(local) == 1 else None

    def resolve(self, mention: AgencyMention) -> AgencyMention:
        """The mention with the id of the agency it names."""
        return replace(mention, agency_id=self.find(mention.text))

    def resolve_assignment(self, a: Assignment) -> Assignment:
        """An assignment whose agencies carry directory ids."""
        report = a.report_to
        if report is not None:
            via = self.resolve(report.via) if report.via else None
            report = ReportTo(
                report.text, report.span, self.resolve(report.agency), via
            )
        return replace(
            a,
            lead=tuple(self.resolve(m) for m in a.lead),
            coordinating=tuple(self.resolve(m) for m in a.coordinating),
            report_to=report,
        )


def proposed_agencies(assignments: Sequence[Assignment]) -> list[ProposedAgency]:
    """Single agencies the directory does not know, once each, with all their spans."""
    found: dict[str, tuple[str, dict[Span, None]]] = {}
    for a in assignments:
        mentions = [*a.lead, *a.coordinating]
        if a.report_to:
            mentions.append(a.report_to.agency)
            if a.report_to.via:
                mentions.append(a.report_to.via)
        for m in mentions:
            if m.agency_id is None and not m.group:
                _, spans = found.setdefault(agency_key(m.text), (m.text, {}))
                spans[m.span] = None  # a dict keeps the order and drops repeats
    return [ProposedAgency(name, tuple(spans)) for name, spans in found.values()]

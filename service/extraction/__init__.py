"""Rule-based extraction of meetings, speeches, tasks and documents (Vietnamese).

Public API::

    from service.extraction import extract, KnownAgency, Extraction, ExtractionError
    known = (KnownAgency("so-tttt", "Sở Thông tin và Truyền thông", ("Sở TT&TT",)),)
    result = extract(text, agencies=known)
    result.to_dict(spans=True)
"""

from __future__ import annotations

from .errors import ExtractionError
from .extractor import MAX_TEXT_CHARS, extract
from .model import (
    AgencyMention,
    Approval,
    Assignment,
    CitedDocument,
    ConnectionPoint,
    Deadline,
    Extraction,
    KnownAgency,
    Meeting,
    Person,
    ProposedAgency,
    ReportTo,
    Speech,
)

__all__ = [
    "MAX_TEXT_CHARS",
    "AgencyMention",
    "Approval",
    "Assignment",
    "CitedDocument",
    "ConnectionPoint",
    "Deadline",
    "Extraction",
    "ExtractionError",
    "KnownAgency",
    "Meeting",
    "Person",
    "ProposedAgency",
    "ReportTo",
    "Speech",
    "extract",
]

"""What a meeting decides: approvals (thông qua), the conclusion (kết luận), its notice.

The conclusion is given by a speech of someone present, as numbered items; an
item number is issued once (the same text again changes nothing), an issued item
is amended with a reason, and the notice (thông báo kết luận) is published once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import event

from domain.errors import (
    DuplicateItemNumberError,
    NoChangeError,
    NoConclusionError,
    UnknownItemError,
)
from domain.meeting_parts import Approval, IssuedItem
from domain.meeting_speeches import check_speech_recorded
from domain.values import ConclusionItem, DocumentRef, optional_text, required_text

if TYPE_CHECKING:
    from domain.meeting import Meeting


def record_approval(
    self: Meeting,
    *,
    actor: str,
    approval_id: UUID,
    title: str,
    document: DocumentRef | None = None,
    note: str | None = None,
) -> None:
    """Thông qua: a plan or draft is approved at the meeting."""
    self.check_open()
    if any(approval.id == approval_id for approval in self.approvals):
        raise NoChangeError(field="approval_id", meeting_id=self.id)
    self._approval_recorded(
        actor=actor,
        approval_id=approval_id,
        title=required_text("title", title),
        document=document,
        note=optional_text(note),
    )


@event("ApprovalRecorded")
def approval_recorded(
    self: Meeting,
    *,
    actor: str,
    approval_id: UUID,
    title: str,
    document: DocumentRef | None,
    note: str | None,
) -> None:
    """The approval joins the meeting's record."""
    self.approvals.append(Approval(approval_id, document, title, note))


def new_conclusion_items(
    self: Meeting, items: list[ConclusionItem]
) -> list[ConclusionItem]:
    """The items not yet issued; an issued number with other text is a conflict."""
    numbers = [item.number for item in items]
    if len(set(numbers)) != len(numbers):
        raise DuplicateItemNumberError(field="items", meeting_id=self.id)
    new = []
    for item in items:
        issued = self.items.get(item.number)
        if issued is None:
            new.append(item)
        elif issued.text != item.text:
            raise DuplicateItemNumberError(
                field="items", meeting_id=self.id, number=item.number
            )
    return new


def issue_conclusion(
    self: Meeting, *, actor: str, speech_id: UUID, items: list[ConclusionItem]
) -> list[ConclusionItem]:
    """Kết luận: the chair's speech concludes with numbered items.

    Issuing items already issued, word for word, changes nothing (so a draft
    posted twice creates nothing new); the items actually issued are returned.
    """
    self.check_open()
    speech = check_speech_recorded(self, speech_id)
    self.check_present(speech.speaker_id)
    new = new_conclusion_items(self, items)
    if new:
        order = [item.number for item in items]
        self._conclusion_issued(
            actor=actor, speech_id=speech_id, items=new, order=order
        )
    return new


@event("ConclusionIssued")
def conclusion_issued(
    self: Meeting,
    *,
    actor: str,
    speech_id: UUID,
    items: list[ConclusionItem],
    order: list[str] | None = None,
) -> None:
    """The items join the conclusion where the posted draft puts them."""
    issued = {
        item.number: IssuedItem(
            item.number, item.text, speech_id, task_ids=tuple(item.task_ids)
        )
        for item in items
    }
    numbers = in_posted_order(list(self.items), list(issued), order or [])
    self.items = {
        number: self.items.get(number) or issued[number] for number in numbers
    }


def in_posted_order(issued: list[str], new: list[str], posted: list[str]) -> list[str]:
    """Item numbers with each new one placed before the next one posted after it.

    A draft posted in two steps (items 2 and 3, then 1, 2 and 3) is kept as
    posted: 1, 2, 3. Without a posted order (events stored before it was kept),
    new items follow the issued ones.
    """
    numbers = list(issued)
    for number in new:
        later = posted[posted.index(number) + 1 :] if number in posted else []
        place = next(
            (numbers.index(after) for after in later if after in numbers),
            len(numbers),
        )
        numbers.insert(place, number)
    return numbers


def upcast_conclusion_issued_v1_v2(state: dict[str, Any]) -> None:
    """Version 1 did not keep the posted order of the items."""
    state["order"] = None


def amend_conclusion_item(
    self: Meeting, *, actor: str, number: str, text: str, reason: str
) -> None:
    """Điều chỉnh: amend an item's text, with a reason (also after closing)."""
    self.check_not_cancelled()
    issued = self.items.get(number)
    if issued is None:
        raise UnknownItemError(field="number", meeting_id=self.id, number=number)
    new_text = required_text("text", text)
    if new_text == issued.text:
        raise NoChangeError(field="text", meeting_id=self.id, number=number)
    self._item_amended(
        actor=actor,
        number=number,
        text=new_text,
        reason=required_text("reason", reason),
    )


@event("ConclusionItemAmended")
def item_amended(
    self: Meeting, *, actor: str, number: str, text: str, reason: str
) -> None:
    """The item's new text; the previous one is kept among its amendments."""
    self.items[number] = self.items[number].amended(text)


def publish_notice(self: Meeting, *, actor: str, notice: DocumentRef) -> None:
    """Thông báo kết luận: publish the conclusion as ``25/TB-UBND``."""
    self.check_not_cancelled()
    if not self.items:
        raise NoConclusionError(meeting_id=self.id)
    if self.notice is not None:
        raise NoChangeError(field="notice", meeting_id=self.id)
    self._notice_published(actor=actor, notice=notice)


@event("NoticePublished")
def notice_published(self: Meeting, *, actor: str, notice: DocumentRef) -> None:
    """The conclusion is published under its number."""
    self.notice = notice

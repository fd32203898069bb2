"""One digest on demand (``steerlog digest``): previewed, or issued and sent."""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.committee import Committee
from domain.digest import Digest, DigestKind
from domain.values import RecipientKind
from service.digests.render import Rendered
from service.digests.schedule import Due, period_of
from service.digests.service import DigestService
from service.readmodel.rows import Subscription

PREVIEW_ADDRESS = "preview@steerlog.invalid"


class RecipientError(ValueError):
    """A recipient given on the command line that cannot be used."""


def parse_recipient(text: str) -> tuple[RecipientKind, UUID]:
    """``agency:<id>`` or ``committee:<id>`` (a committee stands for its leaders)."""
    kind, _, raw = text.partition(":")
    try:
        return RecipientKind(kind), UUID(raw)
    except ValueError:
        raise RecipientError(
            f"--recipient: expected agency:<id> or committee:<id>, got {text!r}"
        ) from None


def committee_of(recipient: tuple[RecipientKind, UUID]) -> UUID:
    """A committee's leaders' digests are the committee's; an agency must say whose."""
    if recipient[0] is RecipientKind.COMMITTEE:
        return recipient[1]
    raise RecipientError("--committee: an agency's digest is of one committee")


def due_on(
    service: DigestService, committee_id: UUID, kind: DigestKind, day: date
) -> Due:
    """The period of ``kind`` sent on ``day`` (a local date of the committee)."""
    committee = service.app.load(Committee, committee_id, field="committee_id")
    fire = datetime.combine(day, time(7), ZoneInfo(committee.time_zone))
    return Due(committee_id, kind, fire, period_of(kind, fire))


def kind_for(recipient: RecipientKind) -> DigestKind:
    """Agencies get daily digests; a committee's leaders weekly ones."""
    return DigestKind.DAILY if recipient is RecipientKind.AGENCY else DigestKind.WEEKLY


def preview(
    service: DigestService,
    recipient: tuple[RecipientKind, UUID],
    committee_id: UUID,
    day: date,
) -> Rendered:
    """The digest the recipient would get for ``day``, built and rendered, not kept
    (a past day's as things stood when it fell due, as a late digest is)."""
    due = due_on(service, committee_id, kind_for(recipient[0]), day)
    content = service.compose(
        due.kind, committee_id, recipient[1], due.period, due.fire_time
    )
    digest = Digest.issue(
        actor="preview",
        kind=due.kind,
        committee_id=committee_id,
        recipient_kind=recipient[0],
        recipient_id=recipient[1],
        period_start=due.period[0],
        period_end=due.period[1],
        addresses=_addresses(service, recipient, committee_id),
        lines=content.lines,
        tallies=content.tallies,
        late=due.late_at(service.now()),
        issued_at=service.now(),
    )
    return service.render(digest)


def _addresses(
    service: DigestService, recipient: tuple[RecipientKind, UUID], committee_id: UUID
) -> list[str]:
    found = subscription(service, recipient, committee_id)
    addresses = list(found.addresses) if found else []
    return addresses or [PREVIEW_ADDRESS]


def subscription(
    service: DigestService, recipient: tuple[RecipientKind, UUID], committee_id: UUID
) -> Subscription | None:
    """The recipient's active subscription to the committee's digests, if any."""
    found = service.read_side.read_model.subscriptions(committee_id, recipient[0])
    return next((s for s in found if s.recipient_id == str(recipient[1])), None)


def send(
    service: DigestService,
    recipient: tuple[RecipientKind, UUID],
    committee_id: UUID,
    day: date,
) -> UUID | None:
    """Issue and send the digest of ``day`` now (late if past its time); its id.

    None when there is nothing to tell. One issued before is sent only if it
    has not gone out yet.
    """
    found = subscription(service, recipient, committee_id)
    if found is None:
        raise RecipientError("the recipient has no subscription to this committee")
    due = due_on(service, committee_id, kind_for(recipient[0]), day)
    digest_id = service.digest_id(due, recipient[0], recipient[1])
    if service.issue_one(due, found) is None and not service.exists(digest_id):
        return None
    service.deliver(digest_id)
    return digest_id

"""The Digest aggregate's rules: one id per (recipient, period), one delivery."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from domain.digest import (
    DeliveryInProgressError,
    DeliveryState,
    Digest,
    DigestDeliveredError,
    DigestLine,
    NoDeliveryAttemptError,
    RetryNotDueError,
)
from domain.errors import InvalidValueError, NoChangeError
from domain.subscription import DigestSubscription, SubscriptionEndedError

AT = datetime(2022, 3, 17, 0, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)
COMMITTEE, AGENCY = uuid4(), uuid4()


def issue(**changes: object) -> Digest:
    fields: dict[str, object] = {
        "actor": "scheduler",
        "kind": "daily",
        "committee_id": COMMITTEE,
        "recipient_kind": "agency",
        "recipient_id": AGENCY,
        "period_start": date(2022, 3, 17),
        "period_end": date(2022, 3, 17),
        "addresses": ["vanthu@sotttt.gov.vn"],
        "lines": [DigestLine("overdue", uuid4(), "Báo cáo", date(2022, 3, 1), -16)],
        "tallies": [],
        "late": False,
        "issued_at": AT,
    }
    return Digest.issue(**{**fields, **changes})  # type: ignore[arg-type]


def test_same_recipient_and_period_give_the_same_id_whatever_the_content() -> None:
    assert issue().id == issue(lines=[], late=True).id
    assert (
        issue().id
        != issue(period_start=date(2022, 3, 18), period_end=date(2022, 3, 18)).id
    )
    assert issue().id != issue(recipient_id=uuid4()).id


def test_counts_summarise_lines_by_section() -> None:
    assert issue().counts == {"overdue": 1}


def test_daily_digest_covers_one_day_and_weekly_seven() -> None:
    with pytest.raises(InvalidValueError):
        issue(period_end=date(2022, 3, 18))
    weekly = issue(
        kind="weekly", period_start=date(2022, 3, 7), period_end=date(2022, 3, 13)
    )
    assert weekly.kind == "weekly"


def test_addresses_are_checked_and_distinct() -> None:
    with pytest.raises(InvalidValueError):
        issue(addresses=["không phải địa chỉ"])
    with pytest.raises(InvalidValueError):
        issue(addresses=[])
    assert issue(addresses=["a@b.vn", " a@b.vn "]).addresses == ["a@b.vn"]


def test_delivered_digest_refuses_another_attempt() -> None:
    digest = issue()
    digest.attempt_delivery(actor="s", at=AT, message_id="<m>", lease=LEASE)
    digest.record_delivered(actor="s", at=AT, message_id="<m>")
    assert digest.state is DeliveryState.DELIVERED
    with pytest.raises(DigestDeliveredError):
        digest.attempt_delivery(
            actor="s", at=AT + timedelta(days=1), message_id="<m>", lease=LEASE
        )


def test_recent_attempt_belongs_to_its_sender_until_the_lease_ends() -> None:
    digest = issue()
    digest.attempt_delivery(actor="a", at=AT, message_id="<m>", lease=LEASE)
    with pytest.raises(DeliveryInProgressError):
        digest.attempt_delivery(
            actor="b", at=AT + timedelta(minutes=1), message_id="<m>", lease=LEASE
        )
    digest.attempt_delivery(actor="b", at=AT + LEASE, message_id="<m>", lease=LEASE)
    assert digest.attempts == 2


def test_failed_delivery_waits_for_its_retry_time_and_none_means_abandoned() -> None:
    digest = issue()
    digest.attempt_delivery(actor="s", at=AT, message_id="<m>", lease=LEASE)
    digest.record_failure(
        actor="s", at=AT, error="refused", next_retry_at=AT + timedelta(minutes=1)
    )
    assert digest.state is DeliveryState.RETRYING
    with pytest.raises(RetryNotDueError):
        digest.attempt_delivery(actor="s", at=AT, message_id="<m>", lease=LEASE)
    digest.attempt_delivery(
        actor="s", at=AT + timedelta(minutes=1), message_id="<m>", lease=LEASE
    )
    digest.record_failure(
        actor="s", at=AT + timedelta(minutes=1), error="refused", next_retry_at=None
    )
    assert digest.state is DeliveryState.ABANDONED


def test_outcome_needs_an_attempt_in_flight_with_its_message_id() -> None:
    digest = issue()
    with pytest.raises(NoDeliveryAttemptError):
        digest.record_delivered(actor="s", at=AT, message_id="<m>")
    digest.attempt_delivery(actor="s", at=AT, message_id="<m>", lease=LEASE)
    with pytest.raises(InvalidValueError):
        digest.record_delivered(actor="s", at=AT, message_id="<other>")
    with pytest.raises(InvalidValueError):
        digest.record_failure(actor="s", at=AT, error="x", next_retry_at=AT)


def test_subscription_changes_addresses_ends_and_resumes() -> None:
    subscription = DigestSubscription.subscribe(
        actor="thu.ky",
        committee_id=COMMITTEE,
        recipient_kind="agency",
        recipient_id=AGENCY,
        addresses=["a@b.vn"],
    )
    with pytest.raises(NoChangeError):
        subscription.change_addresses(actor="thu.ky", addresses=["a@b.vn"])
    subscription.end(actor="thu.ky")
    with pytest.raises(SubscriptionEndedError):
        subscription.change_addresses(actor="thu.ky", addresses=["c@d.vn"])
    subscription.resume(actor="thu.ky", addresses=["c@d.vn"])
    assert (subscription.active, subscription.addresses) == (True, ["c@d.vn"])

"""What the digest tests share: a real SMTP server on loopback, a settable clock."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any, cast

from aiosmtpd.controller import Controller

from service.digests.mail import SmtpMailer
from service.digests.service import DigestService, RetryPolicy
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_model
from service.settings import Settings
from service.settings.digests import Smtp
from service.usecases.steerlog import Steerlog
from tests.scenario import ACTOR, Scenario

SENDER = "bantin@quangnam.gov.vn"
BASE_URL = "https://steerlog.quangnam.gov.vn"


class FakeClock:
    """The time the application sees; tests move it."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def set(self, now: datetime) -> None:
        """Move the clock (forwards, usually)."""
        with self._lock:
            self.now = now


class Inbox:
    """aiosmtpd's handler: keeps every message the server accepted."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(cast(EmailMessage, message))
        return "250 Message accepted for delivery"

    def message_ids(self) -> list[str]:
        """The Message-ID of every accepted message, in arrival order."""
        with self._lock:
            return [str(m["Message-ID"]) for m in self.messages]


def free_port() -> int:
    """A loopback port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpServer:
    """A real SMTP server on loopback that can go down and come back on its port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        """Listen (again) on the port."""
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        """Stop listening: connections are refused."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def with_smtp(settings: Settings, server: SmtpServer) -> Settings:
    """Settings that send through ``server``, with links to BASE_URL."""
    smtp = Smtp(host="127.0.0.1", port=server.port, sender=SENDER, timeout=5)
    return replace(settings, smtp=smtp, base_url=BASE_URL)


@dataclass
class Scheduler:
    """One scheduler process's parts: its own application and read models."""

    app: Steerlog
    service: DigestService
    projector: Projector

    def close(self) -> None:
        """Release its connections."""
        self.service.read_side.read_model.close()
        self.app.close()


def scheduler(settings: Settings, clock: FakeClock) -> Scheduler:
    """A scheduler as a separate process builds it, over the same database."""
    app = build_application(settings, clock)
    read_model = build_read_model(settings)
    service = DigestService(
        app,
        ReadSide(read_model),
        SmtpMailer(settings.smtp),
        RetryPolicy(),
        freshness_timeout=0.0,
    )
    return Scheduler(app, service, Projector(app, read_model))


def subscribe_all(app: Steerlog, s: Scenario) -> None:
    """Both districts and the department daily; the committee's leaders weekly."""
    for agency, address in (
        (s.district_a_id, "vanthu@nuithanh.quangnam.gov.vn"),
        (s.district_b_id, "vanthu@tamky.quangnam.gov.vn"),
        (s.department_id, "stttt@quangnam.gov.vn"),
    ):
        app.subscribe_to_digests(
            actor=ACTOR,
            committee_id=s.committee_id,
            recipient_kind="agency",
            recipient_id=agency,
            addresses=[address],
        )
    app.subscribe_to_digests(
        actor=ACTOR,
        committee_id=s.committee_id,
        recipient_kind="committee",
        recipient_id=s.committee_id,
        addresses=["lanhdao@quangnam.gov.vn"],
    )

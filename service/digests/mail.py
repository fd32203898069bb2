"""E-mail of a digest: a multipart message with a Message-ID fixed by the digest id."""

from __future__ import annotations

import smtplib
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Protocol
from uuid import UUID

from service.digests.render import Rendered
from service.settings.digests import Smtp


class DeliveryError(Exception):
    """The mail server could not be reached or refused the message."""


class Mailer(Protocol):
    """Something that hands a message to a mail server (SMTP, or a test's fake)."""

    def send(self, message: EmailMessage) -> None:
        """Send ``message`` or raise ``DeliveryError``."""


def message_id_of(digest_id: UUID, sender: str) -> str:
    """The Message-ID of a digest's e-mail: every attempt sends the same message.

    Mail servers and clients that de-duplicate by Message-ID drop a second copy.
    """
    domain = sender.rpartition("@")[2] or "steerlog.invalid"
    return f"<digest.{digest_id}@{domain}>"


def build_message(
    rendered: Rendered,
    sender: str,
    addresses: list[str],
    message_id: str,
    at: datetime,
) -> EmailMessage:
    """A multipart/alternative message: text/plain, then text/html (UTF-8)."""
    message = EmailMessage()
    message["Subject"] = rendered.subject
    message["From"] = sender
    message["To"] = ", ".join(addresses)
    message["Message-ID"] = message_id
    message["Date"] = format_datetime(at)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(rendered.text, subtype="plain", charset="utf-8")
    message.add_alternative(rendered.html, subtype="html", charset="utf-8")
    return message


class SmtpMailer:
    """Sends through the configured SMTP server (STARTTLS and login when set)."""

    def __init__(self, smtp: Smtp) -> None:
        self.smtp = smtp

    def send(self, message: EmailMessage) -> None:
        """Hand ``message`` to the server; any failure is a ``DeliveryError``."""
        if not self.smtp.host:
            raise DeliveryError("STEERLOG_SMTP_HOST is not set")
        try:
            with smtplib.SMTP(
                self.smtp.host, self.smtp.port, timeout=self.smtp.timeout
            ) as client:
                if self.smtp.starttls:
                    client.starttls()
                if self.smtp.user:
                    client.login(self.smtp.user, self.smtp.password)
                client.send_message(message)
        except (smtplib.SMTPException, OSError) as error:
            raise DeliveryError(f"{type(error).__name__}: {error}") from error

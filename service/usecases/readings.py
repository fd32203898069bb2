"""Use cases of confirmed readings: keep what a secretary confirmed, export it as cases.

A conclusion confirmed from a pasted text is kept with the extractor's draft of it
(:class:`ConfirmedReading`), once per meeting and text. ``export_confirmed_readings``
writes every one as a scoring case (``NAME.txt`` and ``expected/NAME.json``), agency
ids resolved to the names the directory gives them then, so the extractor's
development set grows from real conclusions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from domain.agency import Agency
from domain.confirmed_reading import ConfirmedReading, confirmed_reading_id
from domain.errors import InvalidValueError
from domain.meeting import Meeting
from service.errors import AlreadyExistsError, NotFoundError
from service.eventstore.application import SteerlogBase, Written
from service.extraction.cases import (
    Case,
    case_from_conclusion,
    export_cases,
    with_agency_names,
)
from service.plain import plain

# Notifications read per query while listing the confirmed readings.
_PAGE = 200


class ReadingUseCases(SteerlogBase):
    """Keep confirmed readings of conclusions, and export them as scoring cases."""

    def keep_confirmed_reading(
        self,
        *,
        actor: str,
        meeting_id: UUID,
        text: str,
        draft: Mapping[str, Any],
        confirmed: Mapping[str, Any],
    ) -> Written:
        """Keep the text, its draft (``Extraction.to_dict()``) and the confirmed
        conclusion body (agencies by id); confirming the same text again for the
        same meeting keeps nothing new and answers the reading already kept."""
        self.load(Meeting, meeting_id, field="meeting_id")  # it must exist
        reading = ConfirmedReading.record(
            meeting_id,
            text,
            _plain("draft", draft),
            _plain("confirmed", confirmed),
            actor=actor,
        )
        try:
            return self.create(reading, "confirmed_reading")
        except AlreadyExistsError:
            kept = self.view(ConfirmedReading, reading.id)
            return Written(kept.id, kept.version, self.recorder.max_notification_id())

    def confirmed_reading(self, meeting_id: UUID, text: str) -> ConfirmedReading:
        """The reading kept for this meeting and text (``NotFoundError`` if none)."""
        return self.load(ConfirmedReading, confirmed_reading_id(meeting_id, text))

    def confirmed_readings(self) -> Iterator[ConfirmedReading]:
        """Every confirmed reading, in the order they were kept (the event log's)."""
        topics = [get_topic(ConfirmedReading.Recorded)]
        start = 1
        while True:
            page = self.recorder.select_notifications(start, _PAGE, topics=topics)
            for notification in page:
                yield self.view(ConfirmedReading, notification.originator_id)
            if len(page) < _PAGE:
                return
            start = page[-1].id + 1

    def export_confirmed_readings(self, directory: Path | str) -> list[Path]:
        """Write every confirmed reading under ``directory`` as a scoring case;
        returns the text files written."""
        return export_cases(
            (self._case(reading) for reading in self.confirmed_readings()), directory
        )

    def _case(self, reading: ConfirmedReading) -> Case:
        """One reading as a case: agency ids named as the directory names them."""
        conclusion = with_agency_names(reading.confirmed, self._agency_name)
        return case_from_conclusion(
            f"confirmed-{reading.meeting_id}-{reading.digest[:8]}",
            f"steerlog meeting {reading.meeting_id}",
            reading.text,
            conclusion,
        )

    def _agency_name(self, agency_id: str) -> str:
        """An agency's current name; an id the directory does not know stays as is."""
        try:
            return self.view(Agency, UUID(agency_id)).name
        except (ValueError, NotFoundError):
            return agency_id


def _plain(field: str, value: object) -> Any:
    """``value`` as JSON data (ids as text, dates ISO, value objects as dicts); a
    value of a kind without a rule is refused as the field's fault."""
    try:
        return plain(value)
    except TypeError as error:
        raise InvalidValueError(field=field, reason=str(error)) from None

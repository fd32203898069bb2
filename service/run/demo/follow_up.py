"""Follow-up steps of the demo: acknowledgement, progress, extension, completion."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.values import Authority, DocumentRef
from service.usecases.steerlog import Steerlog


def document(data: dict[str, Any]) -> DocumentRef:
    """A document reference from its demo form."""
    when = data.get("date")
    return DocumentRef(
        kind=data["kind"],
        number=data["number"],
        date=date.fromisoformat(when) if when else None,
        issuer=data.get("issuer"),
        title=data.get("title"),
    )


class FollowUp:
    """One demo follow-up step: acknowledgement, progress, extension, completion."""

    def __init__(
        self,
        app: Steerlog,
        actor: str,
        agencies: dict[str, UUID],
        assignment_id: UUID,
        step: dict[str, Any],
    ) -> None:
        self.app, self.actor, self.agencies = app, actor, agencies
        self.id, self.step = assignment_id, step

    def apply(self) -> None:
        """Run the use case the step names."""
        getattr(self, self.step["action"])()

    def agency(self) -> UUID:
        return self.agencies[self.step["agency"]]

    def acknowledge(self) -> None:
        at = datetime.fromisoformat(self.step["at"])
        self.app.acknowledge(self.id, actor=self.actor, agency_id=self.agency(), at=at)

    def report_progress(self) -> None:
        self.app.report_progress(
            self.id,
            actor=self.actor,
            agency_id=self.agency(),
            note=self.step["note"],
            percent=self.step.get("percent"),
            at=datetime.fromisoformat(self.step["at"]),
        )

    def request_extension(self) -> None:
        self.app.request_extension(
            self.id,
            actor=self.actor,
            agency_id=self.agency(),
            deadline=date.fromisoformat(self.step["deadline"]),
            reason=self.step["reason"],
        )

    def extend_deadline(self) -> None:
        authority = Authority(document=document(self.step["authority"]["document"]))
        self.app.extend_deadline(
            self.id,
            actor=self.actor,
            deadline=date.fromisoformat(self.step["deadline"]),
            authority=authority,
            reason=self.step["reason"],
        )

    def complete(self) -> None:
        self.app.complete(
            self.id,
            actor=self.actor,
            agency_id=self.agency(),
            evidence=self.step["evidence"],
            completed_on=date.fromisoformat(self.step["completed_on"]),
        )

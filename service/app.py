"""The steerlog Application: every use case, over the configured event store."""

from __future__ import annotations

from service.usecases.digests import DigestUseCases
from service.usecases.record import RecordUseCases


class Steerlog(RecordUseCases, DigestUseCases):
    """The application service and unit of work: one method per use case."""

    name = "Steerlog"

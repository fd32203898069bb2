"""The steerlog Application: every family of use cases, combined once."""

from __future__ import annotations

from service.usecases.assignments import AssignmentUseCases
from service.usecases.digests import DigestUseCases
from service.usecases.directory import DirectoryUseCases
from service.usecases.meetings import MeetingUseCases
from service.usecases.readings import ReadingUseCases
from service.usecases.record import RecordUseCases


class Steerlog(
    DirectoryUseCases,
    MeetingUseCases,
    RecordUseCases,
    AssignmentUseCases,
    DigestUseCases,
    ReadingUseCases,
):
    """The application service and unit of work: one method per use case."""

    name = "Steerlog"

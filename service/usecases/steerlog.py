"""The steerlog Application: every family of use cases, combined once."""

from __future__ import annotations

from service.usecases.access import AccessUseCases
from service.usecases.accounts import AccountUseCases
from service.usecases.assignments import AssignmentUseCases
from service.usecases.digests import DigestUseCases
from service.usecases.directory import DirectoryUseCases
from service.usecases.meetings import MeetingUseCases
from service.usecases.positions import WritePositionUseCases
from service.usecases.readings import ReadingUseCases
from service.usecases.record import RecordUseCases
from service.usecases.sign_in import SignInUseCases


class Steerlog(
    DirectoryUseCases,
    MeetingUseCases,
    RecordUseCases,
    AssignmentUseCases,
    DigestUseCases,
    ReadingUseCases,
    AccountUseCases,
    SignInUseCases,
    AccessUseCases,
    WritePositionUseCases,
):
    """The application service and unit of work: one method per use case."""

    name = "Steerlog"

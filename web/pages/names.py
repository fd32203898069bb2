"""Names for ids on pages: agencies, committees and people, read once per request."""

from __future__ import annotations

from uuid import UUID

from domain.agency import Agency
from domain.committee import Committee
from domain.person import Person
from service.errors import NotFoundError
from web.http import steerlog
from web.per_request import once


def _name_of(cls: type[Agency] | type[Committee] | type[Person], key: UUID) -> str:
    def named() -> str:
        try:
            aggregate = steerlog().view(cls, key)
        except NotFoundError:
            return str(key)
        return aggregate.full_name if isinstance(aggregate, Person) else aggregate.name

    return once("names", key, named)


def agency_name(agency_id: UUID | str | None) -> str:
    """The agency's current name (its id when it is unknown)."""
    return "" if agency_id is None else _name_of(Agency, UUID(str(agency_id)))


def committee_name(committee_id: UUID | str | None) -> str:
    """The committee's current name."""
    return "" if committee_id is None else _name_of(Committee, UUID(str(committee_id)))


def person_name(person_id: UUID | str | None) -> str:
    """The official's full name."""
    return "" if person_id is None else _name_of(Person, UUID(str(person_id)))

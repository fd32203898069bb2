"""What the signed-in person may do here: the policy table, asked by the pages.

Pages show only the actions the viewer's role allows; the guard in ``web.auth``
still decides every request, so a forged form is refused all the same.
"""

from __future__ import annotations

from uuid import UUID

from domain.account import Role
from service.access.decision import (
    ForbiddenError,
    NotSignedInError,
    Target,
    authorise,
)
from service.access.policy import rule_for
from web.principal import current_principal


def may(operation: str, target: Target) -> bool:
    """Whether the current principal may run ``operation`` on ``target``."""
    rule = rule_for(operation)
    if rule is None:
        return False
    try:
        authorise(current_principal(), operation, rule, target)
    except (ForbiddenError, NotSignedInError):
        return False
    return True


def readable() -> list[UUID] | None:
    """The committees lists may show the current principal (None: all of them)."""
    principal = current_principal()
    return [] if principal is None else principal.scope().committee_list


def acting_agencies(target: Target, candidates: list[UUID]) -> list[UUID]:
    """The agencies the principal may act for on ``target``, among ``candidates``.

    An officer acts for its own agency; anyone else allowed acts for any of them.
    """
    principal = current_principal()
    if principal is None:
        return []
    if principal.is_admin or target.committee_id is None:
        return candidates
    grants = principal.grants_on(target.committee_id)
    if any(g.role is not Role.AGENCY_OFFICER for g in grants):
        return candidates
    own = {g.agency_id for g in grants if g.role is Role.AGENCY_OFFICER}
    return [agency for agency in candidates if agency in own]

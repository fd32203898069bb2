"""Errors on pages are pages: a person reads what went wrong and where to go next."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from service.access.decision import ForbiddenError
from service.errors import NotFoundError


def not_found(error: NotFoundError) -> tuple[str, int]:
    """A record that does not exist (or did not yet at the moment asked)."""
    message = _("Không tìm thấy hồ sơ này (hoặc vào thời điểm đã chọn nó chưa có).")
    return render_template("layout/error.html", status=404, message=message), 404


def http_error(error: HTTPException) -> tuple[str, int]:
    """A bad address, a malformed parameter, a missing page."""
    status = error.code or 500
    return (
        render_template("layout/error.html", status=status, message=error.description),
        status,
    )


def forbidden(error: ForbiddenError) -> tuple[str, int]:
    """The role does not allow it: say so, and which permission it needs."""
    message = _(
        "Tài khoản của bạn không có quyền này (%(permission)s) đối với hồ sơ này.",
        permission=error.permission,
    )
    return render_template("layout/error.html", status=403, message=message), 403


def install(blueprint: Blueprint) -> None:
    """Answer the blueprint's errors with pages instead of problem documents."""
    blueprint.register_error_handler(ForbiddenError, forbidden)
    blueprint.register_error_handler(NotFoundError, not_found)
    blueprint.register_error_handler(HTTPException, http_error)

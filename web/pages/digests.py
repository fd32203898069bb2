"""Digest pages: issued digests, newest first, and each one as its e-mail showed it."""

from __future__ import annotations

from uuid import UUID

from flask import Blueprint, Response, render_template, request

from service.digests.service import digest_page
from service.readmodel.base import Page
from web.http import read_side, steerlog

bp = Blueprint("pages", __name__)
PAGE_SIZE = 50


@bp.route("/digests", methods=["GET"])
def digests() -> str:
    """Issued digests, newest first, each linking to its page."""
    page = Page(limit=PAGE_SIZE, cursor=request.args.get("cursor") or None)
    return render_template("digests.html", page=read_side().digests(page))


@bp.route("/digests/<uuid:digest_id>", methods=["GET"])
def digest(digest_id: UUID) -> Response:
    """One digest, exactly as its e-mail showed it."""
    return Response(digest_page(steerlog(), digest_id), mimetype="text/html")

"""Page tests act as people do: an account with a role, signed in through the form."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from uuid import UUID, uuid4

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.readmodel.projector import Projector
from service.usecases.steerlog import Steerlog
from tests.functional.support import Api

PASSWORD = "mật-khẩu-thử-nghiệm-đủ-dài"
SignIn = Callable[..., FlaskClient]


def csrf_token(html: str) -> str:
    """The CSRF token a page's form carries."""
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert found is not None, "the page has no CSRF token"
    return found.group(1)


@pytest.fixture
def sign_in(web_app: Flask, api: Api) -> SignIn:
    """A browser-like client signed in as a new account with ``role``."""
    application: Steerlog = web_app.extensions["steerlog"]

    def signed_in(
        role: str = "admin",
        committee_id: str | None = None,
        agency_id: str | None = None,
    ) -> FlaskClient:
        login = f"page.{role}.{uuid4().hex[:8]}"
        written = application.register_account(
            actor="tests",
            login=login,
            display_name=f"Cán bộ {role}",
            email=f"{login}@laocai.gov.vn",
            password=PASSWORD,
        )
        application.grant_role(
            written.id,
            actor="tests",
            role=role,
            committee_id=UUID(committee_id) if committee_id else None,
            agency_id=UUID(agency_id) if agency_id else None,
        )
        client = web_app.test_client()
        form = client.get("/sign-in").get_data(as_text=True)
        response = client.post(
            "/sign-in",
            data={"login": login, "password": PASSWORD, "csrf_token": csrf_token(form)},
        )
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return signed_in


@pytest.fixture
def projecting(web_app: Flask) -> Iterator[None]:
    """The projector following the log in a thread, as in all-in-one mode."""
    read_model = web_app.extensions["steerlog.read"].read_model
    projector = Projector(web_app.extensions["steerlog"], read_model)
    stop = threading.Event()
    thread = threading.Thread(target=projector.run, args=(stop,), daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(5)

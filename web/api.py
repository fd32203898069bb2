"""flask-smorest's Api, documenting every error as RFC 9457 problem details."""

from __future__ import annotations

import http
from typing import Any

from flask_smorest import Api
from flask_smorest.utils import prepare_response

from web.openapi_security import PolicyPlugin
from web.schemas.common import ProblemSchema

PROBLEM_JSON = "application/problem+json"


class SteerlogApi(Api):  # type: ignore[misc]
    """The Api whose error responses are ``application/problem+json`` documents."""

    ERROR_SCHEMA = ProblemSchema

    def _init_spec(self, **kwargs: Any) -> None:
        """The spec, with the policy's permissions on every operation."""
        plugins = [*(kwargs.pop("extra_plugins", None) or ()), PolicyPlugin()]
        super()._init_spec(extra_plugins=plugins, **kwargs)

    def _register_error_handlers(self) -> None:
        """Errors are answered by ``web.errors`` alone, not by flask-smorest."""

    def _register_responses(self) -> None:
        """Document each status code's error response as a problem document."""
        for status in http.HTTPStatus:
            response: dict[str, object] = {"description": status.phrase}
            if not 100 <= status < 200 and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "A problem (RFC 9457)", "schema": self.ERROR_SCHEMA}
        prepare_response(default, self.spec, PROBLEM_JSON)
        self.spec.components.response(
            self.DEFAULT_ERROR_RESPONSE_NAME, default, lazy=True
        )

"""flask-smorest's Api, documenting every error as RFC 9457 problem details."""

from __future__ import annotations

import http
from typing import Any

from flask import Flask
from flask_smorest import Api, Blueprint
from flask_smorest.utils import prepare_response

from web import openapi_rules
from web.openapi_links import link_operations
from web.openapi_security import PolicyPlugin
from web.queries import refuse_unknown_parameters
from web.schemas.common import ProblemSchema

PROBLEM_JSON = "application/problem+json"


class SteerlogApi(Api):  # type: ignore[misc]
    """The Api whose error responses are ``application/problem+json`` documents."""

    ERROR_SCHEMA = ProblemSchema

    def _init_spec(self, **kwargs: Any) -> None:
        """The spec, with the policy's permissions on every operation."""
        plugins = [
            *(kwargs.pop("extra_plugins", None) or ()),
            PolicyPlugin(),
            openapi_rules.RulesPlugin(),
        ]
        super()._init_spec(extra_plugins=plugins, **kwargs)
        openapi_rules.install(self.ma_plugin)

    def register_blueprint(self, blp: Blueprint, **options: Any) -> None:
        """Register ``blp``; its views refuse query parameters they do not take,
        and the document links its operations to the others."""
        super().register_blueprint(blp, **options)
        app: Flask = self._app
        name = options.get("name", blp.name)
        app.before_request_funcs.setdefault(name, []).append(refuse_unknown_parameters)
        link_operations(self.spec._paths)

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

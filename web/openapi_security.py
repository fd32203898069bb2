"""The policy in the OpenAPI document: each operation's permission, 401 and 403."""

from __future__ import annotations

from typing import Any

from apispec import APISpec, BasePlugin

from service.access.policy import Reach, roles_holding, rule_for

BEARER = "bearerToken"
SESSION = "browserSession"
_METHODS = ("get", "put", "post", "delete", "patch")


class PolicyPlugin(BasePlugin):
    """Document, per operation, who may call it and the answers when not."""

    def init_spec(self, spec: APISpec) -> None:
        """Declare the two ways of signing in."""
        super().init_spec(spec)
        spec.components.security_scheme(
            BEARER,
            {"type": "http", "scheme": "bearer", "description": "An API token."},
        )
        spec.components.security_scheme(
            SESSION,
            {"type": "apiKey", "in": "cookie", "name": "steerlog_session"},
        )

    def operation_helper(
        self,
        path: str | None = None,
        operations: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        """Add the permission, the security requirement, and 401 / 403."""
        rule = kwargs.get("rule")
        rule_of_endpoint = rule_for(rule.endpoint) if rule is not None else None
        for method, operation in (operations or {}).items():
            if method not in _METHODS:
                continue
            if rule_of_endpoint is None or rule_of_endpoint.reach is Reach.PUBLIC:
                operation["security"] = []
                continue
            roles = sorted(r.value for r in roles_holding(rule_of_endpoint.permission))
            operation["x-permission"] = {
                "permission": rule_of_endpoint.permission,
                "reach": rule_of_endpoint.reach.value,
                "roles": roles,
            }
            operation["security"] = [{BEARER: []}, {SESSION: []}]
            responses = operation.setdefault("responses", {})
            responses.setdefault("401", "UNAUTHORIZED")
            if rule_of_endpoint.reach is not Reach.SIGNED_IN:
                responses.setdefault("403", "FORBIDDEN")

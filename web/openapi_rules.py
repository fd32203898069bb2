"""The rules the boundary enforces, stated in the OpenAPI document as JSON Schema.

Each field of ``web.schemas.fields`` refuses more than its plain marshmallow
type says (control characters, years outside 1900-2200, zones tzdata does not
know); these converters write the same rules into the document, so that what it
calls valid is what the server accepts, and the other way round.
"""

from __future__ import annotations

from typing import Any

from apispec import BasePlugin
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import fields
from marshmallow.validate import Length

from web.schemas.fields import (
    DAY_PATTERN,
    MOMENT_PATTERN,
    NOT_BLANK,
    TEXT_CHARACTERS,
    Day,
    Moment,
    Text,
)

UNKNOWN_PARAMETERS = (
    "Any query parameter the operation does not list is refused (422, naming it)."
)


_LONGEST_QUANTIFIER = 10_000


def _text_pattern(field: Text) -> str:
    """No control character nor lone surrogate, as many as ``Length`` allows."""
    lengths = [v for v in field.validators if isinstance(v, Length)]
    low = max([v.min for v in lengths if v.min is not None], default=0)
    high = min([v.max for v in lengths if v.max is not None], default=None)
    if not lengths or (high or 0) > _LONGEST_QUANTIFIER:  # maxLength says it
        return f"^{TEXT_CHARACTERS}*$"
    count = f"{{{low},{'' if high is None else high}}}"
    return f"^{TEXT_CHARACTERS}{count}$"


def field_rules(
    converter: Any, field: fields.Field[Any], ret: dict[str, Any], **kwargs: Any
) -> dict[str, Any]:
    """The JSON Schema of ``field`` with the rules its deserialisation enforces."""
    if isinstance(field, Text) and "enum" not in ret:
        if "pattern" in ret:  # a Regexp of its own: both must match
            ret.setdefault("allOf", []).append({"pattern": _text_pattern(field)})
        else:
            ret["pattern"] = _text_pattern(field)
        if field.needs_content:  # somewhere a character that is not a space
            ret.setdefault("allOf", []).append({"pattern": NOT_BLANK})
    elif isinstance(field, Moment):
        ret["pattern"] = MOMENT_PATTERN
    elif isinstance(field, Day):
        ret["pattern"] = DAY_PATTERN
    branches = ret.get("anyOf")
    if isinstance(field, fields.Nested) and branches:
        # apispec spells a nullable nested schema as "that schema or any
        # object", which lets ``{}`` through; it is "that schema or null".
        [reference] = [b for b in branches if "$ref" in b]
        del ret["anyOf"]
        ret["allOf"] = [reference]
        ret["nullable"] = True
    return {}


def parameter_rules(
    converter: Any, field: fields.Field[Any], ret: dict[str, Any], **kwargs: Any
) -> dict[str, Any]:
    """A query, header or path parameter is text on the wire: never null.

    Absent is how a client leaves it out (its default then applies); the word
    ``null`` is just a wrong value.
    """
    schema = ret.get("schema", {})
    schema.pop("nullable", None)
    if schema.get("default", 0) is None:
        del schema["default"]
    if "enum" in schema:
        schema["enum"] = [value for value in schema["enum"] if value is not None]
    return {}


def install(plugin: MarshmallowPlugin) -> None:
    """Have the marshmallow plugin state the rules of every field it converts."""
    converter = plugin.converter
    assert converter is not None
    converter.add_attribute_function(field_rules)  # type: ignore[no-untyped-call]
    converter.add_parameter_attribute_function(parameter_rules)


class RulesPlugin(BasePlugin):
    """Say on every operation that unknown query parameters are refused, and on
    a schema the rules across its fields (``OPENAPI_RULES``)."""

    def schema_helper(
        self, name: str, definition: dict[str, Any], **kwargs: Any
    ) -> dict[str, Any] | None:
        """The schema's own rules across fields (a meeting or a document...)."""
        rules: dict[str, Any] | None = getattr(
            kwargs.get("schema"), "OPENAPI_RULES", None
        )
        return rules

    def operation_helper(
        self,
        path: str | None = None,
        operations: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        """Append the rule to each operation's description; document its 422."""
        for operation in (operations or {}).values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            described = operation.get("description")
            operation["description"] = (
                f"{described}\n\n{UNKNOWN_PARAMETERS}"
                if described
                else UNKNOWN_PARAMETERS
            )
            operation["responses"].setdefault("422", "UNPROCESSABLE_ENTITY")

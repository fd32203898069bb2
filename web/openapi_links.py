"""Links between the document's operations: where the ids an answer gives lead.

A client (or a stateful test) that created a meeting can follow the link from
the ``201`` to read it, and from reading it to every command and read under
it, with the same ids: the links say which answer feeds which parameter.
"""

from __future__ import annotations

import re
from typing import Any

_PARAMETER = re.compile(r"{(\w+)}")
_METHODS = ("get", "post", "put", "delete", "patch")


def _reference(path: str, method: str) -> str:
    """The JSON pointer of an operation, as a link's ``operationRef``."""
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"#/paths/{escaped}/{method}"


def _name(path: str, method: str) -> str:
    words = [
        w for w in re.split(r"[^A-Za-z0-9]+", path) if w and w not in ("api", "v1")
    ]
    return method.upper() + "_" + "_".join(words)


def _link(path: str, method: str, parameters: dict[str, str]) -> dict[str, Any]:
    return {"operationRef": _reference(path, method), "parameters": parameters}


def _add(
    operation: dict[str, Any], status: str, name: str, link: dict[str, Any]
) -> None:
    """Add ``link`` to the answer ``status`` (``2xx``: the operation's success)."""
    for code, response in operation.get("responses", {}).items():
        success = status == "2xx" and str(code).startswith("2") and code != "204"
        if (str(code) == status or success) and isinstance(response, dict):
            response.setdefault("links", {})[name] = link


def link_operations(paths: dict[str, dict[str, Any]]) -> None:
    """Add the links: a creation to the resource created, a resource to what is
    under it, a command on a resource back to the resource."""
    for path, operations in paths.items():
        names = _PARAMETER.findall(path)
        for method, operation in operations.items():
            if method not in _METHODS or not isinstance(operation, dict):
                continue
            # POST /meetings (201, the new id) -> GET /meetings/{meeting_id}
            if method == "post" and "201" in operation.get("responses", {}):
                for item in _items_of(paths, path):
                    [new] = _PARAMETER.findall(item)[len(names) :]
                    given = {n: f"$request.path.{n}" for n in names}
                    link = _link(item, "get", {**given, new: "$response.body#/id"})
                    _add(operation, "201", _name(item, "get"), link)
            if not names or not path.endswith("}"):
                continue
            same = {n: f"$request.path.{n}" for n in names}
            if method == "get":
                # GET /meetings/{meeting_id} -> what is under it, same ids
                for other, others in paths.items():
                    if other != path and not other.startswith(path + "/"):
                        continue
                    if set(_PARAMETER.findall(other)) != set(names):
                        continue
                    for verb in others:
                        if verb in _METHODS and (other, verb) != (path, method):
                            _add(
                                operation,
                                "200",
                                _name(other, verb),
                                _link(other, verb, same),
                            )
    for path, operations in paths.items():
        names = _PARAMETER.findall(path)
        for method, operation in operations.items():
            if method == "get" or method not in _METHODS or not names:
                continue
            # POST /meetings/{meeting_id}/open -> GET /meetings/{meeting_id}
            for item in _owners_of(paths, path):
                wanted = _PARAMETER.findall(item)
                link = _link(item, "get", {n: f"$request.path.{n}" for n in wanted})
                _add(operation, "2xx", _name(item, "get"), link)


def _items_of(paths: dict[str, dict[str, Any]], collection: str) -> list[str]:
    """``/meetings/{meeting_id}`` for ``/meetings``: one more parameter, readable."""
    return [
        p
        for p in paths
        if "get" in paths[p]
        and p.startswith(collection + "/{")
        and p.endswith("}")
        and p.count("/") == collection.count("/") + 1
    ]


def _owners_of(paths: dict[str, dict[str, Any]], path: str) -> list[str]:
    """The readable resource a command's path is under, with its parameters."""
    owners = []
    head = path
    while "/" in head:
        head = head.rsplit("/", 1)[0]
        if head.endswith("}") and "get" in paths.get(head, {}):
            owners.append(head)
            break
    return owners

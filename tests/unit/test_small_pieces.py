"""The service stays in small pieces: no module over 300 lines, no read-side
function over 40 (STYLE.md, "Small pieces"; split by concept, not by size)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 300
MAX_READ_SIDE_FUNCTION_LINES = 40


def module_lines(path: Path) -> int:
    """The number of lines of a module, as ``wc -l`` counts them."""
    return len(path.read_text(encoding="utf-8").splitlines())


def function_lengths(source: str) -> Iterator[tuple[str, int, int]]:
    """(name, first line, lines from ``def`` to its last line) of every function,
    methods and nested functions included."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            yield node.name, node.lineno, node.end_lineno - node.lineno + 1


def python_modules(folder: str) -> list[Path]:
    """Every Python module under ``folder`` of the project."""
    return sorted((ROOT / folder).rglob("*.py"))


def test_no_module_in_service_is_over_300_lines() -> None:
    too_long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in python_modules("service")
        if (lines := module_lines(path)) > MAX_MODULE_LINES
    ]
    assert too_long == []


def test_no_function_in_the_read_side_is_over_40_lines() -> None:
    too_long = [
        f"{path.relative_to(ROOT)}:{line}: {name} has {length} lines"
        for path in python_modules("service/readmodel")
        for name, line, length in function_lengths(path.read_text(encoding="utf-8"))
        if length > MAX_READ_SIDE_FUNCTION_LINES
    ]
    assert too_long == []


def test_the_checks_see_what_they_measure() -> None:
    # Both checks look at the read side and the service, and count as wc does.
    assert len(python_modules("service/readmodel")) > 10
    settings = ROOT / "service" / "settings" / "__init__.py"
    assert module_lines(settings) == settings.read_bytes().count(b"\n")
    source = (
        "class Reads:\n"
        "    def one(self) -> int:\n"
        "        def inner() -> int:\n"
        "            return 1\n"
        "\n"
        "        return inner()\n"
        "\n"
        "\n"
        "async def two() -> None:\n"
        "    pass\n"
    )
    assert sorted(function_lengths(source)) == [
        ("inner", 3, 2),
        ("one", 2, 5),
        ("two", 9, 2),
    ]

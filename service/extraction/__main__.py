"""Command line: ``python -m service.extraction FILE [options]``.

FILE may be ``-`` for standard input. ``--format json|text``, ``--spans`` adds
character spans and rule names, ``--explain`` shows, for every field, the rule that
set it and the words it read (after the text, or in the JSON under ``explain``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from domain.text import nfc

from .errors import ExtractionError
from .explain import explain, render_explanation
from .extractor import extract
from .render import render_text


def _parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m service.extraction",
        description="Extract meeting, speeches, tasks and documents from a text.",
    )
    parser.add_argument("file", help="UTF-8 text file, or - for standard input")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument("--spans", action="store_true", help="add character spans")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="say, per field, which rule set it and the words it read",
    )
    return parser


def read_text(path: str) -> str:
    """Read a file (or stdin for ``-``) as UTF-8, a BOM allowed; raise on failure."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    return data.decode("utf-8-sig")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the extractor on one file and print the result; 2 on unreadable input."""
    args = _parser().parse_args(argv)
    try:
        text = read_text(args.file)
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(
            f"error: {args.file} is not UTF-8 text (bad byte at offset {exc.start})",
            file=sys.stderr,
        )
        return 2
    text = nfc(text)
    try:
        result = extract(text)
    except ExtractionError as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 2
    data = result.to_dict(spans=args.spans or args.explain)
    traces = explain(result, text) if args.explain else []
    if args.format == "json":
        if args.explain:
            data["explain"] = [t.to_dict() for t in traces]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_text(data), end="")
        if args.explain:
            print("Why:")
            print(render_explanation(traces), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

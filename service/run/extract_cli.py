"""``steerlog extract``: draft one text, score a folder of readings, export cases.

::

    steerlog extract FILE [--format json|text] [--spans] [--explain]
    steerlog extract score DIR [--format json|text]
    steerlog extract corpus export DIR

``score`` and ``corpus export`` are read as sub-commands only when followed by the
folder they need (one word after ``score``, one after ``corpus export``); a single
word is always a FILE, so a file called ``score`` is extracted as before. ``score``
reads ``DIR/NAME.txt`` for every ``DIR/expected/NAME.json`` and prints what
``shared/tools/score_extraction.py`` prints (exit 1 when a text failed to extract);
``corpus export`` writes every confirmed reading kept in the event store as a case.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path
from typing import Any

_USAGE = (
    "steerlog extract [--format {json,text}] [--spans] [--explain] FILE\n"
    "       steerlog extract score DIR [--format {json,text}]\n"
    "       steerlog extract corpus export DIR"
)


def add_extract_command(commands: Any) -> None:
    """The ``extract`` sub-command: one FILE, ``score DIR`` or ``corpus export DIR``."""
    extract = commands.add_parser(
        "extract",
        help="read a conclusion text into a draft; score readings; export cases",
        usage=_USAGE,
        description=(
            "Draft one text; score the extractor on a folder of texts and their "
            "hand readings (DIR/expected/NAME.json); write the confirmed readings "
            "kept in the event store as such a folder. 'score' and 'corpus export' "
            "are sub-commands only when followed by their DIR: one word is a FILE."
        ),
    )
    extract.add_argument(
        "words",
        nargs="+",
        metavar="FILE | score DIR | corpus export DIR",
        help="a UTF-8 text file (or - for standard input), or a sub-command",
    )
    extract.add_argument("--format", choices=("json", "text"), default=None)
    extract.add_argument("--spans", action="store_true", help="add character spans")
    extract.add_argument(
        "--explain", action="store_true", help="say which rule set each field"
    )
    extract.set_defaults(run=functools.partial(run_extract, parser=extract))


def run_extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Dispatch on the words given: a FILE, ``score DIR`` or ``corpus export DIR``."""
    words: list[str] = args.words
    if len(words) == 1:
        return extract_file(words[0], args.format or "text", args.spans, args.explain)
    if args.spans or args.explain:
        parser.error("--spans and --explain apply to extracting one FILE")
    if len(words) == 2 and words[0] == "score":
        return score(Path(words[1]), args.format or "text")
    if len(words) == 3 and words[:2] == ["corpus", "export"]:
        if args.format:
            parser.error("--format does not apply to corpus export")
        return export_corpus(Path(words[2]))
    parser.error(
        f"expected FILE, 'score DIR' or 'corpus export DIR', not {' '.join(words)!r}"
    )
    return 2  # parser.error exits; this keeps the type checker content


def extract_file(path: str, output: str, spans: bool, explain: bool) -> int:
    """Print the draft of one text, as ``python -m service.extraction`` does."""
    from service.extraction.__main__ import main as extract_main

    options = [path, "--format", output]
    options += ["--spans"] * spans + ["--explain"] * explain
    return extract_main(options)


def score(folder: Path, output: str) -> int:
    """Score the extractor on ``folder`` and its ``expected/`` readings."""
    from service.extraction.scoring import format_scores, score_directory

    expected = folder / "expected"
    if not folder.is_dir():
        return _fail(f"{folder}: no such folder")
    if not expected.is_dir():
        return _fail(f"{expected}: no such folder (the readings, NAME.json)")
    scores = score_directory(folder, expected)
    if not scores.files:
        print(f"steerlog: {expected} holds no readings (NAME.json)", file=sys.stderr)
    for file in scores.files:
        if file.failed:
            print(f"{file.name[:48]:<48} FAILED: {file.failed}", file=sys.stderr)
    if output == "json":
        report = {
            "figures": scores.figures(),
            "failed": scores.failed,
            "files": [
                {"name": f.name, "row": f.row, "failed": f.failed} for f in scores.files
            ],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_scores(scores), end="")
    return 1 if scores.failed else 0


def export_corpus(folder: Path) -> int:
    """Write every confirmed reading in the event store under ``folder``."""
    from service.run.composition import build_application
    from service.settings import Settings

    if folder.exists() and not folder.is_dir():
        return _fail(f"{folder}: not a folder")
    app = build_application(Settings.from_env())
    try:
        written = app.export_confirmed_readings(folder)
    except OSError as error:
        return _fail(f"cannot write to {folder}: {error.strerror or error}")
    finally:
        app.close()
    print(f"steerlog: {len(written)} confirmed readings written to {folder}")
    return 0


def _fail(message: str) -> int:
    """Print a CLI error and return the status for bad input."""
    print(f"steerlog: {message}", file=sys.stderr)
    return 2

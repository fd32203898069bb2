"""``steerlog feeds``, ``steerlog export`` and ``steerlog import``.

Until accounts exist, issuing and revoking a calendar feed's secret is done
here, by whoever runs the server (an administrator), for an account id string.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

from domain.errors import InvalidValueError
from service.documents.export import export_meeting
from service.documents.feeds import FeedSecrets
from service.documents.meeting_import import IMPORT_PHASES, import_meeting
from service.run.composition import build_application
from service.run.progress import Progress
from service.settings import Settings

FEED_PATHS = (
    "committees/<committee_id>.ics",
    "agencies/<agency_id>.ics",
    "people/<person_id>.ics",
)


def add_document_commands(commands: Any) -> None:
    """Add the documents' sub-commands to the ``steerlog`` parser."""
    feeds = commands.add_parser("feeds", help="calendar feed secrets of an account")
    feeds.add_argument("action", choices=("issue", "revoke"))
    feeds.add_argument("account_id", help="the account's id (any text until accounts)")
    feeds.set_defaults(run=run_feeds)
    export = commands.add_parser("export", help="a meeting's record as Popolo JSON")
    export.add_argument("meeting_id", type=UUID, help="the meeting's id")
    export.add_argument("-o", "--output", help="a file (default: standard output)")
    export.set_defaults(run=run_export)
    load = commands.add_parser("import", help="load a meeting export (idempotent)")
    load.add_argument("file", help="an export file, or - for standard input")
    load.add_argument("--actor", default="import", help="recorded on every event")
    load.set_defaults(run=run_import)


def run_feeds(args: argparse.Namespace) -> int:
    """Issue (and print, once) or revoke an account's feed secret."""
    settings = Settings.from_env()
    app = build_application(settings)
    secrets = FeedSecrets(settings.database)
    try:
        if args.action == "revoke":
            revoked = secrets.revoke(args.account_id, app.clock())
            print(f"steerlog: {revoked} feed secret(s) revoked for {args.account_id}")
            return 0 if revoked else 1
        issued = secrets.issue(args.account_id, app.clock())
    except InvalidValueError as error:
        print(f"steerlog: account_id: {error.details['reason']}", file=sys.stderr)
        return 2
    base = f"{settings.base_url.rstrip('/')}/api/v1/feeds/{issued.secret}"
    print(f"secret (shown once): {issued.secret}")
    for path in FEED_PATHS:
        print(f"{base}/{path}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write a meeting's export as JSON."""
    app = build_application(Settings.from_env())
    text = json.dumps(export_meeting(app, args.meeting_id), ensure_ascii=False)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Load an export; say what it recorded (nothing, the second time)."""
    try:
        if args.file == "-":
            data = json.load(sys.stdin)
        else:
            data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"steerlog: {args.file}: {error}", file=sys.stderr)
        return 2
    app = build_application(Settings.from_env())
    try:
        with Progress("import", IMPORT_PHASES, "phases") as progress:
            imported = import_meeting(app, data, args.actor, progress.advance)
    except InvalidValueError as error:
        field, reason = error.details.get("field"), error.details.get("reason")
        print(f"steerlog: {args.file}: {field}: {reason}", file=sys.stderr)
        return 2
    print(f"steerlog: meeting {imported.meeting.id}: {imported.writes} writes")
    for skipped in imported.skipped:
        print(f"steerlog: not imported: {skipped}")
    return 0

"""``steerlog scheduler`` and ``steerlog digest``: the digests' process, one by hand."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from datetime import date
from typing import Any

from service.run.composition import build_application, build_read_model
from service.settings import Settings


def add_digest_commands(commands: Any, aggregate_id: Any) -> None:
    """``steerlog scheduler`` and ``steerlog digest``."""
    scheduler = commands.add_parser(
        "scheduler", help="issue and send digests on schedule (one or more processes)"
    )
    scheduler.add_argument(
        "--once", action="store_true", help="catch up and retry deliveries, then exit"
    )
    scheduler.set_defaults(run=run_scheduler)
    digest = commands.add_parser("digest", help="one digest: preview it, or send it")
    digest.add_argument(
        "--recipient",
        required=True,
        help="agency:<id> (daily digest) or committee:<id> (weekly, for its leaders)",
    )
    digest.add_argument(
        "--committee", type=aggregate_id, help="whose digest (an agency's committee)"
    )
    digest.add_argument(
        "--date", type=local_date, help="the day it is sent on (default: today)"
    )
    digest.add_argument(
        "--dry-run", action="store_true", help="print the text part; send nothing"
    )
    digest.set_defaults(run=run_digest)


def local_date(text: str) -> date:
    """A date given on the command line (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def run_scheduler(args: argparse.Namespace) -> int:
    """Run the digests' jobs until interrupted (or catch up once and exit)."""
    from service.digests.scheduler import blocking_scheduler, digest_service
    from service.ops.process import start_process

    settings = Settings.from_env()
    start_process(settings, serve_metrics=not args.once)
    service = digest_service(build_application(settings), build_read_model(settings))
    if args.once:
        issued, sent = service.catch_up(), service.deliver_pending()
        print(f"steerlog: {issued} digests issued, {sent} delivered")
        return 0
    scheduler = blocking_scheduler(service)
    signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
    with contextlib.suppress(KeyboardInterrupt):
        scheduler.start()
    return 0


def run_digest(args: argparse.Namespace) -> int:
    """Print one digest's text part (--dry-run), or issue and send it."""
    from service.digests import manual
    from service.digests.scheduler import digest_service

    settings = Settings.from_env()
    app = build_application(settings)
    service = digest_service(app, build_read_model(settings))
    try:
        recipient = manual.parse_recipient(args.recipient)
        committee_id = args.committee or manual.committee_of(recipient)
        day = args.date or app.committee_day(committee_id)
        if args.dry_run:
            print(manual.preview(service, recipient, committee_id, day).text, end="")
            return 0
        sent = manual.send(service, recipient, committee_id, day)
    except manual.RecipientError as error:
        print(f"steerlog: {error}", file=sys.stderr)
        return 2
    print(f"steerlog: digest {sent}" if sent else "steerlog: nothing to tell")
    return 0

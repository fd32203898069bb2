"""The ``steerlog`` command: demo data, history, extraction, and the processes."""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import sys
import threading
from collections.abc import Sequence
from uuid import UUID

from domain.errors import InvalidValueError
from service.accounts.secret_key import session_secret_key
from service.documents.commands import add_document_commands
from service.errors import NotFoundError
from service.readmodel.projections import PROJECTIONS
from service.readmodel.projector import Projector
from service.run.accounts_cli import add_account_commands
from service.run.backup import add_backup_commands
from service.run.composition import build_application, build_read_model
from service.run.digests_cli import add_digest_commands
from service.run.extract_cli import add_extract_command
from service.run.progress import caught_up, counted, rebuilt
from service.run.report import Report
from service.settings import Settings
from service.settings.reading import SettingsError


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``steerlog`` sub-command; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except SettingsError as error:
        print(f"steerlog: {error}", file=sys.stderr)
        return 2
    except NotFoundError as error:
        print(f"steerlog: {error}", file=sys.stderr)
        return 1
    except InvalidValueError as error:
        print(f"steerlog: {error.field}: {error.details['reason']}", file=sys.stderr)
        return 2
    return status


def build_parser() -> argparse.ArgumentParser:
    """The command line: one sub-command per job."""
    parser = argparse.ArgumentParser(prog="steerlog", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    demo = commands.add_parser(
        "demo", help="load the five seed meetings and print them"
    )
    demo.add_argument("--quiet", action="store_true", help="load without printing")
    demo.set_defaults(run=run_demo)
    history = commands.add_parser("history", help="every event of one aggregate")
    history.add_argument("id", type=aggregate_id, help="the aggregate's id")
    history.add_argument("--json", action="store_true", help="one JSON object a line")
    history.set_defaults(run=run_history)
    add_extract_command(commands)
    serve = commands.add_parser("serve", help="run the HTTP API under gunicorn")
    serve.add_argument(
        "--bind", default=os.environ.get("STEERLOG_BIND", "127.0.0.1:5000")
    )
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument(
        "--all-in-one",
        action="store_true",
        help="one process: the API, and the projector in a thread (SQLite default)",
    )
    serve.set_defaults(run=run_serve)
    project = commands.add_parser("project", help="follow the log into the read models")
    project.add_argument("--once", action="store_true", help="catch up, then exit")
    project.add_argument(
        "--projection",
        action="append",
        choices=list(PROJECTIONS),
        help="only this projection (repeat for several; default: all)",
    )
    project.set_defaults(run=run_project)
    rebuild = commands.add_parser("rebuild", help="drop a projection and replay it")
    rebuild.add_argument("name", choices=[*PROJECTIONS, "all"])
    rebuild.set_defaults(run=run_rebuild)
    add_digest_commands(commands, aggregate_id)
    add_document_commands(commands)
    add_account_commands(commands, aggregate_id)
    add_backup_commands(commands)
    return parser


def aggregate_id(text: str) -> UUID:
    """An aggregate id given on the command line."""
    try:
        return UUID(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None


def run_demo(args: argparse.Namespace) -> int:
    """Load the demo (idempotent) and print each meeting with its assignments."""
    from service.run.demo import demo_data, demo_loads
    from service.run.demo.accounts import print_demo_accounts

    app = build_application(Settings.from_env())
    report = Report(app)
    loads = demo_loads(app, app.system_actor("demo"))
    for loaded in counted(loads, "demo", len(demo_data()), "meeting files"):
        if args.quiet:
            continue
        state = "đã có sẵn" if loaded.already_loaded else "đã nạp"
        print(f"\n{loaded.source}: {state}")
        for meeting_id in loaded.meeting_ids:
            print("\n".join(report.meeting(meeting_id)))
        for assignment_id in loaded.assignment_ids:
            print("\n".join(report.assignment(assignment_id)))
    print_demo_accounts(app)
    app.close()
    return 0


def run_history(args: argparse.Namespace) -> int:
    """Print an aggregate's events, oldest first, with actor and time."""
    app = build_application(Settings.from_env())
    for entry in app.history(args.id):
        if args.json:
            line = {
                "version": entry.version,
                "event": entry.event,
                "recorded_at": entry.recorded_at.isoformat(),
                "actor": entry.actor,
                "actor_name": entry.actor_name,
                "data": entry.data,
            }
            print(json.dumps(line, ensure_ascii=False))
        else:
            data = json.dumps(entry.data, ensure_ascii=False)
            print(
                f"{entry.version:>4} {entry.recorded_at.isoformat()} {entry.actor_name}"
                f" {entry.event} {data}"
            )
    app.close()
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Replace this process with gunicorn serving ``web.wsgi:app``."""
    settings = Settings.from_env()  # refuse bad settings before starting workers
    taken = port_taken(args.bind)
    if taken:
        print(f"steerlog: {taken}", file=sys.stderr)
        return 2
    session_secret_key(settings)  # required on PostgreSQL: refuse before forking
    # Create the event store's and the read models' tables here, once: workers
    # starting together would race to create them.
    build_application(settings).close()
    build_read_model(settings).close()
    workers = ["--workers", str(args.workers)]
    if args.all_in_one:
        # One worker (so one projector); its threads (gunicorn_conf) serve
        # concurrent requests.
        os.environ["STEERLOG_ALL_IN_ONE"] = "1"
        workers = ["--workers", "1"]
    # The interpreter running steerlog has gunicorn, whatever PATH says.
    command = [sys.executable, "-m", "gunicorn", "--bind", args.bind, *workers]
    print(f"steerlog: sign in at http://{args.bind}/sign-in", flush=True)
    command += ["--config", "python:service.run.gunicorn_conf"]  # JSON logs, metrics
    os.execv(sys.executable, [*command, "web.wsgi:app"])


def port_taken(bind: str) -> str | None:
    """Why ``HOST:PORT`` cannot be listened on (one line), or None if it can."""
    host, _, port = bind.rpartition(":")
    if not port.isdigit() or not host:
        return f"--bind {bind!r}: expected HOST:PORT, e.g. 127.0.0.1:5000"
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            # As gunicorn binds: a port left in TIME_WAIT is not taken.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), int(port)))
    except OSError as error:
        other = int(port) + 1
        return f"cannot listen on {bind}: {error.strerror} (try make run PORT={other})"
    return None


def run_project(args: argparse.Namespace) -> int:
    """Follow the event log into the read models (until interrupted, or once)."""
    from service.ops.process import start_process  # imports prometheus_client

    settings = Settings.from_env()
    start_process(settings, serve_metrics=not args.once)
    chosen = [PROJECTIONS[name] for name in args.projection or PROJECTIONS]
    projector = Projector(
        build_application(settings), build_read_model(settings), chosen
    )
    if args.once:
        print(f"steerlog: {caught_up(projector, 'project')} notifications read")
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        projector.run(stop)
    except KeyboardInterrupt:
        stop.set()
    return 0


def run_rebuild(args: argparse.Namespace) -> int:
    """Drop one projection (or all) and replay it from the first event."""
    settings = Settings.from_env()
    projector = Projector(build_application(settings), build_read_model(settings))
    names = list(PROJECTIONS) if args.name == "all" else [args.name]
    for name in names:
        print(f"steerlog: rebuilt {name} from {rebuilt(projector, name)} notifications")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Regenerate the screenshots of the main pages in ``docs/screenshots/``.

    .venv/bin/python docs/screenshots.py [--out docs/screenshots]

It loads the demo meetings into a temporary SQLite database, signs in as a
secretary, a leader and an agency officer of the Quảng Nam committee (the
browser tests' accounts), and takes
each main page at desktop (1280 px) and phone (390 px) width with the same
headless Chromium the browser tests use (Debian's ``chromium``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from datetime import timedelta
from pathlib import Path
from uuid import UUID

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from werkzeug.serving import make_server  # noqa: E402

from domain.meeting import Meeting  # noqa: E402
from service.readmodel.base import AssignmentFilter, MeetingFilter, Page  # noqa: E402
from service.readmodel.projector import Projector  # noqa: E402
from service.run.composition import build_application, build_read_side  # noqa: E402
from service.run.demo import load_demo  # noqa: E402
from service.settings import Database, Settings  # noqa: E402
from service.usecases.steerlog import Steerlog  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    LiveServer,
    accounts_per_role,
    chrome,
    sign_in,
)
from web import create_app  # noqa: E402

WIDTHS = {"desktop": 1280, "phone": 390}
QUANG_NAM = "Quảng Nam"
DEMO = "demo"


def main() -> int:
    """Serve the demo, sign in per role, and save every page at both widths."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as directory:
        settings = Settings(
            database=Database.from_url(f"sqlite:///{directory}/events.sqlite3")
        )
        app = build_application(settings)
        load_demo(app)
        read_side = build_read_side(settings)
        Projector(app, read_side.read_model).catch_up()
        logins = accounts_per_role(app, read_side)
        Projector(app, read_side.read_model).catch_up()
        web = create_app({"TESTING": True}, application=app, read_side=read_side)
        server = make_server("127.0.0.1", 0, web, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        pages = _pages(app, read_side)
        Projector(app, read_side.read_model).catch_up()  # the live meeting too
        for role, paths in pages.items():
            for width in WIDTHS.values():
                _shoot(LiveServer(base, settings, logins), role, paths, out, width)
        server.shutdown()
        app.close()
    print(f"screenshots written to {out}")
    return 0


def _pages(app, read_side) -> dict[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """(name, path) of the pages each role is shown on."""
    meetings = read_side.meetings(MeetingFilter(), Page(limit=20)).items
    quang_nam = next(m for m in meetings if QUANG_NAM in m.title)
    meeting = app.view(Meeting, UUID(str(quang_nam.id)))
    day = app.committee_day(meeting.committee_id)
    tasks = read_side.assignments(
        AssignmentFilter(day=day, meeting_id=str(meeting.id)), Page(limit=20)
    ).items
    task = f"/tasks/{tasks[1].id}"
    first = min(meeting.speeches.values(), key=lambda s: s.spoken_at)
    speech = f"/meetings/{meeting.id}/speeches/{first.id}"
    live = _live_meeting(app, meeting, first.speaker_id)
    return {
        "secretary": [
            ("home-secretary", "/"),
            ("meetings", "/meetings"),
            ("calendar", "/meetings/calendar?month=2021-12"),
            ("meeting", f"/meetings/{meeting.id}"),
            ("meeting-live", f"/meetings/{live}"),
            ("conclusion-paste", f"/meetings/{meeting.id}/conclusion"),
            ("speech", speech),
        ],
        "leader": [("home-leader", "/"), ("tracker", "/tasks"), ("task-leader", task)],
        "agency_officer": [("home-officer", "/"), ("task-officer", task)],
    }


def _live_meeting(app: Steerlog, concluded: Meeting, speaker_id: UUID) -> UUID:
    """A follow-up meeting of the same committee, open, with points and a speech:
    the page a secretary records on (its forms are only offered while open)."""
    start = concluded.starts_at + timedelta(days=30)
    meeting = app.schedule_meeting(
        actor=DEMO,
        committee_id=concluded.committee_id,
        title="Hội nghị sơ kết chuyển đổi số quý I",
        format="online",
        starts_at=start,
    )
    host = app.add_connection_point(
        meeting.id, actor=DEMO, name="UBND tỉnh", level="province", is_host=True
    )
    for name in ("huyện Núi Thành", "thành phố Tam Kỳ", "thị xã Điện Bàn"):
        app.add_connection_point(meeting.id, actor=DEMO, name=name, level="district")
    app.assign_chair(meeting.id, actor=DEMO, person_id=speaker_id, point_id=host.id)
    app.open_meeting(meeting.id, actor=DEMO, at=start)
    app.record_speech(
        meeting.id,
        actor=DEMO,
        speaker_id=speaker_id,
        kind="opening",
        point_id=host.id,
        text="Khai mạc hội nghị sơ kết.",
        spoken_at=start + timedelta(minutes=5),
    )
    return meeting.id


def _shoot(
    server: LiveServer, role: str, paths: list[tuple[str, str]], out: Path, width: int
) -> None:
    """Sign in as ``role``, then save each page whole at ``width`` pixels."""
    driver = chrome(width, 900)
    suffix = next(name for name, pixels in WIDTHS.items() if pixels == width)
    try:
        sign_in(driver, server, role)
        for name, path in paths:
            driver.get(server.url + path)
            height = driver.execute_script("return document.body.scrollHeight")
            driver.set_window_size(width, min(int(height) + 40, 6000))
            driver.save_screenshot(str(out / f"{name}-{suffix}.png"))
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())

"""What pages call things (statuses, kinds, formats, events) in the user's language."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Flask, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from web.pages import moments

# The four official categories (Báo cáo 1270/BC-TCTTTg), plus two.
STATUS = {
    "done_on_time": _l("Hoàn thành đúng hạn"),
    "done_late": _l("Hoàn thành quá hạn"),
    "in_progress": _l("Chưa hoàn thành, trong hạn"),
    "overdue": _l("Chưa hoàn thành, quá hạn"),
    "cancelled": _l("Đã hủy"),
    "superseded": _l("Đã thay thế"),
}
SPEECH_KIND = {
    "opening": _l("Khai mạc"),
    "presentation": _l("Trình bày"),
    "discussion": _l("Thảo luận"),
    "directive": _l("Phát biểu chỉ đạo"),
    "conclusion": _l("Kết luận"),
}
MEETING_FORMAT = {
    "in_person": _l("Trực tiếp"),
    "online": _l("Trực tuyến"),
    "hybrid": _l("Trực tiếp kết hợp trực tuyến"),
}
MEETING_STATUS = {
    "scheduled": _l("Đã lên lịch"),
    "open": _l("Đang họp"),
    "closed": _l("Đã kết thúc"),
    "cancelled": _l("Đã hủy"),
}
POINT_LEVEL = {
    "central": _l("Trung ương"),
    "province": _l("Tỉnh"),
    "district": _l("Huyện"),
    "commune": _l("Xã"),
    "external": _l("Đơn vị khác"),
}
NODE_KIND = {
    "committee": _l("Ban Chỉ đạo"),
    "meeting": _l("Hội nghị"),
    "point": _l("Điểm cầu"),
    "person": _l("Người phát biểu"),
    "speech": _l("Phát biểu"),
    "item": _l("Mục kết luận"),
    "assignment": _l("Nhiệm vụ"),
    "document": _l("Văn bản"),
}
_WORDS = re.compile(r"(?<!^)(?=[A-Z])")


def status_label(status: object) -> str:
    """An assignment's status as the official reports name it."""
    return str(STATUS.get(str(status), status))


def event_label(event: str) -> str:
    """An event class name as words: ``DeadlineExtended`` → ``Deadline extended``."""
    return _WORDS.sub(" ", event).capitalize()


def query_with(**changes: object) -> str:
    """This page's query string with ``changes`` (a next-page link keeps filters)."""
    args = {key: value for key, value in request.args.items() if key not in changes}
    args.update({k: str(v) for k, v in changes.items() if v is not None})
    return "?" + urlencode(args)


def init_app(app: Flask) -> None:
    """Make the labels and formatters available to every template."""
    app.jinja_env.globals.update(
        status_label=status_label,
        get_locale=get_locale,
        query_with=query_with,
        event_label=event_label,
        local=moments.local,
        day_text=moments.day_text,
        speech_kind=lambda kind: str(SPEECH_KIND.get(str(kind), kind)),
        meeting_format=lambda value: str(MEETING_FORMAT.get(str(value), value)),
        meeting_status=lambda value: str(MEETING_STATUS.get(str(value), value)),
        node_kind=lambda kind: str(NODE_KIND.get(str(kind), kind)),
        point_level=lambda value: str(POINT_LEVEL.get(str(value), value)),
    )

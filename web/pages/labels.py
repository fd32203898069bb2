"""What pages call things (statuses, kinds, formats, events) in the user's language."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from flask import Flask, request
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from web.pages import moments
from web.per_request import once

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
EVENT = {
    "Acknowledged": _l("Tiếp nhận"),
    "AgendaItemAdded": _l("Thêm nội dung chương trình"),
    "AliasAdded": _l("Thêm tên gọi khác"),
    "ApprovalRecorded": _l("Thông qua văn bản"),
    "AttendanceRecorded": _l("Ghi nhận tham dự"),
    "Cancelled": _l("Hủy"),
    "ChairAssigned": _l("Phân công chủ trì"),
    "Closed": _l("Kết thúc"),
    "Completed": _l("Báo cáo hoàn thành"),
    "ConclusionIssued": _l("Ban hành kết luận"),
    "ConclusionItemAmended": _l("Điều chỉnh mục kết luận"),
    "ConnectionPointAdded": _l("Thêm điểm cầu"),
    "DeadlineExtended": _l("Gia hạn"),
    "ExtensionRequested": _l("Đề nghị gia hạn"),
    "GroupMembersSet": _l("Cập nhật thành viên nhóm"),
    "Issued": _l("Giao nhiệm vụ"),
    "MemberAppointed": _l("Bổ nhiệm thành viên"),
    "MemberRelieved": _l("Thôi thành viên"),
    "NoticePublished": _l("Ban hành thông báo"),
    "Opened": _l("Khai mạc"),
    "PointConnected": _l("Điểm cầu kết nối"),
    "PointDisconnected": _l("Điểm cầu ngắt kết nối"),
    "ProgressReported": _l("Báo cáo tiến độ"),
    "Reassigned": _l("Điều chỉnh cơ quan thực hiện"),
    "Registered": _l("Đăng ký"),
    "Renamed": _l("Đổi tên"),
    "Reopened": _l("Mở lại"),
    "Rescheduled": _l("Dời lịch"),
    "Scheduled": _l("Lên lịch"),
    "SpeechCorrected": _l("Đính chính phát biểu"),
    "SpeechRecorded": _l("Ghi phát biểu"),
    "Superseded": _l("Thay thế"),
    "TaskCarriedOver": _l("Đưa nhiệm vụ ra rà soát"),
    "TitleChanged": _l("Đổi chức danh"),
    "Established": _l("Thành lập"),
    "RoleGranted": _l("Cấp quyền"),
    "RoleRevoked": _l("Thu hồi quyền"),
    "Disabled": _l("Khóa tài khoản"),
    "Enabled": _l("Mở khóa tài khoản"),
}
_WORDS = re.compile(r"(?<!^)(?=[A-Z])")


def status_label(status: object) -> str:
    """An assignment's status as the official reports name it."""
    return str(STATUS.get(str(status), status))


def event_label(event: str) -> str:
    """What an event was, in words: ``DeadlineExtended`` → ``Gia hạn``."""
    known = EVENT.get(event)
    return str(known) if known is not None else _WORDS.sub(" ", event).capitalize()


def node_label(kind: str, label: str) -> str:
    """A lineage node's label; a speech's kind in the page's language; a node of a
    committee the viewer may not read shows what it is, not what it says."""
    if not label:
        return str(_l("(không được xem)"))
    if kind == "speech" and ": " in label:
        speech_kind, speaker = label.split(": ", 1)
        return f"{SPEECH_KIND.get(speech_kind, speech_kind)}: {speaker}"
    return label


def query_with(**changes: object) -> str:
    """This page's query string with ``changes`` (a next-page link keeps filters)."""
    args = {key: value for key, value in request.args.items() if key not in changes}
    args.update({k: str(v) for k, v in changes.items() if v is not None})
    return "?" + urlencode(args)


def translated(labels: Mapping[str, Any]) -> Callable[[object], str]:
    """A label of ``labels`` in this request's language, each translated once
    per request (a page of 320 speeches names a few kinds 320 times)."""
    bucket = f"labels_{id(labels)}"

    def label(value: object) -> str:
        key = str(value)
        return once(bucket, key, lambda: str(labels.get(key, value)))

    return label


def init_app(app: Flask) -> None:
    """Make the labels and formatters available to every template."""
    app.jinja_env.globals.update(
        status_label=status_label,
        get_locale=get_locale,
        query_with=query_with,
        event_label=event_label,
        local=moments.local,
        day_text=moments.day_text,
        speech_kind=translated(SPEECH_KIND),
        meeting_format=translated(MEETING_FORMAT),
        meeting_status=translated(MEETING_STATUS),
        node_label=node_label,
        node_kind=translated(NODE_KIND),
        point_level=translated(POINT_LEVEL),
    )

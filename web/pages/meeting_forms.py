"""The forms a secretary records a meeting with: schedule, points, chairs, speeches,
the notice; each with its messages in the user's language."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from domain.values import MeetingFormat, PointLevel, SpeechKind
from web.pages.forms import NOTE, REQUIRED, VersionedForm
from web.pages.labels import MEETING_FORMAT, POINT_LEVEL, SPEECH_KIND

TITLE = Length(max=2000, message=_l("Tối đa 2000 ký tự."))
# A pasted list of points: 500 at most, each name under 500 characters.
POINT_LIST = Length(max=500 * 501, message=_l("Danh sách quá dài."))


def _options(labels: dict[str, object], kind: type[StrEnum]) -> list[SelectChoice]:
    return [SelectChoice(member.value, labels[member.value]) for member in kind]


class ScheduleForm(VersionedForm):
    """Lên lịch hội nghị."""

    committee_id = SelectField(_l("Ban Chỉ đạo"), validators=[InputRequired(REQUIRED)])
    title = StringField(_l("Tên hội nghị"), validators=[InputRequired(REQUIRED), TITLE])
    format = SelectField(
        _l("Hình thức"), choices=_options(MEETING_FORMAT, MeetingFormat)
    )
    starts_at = DateTimeLocalField(
        _l("Thời gian bắt đầu"), validators=[InputRequired(REQUIRED)]
    )
    location = StringField(_l("Địa điểm"), validators=[Optional(), Length(max=500)])


class PointsForm(VersionedForm):
    """Thêm điểm cầu: one name per line, pasted at once."""

    names = TextAreaField(
        _l("Tên điểm cầu, mỗi dòng một điểm"),
        validators=[InputRequired(REQUIRED), POINT_LIST],
    )
    level = SelectField(_l("Cấp"), choices=_options(POINT_LEVEL, PointLevel))
    first_is_host = BooleanField(_l("Dòng đầu là điểm cầu chính"))


class ChairForm(VersionedForm):
    """Người chủ trì."""

    person_id = SelectField(_l("Người chủ trì"), validators=[InputRequired(REQUIRED)])
    point_id = SelectField(_l("Tại điểm cầu"), validators=[Optional()])


class SpeechForm(VersionedForm):
    """Ghi phát biểu, live."""

    speaker_id = SelectField(
        _l("Người phát biểu"), validators=[InputRequired(REQUIRED)]
    )
    kind = SelectField(_l("Loại"), choices=_options(SPEECH_KIND, SpeechKind))
    point_id = SelectField(_l("Điểm cầu"), validators=[Optional()])
    text = TextAreaField(_l("Nội dung"), validators=[Optional(), Length(max=100_000)])
    spoken_at = DateTimeLocalField(
        _l("Lúc (để trống: bây giờ)"), validators=[Optional()]
    )


class NoticeForm(VersionedForm):
    """Ban hành Thông báo kết luận."""

    number = StringField(
        _l("Số thông báo"), validators=[InputRequired(REQUIRED), Length(max=100)]
    )
    issued_on = DateField(_l("Ngày ban hành"), validators=[Optional()])


class StepForm(VersionedForm):
    """A step of the meeting's life with nothing to fill in: closing."""


class OpenForm(VersionedForm):
    """Khai mạc: now, or (recorded after the fact) when the meeting opened."""

    opened_at = DateTimeLocalField(
        _l("Khai mạc lúc (để trống: bây giờ)"), validators=[Optional()]
    )


class ConnectionForm(VersionedForm):
    """Kết nối / ngắt kết nối: the point is named by the row's button.

    The meeting page never draws ``point_id`` as a select, so it offers the form
    without choices (meeting_actions.forms_for); a posted form gets them to be
    validated against. A template that draws the select must offer them first.
    """

    point_id = SelectField(_l("Điểm cầu"), validators=[InputRequired(REQUIRED)])


class AttendanceForm(VersionedForm):
    """Điểm danh: who attended at one point, and how many were there."""

    point_id = SelectField(_l("Điểm cầu"), validators=[InputRequired(REQUIRED)])
    person_ids = SelectMultipleField(_l("Đại biểu có mặt"), validators=[Optional()])
    attendee_count = IntegerField(
        _l("Số người tham dự (để trống: số đại biểu đã chọn)"),
        validators=[Optional(), NumberRange(0, 100_000, _l("Từ 0 đến 100000."))],
    )


class CorrectionForm(VersionedForm):
    """Đính chính phát biểu: what it should say, and why; the original stays."""

    text = TextAreaField(_l("Nội dung"), validators=[Optional(), Length(max=100_000)])
    speaker_title = StringField(
        _l("Chức vụ người phát biểu"), validators=[Optional(), Length(max=500)]
    )
    kind = SelectField(_l("Loại"), choices=_options(SPEECH_KIND, SpeechKind))
    reason = TextAreaField(
        _l("Lý do đính chính"), validators=[InputRequired(REQUIRED), NOTE]
    )

"""Telling a person why a form was refused: rules and conflicts, in their language.

A refused form is shown again with what was typed, a message beside the field at
fault (or above the form), and nothing stored: the use case either saved all of
its events or none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import flash
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from domain.errors import DomainError
from service.errors import (
    AlreadyExistsError,
    ConcurrencyConflictError,
    NotFoundError,
    StaleVersionError,
)
from service.eventstore.application import Written
from web.consistency import remember_write
from web.http import steerlog
from web.pages import moments


def _(text: str, **values: object) -> str:
    """The message in the page's language."""
    return str(gettext(text, **values))


RULES = {
    "meeting_not_open": _l("Hội nghị chưa khai mạc (hoặc đã kết thúc)."),
    "meeting_closed": _l("Hội nghị đã kết thúc: chỉ còn đính chính, có lý do."),
    "meeting_cancelled": _l("Hội nghị đã bị hủy."),
    "meeting_already_opened": _l("Hội nghị đã khai mạc."),
    "unknown_connection_point": _l("Điểm cầu này chưa được đăng ký cho hội nghị."),
    "duplicate_connection_point": _l("Điểm cầu này đã có trong hội nghị."),
    "too_many_connection_points": _l("Một hội nghị có tối đa 500 điểm cầu."),
    "host_point_exists": _l("Hội nghị đã có điểm cầu chính."),
    "unknown_speech": _l("Không có phát biểu này trong hội nghị."),
    "speaker_not_present": _l("Người kết luận phải là người chủ trì hoặc có mặt."),
    "duplicate_item_number": _l("Số mục kết luận đã có."),
    "unknown_item": _l("Không có mục kết luận này."),
    "no_conclusion": _l("Hội nghị chưa có kết luận."),
    "assignment_closed": _l("Nhiệm vụ đã đóng (đã hủy hoặc đã được thay thế)."),
    "not_assignee": _l("Cơ quan này không được giao nhiệm vụ."),
    "already_completed": _l("Cơ quan này đã báo cáo hoàn thành."),
    "not_completed": _l("Nhiệm vụ chưa hoàn thành."),
    "no_change": _l("Không có gì thay đổi."),
}


@dataclass
class Outcome:
    """What became of a form: the write, or the messages to show with it."""

    written: Written | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)
    message: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the command was stored."""
        return self.written is not None


def attempt(command: Callable[[], Written]) -> Outcome:
    """Run one use case; a refusal becomes messages, and nothing is stored.

    A stored write is remembered for the account, so its next reads show it.
    """
    try:
        written = command()
        remember_write(written.position)
        return Outcome(written=written)
    except StaleVersionError as error:
        return Outcome(message=changed_meanwhile(error))
    except ConcurrencyConflictError:
        return Outcome(message=_("Có người vừa ghi cùng lúc. Vui lòng gửi lại."))
    except AlreadyExistsError:
        return Outcome(message=_("Hồ sơ này đã có."))
    except NotFoundError as error:
        return Outcome(errors={error.field or "form": [_("Không tìm thấy.")]})
    except DomainError as error:
        message = str(
            RULES.get(error.rule, _("Không thể ghi: %(rule)s", rule=error.rule))
        )
        if error.field:
            reason = error.details.get("reason")
            return Outcome(errors={error.field: [_reason(reason)]})
        return Outcome(message=message)


def changed_meanwhile(error: StaleVersionError) -> str:
    """Who changed the record since the form was loaded, and when."""
    latest = steerlog().history(error.id, after_version=error.expected)
    if not latest:
        return _("Hồ sơ đã thay đổi. Vui lòng xem lại rồi gửi lại.")
    last = latest[-1]
    return _(
        "%(who)s đã thay đổi hồ sơ này lúc %(when)s, sau khi bạn mở biểu mẫu. "
        "Nội dung bạn nhập vẫn còn bên dưới: xem lại rồi gửi lại.",
        who=last.actor_name or last.actor or "?",
        when=moments.local(last.recorded_at),
    )


def _reason(reason: object) -> str:
    """A domain reason for a field, said plainly."""
    known = {
        "empty": _l("Không được để trống."),
        "required": _l("Bắt buộc."),
        "before the issue date": _l("Không được trước ngày giao."),
        "must be 0 to 100": _l("Từ 0 đến 100."),
        "needs a meeting or a document": _l("Cần chọn hội nghị (mục) hoặc văn bản."),
        "after the parent's deadline": _l("Không được sau thời hạn của nhiệm vụ gốc."),
        "at least one lead agency": _l("Cần ít nhất một cơ quan chủ trì."),
    }
    return str(known.get(str(reason), reason))


def show_on(form: Any, outcome: Outcome, flash_message: bool = True) -> None:
    """Put a refusal's messages beside their fields (or above the form)."""
    for name, messages in outcome.errors.items():
        field = _field_at(form, name)
        if field is None:
            flash(" ".join(messages), "error")
        elif field.type == "FormField":  # the sub-form as a whole
            field.form.form_errors.extend(messages)
        else:
            field.errors = [*field.errors, *messages]
    if outcome.message and flash_message:
        flash(outcome.message, "error")


def _field_at(form: Any, name: str) -> Any:
    """The field a refusal names: ``evidence``, or ``document.number`` inside the
    sub-form ``document`` (the sub-form itself when it has no such field)."""
    head, _, rest = name.partition(".")
    field = form._fields.get(head)
    if field is not None and rest and field.type == "FormField":
        return _field_at(field.form, rest) or field
    return field

"""The forms of the task pages, with their messages in the user's language.

Every edit form carries the version of the record it was loaded at, so a
second writer is told who changed the record meanwhile (``feedback``).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import (
    DateField,
    Field,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms import Form as PlainForm
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import Select

from domain.values import Authority, DocumentRef
from web.schemas.fields import EARLIEST_YEAR, LATEST_YEAR, Text

REQUIRED = _l("Vui lòng nhập.")
NOTE = Length(max=4000, message=_l("Tối đa 4000 ký tự."))
DOCUMENT_KINDS = [
    "Công văn",
    "Thông báo",
    "Quyết định",
    "Nghị quyết",
    "Kế hoạch",
    "Chỉ thị",
]
# What proves a completion: mostly the agency's report (báo cáo), or a document
# it issued (a plan, a decision); the kinds an authority may be, after it.
EVIDENCE_KINDS = ["Báo cáo", *DOCUMENT_KINDS]


# WTForms ships no Vietnamese: its own messages, as the pages say them.
_CHOICE = "Lựa chọn không hợp lệ."
_EXPIRED = "Biểu mẫu đã hết hạn, vui lòng tải lại trang."
WTFORMS_VI = {
    "This field is required.": "Vui lòng nhập.",
    "Not a valid choice.": _CHOICE,
    "Invalid Choice: could not coerce.": _CHOICE,
    "'%(value)s' is not a valid choice for this field.": _CHOICE,
    "'%(value)s' are not valid choices for this field.": _CHOICE,
    "Invalid choice(s): one or more data inputs could not be coerced.": _CHOICE,
    "Not a valid date value.": "Ngày không hợp lệ (ngày/tháng/năm).",
    "Not a valid datetime value.": "Thời gian không hợp lệ.",
    "Not a valid integer value.": "Phải là một số nguyên.",
    "Number must be between %(min)s and %(max)s.": "Phải từ %(min)s đến %(max)s.",
    "Field must be between %(min)d and %(max)d characters long.": (
        "Độ dài từ %(min)d đến %(max)d ký tự."
    ),
    "Field cannot be longer than %(max)d characters.": "Không quá %(max)d ký tự.",
    "The CSRF token is missing.": _EXPIRED,
    "The CSRF token is invalid.": _EXPIRED,
    "The CSRF token has expired.": _EXPIRED,
    "The CSRF session token is missing.": _EXPIRED,
    "The CSRF tokens do not match.": _EXPIRED,
}


class _Messages:
    """WTForms' messages in the page's language (English as WTForms writes them)."""

    def gettext(self, string: str) -> str:
        return string if str(get_locale()) == "en" else WTFORMS_VI.get(string, string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


class _InPageLanguage:
    """A form's meta: WTForms' messages in the page's language."""

    def get_translations(self, form: object) -> _Messages:
        return _Messages()


class PageForm(FlaskForm):  # type: ignore[misc]
    """Every page form: CSRF-protected, its messages in the page's language."""

    class Meta(_InPageLanguage):
        pass


class SubForm(PlainForm):  # type: ignore[misc]
    """A part of a page form (``FormField``), its messages in the page's language."""

    class Meta(_InPageLanguage):
        pass


class VersionedForm(PageForm):
    """A form that names the version of the record it was loaded at."""

    version = HiddenField()

    def expected_version(self) -> int | None:
        """The version the form was loaded at (none when it was not sent)."""
        raw = self.version.data
        return int(raw) if raw and str(raw).isdigit() else None


class AgencyForm(VersionedForm):
    """Which of the task's agencies acts (an officer's own, chosen for them)."""

    agency_id = SelectField(_l("Cơ quan"), validators=[InputRequired(REQUIRED)])


class AcknowledgeForm(AgencyForm):
    """Tiếp nhận: the agency has received the task."""


class ProgressForm(AgencyForm):
    """Báo cáo tiến độ."""

    percent = IntegerField(
        _l("Tỷ lệ hoàn thành (%)"),
        validators=[Optional(), NumberRange(0, 100, _l("Từ 0 đến 100."))],
    )
    note = TextAreaField(_l("Nội dung"), validators=[InputRequired(REQUIRED), NOTE])


class ExtensionRequestForm(AgencyForm):
    """Đề nghị gia hạn."""

    deadline = DateField(_l("Thời hạn đề nghị"), validators=[InputRequired(REQUIRED)])
    reason = TextAreaField(_l("Lý do"), validators=[InputRequired(REQUIRED), NOTE])


def _plain_text(form: object, field: Field) -> None:
    """No control characters, as the API refuses them (tabs and line breaks ok)."""
    if field.data and Text.forbidden.search(field.data):
        raise ValidationError(str(_l("Có ký tự không hợp lệ (ký tự điều khiển).")))


def _working_year(form: object, field: Field) -> None:
    """A date within the years the API takes (1900 to 2200)."""
    if field.data and not EARLIEST_YEAR <= field.data.year <= LATEST_YEAR:
        years = {"first": EARLIEST_YEAR, "last": LATEST_YEAR}
        raise ValidationError(str(_l("Năm từ %(first)d đến %(last)d.", **years)))


class EvidenceDocumentForm(SubForm):
    """Văn bản chứng minh: the report that proves the completion, when there is one.

    Optional as a whole; named at all, it needs its kind and its number, as the
    API's document does (the date may stay empty).
    """

    kind = SelectField(
        _l("Loại văn bản"),
        choices=[SelectChoice("", "—")] + [SelectChoice(k, k) for k in EVIDENCE_KINDS],
        default="",  # a form sent without the document's fields names none
    )
    number = StringField(
        _l("Số, ký hiệu"),
        validators=[Length(max=100, message=_l("Tối đa 100 ký tự.")), _plain_text],
    )
    date = DateField(_l("Ngày văn bản"), validators=[Optional(), _working_year])

    def named(self) -> bool:
        """Whether anything of a document was chosen or typed (a date that is not
        one counts: it is refused beside its field, not dropped)."""
        typed_date = " ".join(self.date.raw_data or []).strip()
        return bool(self.kind.data or (self.number.data or "").strip() or typed_date)

    def validate_kind(self, field: Field) -> None:
        """A number or a date names a document: its kind must be chosen."""
        if not field.data and self.named():
            raise ValidationError(str(_l("Chọn loại văn bản.")))

    def validate_number(self, field: Field) -> None:
        """A document is known by its number (its key in the registry)."""
        if not (field.data or "").strip() and self.named():
            raise ValidationError(str(_l("Nhập số, ký hiệu văn bản.")))

    def document(self) -> DocumentRef | None:
        """The document named (None when the fields were left empty)."""
        if not self.named():
            return None
        return DocumentRef(
            kind=self.kind.data, number=self.number.data, date=self.date.data
        )


class CompleteForm(AgencyForm):
    """Báo cáo hoàn thành, with what proves it: a text (or link), and a document."""

    completed_on = DateField(_l("Ngày hoàn thành"), validators=[Optional()])
    evidence = TextAreaField(
        _l("Kết quả, minh chứng (nội dung hoặc đường dẫn)"),
        validators=[InputRequired(REQUIRED), NOTE, _plain_text],
    )
    document = FormField(EvidenceDocumentForm, label=_l("Văn bản chứng minh (nếu có)"))


class AuthorityForm(SubForm):
    """Căn cứ: a meeting's conclusion item, or a document, that decided it."""

    meeting_id = SelectField(_l("Hội nghị"), validators=[Optional()])
    item_number = StringField(
        _l("Mục kết luận"), validators=[Optional(), Length(max=20)]
    )
    document_kind = SelectField(
        _l("Loại văn bản"),
        choices=[SelectChoice("", "—")] + [SelectChoice(k, k) for k in DOCUMENT_KINDS],
        default="",
    )
    document_number = StringField(
        _l("Số văn bản"), validators=[Optional(), Length(max=100)]
    )
    document_date = DateField(_l("Ngày văn bản"), validators=[Optional()])

    def authority(self) -> Authority:
        """The authority named; the domain refuses one that names nothing."""
        document = (
            DocumentRef(
                kind=self.document_kind.data or "Công văn",
                number=self.document_number.data,
                date=self.document_date.data,
            )
            if self.document_number.data
            else None
        )
        meeting = UUID(self.meeting_id.data) if self.meeting_id.data else None
        return Authority(
            meeting_id=meeting,
            item_number=self.item_number.data or None if meeting else None,
            document=document,
        )


class DecisionForm(VersionedForm):
    """A leader's decision on a task: what authorised it, and why."""

    authority = FormField(AuthorityForm, label=_l("Căn cứ"))
    reason = TextAreaField(_l("Lý do"), validators=[InputRequired(REQUIRED), NOTE])


class ExtendForm(DecisionForm):
    """Gia hạn."""

    deadline = DateField(_l("Thời hạn mới"), validators=[InputRequired(REQUIRED)])


class CancelForm(DecisionForm):
    """Hủy nhiệm vụ."""


class ReassignForm(DecisionForm):
    """Điều chỉnh cơ quan chủ trì, phối hợp."""

    lead = SelectMultipleField(
        _l("Cơ quan chủ trì"), validators=[InputRequired(REQUIRED)]
    )
    coordinating = SelectMultipleField(_l("Cơ quan phối hợp"), validators=[Optional()])


class ListedSelect(Select):  # type: ignore[misc]
    """wtforms' select, each plain option written out directly: a meeting page
    offers its 200 points in several forms, and ``html_params`` per option was
    a tenth of the page's time."""

    @classmethod
    def render_option(cls, choice: Any, **kwargs: Any) -> Markup:
        if kwargs or choice.render_kw or isinstance(choice.value, bool):
            return Markup(super().render_option(choice, **kwargs))
        selected = "selected " if choice.selected else ""
        label = escape(choice.label or choice.value)
        return Markup(
            f'<option {selected}value="{escape(choice.value)}">{label}</option>'
        )


LISTED_SELECT, LISTED_MULTIPLE = ListedSelect(), ListedSelect(multiple=True)


def choose(field: Any, choices: list[tuple[str, str]], blank: bool = False) -> None:
    """Give a select field its choices (a blank first one when optional)."""
    options = [SelectChoice(value, label) for value, label in choices]
    field.choices = ([SelectChoice("", "—")] if blank else []) + options
    multiple = getattr(field.widget, "multiple", False)
    field.widget = LISTED_MULTIPLE if multiple else LISTED_SELECT

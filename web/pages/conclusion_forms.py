"""The form of a pasted conclusion: its items, their tasks, and who concluded."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    FieldList,
    FormField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from domain.values import DocumentRef
from service.usecases.assignments import TaskDraft
from service.usecases.record import ItemDraft
from web.pages.forms import REQUIRED, SubForm, VersionedForm, choose

# A conclusion has at most this many items, each with at most this many tasks.
MAX_ITEMS = 100
MAX_TASKS = 30
MAX_TEXT = 1_000_000


class TaskForm(SubForm):
    """One task of an item: what, who leads and coordinates, by when."""

    title = TextAreaField(
        _l("Nhiệm vụ"), validators=[InputRequired(REQUIRED), Length(max=4000)]
    )
    lead = SelectMultipleField(_l("Chủ trì"), validators=[InputRequired(REQUIRED)])
    coordinating = SelectMultipleField(_l("Phối hợp"), validators=[Optional()])
    deadline = DateField(_l("Thời hạn"), validators=[Optional()])
    deadline_text = StringField(
        _l("Thời hạn (như văn bản)"), validators=[Optional(), Length(max=500)]
    )
    report_to = SelectField(_l("Báo cáo"), validators=[Optional()])
    kind = HiddenField(default="task")
    documents = HiddenField()


class ItemForm(SubForm):
    """A numbered item of the conclusion."""

    number = StringField(
        _l("Số mục"), validators=[InputRequired(REQUIRED), Length(max=20)]
    )
    text = TextAreaField(
        _l("Nội dung"), validators=[InputRequired(REQUIRED), Length(max=20_000)]
    )
    tasks = FieldList(FormField(TaskForm), max_entries=MAX_TASKS)


class ConclusionForm(VersionedForm):
    """The whole draft, as the secretary corrected it, and the speech it came in."""

    text = HiddenField(validators=[Length(max=MAX_TEXT)])
    speech_id = SelectField(
        _l("Phát biểu kết luận"), validators=[InputRequired(REQUIRED)]
    )
    items = FieldList(FormField(ItemForm), max_entries=MAX_ITEMS)

    def offer(
        self, agencies: list[tuple[str, str]], speeches: list[tuple[str, str]]
    ) -> None:
        """Every select's choices: the directory's agencies, the meeting's speeches."""
        choose(self.speech_id, speeches)
        for item in self.items:
            for task in item.form.tasks:
                choose(task.form.lead, agencies)
                choose(task.form.coordinating, agencies)
                choose(task.form.report_to, agencies, blank=True)

    def item_drafts(self) -> list[ItemDraft]:
        """What ``issue_conclusion`` takes."""
        return [
            ItemDraft(
                number=item.form.number.data.strip(),
                text=item.form.text.data.strip(),
                tasks=[_task(task.form) for task in item.form.tasks],
            )
            for item in self.items
        ]


def _task(form: TaskForm) -> TaskDraft:
    return TaskDraft(
        title=form.title.data.strip(),
        lead=[UUID(a) for a in form.lead.data],
        coordinating=[UUID(a) for a in form.coordinating.data or []],
        kind=form.kind.data or "task",
        deadline=form.deadline.data,
        deadline_text=form.deadline_text.data or None,
        report_to=UUID(form.report_to.data) if form.report_to.data else None,
        documents=_documents(form.documents.data),
    )


def _documents(raw: str | None) -> list[DocumentRef]:
    """Cited documents kept from the draft as ``kind|number|date`` lines."""
    documents = []
    for line in (raw or "").splitlines():
        kind, _, rest = line.partition("|")
        number, _, day = rest.partition("|")
        if kind and number:
            documents.append(
                DocumentRef(
                    kind=kind,
                    number=number,
                    date=date.fromisoformat(day) if day else None,
                )
            )
    return documents


def from_draft(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Form data of the draft's items (what ``ConclusionForm(data=...)`` takes)."""
    return {
        "items": [
            {
                "number": item["number"],
                "text": item["text"],
                "tasks": [
                    {
                        "title": task["title"],
                        "lead": [str(a) for a in task["lead"]],
                        "coordinating": [str(a) for a in task["coordinating"]],
                        "deadline": task["deadline"],
                        "deadline_text": task["deadline_text"],
                        "report_to": str(task["report_to"] or ""),
                        "kind": str(task["kind"]),
                        "documents": "\n".join(
                            f"{d['kind']}|{d['number']}|{d['date'] or ''}"
                            for d in task["documents"]
                        ),
                    }
                    for task in item["tasks"]
                ],
            }
            for item in items
        ]
    }

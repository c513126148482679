"""The organiser's form for one delegate: a person's fields plus the reference.

Like the walk-in dialog it only collects and checks: its person fields
(``PersonFields``, shared with the walk-in dialog) validate as the organiser types (no
database), show each problem in words under its field, and Save stays disabled until
the form can be saved.  Save emits ``submitted``; the roster page saves and either
closes the dialog or hands problems back (``show_problems``: an e-mail or reference
someone else has).

Given the ``store``, it also has the accreditation desk's part (``accreditation_fields``):
the attention note, saved with the form (through the desk's ``service`` when given: it
works offline), and the photo, with "Take photo…" (not on a desk offline: ``photo``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from checkin.core.db.store import Store
from checkin.core.roster.person import FORM_FIELDS, FieldProblem, PersonForm
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.roster.accreditation_fields import NoteAndPhoto
from checkin.ui.widgets.person_form import PersonFields

if TYPE_CHECKING:
    from checkin.core.desk.protocol import DeskService


class DelegateDialog(QDialog):
    """Edit one delegate; Save is enabled while the form is valid."""

    submitted = Signal()
    """Save pressed on a valid form: save ``form()``."""

    def __init__(
        self, event_info: EventInfo, delegate: DelegateInfo, parent: QWidget | None = None,
        *, store: Store | None = None, service: DeskService | None = None, photo: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("delegateDialog")
        self.event_info = event_info
        self.delegate = delegate
        title = self.tr("Edit delegate no. %1").replace("%1", str(delegate.number))
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        self.fields = PersonFields(event_info, FORM_FIELDS, delegate, parent=self)
        self.fields.edited.connect(self._edited)
        self.widgets = self.fields.widgets
        self.problem_labels = self.fields.problem_labels
        self.first_name, self.last_name = self.fields.first_name, self.fields.last_name
        self.organisation, self.country = self.fields.organisation, self.fields.country
        self.email, self.category = self.fields.email, self.fields.category
        self.reference = self.fields.reference

        self.failure_label = QLabel()
        self.failure_label.setObjectName("failure")
        self.failure_label.setTextFormat(Qt.TextFormat.PlainText)
        self.failure_label.setWordWrap(True)
        self.failure_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setAccessibleName(self.tr("Save the delegate"))
        self.save_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Close without saving"))
        cancel.setAccessibleName(self.tr("Close without saving"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro(delegate))
        layout.addWidget(self.fields)
        self.accreditation = (
            NoteAndPhoto(store, event_info, delegate, service=service, photo=photo)
            if store else None
        )
        if self.accreditation is not None:
            layout.addWidget(self.accreditation)
        layout.addWidget(self.failure_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.first_name.setFocus()
        self._revalidate()

    def _intro(self, d: DelegateInfo) -> QLabel:
        status = self.tr("Cancelled") if d.status == "cancelled" else self.tr("Registered")
        intro = QLabel(
            self.tr("Delegate no. %1 (%2). Badge version %3.")
            .replace("%1", str(d.number))
            .replace("%2", status)
            .replace("%3", str(d.badge_version))
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        return intro

    # ------------------------------------------------------------ values

    def form(self) -> PersonForm:
        return self.fields.form()

    def problems(self) -> tuple[FieldProblem, ...]:
        return self.fields.problems()

    # ------------------------------------------------------------ feedback

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        """Problems found when saving: next to their fields."""
        self.fields.set_found(problems)
        self._revalidate()
        self.fields.focus_found()

    def show_failure(self, text: str) -> None:
        self.failure_label.setText(text)
        self.failure_label.show()

    # ------------------------------------------------------------ internals

    def _edited(self, name: str) -> None:
        self.fields.forget(name)
        self.failure_label.hide()
        self._revalidate()

    def _revalidate(self) -> None:
        self.save_button.setEnabled(self.fields.refresh())

    def _submit(self) -> None:
        if self.problems() or self.fields.found_fields():
            return
        if self.accreditation is not None and not self.accreditation.save_note():
            return
        self.submitted.emit()

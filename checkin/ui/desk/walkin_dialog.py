"""Walk-in registration at the desk: the form, and printing the badge PDF it produces.

The dialog only collects and checks: its person fields (``PersonFields``, shared with
the roster's delegate dialog) validate as the operator types (no database) and show
each problem in words next to its field, once the operator has touched it; OK stays
disabled until the form can be registered.  OK emits ``submitted``; the
``DeskController`` registers the person and either closes the dialog or hands problems
back (``show_problems``, ``show_existing``).  What is the walk-in's own: printing the
badge now, with which template, and "check this person in" for someone already
registered.

``print_pdf`` (from ``badge_printer``, shared with the Badges page) sends a rendered badge
PDF to a printer chosen in Qt's print dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.event.walk_ins import DEFAULT_REQUIRED, required_fields
from checkin.core.roster.person import PERSON_FIELDS, FieldProblem, PersonForm, form_from_search
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.widgets.person_form import PersonFields
from checkin.ui.widgets.printer import PRINT_DPI as PRINT_DPI
from checkin.ui.widgets.printer import print_pdf as print_pdf
from checkin.ui.widgets.printer import render_pdf_pages as render_pdf_pages
from checkin.ui.widgets.translations import template_title

if TYPE_CHECKING:  # the badge machinery is not loaded for the desk's first paint
    from checkin.core.badges.templates import Template
    from checkin.core.db.store import Store

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE = "a6"
# Editing these may make the person someone else than the one found already registered.
_IDENTITY_FIELDS = ("first_name", "last_name", "organisation", "email")


def walk_in_rule(store: Store, event: EventInfo) -> tuple[str, ...]:
    """The fields a walk-in must give (the event's TOML ``[walk_ins]``); the default when
    the database cannot say (a shared server out of reach at start)."""
    try:
        return required_fields(store, event.id)
    except Exception:  # the desk starts anyway; the core checks again on registering
        log.warning("walk-in rule unreadable; the default applies")
        return DEFAULT_REQUIRED


class WalkInDialog(QDialog):
    """Register a person who is not on the list; OK is enabled once the form is valid."""

    submitted = Signal()
    """OK pressed on a valid form: register ``form()``."""
    check_in_existing = Signal(int)
    """"Check this person in" for the already registered delegate (id)."""

    def __init__(
        self,
        event: EventInfo,
        templates: list[Template],
        parent: QWidget | None = None,
        *,
        required: Sequence[str] = DEFAULT_REQUIRED,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.event_info = event
        self.setWindowTitle(self.tr("Walk-in registration"))
        self.setAccessibleName(self.tr("Walk-in registration"))
        self._touched: set[str] = set()
        self._existing: DelegateInfo | None = None

        self.fields = PersonFields(event, PERSON_FIELDS, parent=self, required=required)
        self.fields.edited.connect(self._edited)
        self.widgets = self.fields.widgets
        self.problem_labels = self.fields.problem_labels
        self.first_name, self.last_name = self.fields.first_name, self.fields.last_name
        self.organisation, self.country = self.fields.organisation, self.fields.country
        self.email, self.category = self.fields.email, self.fields.category
        self._add_printing(templates)
        self._add_existing()

        self.failure_label = QLabel()
        self.failure_label.setTextFormat(Qt.TextFormat.PlainText)
        self.failure_label.setWordWrap(True)
        self.failure_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Register"))
        self.ok_button.setAccessibleName(self.tr("Register and check in"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel the walk-in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Someone not on the list: register them, check them in and print a badge.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.existing_frame)
        layout.addWidget(self.failure_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.first_name.setFocus()
        self._revalidate()

    def _add_printing(self, templates: list[Template]) -> None:
        """"Print the badge now" and the template, as rows of the person's form."""
        self.print_box = QCheckBox(self.tr("&Print the badge now"))
        self.print_box.setAccessibleName(self.tr("Print the badge now"))
        self.print_box.setChecked(True)
        self.template_box = QComboBox()
        self.template_box.setAccessibleName(self.tr("Badge template"))
        for template in templates:
            self.template_box.addItem(template_title(template), template.key)
        default = self.template_box.findData(DEFAULT_TEMPLATE)
        self.template_box.setCurrentIndex(max(default, 0))
        self.print_box.toggled.connect(self.template_box.setEnabled)
        template_label = QLabel(self.tr("&Template:"))
        template_label.setBuddy(self.template_box)
        self.fields.form_layout.addRow(self.print_box)
        self.fields.form_layout.addRow(template_label, self.template_box)

    def _add_existing(self) -> None:
        """"Already registered": who, and the way out (check them in instead)."""
        self.existing_frame = QFrame()
        self.existing_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.existing_label = QLabel()
        self.existing_label.setTextFormat(Qt.TextFormat.PlainText)
        self.existing_label.setWordWrap(True)
        self.existing_button = QPushButton(self.tr("C&heck this person in"))
        self.existing_button.setAccessibleName(self.tr("Check this person in"))
        self.existing_button.clicked.connect(self._check_in_existing)
        existing = QHBoxLayout(self.existing_frame)
        existing.addWidget(self.existing_label, 1)
        existing.addWidget(self.existing_button)
        self.existing_frame.hide()

    # ------------------------------------------------------------ values

    def form(self) -> PersonForm:
        return self.fields.form()

    def fill_from_search(self, typed: str) -> None:
        """Start from what was typed in the Desk's search (``form_from_search``: a name
        split into first and last, an e-mail address); the first empty field takes the
        focus."""
        if typed.strip():
            self.fill(form_from_search(typed))

    def fill(self, form: PersonForm) -> None:
        """Start from ``form``; the first field still empty takes the focus."""
        edits = {"first_name": self.first_name, "last_name": self.last_name,
                 "organisation": self.organisation, "country": self.country,
                 "email": self.email}  # fmt: skip
        for name, edit in edits.items():
            value = getattr(form, name)
            if value:
                edit.setText(value)
                self._touched.add(name)
        empty = next((e for e in edits.values() if not e.text()), self.first_name)
        empty.setFocus()
        self._revalidate()

    def print_badge(self) -> bool:
        return self.print_box.isChecked()

    def template_key(self) -> str:
        return self.template_box.currentData() or DEFAULT_TEMPLATE

    def problems(self) -> tuple[FieldProblem, ...]:
        return self.fields.problems()

    # ------------------------------------------------------------ feedback

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        """Problems found when registering (after OK): next to their fields."""
        self.fields.set_found(problems)
        self._touched.update(self.fields.found_fields())
        self._revalidate()
        self.fields.focus_found()

    def show_existing(self, delegate: DelegateInfo) -> None:
        """The person is already registered: say who, offer to check them in."""
        self._existing = delegate
        who = delegate.full_name
        if delegate.organisation:
            who += f" ({delegate.organisation})"
        ref = delegate.reference or f"#{delegate.number}"
        text = self.tr("Already registered: %1, ref %2").replace("%1", who).replace("%2", ref)
        self.existing_label.setText(text)
        self.existing_frame.setAccessibleName(text)
        self.existing_frame.show()
        self.existing_button.setDefault(True)
        self.existing_button.setFocus()

    def show_failure(self, text: str) -> None:
        self.failure_label.setText(text)
        self.failure_label.show()

    # ------------------------------------------------------------ internals

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.fields.forget(name)
        if name in _IDENTITY_FIELDS:
            self.fields.forget("first_name", "email")
            self._existing = None
            self.existing_frame.hide()
        self.failure_label.hide()
        self._revalidate()

    def _revalidate(self) -> None:
        # "No name" shows under the first name once either name was touched.
        shown = set(self._touched)
        if {"first_name", "last_name"} & shown:
            shown.add("first_name")
        self.ok_button.setEnabled(self.fields.refresh(shown))

    def _submit(self) -> None:
        if self.problems():  # Enter in a field with OK disabled: show everything
            self._touched.update(PERSON_FIELDS)
            self._revalidate()
            return
        self.submitted.emit()

    def _check_in_existing(self) -> None:
        if self._existing is not None:
            self.check_in_existing.emit(self._existing.id)

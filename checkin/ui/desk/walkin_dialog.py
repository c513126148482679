"""Walk-in registration at the desk: the form, and printing the badge PDF it produces.

The dialog only collects and checks: it validates as the operator types with
``checkin.core.roster.walkins.validate`` (no database), shows each problem in words next to
its field and keeps OK disabled until the form can be registered.  OK emits
``submitted``; the ``DeskController`` registers the person and either closes the
dialog or hands problems back (``show_problems``, ``show_existing``).

``print_pdf`` (from ``badge_printer``, shared with the Badges page) sends a rendered badge
PDF to a printer chosen in Qt's print dialog.
"""

from __future__ import annotations

import pycountry
from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.badges.render import Template
from checkin.core.roster.countries import country_name
from checkin.core.roster.walkins import LIMITS, FieldProblem, WalkInForm, validate
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.widgets.printer import PRINT_DPI as PRINT_DPI
from checkin.ui.widgets.printer import print_pdf as print_pdf
from checkin.ui.widgets.printer import render_pdf_pages as render_pdf_pages

DEFAULT_TEMPLATE = "a6"

FIELDS = ("first_name", "last_name", "organisation", "country", "email", "category")


def _tr(text: str) -> str:
    return QCoreApplication.translate("WalkInDialog", text)


def country_names(language: str) -> list[str]:
    """Every country's display name in the event language, alphabetically."""
    names = {country_name(c.alpha_2, language) for c in pycountry.countries}
    names.add(country_name("XK", language))
    return sorted(names, key=str.casefold)


def _problem_words() -> dict[str, str]:
    return {
        "no_name": _tr("Enter a first name or a last name."),
        "too_long": _tr("Too long (%1 characters; at most %2)."),
        "unknown_country": _tr("Unknown country “%1”."),
        "invalid_email": _tr("Invalid e-mail address “%1”."),
        "unknown_category": _tr("Unknown category “%1” (%2)."),
        "already_registered": _tr("Already registered: %1, %2."),
        "already_registered_cancelled": _tr(
            "Already registered: %1, %2 (registration cancelled)."
        ),
        "email_taken": _tr("Already the e-mail of %1."),
        "reference_taken": _tr("Already the reference of %1."),
    }


def problem_text(problem: FieldProblem) -> str:
    """A core problem as a sentence for the operator, in the app's language."""
    template = _problem_words().get(problem.reason)
    if template is None:  # a problem without a known reason: the core's words
        text = problem.message
        return _tr("%1.").replace("%1", text[:1].upper() + text[1:])
    for number, value in enumerate(problem.args, start=1):
        template = template.replace(f"%{number}", value)
    return template


def field_form(
    widgets: dict[str, QWidget], labels: dict[str, str], names
) -> tuple[QFormLayout, dict[str, QLabel]]:
    """A form of ``names``, each field with its label and, under it, a hidden line for its
    problem in words (shared by the walk-in and the delegate forms)."""
    problems: dict[str, QLabel] = {}
    form = QFormLayout()
    for name in names:
        label = QLabel(labels[name])
        label.setBuddy(widgets[name])
        problem = QLabel()
        problem.setObjectName(f"{name}_problem")
        problem.setTextFormat(Qt.TextFormat.PlainText)
        problem.setWordWrap(True)
        problem.setStyleSheet("color: #B71C1C;")  # the words carry it; colour only helps
        problem.hide()
        problems[name] = problem
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(widgets[name])
        cell.addWidget(problem)
        form.addRow(label, cell)
    return form, problems


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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.event_info = event
        self.setWindowTitle(self.tr("Walk-in registration"))
        self.setAccessibleName(self.tr("Walk-in registration"))
        self._touched: set[str] = set()
        self._existing: DelegateInfo | None = None
        self._server_problems: dict[str, str] = {}

        def line(name: str, accessible: str, limit: int | None = None) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setAccessibleName(accessible)
            if limit:
                edit.setMaxLength(limit + 20)  # a little over: the problem says "too long"
            edit.textEdited.connect(lambda _t, n=name: self._edited(n))
            return edit

        self.first_name = line("first_name", self.tr("First name"), LIMITS["first_name"])
        self.last_name = line("last_name", self.tr("Last name"), LIMITS["last_name"])
        self.organisation = line("organisation", self.tr("Organisation"), LIMITS["organisation"])
        self.country = line("country", self.tr("Country"))
        self.country.setPlaceholderText(self.tr("Type to choose, e.g. Switzerland"))
        completer = QCompleter(QStringListModel(country_names(event.language), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda _t: self._edited("country"))
        self.country.setCompleter(completer)
        self.email = line("email", self.tr("E-mail"), LIMITS["email"])
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setAccessibleName(self.tr("Category"))
        for cat in event.categories:
            self.category.addItem(cat.label, cat.key)
        self.category.setCurrentIndex(0)
        self.category.currentIndexChanged.connect(lambda _i: self._edited("category"))

        self.print_box = QCheckBox(self.tr("&Print the badge now"))
        self.print_box.setAccessibleName(self.tr("Print the badge now"))
        self.print_box.setChecked(True)
        self.template_box = QComboBox()
        self.template_box.setAccessibleName(self.tr("Badge template"))
        for template in templates:
            self.template_box.addItem(template.title, template.key)
        default = self.template_box.findData(DEFAULT_TEMPLATE)
        self.template_box.setCurrentIndex(max(default, 0))
        self.print_box.toggled.connect(self.template_box.setEnabled)

        self.widgets: dict[str, QWidget] = {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "organisation": self.organisation,
            "country": self.country,
            "email": self.email,
            "category": self.category,
        }
        labels = {
            "first_name": self.tr("&First name:"),
            "last_name": self.tr("&Last name:"),
            "organisation": self.tr("&Organisation:"),
            "country": self.tr("Co&untry:"),
            "email": self.tr("&E-mail:"),
            "category": self.tr("C&ategory:"),
        }
        form, self.problem_labels = field_form(self.widgets, labels, FIELDS)
        template_label = QLabel(self.tr("&Template:"))
        template_label.setBuddy(self.template_box)
        form.addRow(self.print_box)
        form.addRow(template_label, self.template_box)

        # "Already registered": who, and the way out (check them in instead).
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
        layout.addLayout(form)
        layout.addWidget(self.existing_frame)
        layout.addWidget(self.failure_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.first_name.setFocus()
        self._revalidate()

    # ------------------------------------------------------------ values

    def form(self) -> WalkInForm:
        return WalkInForm(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            organisation=self.organisation.text(),
            country=self.country.text(),
            email=self.email.text(),
            category=self.category.currentData() or "",
        )

    def print_badge(self) -> bool:
        return self.print_box.isChecked()

    def template_key(self) -> str:
        return self.template_box.currentData() or DEFAULT_TEMPLATE

    def problems(self) -> tuple[FieldProblem, ...]:
        return validate(self.event_info, self.form())

    # ------------------------------------------------------------ feedback

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        """Problems found when registering (after OK): next to their fields."""
        self._server_problems = {}
        for problem in problems:
            self._server_problems.setdefault(problem.field, problem_text(problem))
        self._touched.update(self._server_problems)
        self._revalidate()
        first = next((f for f in FIELDS if f in self._server_problems), None)
        if first:
            self.widgets[first].setFocus()

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
        self._server_problems.pop(name, None)
        if name in ("first_name", "last_name", "organisation", "email"):
            self._server_problems.pop("first_name", None)
            self._server_problems.pop("email", None)
            self._existing = None
            self.existing_frame.hide()
        self.failure_label.hide()
        self._revalidate()

    def _revalidate(self) -> None:
        problems = self.problems()
        texts: dict[str, str] = dict(self._server_problems)
        for problem in problems:
            texts.setdefault(problem.field, problem_text(problem))
        names_touched = {"first_name", "last_name"} & self._touched
        for name in FIELDS:
            label = self.problem_labels[name]
            text = texts.get(name, "")
            shown = bool(text) and (
                name in self._touched or (name == "first_name" and bool(names_touched))
            )
            label.setText(text if shown else "")
            label.setVisible(shown)
            self.widgets[name].setAccessibleDescription(text if shown else "")
        self.ok_button.setEnabled(not problems and not self._server_problems)

    def _submit(self) -> None:
        if self.problems():  # Enter in a field with OK disabled: show everything
            self._touched.update(FIELDS)
            self._revalidate()
            return
        self.submitted.emit()

    def _check_in_existing(self) -> None:
        if self._existing is not None:
            self.check_in_existing.emit(self._existing.id)

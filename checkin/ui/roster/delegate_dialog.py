"""The organiser's form for one delegate: the walk-in form's fields plus the reference.

Like the walk-in dialog it only collects and checks: it validates as the organiser
types with ``delegate_edit.validate_edit`` (no database), shows each problem in words
under its field and keeps Save disabled until the form can be saved.  Save emits
``submitted``; the roster page saves and either closes the dialog or hands problems
back (``show_problems``: an e-mail or reference someone else has).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.core.roster.countries import country_name
from checkin.core.roster.edits import FORM_FIELDS, REFERENCE_LIMIT, DelegateForm, validate_edit
from checkin.core.roster.walkins import LIMITS, FieldProblem
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.desk.walkin_dialog import country_names, field_form, problem_text


class DelegateDialog(QDialog):
    """Edit one delegate; Save is enabled while the form is valid."""

    submitted = Signal()
    """Save pressed on a valid form: save ``form()``."""

    def __init__(
        self, event_info: EventInfo, delegate: DelegateInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("delegateDialog")
        self.event_info = event_info
        self.delegate = delegate
        title = self.tr("Edit delegate no. %1").replace("%1", str(delegate.number))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._server_problems: dict[str, str] = {}

        def line(name: str, accessible: str, value: str, limit: int | None = None) -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setAccessibleName(accessible)
            if limit:
                edit.setMaxLength(limit + 20)  # a little over: the problem says "too long"
            edit.setText(value)
            edit.textEdited.connect(lambda _t, n=name: self._edited(n))
            return edit

        d = delegate
        self.first_name = line("first_name", self.tr("First name"), d.first_name,
                               LIMITS["first_name"])  # fmt: skip
        self.last_name = line("last_name", self.tr("Last name"), d.last_name, LIMITS["last_name"])
        self.organisation = line(
            "organisation", self.tr("Organisation"), d.organisation, LIMITS["organisation"]
        )
        country = country_name(d.country, event_info.language) if d.country else ""
        self.country = line("country", self.tr("Country"), country)
        self.country.setPlaceholderText(self.tr("Type to choose, e.g. Switzerland"))
        completer = QCompleter(QStringListModel(country_names(event_info.language), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda _t: self._edited("country"))
        self.country.setCompleter(completer)
        self.email = line("email", self.tr("E-mail"), d.email, LIMITS["email"])
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setAccessibleName(self.tr("Category"))
        for cat in event_info.categories:
            self.category.addItem(cat.label, cat.key)
        if d.category and self.category.findData(d.category) < 0:
            self.category.addItem(d.category, d.category)  # a key the event no longer has
        self.category.setCurrentIndex(max(self.category.findData(d.category), 0))
        self.category.currentIndexChanged.connect(lambda _i: self._edited("category"))
        self.reference = line("reference", self.tr("Reference"), d.reference, REFERENCE_LIMIT)

        self.widgets: dict[str, QWidget] = {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "organisation": self.organisation,
            "country": self.country,
            "email": self.email,
            "category": self.category,
            "reference": self.reference,
        }
        labels = {
            "first_name": self.tr("&First name:"),
            "last_name": self.tr("&Last name:"),
            "organisation": self.tr("&Organisation:"),
            "country": self.tr("Co&untry:"),
            "email": self.tr("&E-mail:"),
            "category": self.tr("C&ategory:"),
            "reference": self.tr("&Reference:"),
        }
        form, self.problem_labels = field_form(self.widgets, labels, FORM_FIELDS)

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
        status = self.tr("Cancelled") if d.status == "cancelled" else self.tr("Registered")
        intro = QLabel(
            self.tr("Delegate no. %1 (%2). Badge version %3.")
            .replace("%1", str(d.number))
            .replace("%2", status)
            .replace("%3", str(d.badge_version))
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.failure_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.first_name.setFocus()
        self._revalidate()

    # ------------------------------------------------------------ values

    def form(self) -> DelegateForm:
        return DelegateForm(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            organisation=self.organisation.text(),
            country=self.country.text(),
            email=self.email.text(),
            category=self.category.currentData() or "",
            reference=self.reference.text(),
        )

    def problems(self) -> tuple[FieldProblem, ...]:
        return validate_edit(self.event_info, self.form())

    # ------------------------------------------------------------ feedback

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        """Problems found when saving: next to their fields."""
        self._server_problems = {}
        for problem in problems:
            self._server_problems.setdefault(problem.field, problem_text(problem))
        self._revalidate()
        first = next((f for f in FORM_FIELDS if f in self._server_problems), None)
        if first:
            self.widgets[first].setFocus()

    def show_failure(self, text: str) -> None:
        self.failure_label.setText(text)
        self.failure_label.show()

    # ------------------------------------------------------------ internals

    def _edited(self, name: str) -> None:
        self._server_problems.pop(name, None)
        self.failure_label.hide()
        self._revalidate()

    def _revalidate(self) -> None:
        texts: dict[str, str] = dict(self._server_problems)
        problems = self.problems()
        for problem in problems:
            texts.setdefault(problem.field, problem_text(problem))
        for name in FORM_FIELDS:
            text = texts.get(name, "")
            label = self.problem_labels[name]
            label.setText(text)
            label.setVisible(bool(text))
            self.widgets[name].setAccessibleDescription(text)
        self.save_button.setEnabled(not problems and not self._server_problems)

    def _submit(self) -> None:
        if self.problems() or self._server_problems:
            return
        self.submitted.emit()

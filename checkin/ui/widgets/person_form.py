"""One person's fields, shared by the walk-in dialog (desk) and the delegate dialog
(roster): first and last name, organisation, country (typed, with a completer in the
UI's language that also knows the English names), e-mail, category and, for an
organiser, the reference.

``PersonFields`` builds the fields and their labels, each with a hidden line under it
for its problem in words; it checks the form as the user types with the core's
``person.validate`` (no database), and keeps the problems the service found on saving
(``set_found``) until their field is edited.  The dialogs keep what is theirs: their
buttons, and a walk-in's badge printing and "check this person in".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.core.roster.countries import country_choices, country_name
from checkin.core.roster.field_rules import LIMITS
from checkin.core.roster.person import FieldProblem, PersonForm, validate
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.widgets.country_completer import CountryCompleter
from checkin.ui.widgets.translations import language as ui_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonFields", text)


def country_names(language: str) -> list[str]:
    """Every country's display name in ``language``, alphabetically."""
    return [name for name, _code, _other in country_choices(language)]


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


def _required_words() -> dict[str, str]:
    return {
        "first_name": _tr("Enter the first name: a walk-in needs it."),
        "last_name": _tr("Enter the last name: a walk-in needs it."),
        "organisation": _tr("Enter the organisation: a walk-in needs it."),
        "country": _tr("Choose the country: a walk-in needs it."),
        "email": _tr("Enter the e-mail address: a walk-in needs it."),
        "category": _tr("Choose the category: a walk-in needs it."),
    }


def problem_text(problem: FieldProblem) -> str:
    """A core problem as a sentence for the user, in the app's language."""
    if problem.reason == "required":
        return _required_words().get(problem.field, _tr("Required."))
    template = _problem_words().get(problem.reason)
    if template is None:  # a problem without a known reason: the core's words
        text = problem.message
        return _tr("%1.").replace("%1", text[:1].upper() + text[1:])
    for number, value in enumerate(problem.args, start=1):
        template = template.replace(f"%{number}", value)
    return template


class TabTakesCompletion(QObject):
    """Tab (or Shift+Tab) with the completer's list open takes the highlighted entry, or
    the first one, and moves on: what people expect after typing "swi" + Tab.  (Qt alone
    takes only a highlighted entry, and keeps the focus.)

    The filter sits on the list (ahead of the completer's own) and on the field: a key
    can reach the field with the list open (the scanner capture gives held keys back to
    the field).  The completer may replace its list, so the filter follows the current
    one, checked whenever the field gets a key."""

    taken = Signal(str)

    def __init__(self, completer: QCompleter, edit: QLineEdit) -> None:
        super().__init__(completer)  # goes with the completer (and its list)
        self.completer, self.edit = completer, edit
        self.popup: QWidget | None = None
        self._follow()
        edit.installEventFilter(self)

    def _follow(self) -> QWidget:
        popup = self.completer.popup()
        if popup is not self.popup:
            popup.installEventFilter(self)
            self.popup = popup
        return popup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        try:
            popup = self._follow() if watched is self.edit else self.popup
            if (
                watched is not popup and watched is not self.edit
            ) or event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                return False
            if popup is None or not popup.isVisible():
                return False
            self._take(popup, event)
        except RuntimeError:  # the dialog is closing: its widgets are already gone
            return False
        return True

    def _take(self, popup, event: QKeyEvent) -> None:
        index = popup.currentIndex()
        if not index.isValid():
            index = self.completer.completionModel().index(0, 0)
        popup.hide()
        if index.isValid():
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            self.edit.setText(text)
            self.taken.emit(text)
        # The same key, now to the field itself: the focus moves on as Tab does.
        QApplication.sendEvent(self.edit, QKeyEvent(
            QEvent.Type.KeyPress, event.key(), event.modifiers()
        ))  # fmt: skip


class PersonFields(QWidget):
    """The fields ``names`` (``person.PERSON_FIELDS`` or ``FORM_FIELDS``) in a form, filled
    with ``delegate``'s values if given; the dialog may add rows to ``form_layout``.

    ``required``: the fields that must be given (a walk-in's, ``event.walk_ins``): their
    labels say "(required)", and an empty one is a problem."""

    edited = Signal(str)
    """The user changed the field of that name."""

    def __init__(
        self,
        event: EventInfo,
        names: Sequence[str],
        delegate: DelegateInfo | None = None,
        parent: QWidget | None = None,
        *,
        required: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.event_info = event
        self.names = tuple(names)
        self.required = tuple(n for n in required if n in self.names)
        self._found: dict[str, str] = {}
        self.widgets: dict[str, QWidget] = self._make_fields(event)
        if delegate is not None:
            self._fill(delegate)
        self._connect()
        self.form_layout, self.problem_labels = self._make_form()
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.setLayout(self.form_layout)

    # ------------------------------------------------------------ building

    def _line(self, name: str, accessible: str, limit: int | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        if limit:
            edit.setMaxLength(limit + 20)  # a little over: the problem says "too long"
        return edit

    def _make_fields(self, event: EventInfo) -> dict[str, QWidget]:
        self.first_name = self._line("first_name", self.tr("First name"), LIMITS["first_name"])
        self.last_name = self._line("last_name", self.tr("Last name"), LIMITS["last_name"])
        self.organisation = self._line(
            "organisation", self.tr("Organisation"), LIMITS["organisation"]
        )
        self.country = self._line("country", self.tr("Country"))
        self.country.setPlaceholderText(self.tr("Type to choose, e.g. Switzerland"))
        self.completer = CountryCompleter(ui_language(), self)
        self.country.setCompleter(self.completer)
        self.tab_completion = TabTakesCompletion(self.completer, self.country)
        self.email = self._line("email", self.tr("E-mail"), LIMITS["email"])
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setAccessibleName(self.tr("Category"))
        for cat in event.categories:
            self.category.addItem(cat.label, cat.key)
        self.category.setCurrentIndex(0)
        self.reference: QLineEdit | None = None
        if "reference" in self.names:
            self.reference = self._line("reference", self.tr("Reference"), LIMITS["reference"])
        every: dict[str, QWidget | None] = {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "organisation": self.organisation,
            "country": self.country,
            "email": self.email,
            "category": self.category,
            "reference": self.reference,
        }
        return {name: widget for name in self.names if (widget := every[name]) is not None}

    def _fill(self, d: DelegateInfo) -> None:
        for edit, value in ((self.first_name, d.first_name), (self.last_name, d.last_name),
                            (self.organisation, d.organisation), (self.email, d.email),
                            (self.reference, d.reference)):  # fmt: skip
            if edit is not None:
                edit.setText(value)
        self.country.setText(country_name(d.country, ui_language()) if d.country else "")
        if d.category and self.category.findData(d.category) < 0:
            self.category.addItem(d.category, d.category)  # a key the event no longer has
        self.category.setCurrentIndex(max(self.category.findData(d.category), 0))

    def _connect(self) -> None:
        for name, widget in self.widgets.items():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, n=name: self.edited.emit(n))
        self.completer.activated.connect(lambda _t: self.edited.emit("country"))
        self.tab_completion.taken.connect(lambda _t: self.edited.emit("country"))
        self.category.currentIndexChanged.connect(lambda _i: self.edited.emit("category"))

    def _make_form(self) -> tuple[QFormLayout, dict[str, QLabel]]:
        """Each field with its label and, under it, a hidden line for its problem."""
        labels = {
            "first_name": self.tr("&First name:"),
            "last_name": self.tr("&Last name:"),
            "organisation": self.tr("&Organisation:"),
            "country": self.tr("Co&untry:"),
            "email": self.tr("&E-mail:"),
            "category": self.tr("C&ategory:"),
            "reference": self.tr("&Reference:"),
        }
        problems: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in self.names:
            label = QLabel(labels[name])
            if name in self.required:
                bare = labels[name].rstrip(": \u00a0")  # "&First name" of "&First name:"
                label.setText(self.tr("%1 (required):").replace("%1", bare))
                widget = self.widgets[name]
                widget.setAccessibleName(
                    self.tr("%1, required").replace("%1", widget.accessibleName())
                )
            label.setBuddy(self.widgets[name])
            problem = QLabel()
            problem.setObjectName(f"{name}_problem")
            problem.setTextFormat(Qt.TextFormat.PlainText)
            problem.setWordWrap(True)
            problem.setStyleSheet("color: #B71C1C;")  # the words carry it; colour only helps
            problem.hide()
            problems[name] = problem
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(self.widgets[name])
            cell.addWidget(problem)
            form.addRow(label, cell)
        return form, problems

    # ------------------------------------------------------------ values and problems

    def form(self) -> PersonForm:
        """The fields as typed; the reference only where it is shown."""
        return PersonForm(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            organisation=self.organisation.text(),
            country=self.country.text(),
            email=self.email.text(),
            category=self.category.currentData() or "",
            reference=self.reference.text() if self.reference is not None else "",
        )

    def problems(self) -> tuple[FieldProblem, ...]:
        """What is wrong with the form as typed (no database)."""
        return validate(self.event_info, self.form(), self.required)

    def set_found(self, problems: Iterable[FieldProblem]) -> None:
        """Problems the service found on saving; each stays until its field is edited."""
        self._found = {}
        for problem in problems:
            self._found.setdefault(problem.field, problem_text(problem))

    def focus_found(self) -> None:
        """The first field with a problem the service found takes the focus."""
        first = next((f for f in self.names if f in self._found), None)
        if first:
            self.widgets[first].setFocus()

    def found_fields(self) -> set[str]:
        return set(self._found)

    def forget(self, *names: str) -> None:
        """The service's problems of these fields no longer hold (they were edited)."""
        for name in names:
            self._found.pop(name, None)

    def refresh(self, shown: Iterable[str] | None = None) -> bool:
        """Show each field's problem (only for the fields ``shown``, if given, e.g. those
        the user has touched); True when there is none at all, shown or not."""
        problems = self.problems()
        texts = dict(self._found)
        for problem in problems:
            texts.setdefault(problem.field, problem_text(problem))
        visible = set(self.names if shown is None else shown)
        for name in self.names:
            text = texts.get(name, "") if name in visible else ""
            label = self.problem_labels[name]
            label.setText(text)
            label.setVisible(bool(text))
            self.widgets[name].setAccessibleDescription(text)
        return not problems and not self._found

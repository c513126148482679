"""The Badges page: choose a template and who, check, preview, then print or save a PDF.

How organisers work before the day: pick the badge stock (the template), pick who (all
registered, only those never printed, or chosen people), look at the problems the
preflight finds (a name too long for the badge, a letter no font has, two people with
the same name, no organisation), look at the real PDF, then print.

* The preview is the PDF the printer would get, rendered in the background and shown
  with QtPdf; it is not recorded as printed.
* Print and Save PDF go through ``printing.print_badges``, which records each badge as
  printed only once the whole PDF is rendered.  Printing then rasterises the pages onto
  the chosen printer, still in the background (``badge_printer.paint_pdf``).
* Reprint (chosen people only) asks for a reason and bumps the badge version: the badge
  the person holds scans as "revoked" from then on.

A problem in the list is fixed where delegates are edited: Enter or double-click on it
emits ``fix_requested(delegate_id)`` for the window to open that delegate's form.
Every job has a progress bar and Cancel; the page never blocks the window.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from checkin.core.badges import printing
from checkin.core.badges import render as badges
from checkin.core.badges.printing import PreflightProblem, PrintError, PrintReport
from checkin.core.db.store import Store
from checkin.core.event.definition import event_secret
from checkin.core.types import DelegateInfo, EventInfo
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.printer import PrintCancelled, choose_printer, paint_pdf
from checkin.ui.widgets.workers import Job, run_in_background

DEFAULT_TEMPLATE = "a4-herma-4412"
ALL, UNPRINTED, CHOSEN = "all", "unprinted", "chosen"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
RENDER_SHARE = 700  # of 1000: rendering; the rest is sending pages to the printer


# ---------------------------------------------------------------- work (no Qt widgets)


@dataclass(frozen=True)
class Choice:
    delegate: DelegateInfo
    printed: bool


@dataclass(frozen=True)
class Selection:
    mode: str  # all | unprinted | chosen
    refs: tuple[str, ...] = ()

    @property
    def unprinted(self) -> bool:
        return self.mode == UNPRINTED


def load_choices(store: Store, event: EventInfo) -> list[Choice]:
    """Registered delegates in badge order, each with whether a badge was printed."""
    everyone = printing.select_delegates(store, event)
    unprinted = {d.id for d in printing.select_delegates(store, event, unprinted=True)}
    return [Choice(d, d.id not in unprinted) for d in everyone]


def check(
    store: Store, event: EventInfo, template: badges.Template, selection: Selection
) -> tuple[list[PreflightProblem], dict[int, int]]:
    """Preflight problems of the selection, and delegate number -> id to fix them."""
    delegates = printing.select_delegates(
        store, event, unprinted=selection.unprinted, refs=selection.refs
    )
    problems = printing.preflight(store, event, template, delegates) if delegates else []
    return problems, {d.number: d.id for d in delegates}


def render_preview(
    store: Store,
    event: EventInfo,
    template: badges.Template,
    selection: Selection,
    out: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> badges.RenderResult:
    """The PDF that printing would produce, without recording anything."""
    delegates = printing.select_delegates(
        store, event, unprinted=selection.unprinted, refs=selection.refs
    )
    if not delegates:
        raise PrintError("No badge to print: no registered delegate matches.")
    secret = event_secret(store, event.id)
    date_text = printing.event_date_text(event)
    contents = [
        printing.badge_content(event, d, secret, date_text=date_text) for d in delegates
    ]
    return badges.render_badges(out, template, contents, progress=progress, cancelled=cancelled)


@dataclass(frozen=True)
class PrintOutcome:
    report: PrintReport
    pages_sent: int  # 0 when saved as a PDF


def print_job(
    store: Store,
    event: EventInfo,
    template: badges.Template,
    selection: Selection,
    out: Path,
    *,
    printer=None,
    reprint: bool = False,
    reason: str = "",
    station: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintOutcome:
    """Render and record (``print_badges``), then send the pages to ``printer`` if any."""
    share = RENDER_SHARE if printer is not None else 1000

    def rendered(done: int, total: int) -> None:
        if progress is not None and total:
            progress(done * share // total, 1000)

    def sent(done: int, total: int) -> None:
        if progress is not None and total:
            progress(share + done * (1000 - share) // total, 1000)

    report = printing.print_badges(
        store, event, out, template=template, unprinted=selection.unprinted,
        refs=selection.refs, reprint=reprint, reason=reason, station=station,
        progress=rendered, cancelled=cancelled,
    )
    pages = 0
    if printer is not None:
        pages = paint_pdf(printer, out, progress=sent, cancelled=cancelled)
    return PrintOutcome(report, pages)


# ---------------------------------------------------------------- dialogs


class ReprintDialog(QDialog):
    """Why the badges are reprinted; says plainly that the old badges stop working."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reprint badges"))
        self.setAccessibleName(self.tr("Reprint badges"))
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        warning = QLabel(
            self.tr(
                "⚠ Reprinting %n badge(s) revokes the badge these people hold now: it will "
                "be refused at the door (“revoked”). Only their new badge will work.", "",
                len(names),
            )
        )
        warning.setWordWrap(True)
        who = QLabel(shown)
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reprintReason")
        self.reason.setAccessibleName(self.tr("Reason for the reprint"))
        self.reason.setPlaceholderText(self.tr("e.g. lost, name misspelt, damaged"))
        self.reason.setMaxLength(200)
        form = QFormLayout()
        label = QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason)
        form.addRow(label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Re&print"))
        ok.setAccessibleName(self.tr("Reprint and revoke the old badges"))
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.buttons)


def ask_reason(names: Sequence[str], parent: QWidget | None) -> str | None:
    dialog = ReprintDialog(names, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.text().strip() or None


# ---------------------------------------------------------------- the page


class _EnterFilter(QObject):
    """Enter/Return on the problem list: the same as a double-click."""

    def __init__(self, slot: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.slot()
            return True
        return False


class PeopleModel(QAbstractListModel):
    """The registered people, one checkable line each; ticks kept in a set (fast at 50k)."""

    ticked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []
        self.ticked: set[str] = set()
        self._texts: list[tuple[str, str]] = []  # (display, searchable) per row

    def set_choices(self, choices: list[Choice]) -> None:
        """New people; ticks of references still present are kept."""
        self.beginResetModel()
        self.choices = list(choices)
        present = {c.delegate.reference for c in self.choices if c.delegate.reference}
        self.ticked &= present
        states = {True: self.tr("printed"), False: self.tr("not printed")}
        self._texts = [self._text(c, states[c.printed]) for c in self.choices]
        self.endResetModel()

    @staticmethod
    def _text(choice: Choice, state: str) -> tuple[str, str]:
        d = choice.delegate
        text = d.full_name + (f" — {d.organisation}" if d.organisation else "")
        text += f"  ({d.reference or '#' + str(d.number)}, {state})"
        return text, f"{d.full_name} {d.organisation} {d.reference} {state}"

    def set_ticked(self, refs: Sequence[str]) -> None:
        present = {c.delegate.reference for c in self.choices if c.delegate.reference}
        self.ticked = set(refs) & present
        if self.choices:
            self.dataChanged.emit(
                self.index(0), self.index(len(self.choices) - 1),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.ticked_changed.emit()

    def ticked_refs(self) -> tuple[str, ...]:
        """Ticked references in roster order."""
        if not self.ticked:
            return ()
        return tuple(
            c.delegate.reference for c in self.choices if c.delegate.reference in self.ticked
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.choices[index.row()].delegate.reference:
            return Qt.ItemFlag.NoItemFlags  # print_badges chooses people by reference
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.choices):
            return None
        choice = self.choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][0]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts[index.row()][1]
        if role == Qt.ItemDataRole.CheckStateRole:
            if not choice.delegate.reference:
                return None
            ticked = choice.delegate.reference in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and not choice.delegate.reference:
            return self.tr("No reference: print with All or Not yet printed.")
        if role == ID_ROLE:
            return choice.delegate.id
        if role == REF_ROLE:
            return choice.delegate.reference
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        ref = self.choices[index.row()].delegate.reference
        if not ref:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(ref)
        else:
            self.ticked.discard(ref)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit()
        return True


class BadgesPage(QWidget):
    """Choose, check, preview and print badges; jobs run in the background."""

    fix_requested = Signal(int)
    """Enter/double-click on a problem: open the delegate's form (delegate id)."""
    choices_loaded = Signal()
    preflight_ready = Signal(list)
    """The preflight problems of the current template and selection."""
    preview_ready = Signal(str)
    """Path of the preview PDF now shown."""
    printed = Signal(object)
    """A ``PrintOutcome``: printed (or saved) and recorded."""
    failed = Signal(str)
    """A job failed or was cancelled: the message shown."""

    def __init__(
        self,
        store: Store,
        event_info: EventInfo,
        parent: QWidget | None = None,
        *,
        load: bool = True,
        station: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("badgesPage")
        self.setAccessibleName(self.tr("Badges"))
        self.store = store
        self.event_info = event_info
        self.station = station
        self.templates = badges.list_templates()
        self.choices: list[Choice] = []
        self.problems: list[PreflightProblem] = []
        self._ids_by_number: dict[int, int] = {}
        self._job: Job | None = None
        self._check_job: Job | None = None
        self._load_job: Job | None = None
        self._check_again = False
        # Private folder for previews and print files (personal data): 0700, removed
        # with the page.
        self._tmp = Path(tempfile.mkdtemp(prefix="checkin-badges-"))
        weakref.finalize(self, shutil.rmtree, str(self._tmp), True)
        self._preview_serial = 0
        self._printer = None

        # Replaceable in tests: the dialogs that need a person.
        self.ask_printer: Callable[[tuple[float, float], QWidget], object] = (
            lambda points, parent: choose_printer(points, parent)
        )
        self.ask_save_path: Callable[[QWidget], str] = lambda parent: QFileDialog.getSaveFileName(
            parent, self.tr("Save the badges as PDF"), "badges.pdf", self.tr("PDF (*.pdf)")
        )[0]
        self.ask_reason: Callable[[Sequence[str], QWidget], str | None] = ask_reason

        # --- template
        self.template_box = QComboBox()
        self.template_box.setObjectName("templateBox")
        self.template_box.setAccessibleName(self.tr("Badge template"))
        for t in self.templates:
            self.template_box.addItem(t.title, t.key)
            self.template_box.setItemData(
                self.template_box.count() - 1, t.description, Qt.ItemDataRole.ToolTipRole
            )
        self.template_box.setCurrentIndex(max(self.template_box.findData(DEFAULT_TEMPLATE), 0))
        self.template_box.currentIndexChanged.connect(self._selection_changed)
        template_label = QLabel(self.tr("&Template:"))
        template_label.setBuddy(self.template_box)

        # --- who
        self.all_radio = QRadioButton(self.tr("&All registered"))
        self.unprinted_radio = QRadioButton(self.tr("&Not yet printed"))
        self.chosen_radio = QRadioButton(self.tr("C&hosen people"))
        self.mode_group = QButtonGroup(self)
        for radio, mode in (
            (self.all_radio, ALL), (self.unprinted_radio, UNPRINTED), (self.chosen_radio, CHOSEN)
        ):
            radio.setObjectName(f"{mode}Radio")
            radio.setProperty("mode", mode)
            radio.setAccessibleName(radio.text().replace("&", ""))
            self.mode_group.addButton(radio)
        self.unprinted_radio.setChecked(True)
        self.mode_group.buttonToggled.connect(lambda _b, on: on and self._selection_changed())

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("peopleFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter people by name or organisation"))
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, organisation, reference"))
        self.filter_edit.setClearButtonEnabled(True)
        self.people_model = PeopleModel(self)
        self.people_proxy = QSortFilterProxyModel(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.people_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.people_proxy.setFilterRole(Qt.ItemDataRole.AccessibleTextRole)
        self.filter_edit.textChanged.connect(self.people_proxy.setFilterFixedString)
        self.people_view = QListView()
        self.people_view.setObjectName("peopleList")
        self.people_view.setAccessibleName(
            self.tr("People: tick those to print (chooses “Chosen people”)")
        )
        self.people_view.setModel(self.people_proxy)
        self.people_view.setUniformItemSizes(True)
        self._filling = False  # ticks set by the page itself do not switch the mode
        self.people_model.ticked_changed.connect(
            lambda: None if self._filling else self._chosen_changed()
        )
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosenCount")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.counts_label.setWordWrap(True)

        who_box = QVBoxLayout()
        who_box.addWidget(self.counts_label)
        for radio in (self.all_radio, self.unprinted_radio, self.chosen_radio):
            who_box.addWidget(radio)
        who_box.addWidget(self.filter_edit)
        who_box.addWidget(self.people_view, 1)
        who_box.addWidget(self.chosen_label)
        who_group = QGroupBox(self.tr("Who"))
        who_group.setLayout(who_box)

        # --- problems
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("problemsList")
        self.problems_list.setAccessibleName(
            self.tr("Badge problems: press Enter to fix the delegate")
        )
        self.problems_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems_list.itemDoubleClicked.connect(lambda _i: self.fix_current_problem())
        self.problems_list.installEventFilter(_EnterFilter(self.fix_current_problem, self))
        self.problems_summary = QLabel()
        self.problems_summary.setObjectName("problemsSummary")
        self.problems_summary.setWordWrap(True)
        problems_box = QVBoxLayout()
        problems_box.addWidget(self.problems_summary)
        problems_box.addWidget(self.problems_list, 1)
        problems_group = QGroupBox(self.tr("Check before printing"))
        problems_group.setLayout(problems_box)

        # --- actions
        self.preview_button = self._button("preview", self.tr("Pre&view"),
                                           self.tr("Preview the badges"), self.preview)
        self.print_button = self._button("print", self.tr("&Print…"),
                                         self.tr("Print the badges"), self.print_badges)
        self.save_button = self._button("savePdf", self.tr("&Save PDF…"),
                                        self.tr("Save the badges as a PDF file"), self.save_pdf)
        self.reprint_button = self._button(
            "reprint", self.tr("&Reprint…"),
            self.tr("Reprint the chosen badges (revokes the old ones)"), self.reprint,
        )
        self.progress = QProgressBar()
        self.progress.setObjectName("badgeProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = self._button("cancelJob", self.tr("Cancel"),
                                          self.tr("Cancel the running job"), self.cancel)
        self.cancel_button.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("badgeStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Status"))

        actions = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.save_button,
                  self.reprint_button):
            actions.addWidget(b)
        actions.addStretch(1)
        job_row = QHBoxLayout()
        job_row.addWidget(self.progress, 1)
        job_row.addWidget(self.cancel_button)

        template_row = QHBoxLayout()
        template_row.addWidget(template_label)
        template_row.addWidget(self.template_box, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(template_row)
        left_layout.addWidget(who_group, 3)
        left_layout.addWidget(problems_group, 2)
        left_layout.addLayout(actions)
        left_layout.addLayout(job_row)
        left_layout.addWidget(self.status_label)

        # --- preview
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("badgePreview")
        self.pdf_view.setAccessibleName(self.tr("Preview of the badges"))
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview_label = QLabel(self.tr("Press Preview to see the badges as they will print."))
        self.preview_label.setObjectName("previewInfo")
        self.preview_label.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.pdf_view, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._update_controls()
        if load:  # else when first shown (the app's pages: see checkin.ui.app)
            self.refresh()

    def _button(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ state

    def template(self) -> badges.Template:
        key = self.template_box.currentData()
        return next((t for t in self.templates if t.key == key), self.templates[0])

    def mode(self) -> str:
        button = self.mode_group.checkedButton()
        return button.property("mode") if button else UNPRINTED

    def chosen_refs(self) -> tuple[str, ...]:
        return self.people_model.ticked_refs()

    def selection(self) -> Selection:
        mode = self.mode()
        return Selection(mode, self.chosen_refs() if mode == CHOSEN else ())

    def set_event_info(self, event_info: EventInfo) -> None:
        """The event was edited (Agenda page): names, colours and dates on badges change."""
        self.event_info = event_info
        self.refresh()

    def set_chosen(self, refs: Sequence[str]) -> None:
        """Tick these references (and choose the "Chosen people" mode)."""
        self._filling = True
        try:
            self.people_model.set_ticked(refs)
        finally:
            self._filling = False
        self.chosen_radio.setChecked(True)
        self._chosen_changed()

    # ------------------------------------------------------------ loading and checking

    def refresh(self) -> None:
        """Reload the people (print states change) and check again; for when shown."""
        if self._load_job is not None:
            return
        self._load_job = run_in_background(load_choices, self.store, self.event_info, parent=self)
        self._load_job.succeeded.connect(self._choices_loaded)
        self._load_job.failed.connect(lambda exc: self._show_failure(exc))
        self._load_job.finished.connect(self._load_finished)

    def _load_finished(self) -> None:
        self._load_job = None

    def _choices_loaded(self, choices: list[Choice]) -> None:
        self.choices = choices
        self.people_model.set_choices(choices)
        printed = sum(1 for c in choices if c.printed)
        self.counts_label.setText(
            self.tr("%1 registered: %2 printed, %3 not yet printed.")
            .replace("%1", str(len(choices)))
            .replace("%2", str(printed))
            .replace("%3", str(len(choices) - printed))
        )
        self._chosen_changed(check=False)
        self.choices_loaded.emit()
        self.run_preflight()

    def _chosen_changed(self, check: bool = True) -> None:
        count = len(self.people_model.ticked)
        self.chosen_label.setText(self.tr("%n person(s) ticked.", "", count))
        if check and count and not self.chosen_radio.isChecked():
            self.chosen_radio.setChecked(True)  # ticking someone means "these people"
            return  # the mode change updates the buttons and checks again
        self._update_controls()
        if check and self.mode() == CHOSEN:
            self.run_preflight()

    def _selection_changed(self) -> None:
        self._update_controls()
        self.run_preflight()

    def run_preflight(self) -> None:
        """Check the current selection in the background; ``preflight_ready`` when done."""
        if self._check_job is not None:
            self._check_again = True  # the running check is stale: check again after it
            return
        selection = self.selection()
        if selection.mode == CHOSEN and not selection.refs:
            self._show_problems([], {})
            self.problems_summary.setText(self.tr("Tick the people whose badges to print."))
            return
        self.problems_summary.setText(self.tr("Checking…"))
        self._check_job = run_in_background(
            check, self.store, self.event_info, self.template(), selection, parent=self
        )
        self._check_job.succeeded.connect(lambda result: self._show_problems(*result))
        self._check_job.failed.connect(self._check_failed)
        self._check_job.finished.connect(self._check_finished)

    def _check_finished(self) -> None:
        self._check_job = None
        if self._check_again:
            self._check_again = False
            self.run_preflight()

    def _check_failed(self, exc: BaseException) -> None:
        self.problems_list.clear()
        self.problems_summary.setText(self._failure_text(exc))

    def _show_problems(self, problems: list[PreflightProblem], ids: dict[int, int]) -> None:
        if self._check_again:
            return  # stale: the next check is coming
        self.problems = problems
        self._ids_by_number = ids
        self.problems_list.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            item = QListWidgetItem(warning, self.problem_text(problem))
            item.setData(ID_ROLE, ids.get(problem.number))
            self.problems_list.addItem(item)
        if problems:
            people = len({p.number for p in problems})
            self.problems_summary.setText(
                self.tr("%n badge(s) with a problem. Press Enter on one to fix it.", "", people)
            )
            self.problems_list.setCurrentRow(0)
        else:
            self.problems_summary.setText(self.tr("✓ No problem found."))
        self.preflight_ready.emit(problems)

    def problem_text(self, problem: PreflightProblem) -> str:
        who = problem.name + (f" ({problem.reference})" if problem.reference else "")
        return f"{who}: {problem.detail}"

    def fix_current_problem(self) -> None:
        item = self.problems_list.currentItem()
        if item is None:
            return
        delegate_id = item.data(ID_ROLE)
        if delegate_id is not None:
            self.fix_requested.emit(int(delegate_id))

    # ------------------------------------------------------------ jobs

    def _can_start(self) -> bool:
        selection = self.selection()
        if selection.mode == CHOSEN and not selection.refs:
            self.status_label.setText(self.tr("Tick at least one person first."))
            return False
        return self._job is None

    def _start(self, job: Job, text: str) -> None:
        self._job = job
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.status_label.setText(text)
        job.progressed.connect(lambda done, total: self.progress.setValue(
            done * 1000 // total if total else 0
        ))
        job.failed.connect(self._job_failed)
        job.finished.connect(self._job_finished)
        self._update_controls()

    def _job_finished(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_controls()

    def _job_failed(self, exc: BaseException) -> None:
        cancelled = self._job is not None and self._job.is_cancelled
        if cancelled and isinstance(exc, badges.RenderCancelled):
            text = self.tr("Cancelled: nothing was printed or recorded.")
        elif cancelled and isinstance(exc, PrintCancelled):
            text = self.tr(
                "Cancelled while sending pages to the printer. The badges were recorded as "
                "printed; print them again if the printer stopped mid-way."
            )
            self.refresh()
        else:
            text = self._failure_text(exc)
        self._show_failure_text(text)

    def _failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, PrintError | badges.TemplateError | ValueError):
            return "⚠ " + explain(exc)
        if isinstance(exc, OSError):
            return "⚠ " + self.tr("Could not write or print: %1").replace(
                "%1", exc.strerror or str(exc)
            )
        return "⚠ " + self.tr("Something went wrong (%1); nothing was recorded.").replace(
            "%1", type(exc).__name__
        )

    def _show_failure(self, exc: BaseException) -> None:
        self._show_failure_text(self._failure_text(exc))

    def _show_failure_text(self, text: str) -> None:
        self.status_label.setText(text)
        self.failed.emit(text)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def _update_controls(self) -> None:
        busy = self._job is not None
        chosen = self.mode() == CHOSEN
        for b in (self.preview_button, self.print_button, self.save_button):
            b.setEnabled(not busy)
        self.reprint_button.setEnabled(not busy and chosen and bool(self.people_model.ticked))
        self.reprint_button.setToolTip(
            "" if chosen else self.tr("Choose “Chosen people” and tick whose badge to reprint.")
        )
        self.template_box.setEnabled(not busy)

    def preview(self) -> None:
        """Render the selection to a private PDF and show it (nothing is recorded)."""
        if not self._can_start():
            return
        self._preview_serial += 1
        out = self._tmp / f"preview-{self._preview_serial}.pdf"
        job = run_in_background(
            render_preview, self.store, self.event_info, self.template(), self.selection(), out,
            progress=True, cancellable=True, parent=self,
        )
        job.succeeded.connect(lambda result: self._show_preview(out, result))
        self._start(job, self.tr("Rendering the preview…"))

    def _show_preview(self, path: Path, result: badges.RenderResult) -> None:
        old = self.pdf_document.property("checkinPath")
        self.pdf_document.close()
        error = self.pdf_document.load(str(path))
        if old and old != str(path):
            Path(old).unlink(missing_ok=True)
        self.pdf_document.setProperty("checkinPath", str(path))
        if error != QPdfDocument.Error.None_:
            self._show_failure_text(self.tr("⚠ The preview could not be opened."))
            return
        self.pdf_view.pageNavigator().jump(0, QPointF(), 0)
        text = self.tr("Preview: %1 badge(s) on %2 page(s), %3. Not recorded as printed.")
        text = text.replace("%1", str(result.badges)).replace("%2", str(result.pages))
        self.preview_label.setText(text.replace("%3", self.template().title))
        self.status_label.setText(self.tr("Preview ready."))
        self.preview_ready.emit(str(path))

    def print_badges(self) -> None:
        """Ask for a printer, then render, record and print in the background."""
        if not self._can_start():
            return
        self._print(reprint=False, reason="")

    def reprint(self) -> None:
        """Reprint the ticked people's badges with a reason; their old badges are revoked."""
        refs = self.chosen_refs()
        if self.mode() != CHOSEN or not refs or not self._can_start():
            return
        by_ref = {c.delegate.reference: c.delegate.full_name for c in self.choices}
        reason = self.ask_reason([by_ref.get(r, r) for r in refs], self)
        if not reason:
            return
        self._print(reprint=True, reason=reason)

    def _print(self, *, reprint: bool, reason: str) -> None:
        template = self.template()
        points = (template.page_width * badges.MM, template.page_height * badges.MM)
        printer = self.ask_printer(points, self)
        if printer is None:
            return
        out = self._tmp / "print.pdf"
        job = run_in_background(
            print_job, self.store, self.event_info, template, self.selection(), out,
            printer=printer, reprint=reprint, reason=reason, station=self.station,
            progress=True, cancellable=True, parent=self,
        )
        job.succeeded.connect(lambda outcome: self._printed(outcome, saved_to=None))
        job.finished.connect(lambda: out.unlink(missing_ok=True))
        self._printer = printer  # kept alive until the job is done
        self._start(job, self.tr("Printing…"))

    def save_pdf(self) -> None:
        """Save the badges as a PDF file to print elsewhere; recorded as printed."""
        if not self._can_start():
            return
        path = self.ask_save_path(self)
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        job = run_in_background(
            print_job, self.store, self.event_info, self.template(), self.selection(), out,
            station=self.station, progress=True, cancellable=True, parent=self,
        )
        job.succeeded.connect(lambda outcome: self._printed(outcome, saved_to=out))
        self._start(job, self.tr("Saving the PDF…"))

    def _printed(self, outcome: PrintOutcome, saved_to: Path | None) -> None:
        self._printer = None
        report = outcome.report
        if saved_to is not None:
            text = self.tr("Saved %1 badge(s) on %2 page(s) to %3.")
            text = text.replace("%3", str(saved_to))
        else:
            text = self.tr("Sent %1 badge(s) on %2 page(s) to the printer.")
        text = text.replace("%1", str(report.badges)).replace("%2", str(report.pages))
        if report.reprinted:
            text += " " + self.tr("%n old badge(s) revoked.", "", report.reprinted)
        self.status_label.setText("✓ " + text)
        self.printed.emit(outcome)
        self.refresh()

"""Import a delegate list, step by step, with the engine of ``checkin import``.

Pages: the file (read in the background: detected encoding and delimiter or sheet, the
first rows) -> the columns (each field's column, guessed, changed with combo boxes; the
file is read again on each change) -> the check (every problem with its file, row and
column; rows with errors can be skipped) -> the changes (new, updated, unchanged,
restored, and with "replace" the delegates to be cancelled) -> the import, in ONE
transaction with a progress bar and Cancel (a cancel writes nothing).

Every step calls ``checkin.core.roster.importer`` (``preview_roster``, ``read_roster``,
``plan_import``, ``import_roster``) through ``run_in_background``; the wizard holds only
their frozen results.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.roster import importer as roster
from checkin.core.roster.importer import ERROR, FilePreview, ImportReport, ParsedRoster
from checkin.core.types import EventInfo
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.table_models import PreviewTableModel
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20
CHANGE_ROWS = 500  # changes listed on the changes page (the counts are always complete)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def _failure(exc: BaseException) -> str:
    """An exception from the core as words for the organiser (never a traceback), in
    the app's language: a refused file (``RosterError``) or a database that cannot be
    used (``StoreError``) says what is wrong; anything else only that it went wrong."""
    if isinstance(exc, UserError):
        return explain(exc)
    if isinstance(exc, OSError):
        return _tr("The file could not be read (%1).").replace("%1", exc.strerror or str(exc))
    return _tr("Something went wrong (%1); nothing was changed.").replace(
        "%1", type(exc).__name__
    )


def _problem_words() -> dict[str, str]:
    """English as the core words it (so an English UI reads as the CLI does)."""
    return {
        "mixed_encoding": _tr(
            "this line is not UTF-8 like the rest of the file: read as Windows-1252 "
            "(check its accents)"
        ),
        "nul_removed": _tr("a NUL character was removed"),
        "merged_cells": _tr(
            "cells %1 are merged: in this row they read as empty; unmerge them and fill in "
            "every row"
        ),
        "formula_without_result": _tr(
            "cell %1 holds a formula with no saved result and reads as empty; open the file "
            "in Excel and save it again"
        ),
        "csv_sheet_ignored": _tr("the file is CSV: sheet %1 ignored"),
        "duplicate_column": _tr(
            "%1 columns are named %2 (%3): the first (%4) is read, the others are not"
        ),
        "columns_not_imported": _tr("columns not imported: %1"),
        "row_too_long": _tr(
            "%1 cells but the header has %2: the cells after column %3 are not read "
            "(a delimiter inside a name?)"
        ),
        "row_too_short": _tr("only %1 cells but the header has %2: the row may be cut short"),
        "no_name": _tr("no first name and no last name"),
        "reference_too_long": _tr("reference too long (%1 characters; at most %2)"),
        "first_name_too_long": _tr("first name too long (%1 characters; at most %2)"),
        "last_name_too_long": _tr("last name too long (%1 characters; at most %2)"),
        "organisation_too_long": _tr("organisation too long (%1 characters; at most %2)"),
        "email_too_long": _tr("email too long (%1 characters; at most %2)"),
        "invalid_email": _tr("invalid e-mail address %1"),
        "unknown_country": _tr("unknown country %1"),
        "unknown_category": _tr("unknown category %1 (known: %2)"),
        "unknown_category_none": _tr("unknown category %1 (this event defines no categories)"),
        "duplicate_reference": _tr("same reference as row %1"),
        "duplicate_email": _tr("same email as row %1"),
        "duplicate_name": _tr("same name and organisation as row %1"),
        "kept_row_has_error": _tr("delegate no. %1 kept: the row that lists them has an error"),
    }


_PLACEHOLDER = re.compile(r"%(\d)")


def problem_text(problem: roster.Problem) -> str:
    """A problem found in a delegate list, in the app's language; a problem with no
    known reason keeps the core's English words."""
    template = _problem_words().get(problem.reason)
    if template is None:
        return problem.message
    args = problem.args

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    # One pass: a value that itself holds "%2" (a column header) is not replaced again.
    return _PLACEHOLDER.sub(value, template)


def _field_label(field: str) -> str:
    labels = {
        "reference": _tr("Reference"),
        "first_name": _tr("First name"),
        "last_name": _tr("Last name"),
        "full_name": _tr("Full name (split into first and last)"),
        "organisation": _tr("Organisation"),
        "country": _tr("Country"),
        "email": _tr("E-mail"),
        "category": _tr("Category"),
    }
    return labels[field]


def _table(name: str, accessible: str, model) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setWordWrap(False)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def _message(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


# ---------------------------------------------------------------------------- pages


class _Page(QWizardPage):
    """A page that cannot be left while incomplete, even by ``QWizard.next()``."""

    def validatePage(self) -> bool:
        return self.isComplete()


class FilePage(_Page):
    """Choose the file; it is read in the background and its first rows shown."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose the delegate list"))
        self.setSubTitle(
            self.tr("A CSV or Excel (.xlsx) file with one delegate per row, headers in "
                    "English or French.")
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.path_edit.setPlaceholderText(self.tr("Path of a .csv or .xlsx file"))
        self.path_edit.editingFinished.connect(lambda: self.set_path(self.path_edit.text()))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the file to import"))
        browse.clicked.connect(self._browse)
        self.detected = _message("importDetected")
        self.model = PreviewTableModel(self)
        self.table = _table("importPreview", self.tr("First rows of the file"), self.model)

        row = QHBoxLayout()
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.path_edit)
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.detected)
        layout.addWidget(self.table, 1)
        self.job: Job | None = None

    def set_path(self, path: str) -> Job | None:
        """Read ``path`` (in the background) unless it is the file already read."""
        path = path.strip()
        if self.path_edit.text() != path:
            self.path_edit.setText(path)
        if not path:
            return None
        if self.w.preview is not None and self.w.path == Path(path):
            return None
        self.w.set_file(Path(path))
        self.model.set_preview((), ())
        self.detected.setText(self.tr("Reading %1…").replace("%1", Path(path).name))
        job = run_in_background(roster.preview_roster, path, rows=PREVIEW_ROWS, parent=self)
        job.succeeded.connect(lambda preview, p=Path(path): self._read(p, preview))
        job.failed.connect(lambda exc, p=Path(path): self._failed(p, exc))
        self.job = job
        self.completeChanged.emit()
        return job

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Delegate list"),
            str(self.w.path.parent if self.w.path else Path.home()),
            self.tr("Delegate lists (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if path:
            self.set_path(path)

    def _read(self, path: Path, preview: FilePreview) -> None:
        if path != self.w.path:
            return  # an older file's answer
        self.w.preview = preview
        self.w.mapping = {f: preview.mapping.get(f, "") for f in roster.FIELDS}
        self.model.set_preview(preview.header, preview.rows)
        self.table.resizeColumnsToContents()
        self.detected.setText(describe(preview))
        self.completeChanged.emit()

    def _failed(self, path: Path, exc: BaseException) -> None:
        if path != self.w.path:
            return
        self.detected.setText("⚠ " + _failure(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.preview is not None


def describe(preview: FilePreview) -> str:
    """What was detected in the file, in words."""
    delimiters = {",": _tr("comma"), ";": _tr("semicolon"), "\t": _tr("tab")}
    if preview.sheet is not None:
        kind = _tr("Excel workbook, sheet “%1”").replace("%1", preview.sheet)
    else:
        kind = (
            _tr("CSV, encoding %1, delimiter: %2")
            .replace("%1", preview.encoding or "?")
            .replace("%2", delimiters.get(preview.delimiter or "", repr(preview.delimiter)))
        )
    return (
        _tr("%1. Header in row %2; %3 delegate rows. The first rows:")
        .replace("%1", kind)
        .replace("%2", str(preview.header_row))
        .replace("%3", str(preview.data_rows))
    )


class MappingPage(_Page):
    """Which column holds each field; every change reads the file again."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr("The columns were guessed from the header; change any that is wrong.")
        )
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in roster.FIELDS:
            box = QComboBox()
            box.setObjectName(f"map_{field}")
            box.setMinimumWidth(200)
            box.setAccessibleName(
                self.tr("Column for %1").replace("%1", _field_label(field))
            )
            box.currentIndexChanged.connect(lambda _i: self._changed())
            label = QLabel(_field_label(field) + ":")
            label.setBuddy(box)
            form.addRow(label, box)
            self.boxes[field] = box
        self.summary = _message("mappingSummary")
        self.model = PreviewTableModel(self)
        self.table = _table("mappingPreview", self.tr("Delegates as they will be read"),
                            self.model)  # fmt: skip
        grid = QGridLayout(self)
        grid.addLayout(form, 0, 0)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.table, 1)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(1, 1)
        self.job: Job | None = None
        self._filling = False

    def initializePage(self) -> None:
        preview = self.w.preview
        assert preview is not None
        self._filling = True
        for field, box in self.boxes.items():
            box.clear()
            box.addItem(self.tr("(not imported)"), "")
            for header in preview.header:
                if header:
                    box.addItem(header, header)
            box.setCurrentIndex(max(box.findData(self.w.mapping.get(field, "")), 0))
        self._filling = False
        self.reread()

    def mapping(self) -> dict[str, str]:
        return {field: box.currentData() or "" for field, box in self.boxes.items()}

    def _changed(self) -> None:
        if not self._filling:
            self.reread()

    def reread(self) -> Job:
        """Read and validate the whole file with the chosen columns (background)."""
        self.w.mapping = self.mapping()
        self.w.parsed = None
        self.summary.setText(self.tr("Reading the file with these columns…"))
        job = run_in_background(
            roster.read_roster,
            self.w.path,
            sheet=self.w.preview.sheet if self.w.preview else None,
            mapping=self.w.mapping,
            categories=self.w.event_info.categories,
            parent=self,
        )
        mapping = dict(self.w.mapping)
        job.succeeded.connect(lambda parsed: self._read(mapping, parsed))
        job.failed.connect(lambda exc: self._failed(mapping, exc))
        self.job = job
        self.completeChanged.emit()
        return job

    def _read(self, mapping: dict[str, str], parsed: ParsedRoster) -> None:
        if mapping != self.w.mapping:
            return  # the columns changed since: a newer read is on its way
        self.w.parsed = parsed
        rows = []
        for r in parsed.rows[:PREVIEW_ROWS]:
            rows.append(
                (r.row, (r.reference, r.first_name, r.last_name, r.organisation, r.country,
                         r.email, r.category))
            )
        self.model.set_preview(
            (
                self.tr("Reference"), self.tr("First name"), self.tr("Last name"),
                self.tr("Organisation"), self.tr("Country"), self.tr("E-mail"),
                self.tr("Category"),
            ),
            rows,
        )
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr("%1 rows can be imported, %2 have errors.")
            .replace("%1", str(len(parsed.rows)))
            .replace("%2", str(len(parsed.rejected)))
        )
        self.completeChanged.emit()

    def _failed(self, mapping: dict[str, str], exc: BaseException) -> None:
        if mapping != self.w.mapping:
            return
        self.model.set_preview((), ())
        self.summary.setText("⚠ " + _failure(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.parsed is not None


class CheckPage(_Page):
    """Every problem found, with file, row and column; errors block unless skipped."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("Every problem found, with its row and column in the file."))
        self.summary = _message("checkSummary")
        self.model = PreviewTableModel(self)
        self.table = _table("problemTable", self.tr("Problems found in the file"), self.model)
        self.table.verticalHeader().hide()
        self.skip_box = QCheckBox(self.tr("&Skip the rows with errors and import the others"))
        self.skip_box.setObjectName("skipInvalid")
        self.skip_box.setAccessibleName(self.tr("Skip the rows with errors"))
        self.skip_box.toggled.connect(self._skip_toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_box)

    def initializePage(self) -> None:
        parsed = self.w.parsed
        assert parsed is not None
        rows = []
        for i, p in enumerate(parsed.problems):
            kind = self.tr("✗ Error") if p.severity == ERROR else self.tr("⚠ Warning")
            rows.append(
                (i + 1, (kind, Path(p.file).name, "" if p.row is None else str(p.row),
                         p.column or "", problem_text(p)))
            )
        self.model.set_preview(
            (self.tr("Kind"), self.tr("File"), self.tr("Row"), self.tr("Column"),
             self.tr("Problem")),
            rows,
        )
        self.table.resizeColumnsToContents()
        errors, warnings = len(parsed.errors), len(parsed.warnings)
        total = len(parsed.rows) + len(parsed.rejected)
        if errors:
            text = self.tr(
                "%1 rows read: %2 with errors (listed below), %3 without. Correct the file "
                "and choose it again, or skip the rows with errors."
            )
        elif warnings:
            text = self.tr("✓ %1 rows read, no errors; %4 warnings below.")
        else:
            text = self.tr("✓ %1 rows read, no problems.")
        self.summary.setText(
            text.replace("%1", str(total))
            .replace("%2", str(len(parsed.rejected)))
            .replace("%3", str(len(parsed.rows)))
            .replace("%4", str(warnings))
        )
        self.skip_box.setVisible(bool(errors))
        self.skip_box.setEnabled(bool(parsed.rows))
        self.skip_box.setChecked(self.w.skip_invalid and bool(errors))

    def _skip_toggled(self, checked: bool) -> None:
        self.w.skip_invalid = checked
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        parsed = self.w.parsed
        if parsed is None or not parsed.rows:
            return False
        return not parsed.errors or self.w.skip_invalid


class ChangesPage(_Page):
    """What the import will do, computed without writing (``plan_import``)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Review the changes"))
        self.setSubTitle(
            self.tr("Nothing has been written yet. Delegates are never deleted: a cancelled "
                    "delegate keeps their history and can be restored.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.replace_box = QCheckBox(
            self.tr("&Replace the list: cancel the delegates missing from this file")
        )
        self.replace_box.setObjectName("replace")
        self.replace_box.setAccessibleName(
            self.tr("Replace the list: cancel the delegates missing from this file")
        )
        self.replace_box.toggled.connect(self._replace_toggled)
        self.summary = _message("changesSummary")
        self.model = PreviewTableModel(self)
        self.table = _table("changesTable", self.tr("Changes the import will make"), self.model)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.job: Job | None = None

    def initializePage(self) -> None:
        self.replace_box.setChecked(self.w.replace)
        self.plan()

    def _replace_toggled(self, checked: bool) -> None:
        self.w.replace = checked
        self.plan()

    def plan(self) -> Job:
        self.w.plan = None
        self.summary.setText(self.tr("Comparing with the delegates already registered…"))
        self.model.set_preview((), ())
        replace = self.w.replace
        job = run_in_background(
            roster.plan_import,
            self.w.store,
            self.w.event_info,
            self.w.parsed,
            replace=replace,
            parent=self,
        )
        job.succeeded.connect(lambda report: self._planned(replace, report))
        job.failed.connect(lambda exc: self._failed(replace, exc))
        self.job = job
        self.completeChanged.emit()
        return job

    def _planned(self, replace: bool, report: ImportReport) -> None:
        if replace != self.w.replace:
            return
        self.w.plan = report
        self.summary.setText(
            self.tr(
                "New: %1. Updated: %2. Unchanged: %3. Restored: %4. To be cancelled: %5."
            )
            .replace("%1", str(len(report.new)))
            .replace("%2", str(len(report.updated)))
            .replace("%3", str(report.unchanged_count))
            .replace("%4", str(len(report.restored)))
            .replace("%5", str(len(report.cancelled)))
        )
        rows = []
        for kind, changes in (
            (self.tr("✗ To be cancelled"), report.cancelled),
            (self.tr("↺ Restored"), report.restored),
            (self.tr("✎ Updated"), report.updated),
            (self.tr("+ New"), report.new),
        ):
            for change in changes:
                if len(rows) >= CHANGE_ROWS:
                    break
                rows.append(
                    (len(rows) + 1, (
                        kind,
                        "" if change.row is None else str(change.row),
                        "" if change.number is None else str(change.number),
                        change.name,
                        ", ".join(f.replace("_", " ") for f in change.fields),
                    ))
                )  # fmt: skip
        self.model.set_preview(
            (self.tr("Change"), self.tr("Row"), self.tr("No."), self.tr("Name"),
             self.tr("Fields changed")),
            rows,
        )
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def _failed(self, replace: bool, exc: BaseException) -> None:
        if replace != self.w.replace:
            return
        self.summary.setText("⚠ " + _failure(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.plan is not None


class ApplyPage(QWizardPage):
    """The import itself, in one transaction, with progress and Cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All the changes are saved together, or none of them."))
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setRange(0, 0)
        self.status = _message("importStatus")
        self.cancel_button = QPushButton(self.tr("&Stop the import"))
        self.cancel_button.setAccessibleName(self.tr("Stop the import; nothing is changed"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.job: Job | None = None
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.w.result = None
        self.status.setText(self.tr("Importing… (nothing is saved until the end)"))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        job = run_in_background(
            roster.import_roster,
            self.w.store,
            self.w.event_info,
            self.w.path,
            replace=self.w.replace,
            skip_invalid=self.w.skip_invalid,
            sheet=self.w.preview.sheet if self.w.preview else None,
            mapping=self.w.mapping,
            progress=True,
            cancellable=True,
            parent=self.w,
        )
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._imported)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        self.job = job

    def cancel(self) -> None:
        if self.job is not None and not self.job.is_finished:
            self.job.cancel()
            self.status.setText(self.tr("Stopping… nothing will be changed."))
            self.cancel_button.setEnabled(False)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _imported(self, report: ImportReport) -> None:
        self.w.result = report
        self.progress.setRange(0, 1)
        if not report.applied:
            self.progress.setValue(0)
            self.status.setText(
                self.tr("⚠ Nothing was imported: the file has errors (%1). Correct it and try "
                        "again.").replace("%1", str(len(report.errors)))
            )
            return
        self.progress.setValue(1)
        self.status.setText(
            self.tr(
                "✓ Imported. New: %1. Updated: %2. Unchanged: %3. Restored: %4. "
                "Cancelled: %5. Rows skipped: %6."
            )
            .replace("%1", str(len(report.new)))
            .replace("%2", str(len(report.updated)))
            .replace("%3", str(report.unchanged_count))
            .replace("%4", str(len(report.restored)))
            .replace("%5", str(len(report.cancelled)))
            .replace("%6", str(report.skipped_rows))
        )

    def _failed(self, exc: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, roster.ImportCancelled):
            self.status.setText(self.tr("✗ Import stopped: nothing was changed."))
        else:
            self.status.setText("⚠ " + _failure(exc))

    def _finished(self) -> None:
        self.done = True
        self.cancel_button.hide()
        self.completeChanged.emit()
        if self.w.close_when_done:
            self.w.reject()

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """Import a CSV/XLSX delegate list into the event; ``result`` is the final report."""

    def __init__(self, store: Store, event_info: EventInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import delegates"))
        self.setAccessibleName(self.tr("Import delegates"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.store = store
        self.event_info = event_info
        self.path: Path | None = None
        self.preview: FilePreview | None = None
        self.mapping: dict[str, str] = {}
        self.parsed: ParsedRoster | None = None
        self.plan: ImportReport | None = None
        self.result: ImportReport | None = None
        self.skip_invalid = False
        self.replace = False
        self.close_when_done = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.changes_page = ChangesPage(self)
        self.apply_page = ApplyPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.check_page,
            self.changes_page,
            self.apply_page,
        ):
            self.addPage(page)
        self.resize(900, 600)

    def set_file(self, path: Path) -> None:
        """A new file: forget everything read from the previous one."""
        self.path = path
        self.preview = None
        self.mapping = {}
        self.parsed = None
        self.plan = None
        self.skip_invalid = False

    def reject(self) -> None:
        job = self.apply_page.job
        if job is not None and not job.is_finished:
            # Closing during the import: stop it, and close once it has rolled back.
            self.close_when_done = True
            self.apply_page.cancel()
            return
        super().reject()

"""The wizard's check page: every problem found in the file, with its file, row and
column; rows with errors block the import unless the organiser skips them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QVBoxLayout

from checkin.core.roster.report import ERROR
from checkin.ui.roster.importing.base import Page, message, table
from checkin.ui.roster.importing.words import problem_text
from checkin.ui.widgets.table_models import PreviewTableModel

if TYPE_CHECKING:
    from checkin.ui.roster.importing.wizard import ImportWizard


class CheckPage(Page):
    """Every problem found, with file, row and column; errors block unless skipped."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("Every problem found, with its row and column in the file."))
        self.summary = message("checkSummary")
        self.model = PreviewTableModel(self)
        self.table = table("problemTable", self.tr("Problems found in the file"), self.model)
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
                "%n row(s) read: %2 with errors (listed below), %3 without. Correct the file "
                "and choose it again, or skip the rows with errors.", "", total
            )
        elif warnings:
            text = self.tr("✓ %1 read, no errors; %4 below.").replace(
                "%1", self.tr("%n row(s)", "", total)).replace(
                "%4", self.tr("%n warning(s)", "", warnings))
        else:
            text = self.tr("✓ %n row(s) read, no problems.", "", total)
        self.summary.setText(
            text.replace("%2", str(len(parsed.rejected))).replace("%3", str(len(parsed.rows)))
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

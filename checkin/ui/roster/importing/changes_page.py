"""The wizard's changes page: what the import will do, computed without writing
(``plan_import``), with the choice to replace the list (cancel whoever is missing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWizard

from checkin.core.roster.apply import plan_import
from checkin.core.roster.report import ImportReport
from checkin.ui.roster.importing.base import CHANGE_ROWS, Page, message, table
from checkin.ui.roster.importing.words import failure
from checkin.ui.widgets.table_models import PreviewTableModel
from checkin.ui.widgets.workers import Job, run_in_background

if TYPE_CHECKING:
    from checkin.ui.roster.importing.wizard import ImportWizard


class ChangesPage(Page):
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
        self.summary = message("changesSummary")
        self.model = PreviewTableModel(self)
        self.table = table("changesTable", self.tr("Changes the import will make"), self.model)
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
            plan_import,
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
        self.model.set_preview(
            (self.tr("Change"), self.tr("Row"), self.tr("No."), self.tr("Name"),
             self.tr("Fields changed")),
            self._rows(report),
        )
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def _rows(self, report: ImportReport) -> list[tuple[int, tuple[str, ...]]]:
        """The changes listed, the most consequential first, at most ``CHANGE_ROWS``."""
        rows: list[tuple[int, tuple[str, ...]]] = []
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
        return rows

    def _failed(self, replace: bool, exc: BaseException) -> None:
        if replace != self.w.replace:
            return
        self.summary.setText("⚠ " + failure(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.plan is not None

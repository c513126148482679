"""The wizard's last page: the import itself, in ONE transaction, with a progress bar
and a Stop button (a stopped import writes nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from checkin.core.roster.apply import import_roster
from checkin.core.roster.report import ImportCancelled, ImportReport
from checkin.ui.roster.importing.base import message
from checkin.ui.roster.importing.words import failure
from checkin.ui.widgets.workers import Job, run_in_background

if TYPE_CHECKING:
    from checkin.ui.roster.importing.wizard import ImportWizard


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
        self.status = message("importStatus")
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
            import_roster,
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
        if isinstance(exc, ImportCancelled):
            self.status.setText(self.tr("✗ Import stopped: nothing was changed."))
        else:
            self.status.setText("⚠ " + failure(exc))

    def _finished(self) -> None:
        self.done = True
        self.cancel_button.hide()
        self.completeChanged.emit()
        if self.w.close_when_done:
            self.w.reject()

    def isComplete(self) -> bool:
        return self.done

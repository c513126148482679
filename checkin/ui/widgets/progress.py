"""A small window-modal dialog that follows one background job: what runs, a bar, Cancel.

QProgressDialog hides itself the moment Cancel is pressed, while the job may need a
moment to reach its next check; this one stays up saying "Cancelling…" until the job
has really finished, so the organiser never starts a second export over the first.
A job without progress reports (a PDF laid out in one go) shows a busy bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.widgets.workers import Job

STEPS = 1000


class JobProgressDialog(QDialog):
    """Shown while ``job`` runs; closes itself when the job has finished."""

    def __init__(
        self,
        title: str,
        text: str,
        job: Job,
        *,
        cancellable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("jobProgressDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.job = job
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("What is running"))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progress"))
        self.bar.setRange(0, 0)  # busy until the first report
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel the running job"))
        self.cancel_button.setEnabled(cancellable)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self._cancellable = cancellable
        self._closing = False
        job.progressed.connect(self._progress)
        job.finished.connect(self._finished)

    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self.bar.maximum() != STEPS:
            self.bar.setRange(0, STEPS)
        self.bar.setValue(done * STEPS // total)
        self.bar.setFormat(f"{done:,} / {total:,}")

    def cancel(self) -> None:
        """Ask the job to stop; the dialog stays until it has."""
        if not self._cancellable or self.job.is_finished:
            return
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Escape
        self.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            event.accept()
            return
        self.cancel()
        event.ignore()

    def _finished(self) -> None:
        self._closing = True
        self.done(QDialog.DialogCode.Accepted)

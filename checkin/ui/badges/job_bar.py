"""The running job's progress bar and Cancel button, shown only while a job runs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from checkin.ui.widgets.workers import Job


class JobBar(QWidget):
    """Follows one ``Job`` at a time: progress in thousandths, and a Cancel button."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = QProgressBar()
        self.progress.setObjectName("badgeProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.setAccessibleName(self.tr("Cancel the running job"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def follow(self, job: Job) -> None:
        """Show ``job``'s progress until it finishes."""
        self.progress.setValue(0)
        self.show()
        job.progressed.connect(
            lambda done, total: self.progress.setValue(done * 1000 // total if total else 0)
        )
        job.finished.connect(self.hide)

"""The wizard's first page: choose the file; it is read in the background (detected
encoding and delimiter, or sheet) and its first rows are shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from checkin.core.roster.columns import FIELDS
from checkin.core.roster.read import preview_roster
from checkin.core.roster.report import FilePreview
from checkin.ui.roster.importing.base import PREVIEW_ROWS, Page, message, table
from checkin.ui.roster.importing.words import describe, failure
from checkin.ui.widgets.table_models import PreviewTableModel
from checkin.ui.widgets.workers import Job, run_in_background

if TYPE_CHECKING:
    from checkin.ui.roster.importing.wizard import ImportWizard


class FilePage(Page):
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
        self.detected = message("importDetected")
        self.model = PreviewTableModel(self)
        self.table = table("importPreview", self.tr("First rows of the file"), self.model)

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
        job = run_in_background(preview_roster, path, rows=PREVIEW_ROWS, parent=self)
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
        self.w.mapping = {f: preview.mapping.get(f, "") for f in FIELDS}
        self.model.set_preview(preview.header, preview.rows)
        self.table.resizeColumnsToContents()
        self.detected.setText(describe(preview))
        self.completeChanged.emit()

    def _failed(self, path: Path, exc: BaseException) -> None:
        if path != self.w.path:
            return
        self.detected.setText("⚠ " + failure(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.preview is not None

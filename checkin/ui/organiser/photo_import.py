"""Event ▸ Import photos…: delegates' photos from a folder (issue 19).

Files named by reference, e-mail or number (``IOMNGO-0012.jpg``, ``#12.png``), JPEG or
PNG, are resized and stored by ``accreditation.photos.import_folder`` on a worker thread,
with a progress dialog and Cancel (what was stored before Cancel stays).  The end says
how many were matched, and names the files that matched no one or could not be read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from checkin.core.accreditation.photos import PhotoImport, import_folder
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.workers import Job, run_in_background

if TYPE_CHECKING:
    from checkin.ui.organiser.menu import OrganiserMenu

MOST_NAMED = 12  # unmatched files named in the summary; the rest counted


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotoImport", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("PhotoImport", text, "", n)


# Replaceable in tests: the folder chooser and the summary box.
ask_folder: Callable[[QWidget], str] = lambda parent: QFileDialog.getExistingDirectory(  # noqa: E731
    parent, _tr("Import photos from a folder"))
show_summary: Callable[[QWidget, str, str], object] = lambda parent, title, text: (  # noqa: E731
    QMessageBox.information(parent, title, text))


def summary(result: PhotoImport, cancelled: bool) -> str:
    """What the import did, in words."""
    stored = result.matched
    lines = [_trn("%n photo(s) stored.", stored)]
    if cancelled:
        lines.append(_tr("Cancelled: the photos stored so far are kept."))
    if result.unmatched:
        named = ", ".join(result.unmatched[:MOST_NAMED])
        more = len(result.unmatched) - MOST_NAMED
        if more > 0:
            named += " " + _tr("and %1 more").replace("%1", str(more))
        lines.append(_tr("Matched no one (name a file by reference, e-mail or number): %1")
                     .replace("%1", named))
    lines += [_tr("Not read: %1").replace("%1", bad) for bad in result.unreadable]
    return "\n".join(lines)


class PhotoImporter(QObject):
    """One import at a time, from the Event menu."""

    def __init__(self, menu: OrganiserMenu) -> None:
        super().__init__(menu)
        self.menu = menu
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.last: str = ""  # the last summary (tests)

    def start(self, folder: str | None = None) -> Job | None:
        if self.job is not None or getattr(self.menu, "_locked", False):
            return None
        folder = folder if folder is not None else ask_folder(self.menu.window)
        if not folder:
            return None
        progress = QProgressDialog(_tr("Importing photos…"), _tr("Cancel"), 0, 0,
                                   self.menu.window)
        progress.setWindowTitle(_tr("Import photos"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress
        job = run_in_background(self._run, folder, progress=True, cancellable=True, parent=self)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(lambda result: self._done(result, job.is_cancelled))
        job.failed.connect(self._failed)
        self.job = job
        return job

    def _run(self, folder: str, *, progress, cancelled) -> PhotoImport:
        def step(done: int, total: int) -> bool:
            progress(done, total)
            return not cancelled()

        return import_folder(self.menu.store, self.menu.event_info, folder, progress=step)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    def _finish(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, result: PhotoImport, cancelled: bool) -> None:
        self._finish()
        self.last = summary(result, cancelled)
        if result.matched:
            self.menu.data_changed.emit()
        show_summary(self.menu.window, _tr("Import photos"), self.last)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.last = explain(exc)
        show_summary(self.menu.window, _tr("Import photos"), self.last)

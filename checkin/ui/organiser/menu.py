"""The organiser's Event menu: exports, paper ticks, backups and the purge, in the app.

"So nobody needs a spreadsheet or a terminal": every action here calls the core
function the matching command calls (``checkin export``, ``paper-arrivals``,
``mailmerge``, ``backup``, ``restore``, ``purge``), with the same checks, off the GUI
thread with a progress dialog and Cancel, and ends with a message naming the file and
an "Open folder" button.

* Exports are written to a hidden file next to the target and moved into place only
  when the job succeeded and was not cancelled: a cancelled export leaves no file, and
  an older file of the same name survives a cancel.  (The core checks for cancel while
  writing CSV/XLSX rows; its PDFs are laid out in one go, so their Cancel takes effect
  at the end.)  The mail-merge folder gets back the files it had.
* Restore: the core refuses while the database is open, and this app holds it open
  for as long as it runs, so the restore is "Restore and close the app": it stops the
  automatic backups, closes the store, restores (the current database is kept as a
  backup by the core), and closes the app, asking the organiser to start it again.  A
  restore that fails (damaged file, another desk has the database open) changes
  nothing and the app carries on.
* Locked (the desk's lock mode), the menu is hidden and every action disabled.

The questions asked of the organiser (file dialogs, the sign-in split, the template,
the restore confirmation) and opening a folder are attributes holding callables, so
tests replace them; the paper-ticks and purge dialogs are opened non-modally (``open``)
and kept in ``self.dialog``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from checkin.core.dashboard.files import ExportCancelled, ReportError
from checkin.core.db import backup
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.organiser.autobackup import AutoBackup
from checkin.ui.organiser.export_jobs import (
    CSV,
    XLSX,
    MailMergeDone,
    StagedExport,
    failure_text,
    kind_for,
    remove_new_files,
    stage_export,
    with_filter_suffix,
    write_mailmerge,
)
from checkin.ui.organiser.photo_import import PhotoImporter
from checkin.ui.widgets import workers
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.modal import open_modal
from checkin.ui.widgets.plain import message_box
from checkin.ui.widgets.progress import JobProgressDialog

# The menu is on screen from the desk's first paint; what its commands need (the PDF and
# workbook writers, the dialogs) loads when a command is first used.
if TYPE_CHECKING:
    from checkin.core.dashboard.sign_in import DeskRange
    from checkin.ui.organiser.paper_dialog import PaperDialog
    from checkin.ui.organiser.purge_dialog import PurgeDialog

# ---------------------------------------------------------------- the menu


class OrganiserMenu(QObject):
    """Adds the Event menu to ``window`` and runs its actions."""

    job_finished = Signal()
    """A background job of this menu has finished (its message is up)."""
    data_changed = Signal()
    """Ticks recorded or personal data purged: pages showing delegates should reload."""
    message_shown = Signal(str)
    """The text of the message that ends an action (done, cancelled or failed)."""

    def __init__(self, window: QMainWindow, store: Store, event_info: EventInfo) -> None:
        super().__init__(window)
        self.setObjectName("organiserMenu")
        self.window = window
        self.store = store
        self.event_info = event_info
        self.job: workers.Job | None = None
        self.progress_dialog: JobProgressDialog | None = None
        self.dialog: QDialog | None = None  # the paper-ticks or purge dialog, when open
        self.message: QMessageBox | None = None
        self._locked = False
        self._last_dir = ""
        self._ask_with_defaults()
        self.menu: QMenu = window.menuBar().addMenu(self.tr("&Event"))
        self.menu.setObjectName("eventMenu")
        self.menu.setAccessibleName(self.tr("Event menu"))
        self.menu.aboutToShow.connect(self._update_actions)
        self._add_actions()
        # F10 opens the menu, as in most desktop apps: Alt+E is shared with mnemonics of
        # some pages ("&Edit…" on the Roster), where the menu bar wins.
        self.open_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F10), window)
        self.open_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.open_shortcut.activated.connect(self.open_menu)
        self._update_actions()

    def _ask_with_defaults(self) -> None:
        """The steps that need a person (dialogs, opening a folder), replaceable in tests."""
        self.ask_save_path: Callable[[str, str, list[str]], str] = self._ask_save_path
        self.ask_folder: Callable[[str, str], str] = lambda title, start: (
            QFileDialog.getExistingDirectory(self.window, title, start)
        )
        self.ask_open_path: Callable[[str, str, str], str] = lambda title, start, filters: (
            QFileDialog.getOpenFileName(self.window, title, start, filters)[0]
        )
        self.ask_split: Callable[[], str | None] = lambda: _dialogs().ask_split(self.window)
        self.ask_template: Callable[[], str | None] = lambda: _dialogs().ask_template(
            self.window
        )
        self.confirm_restore: Callable[[str], bool] = self._confirm_restore
        self.open_folder: Callable[[Path], object] = lambda folder: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(folder))
        )
        self.quit_app: Callable[[str], None] = self._quit_app

    def _add_actions(self) -> None:
        add = self._add
        self.export_action = add("exportAttendance", self.tr("&Export attendance…"),
                                 self.tr("Export attendance as a spreadsheet"),
                                 self.export_attendance, "Ctrl+E")
        self.report_action = add("donorsReport", self.tr("&Donors' report (PDF)…"),
                                 self.tr("Save the donors' attendance report as PDF"),
                                 self.export_report)
        self.sheets_action = add("signInSheets", self.tr("&Sign-in sheets (PDF)…"),
                                 self.tr("Save paper sign-in sheets as PDF"),
                                 self.export_sign_in)
        self.mail_action = add("badgesByEmail", self.tr("&Badges by e-mail…"),
                               self.tr("Write badge files for a mail merge"),
                               self.export_mailmerge)
        self.menu.addSeparator()
        self.paper_action = add("paperTicks", self.tr("Enter &paper sign-in ticks…"),
                                self.tr("Enter the ticks of a paper sign-in sheet"),
                                self.enter_paper_ticks, "Ctrl+T")
        self.photos = PhotoImporter(self)  # off the GUI thread, with progress and Cancel
        self.photos_action = add("importPhotos", self.tr("Import p&hotos…"),
                                 self.tr("Import delegates' photos from a folder"),
                                 self.photos.start)
        self.menu.addSeparator()
        self.backup_action = add("backUpNow", self.tr("Back &up now…"),
                                 self.tr("Back up the database now"), self.back_up_now,
                                 "Ctrl+B")
        self.restore_action = add("restoreBackup", self.tr("&Restore a backup…"),
                                  self.tr("Restore a backup and close the app"),
                                  self.restore_backup)
        self.menu.addSeparator()
        self.kiosk_action = add("openKiosk", self.tr("&Kiosk…"),
                                self.tr("Open the self check-in kiosk full screen (closed "
                                        "with the lock PIN)"), self.open_kiosk)
        self.menu.addSeparator()
        self.purge_action = add("purgePersonalData", self.tr("Pur&ge personal data…"),
                                self.tr("Purge personal data after the event"),
                                self.purge_personal_data)

    def open_menu(self) -> None:
        """Open the Event menu from the keyboard (F10), unless locked."""
        if not self._locked:
            self.window.menuBar().setActiveAction(self.menu.menuAction())

    def _add(self, name: str, text: str, accessible: str, slot, shortcut: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setToolTip(accessible)
        action.setStatusTip(accessible)
        # QAction has no accessible name of its own: screen readers read a menu item's
        # text as its name, and its "What's this" as the description.
        action.setWhatsThis(accessible)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    @property
    def actions(self) -> list[QAction]:
        return [a for a in self.menu.actions() if not a.isSeparator()]

    # ------------------------------------------------------------ state

    def set_event_info(self, event_info: EventInfo) -> None:
        self.event_info = event_info

    def set_locked(self, locked: bool) -> None:
        """Locked: the menu and its shortcuts are gone until unlocked."""
        self._locked = locked
        self.menu.menuAction().setVisible(not locked)
        self.open_shortcut.setEnabled(not locked)
        for action in self.actions:
            action.setVisible(not locked)
        self._update_actions()

    def is_locked(self) -> bool:
        return self._locked

    def is_busy(self) -> bool:
        return self.job is not None

    def _update_actions(self) -> None:
        free = not self._locked and self.job is None
        for action in self.actions:
            action.setEnabled(free)
        # Never while anything runs in the background: it may be reading the data.
        self.purge_action.setEnabled(free and not workers.running_jobs())

    # ------------------------------------------------------------ dialogs that ask

    def _start_dir(self) -> str:
        if self._last_dir and Path(self._last_dir).is_dir():
            return self._last_dir
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return docs or str(Path.home())

    def _ask_save_path(self, title: str, default_name: str, filters: list[str]) -> str:
        start = str(Path(self._start_dir()) / default_name)
        path, chosen = QFileDialog.getSaveFileName(
            self.window, title, start, ";;".join(filters), filters[0]
        )
        return with_filter_suffix(path, chosen or filters[0])

    def _confirm_restore(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"), text,
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        go = box.addButton(self.tr("&Restore and close the app"),
                           QMessageBox.ButtonRole.DestructiveRole)
        go.setAccessibleName(self.tr("Restore the backup and close the app"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def _quit_app(self, text: str) -> None:
        message_box(
            self.window, QMessageBox.Icon.Information, self.tr("Restore a backup"), text
        ).exec()
        self.window.close()
        QApplication.quit()

    def _stamp(self) -> str:
        return self.event_info.date.isoformat()

    # ------------------------------------------------------------ messages

    def _show(self, icon: QMessageBox.Icon, title: str, text: str,
              folder: Path | None = None) -> QMessageBox:
        """The message that ends an action: opened, never blocking (so tests read it)."""
        if self.message is not None:
            self.message.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("organiserMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        if folder is not None:
            button = box.addButton(self.tr("&Open folder"), QMessageBox.ButtonRole.ActionRole)
            button.setObjectName("openFolderButton")
            button.setAccessibleName(self.tr("Open the folder in the file manager"))
            button.clicked.connect(lambda: self.open_folder(folder))
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: self._forget_message(box))
        self.message = box
        open_modal(box)
        self.message_shown.emit(text)
        return box

    def _forget_message(self, box: QMessageBox) -> None:
        if self.message is box:
            self.message = None

    def _done(self, title: str, text: str, folder: Path | None = None) -> None:
        self._show(QMessageBox.Icon.Information, title, text, folder)

    def _error(self, title: str, text: str) -> None:
        self._show(QMessageBox.Icon.Warning, title, "⚠ " + text)

    # ------------------------------------------------------------ jobs

    def _run(self, title: str, text: str, fn, *args, progress: bool = False,
             cancellable: bool = True, **kwargs) -> workers.Job | None:
        if self.job is not None or self._locked:
            return None
        job = workers.run_in_background(fn, *args, progress=progress,
                                        cancellable=cancellable, parent=self, **kwargs)
        self.job = job
        dialog = JobProgressDialog(title, text, job, cancellable=cancellable,
                                   parent=self.window)
        self.progress_dialog = dialog
        job.failed.connect(lambda exc: self._job_failed(title, job, exc))
        job.finished.connect(self._job_done)
        self._update_actions()
        open_modal(dialog)
        return job

    def _job_failed(self, title: str, job: workers.Job, exc: BaseException) -> None:
        from checkin.core.badges.render import RenderCancelled

        cancelled = job.is_cancelled and isinstance(
            exc, ExportCancelled | RenderCancelled
        )
        if cancelled:
            self._done(title, self.tr("Cancelled: nothing was written."))
        else:
            self._error(title, failure_text(exc))

    def _job_done(self) -> None:
        self.job = None
        if self.progress_dialog is not None:
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self._update_actions()
        self.job_finished.emit()

    # ------------------------------------------------------------ exports

    def export_attendance(self) -> None:
        """CSV or XLSX, whichever type the file dialog chose."""
        title = self.tr("Export attendance")
        path = self.ask_save_path(
            title, f"attendance-{self._stamp()}.xlsx",
            [self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")],
        )
        if not path:
            return
        try:
            kind = kind_for(path)
        except ReportError as exc:
            self._error(title, explain(exc))
            return
        self._export(title, self.tr("Writing the attendance…"), Path(path), kind)

    def export_report(self) -> None:
        title = self.tr("Donors' report")
        path = self.ask_save_path(title, f"attendance-report-{self._stamp()}.pdf",
                                  [self.tr("PDF (*.pdf)")])
        if path:
            self._export(title, self.tr("Laying out the report…"), Path(path), "report")

    def export_sign_in(self) -> None:
        title = self.tr("Sign-in sheets")
        text = self.ask_split()
        if text is None:
            return
        from checkin.core.dashboard.sign_in import parse_split

        try:
            split = parse_split(text)
        except ReportError as exc:  # the dialog checks; an injected one may not
            self._error(title, explain(exc))
            return
        path = self.ask_save_path(title, f"sign-in-sheets-{self._stamp()}.pdf",
                                  [self.tr("PDF (*.pdf)")])
        if path:
            self._export(title, self.tr("Laying out the sign-in sheets…"), Path(path),
                         "sign-in", split)

    def _export(self, title: str, text: str, path: Path, kind: str,
                split: tuple[DeskRange, ...] = ()) -> None:
        self._last_dir = str(path.parent)
        job = self._run(title, text, stage_export, self.store, self.event_info, path, kind,
                        split, progress=True)
        if job is not None:
            job.succeeded.connect(lambda staged: self._exported(title, job, staged))

    def _exported(self, title: str, job: workers.Job, staged: StagedExport) -> None:
        if job.is_cancelled:  # cancelled after the last check: drop the file
            staged.staged.unlink(missing_ok=True)
            self._done(title, self.tr("Cancelled: nothing was written."))
            return
        try:
            os.replace(staged.staged, staged.target)
        except OSError as exc:
            staged.staged.unlink(missing_ok=True)
            self._error(title, failure_text(exc))
            return
        result = staged.result
        if result.kind in (CSV, XLSX):
            text = self.tr("Attendance of %n delegate(s) written to:\n%2", "", result.rows)
        elif result.kind == "report":
            text = self.tr("Donors' report (counts only, no names) written to:\n%2")
        else:
            text = self.tr(
                "Sign-in sheets written to:\n%2\n\nPrint them the evening before. Ticks "
                "are entered afterwards with Event ▸ Enter paper sign-in ticks."
            )
        text = text.replace("%2", str(staged.target))
        self._done(title, text, staged.target.parent)

    def export_mailmerge(self) -> None:
        title = self.tr("Badges by e-mail")
        template = self.ask_template()
        if template is None:
            return
        folder = self.ask_folder(self.tr("Folder for the badges by e-mail"), self._start_dir())
        if not folder:
            return
        self._last_dir = folder
        job = self._run(title, self.tr("Drawing the badges…"), write_mailmerge, self.store,
                        self.event_info, Path(folder), template, progress=True)
        if job is not None:
            job.succeeded.connect(lambda done: self._mailmerged(title, job, done))

    def _mailmerged(self, title: str, job: workers.Job, done: MailMergeDone) -> None:
        report = done.report
        if job.is_cancelled:
            remove_new_files(report.folder, done.before)
            self._done(title, self.tr("Cancelled: nothing was written."))
            return
        text = (
            self.tr("%n badge(s) (a PDF and a QR code image each) and the list for your mail "
                    "program written to:\n%2", "", report.badges)
            .replace("%2", str(report.csv_path))
        )
        if report.skipped_cancelled:
            text += "\n" + self.tr("%n cancelled registration(s) skipped.", "",
                                   report.skipped_cancelled)
        self._done(title, text, report.folder)

    # ------------------------------------------------------------ paper ticks

    def enter_paper_ticks(self) -> PaperDialog | None:
        if self._locked:
            return None
        from checkin.ui.organiser.paper_dialog import PaperDialog

        dialog = PaperDialog(self.store, self.event_info, self.window)
        dialog.recorded.connect(lambda _result: self.data_changed.emit())
        self._open_dialog(dialog)
        return dialog

    def _open_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget_dialog(dialog))
        self.dialog = dialog
        open_modal(dialog)

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # ------------------------------------------------------------ backups

    def _sqlite_only(self, title: str) -> Path | None:
        if self.store.path is None:
            self._error(title, explain(backup.PostgresBackupError(backup.PG_MESSAGE)))
        return self.store.path

    def back_up_now(self) -> None:
        """Into the backups folder (rotated, like the automatic ones) or any folder."""
        title = self.tr("Back up now")
        db = self._sqlite_only(title)
        if db is None:
            return
        default = backup.backups_dir(db)
        start = default if default.is_dir() else db.parent
        folder = self.ask_folder(self.tr("Back up the database into…"), str(start))
        if not folder:
            return
        out = None if Path(folder).resolve() == default.resolve() else Path(folder)
        job = self._run(title, self.tr("Copying and checking the database…"), backup.backup,
                        db, out, cancellable=False)
        if job is not None:
            job.succeeded.connect(lambda result: self._backed_up(title, result))

    def _backed_up(self, title: str, result: backup.BackupResult) -> None:
        text = (
            self.tr("Backed up to:\n%1\n(%2 bytes, integrity checked.)")
            .replace("%1", str(result.path)).replace("%2", f"{result.size:,}")
        )
        if result.removed:
            text += "\n" + self.tr("%n older backup(s) removed by the rotation.", "",
                                   len(result.removed))
        self._done(title, text, result.path.parent)

    def restore_text(self, source: Path) -> str:
        """What the confirmation says will happen."""
        db = self.store.path
        assert db is not None
        try:
            saved = dt.datetime.fromtimestamp(source.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        except OSError:
            saved = "?"
        return (
            self.tr(
                "Replace the event database\n%1\nwith the backup\n%2\n(saved %3)?\n\n"
                "Everything recorded since that backup is replaced by the backup's data. "
                "The current database is first kept as a backup in\n%4\nso this can be "
                "undone.\n\nThe database cannot be replaced while the app has it open: the "
                "app closes to restore it. Close the app on any other desk using this "
                "database first. Then start checkin again."
            )
            .replace("%1", str(db)).replace("%2", str(source)).replace("%3", saved)
            .replace("%4", str(backup.backups_dir(db)))
        )

    def restore_backup(self) -> bool:
        """Restore and close the app.  True when the database was replaced."""
        title = self.tr("Restore a backup")
        db = self._sqlite_only(title)
        if db is None or self._locked:
            return False
        if self.job is not None or workers.running_jobs():
            self._error(title, self.tr("Wait for the running task to finish, then restore."))
            return False
        folder = backup.backups_dir(db)
        source = self.ask_open_path(
            title, str(folder if folder.is_dir() else db.parent),
            self.tr("checkin backups (*.sqlite);;All files (*)"),
        )
        if not source:
            return False
        source_path = Path(source)
        if not self.confirm_restore(self.restore_text(source_path)):
            return False
        # No event may run between closing the store and replacing the file (a page's
        # timer would open the database again), so this is one uninterrupted step on
        # this thread: a file copy, after which the app closes.
        auto = self.window.findChild(AutoBackup)
        if auto is not None:
            auto.stop(final=False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store.close()
            result = backup.restore(source_path, db, force=True)
        except backup.BackupError as exc:
            QApplication.restoreOverrideCursor()
            if auto is not None:
                auto.start()
            self._error(title, explain(exc) + "\n" + self.tr("Nothing was changed."))
            return False
        QApplication.restoreOverrideCursor()
        kept = (
            "\n" + self.tr("The replaced database is kept as:\n%1").replace(
                "%1", str(result.previous))
            if result.previous else ""
        )
        text = (
            self.tr("Restored %1 from %2.").replace("%1", str(result.database))
            .replace("%2", str(result.restored_from))
            + kept + "\n\n" + self.tr("checkin now closes: start it again to continue.")
        )
        self.message_shown.emit(text)
        self.quit_app(text)
        return True

    # ------------------------------------------------------------ purge

    def open_kiosk(self):
        """The self check-in kiosk over this database (``ui.kiosk.launch``): the Desk's
        window and scanner are put away until staff close the kiosk with the lock PIN."""
        from checkin.ui.kiosk.launch import open_from_desk

        self.kiosk = open_from_desk(self.window, self.store, self.event_info)
        return self.kiosk

    def purge_personal_data(self) -> PurgeDialog | None:
        title = self.tr("Purge personal data")
        if self._locked:
            return None
        if self.job is not None or workers.running_jobs():
            self._error(title, self.tr("Wait for the running task to finish, then purge."))
            return None
        from checkin.ui.organiser.purge_dialog import PurgeDialog

        dialog = PurgeDialog(self.store, self.event_info, self.window,
                             auto_backup=self.window.findChild(AutoBackup))
        dialog.purged.connect(lambda _report: self.data_changed.emit())
        self._open_dialog(dialog)
        return dialog


def _dialogs():
    """The export dialogs' module (the sign-in sheet's rules, the templates): on use."""
    from checkin.ui.organiser import export_dialogs

    return export_dialogs

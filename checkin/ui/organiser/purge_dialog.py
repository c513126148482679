"""Purge personal data after the event: the app's side of ``checkin purge``.

It says what goes and what stays (``core.purge``'s own account), asks for the event's
name typed out — compared by ``purge.confirm_matches``, as the command does — and only
then runs ``purge.purge`` in the background, with the backups folder next to the
database, as the command does.  It refuses to start while any background job runs (an
export or a backup reading the data being removed), and holds the automatic backups
while it runs, so no copy of the old data is written in the middle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.db import backup
from checkin.core.db.store import Store
from checkin.core.roster import purge
from checkin.core.types import EventInfo
from checkin.ui.organiser.autobackup import AutoBackup
from checkin.ui.widgets import workers
from checkin.ui.widgets.messages import explain


class PurgeDialog(QDialog):
    """Explain, ask for the event's name, purge."""

    purged = Signal(object)
    """A ``purge.PurgeReport``: the data changed (pages must reload)."""
    refused = Signal(str)
    """Why nothing was done (wrong name, a job running)."""
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        event_info: EventInfo,
        parent: QWidget | None = None,
        *,
        auto_backup: AutoBackup | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("purgeDialog")
        self.setWindowTitle(self.tr("Purge personal data"))
        self.setAccessibleName(self.tr("Purge personal data"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(620)
        self.store = store
        self.event_info = event_info
        self.auto_backup = auto_backup
        self.backups = backup.backups_dir(store.path) if store.path is not None else None
        self.report: purge.PurgeReport | None = None
        self._job: workers.Job | None = None

        texts = self._explanation(event_info)
        name_label = self._build_confirmation(event_info)
        layout = QVBoxLayout(self)
        for label in texts:
            layout.addWidget(label)
        layout.addSpacing(8)
        layout.addWidget(name_label)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self._name_changed()
        self.name_edit.setFocus()

    def _explanation(self, event_info: EventInfo) -> list[QLabel]:
        """What is removed, what stays, and that it cannot be undone, in words."""
        heading = QLabel(
            self.tr("⚠ Remove the personal data of “%1” (%2)?")
            .replace("%1", event_info.name).replace("%2", event_info.date.isoformat())
        )
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        removed = self.tr(
            "What is removed: every delegate's first and last name, e-mail address and "
            "reference; what the scanners read and the operators' names in the journal; "
            "the reasons given for reprints. The badge secret is replaced, so a badge kept "
            "by someone no longer identifies them."
        )
        if self.backups is not None:
            removed += " " + self.tr("The backups in %1 are deleted too.").replace(
                "%1", str(self.backups)
            )
        kept = self.tr(
            "What stays: the event and its sessions, and for each delegate their number, "
            "category, country, organisation and arrival times, so the headcounts per "
            "session, category, country and organisation stay the same. Export the donors' "
            "report and the attendance first if you still need names."
        )
        final = self.tr("This cannot be undone.")
        texts = [heading]
        for text in (removed, kept, final):
            texts.append(QLabel(text))
        for label in texts:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        return texts

    def _build_confirmation(self, event_info: EventInfo) -> QLabel:
        """The name typed to confirm, the status, progress and the buttons; the name's
        label is returned."""
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("purgeNameEdit")
        self.name_edit.setAccessibleName(self.tr("The event's name, to confirm"))
        name_label = QLabel(
            self.tr("Type the event's name to confirm (“%1”):").replace("%1", event_info.name)
        )
        name_label.setTextFormat(Qt.TextFormat.PlainText)
        name_label.setWordWrap(True)
        name_label.setBuddy(self.name_edit)
        self.status = QLabel()
        self.status.setObjectName("purgeStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Purge status"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Purging"))
        self.bar.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.purge_button = QPushButton(self.tr("&Purge personal data"))
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setAccessibleName(self.tr("Purge personal data now"))
        self.purge_button.setAutoDefault(False)
        self.buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.purge_button.clicked.connect(self.purge_now)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._name_changed)
        self.name_edit.returnPressed.connect(self.purge_now)
        return name_label

    def confirmed(self) -> bool:
        return purge.confirm_matches(self.event_info, self.name_edit.text())

    def _name_changed(self) -> None:
        if self.report is not None or self._job is not None:
            return
        ok = self.confirmed()
        self.purge_button.setEnabled(ok)
        if ok:
            self.status.setText(self.tr("✓ The name matches."))
        elif self.name_edit.text().strip():
            self.status.setText(self.tr("✗ The name does not match yet."))
        else:
            self.status.clear()

    def _refuse(self, text: str) -> None:
        self.status.setText(text)
        self.refused.emit(text)

    def purge_now(self) -> None:
        """Purge, if the name matches and nothing else runs; else say why not."""
        if self._job is not None or self.report is not None:
            return
        if not self.confirmed():
            self._refuse(self.tr("✗ Not confirmed: the name does not match; nothing was changed."))
            return
        running = workers.running_jobs()
        if running:
            self._refuse(
                self.tr(
                    "✗ Another task is still running (a backup, an export or printing). "
                    "Wait for it to finish, then purge."
                )
            )
            return
        if self.auto_backup is not None:
            self.auto_backup.stop(final=False)
        self._job = workers.run_in_background(
            purge.purge, self.store, self.event_info, backups=self.backups, parent=self
        )
        self._job.succeeded.connect(self._done)
        self._job.failed.connect(self._failed)
        self._job.finished.connect(self._finished)
        self.purge_button.setEnabled(False)
        self.name_edit.setEnabled(False)
        self.cancel_button.setEnabled(False)  # a purge is one transaction: no half-way
        self.bar.show()
        self.status.setText(self.tr("Purging… (the database is rebuilt: this can take a while)"))

    def _done(self, report: purge.PurgeReport) -> None:
        self.report = report
        from checkin.core.desk import search_store

        search_store.forget(self.store)  # the desk's search index kept on disk: names
        text = (
            self.tr("✓ Personal data removed from %1 and %2; %3. The counts are kept.")
            .replace("%1", self.tr("%n delegate(s)", "", report.delegates))
            .replace("%2", self.tr("%n journal row(s)", "", report.scans))
            .replace("%3", self.tr("%n backup(s) deleted", "", len(report.backups_removed)))
        )
        if not report.wiped:
            text += "\n" + self.tr(
                "⚠ Another program (another desk?) has the database open, so old values may "
                "remain in its journal file until it closes. Close it and purge again."
            )
        self.status.setText(text)
        self.purged.emit(report)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValueError | backup.BackupError):
            message = explain(exc)
        else:
            message = self.tr("Something went wrong (%1); nothing was changed.").replace(
                "%1", type(exc).__name__
            )
        self.status.setText("⚠ " + message)
        self.name_edit.setEnabled(True)
        self.failed.emit(message)

    def _finished(self) -> None:
        self._job = None
        self.bar.hide()
        self.cancel_button.setEnabled(True)
        if self.report is not None:
            self.cancel_button.setText(self.tr("Close"))
        else:
            self._name_changed()
        if self.auto_backup is not None:
            self.auto_backup.start()

    def reject(self) -> None:
        if self._job is not None:
            return
        super().reject()

    @property
    def backups_folder(self) -> Path | None:
        return self.backups

"""Automatic backups while the app runs: every few minutes, and once more on exit.

A laptop at the desk holds the only copy of the day's journal.  Every ``interval``
minutes (default 5) ``core.backup.backup`` copies the SQLite database into
``backups/`` next to it (rotated: the most recent ones plus one per day), on a worker
thread (``workers.run_in_background``), so a scan is never kept waiting.  A tick that
comes while the previous copy is still running is skipped.  ``stop()`` — called when
the app closes — stops the timer and makes a last copy there and then.

On PostgreSQL (``db_path`` None) it does nothing: ``pg_dump`` on the server is the tool.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from checkin.core.db import backup
from checkin.ui.widgets import workers
from checkin.ui.widgets.messages import explain

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MIN = 5.0


class AutoBackup(QObject):
    """Periodic backups of one SQLite database file."""

    backed_up = Signal(object)
    """A ``core.backup.BackupResult``."""
    failed = Signal(str)
    """A message for the user (the file and what went wrong; never personal data)."""

    def __init__(
        self,
        db_path: Path | None,
        *,
        interval_min: float = DEFAULT_INTERVAL_MIN,
        keep: int = backup.KEEP,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.keep = keep
        self._job: workers.Job | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(interval_min * 60_000)))
        self._timer.timeout.connect(self.backup_now)
        self.last: backup.BackupResult | None = None

    @property
    def enabled(self) -> bool:
        """False on PostgreSQL (no file to copy)."""
        return self.db_path is not None

    @property
    def is_active(self) -> bool:
        return self._timer.isActive()

    @property
    def is_running(self) -> bool:
        """A copy is being made on a worker thread."""
        return self._job is not None and not self._job.is_finished

    def start(self) -> None:
        if self.enabled:
            self._timer.start()

    @Slot()
    def backup_now(self) -> workers.Job | None:
        """Start a copy in the background (None if one is already running or disabled)."""
        if not self.enabled or self.is_running:
            return None
        job = workers.run_in_background(
            backup.backup, self.db_path, keep=self.keep, parent=self
        )
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        self._job = job
        return job

    def stop(self, *, final: bool = True) -> backup.BackupResult | None:
        """Stop the timer and, with ``final``, make a last copy now (on this thread).

        A copy still running in the background finishes on its own; the last copy is
        made anyway, so it holds everything written up to this call.
        """
        self._timer.stop()
        if not (final and self.enabled):
            return None
        try:
            result = backup.backup(self.db_path, keep=self.keep)
        except backup.BackupError as exc:
            self._on_failed(exc)
            return None
        self._on_done(result)
        return result

    @Slot(object)
    def _on_done(self, result: backup.BackupResult) -> None:
        self.last = result
        self.backed_up.emit(result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        if isinstance(exc, backup.BackupError):
            message = explain(exc)
        else:
            message = self.tr("Automatic backup failed ({kind}).").format(
                kind=type(exc).__name__
            )
        log.warning("automatic backup failed (%s)", type(exc).__name__)
        self.failed.emit(message)

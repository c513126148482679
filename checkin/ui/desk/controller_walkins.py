"""The Desk controller's walk-ins and their badges.

``new_walk_in`` (the "Walk-in…" button, Ctrl+N) opens a ``WalkInDialog``.  Registering
goes through the desk's service (on a shared server out of reach: into the desk's copy,
with a number of its reserved block, replayed later); the new person then shows in the
panel and the recent scans like any admission, and the search index is rebuilt in the
background.  The badge PDF is rendered by ``printing.print_badges`` (loaded then:
``badge_files``) in a background ``Job`` with a progress dialog and Cancel, to
``data_dir()/badges/walk-in-<ref>.pdf``; then a notice offers to print it (``print_pdf``,
replaceable in tests) or open it.  A part of ``DeskController`` (a mixin: the same
object, attributes and signals; split from controller.py by responsibility), its words
filed under the controller's translation context.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QProgressDialog

from checkin.core.db.store import data_dir
from checkin.core.desk.protocol import WalkInResult
from checkin.core.roster.walkins import WalkInError
from checkin.ui.desk import badge_files
from checkin.ui.desk.notices import Notice
from checkin.ui.desk.walkin_dialog import WalkInDialog
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.modal import open_modal
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger("checkin.ui.desk.controller")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeskController", text)


class WalkIns:
    """``DeskController``'s walk-in form, registration and badge PDF."""

    def new_walk_in(self, typed: str = "") -> WalkInDialog:
        """Open the walk-in form (one at a time); ``typed``: what the search found no
        one for, filled in (a name split into first and last, an e-mail address)."""
        if self.walk_in_dialog is not None:
            self.walk_in_dialog.raise_()
            self.walk_in_dialog.activateWindow()
            return self.walk_in_dialog
        dialog = WalkInDialog(self.event_info, badge_files.templates(), self.view,
                              required=self.walk_in_required)
        dialog.fill_from_search(typed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda: self.register(dialog))
        dialog.check_in_existing.connect(
            lambda delegate_id: self._check_in_existing(dialog, delegate_id)
        )
        dialog.finished.connect(lambda _r: self._walk_in_closed(dialog))
        self.walk_in_dialog = dialog
        open_modal(dialog)
        return dialog

    def register(self, dialog: WalkInDialog) -> WalkInResult | None:
        """Register the dialog's person, check them in and (if asked) render the badge."""
        try:  # through the service: offline, the desk's copy (replayed later)
            result = self.service.register_walk_in(dialog.form(), session=self.mode)
        except WalkInError as exc:
            if exc.existing is not None:
                dialog.show_existing(exc.existing)
            else:
                dialog.show_problems(exc.problems)
            return None
        except Exception as exc:  # the database, the disk: say so, never a traceback
            log.error("walk-in failed: %s", type(exc).__qualname__)
            dialog.show_failure(
                _tr("The person could not be registered.") + "\n" + first_line(exc)
            )
            return None
        print_badge, template = dialog.print_badge(), dialog.template_key()
        dialog.accept()
        if result.outcome is not None:
            self._present(result.outcome)
        self.view.finish_check_in()
        self.rebuild_index()
        if print_badge:
            self.render_walk_in_badge(result.delegate.reference, template)
        return result

    def badge_path(self, reference: str) -> Path:
        folder = self.badge_dir if self.badge_dir is not None else data_dir() / "badges"
        return folder / f"walk-in-{reference}.pdf"

    def render_walk_in_badge(self, reference: str, template_key: str) -> Job | None:
        """Render one badge to a PDF in the background, with progress and Cancel."""
        path = self.badge_path(reference)
        try:
            template = badge_files.load_template(template_key)
            path.parent.mkdir(parents=True, exist_ok=True)
        except Exception as exc:
            self.view.show_error(
                _tr("The badge could not be made.") + "\n\n" + first_line(exc)
            )
            return None
        job = run_in_background(
            self.render_badge,
            self.roster_store(),
            self.event_info,
            path,
            template=template,
            refs=[reference],
            station=self.station,
            progress=True,
            cancellable=True,
            parent=self,
        )
        progress = QProgressDialog(_tr("Making the badge…"), _tr("Cancel"), 0, 0, self.view)
        progress.setWindowTitle(_tr("Badge"))
        progress.setAccessibleName(_tr("Making the badge"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda done, total: _set_progress(progress, done, total))
        job.succeeded.connect(lambda report: self._badge_made(report.path))
        job.failed.connect(lambda exc: self._badge_failed(job, exc))
        job.finished.connect(lambda: self._badge_finished(progress))
        self.badge_job, self.badge_progress = job, progress
        return job

    def _walk_in_closed(self, dialog: WalkInDialog) -> None:
        if self.walk_in_dialog is dialog:
            self.walk_in_dialog = None
        self.view.focus_search()

    def _check_in_existing(self, dialog: WalkInDialog, delegate_id: int) -> None:
        dialog.accept()
        self.check_in(delegate_id)

    def _badge_finished(self, progress: QProgressDialog) -> None:
        progress.canceled.disconnect()
        progress.close()
        progress.deleteLater()
        if self.badge_progress is progress:
            self.badge_progress = None

    def _badge_made(self, path: Path) -> None:
        """A badge PDF is ready: a notice with Print… and Open PDF (never a dialog)."""
        self.badge_ready.emit(path)
        notice = self.view.notices.add_badge(
            path,
            lambda: self._print_badge(path),
            lambda: self.open_url(QUrl.fromLocalFile(str(path))),
        )
        notice.closed.connect(self._badge_notice_closed)
        self.badge_notice = notice

    def _badge_notice_closed(self, notice: Notice) -> None:
        if self.badge_notice is notice:
            self.badge_notice = None

    def _print_badge(self, path: Path) -> None:
        try:
            self.print_pdf(path, self.view)
        except Exception as exc:  # no printer, a driver error: say so
            log.error("badge printing failed: %s", type(exc).__qualname__)
            self.view.show_error(
                _tr("The badge could not be printed; the PDF is at %1.").replace(
                    "%1", str(path)
                )
                + "\n\n"
                + first_line(exc)
            )

    def _badge_failed(self, job: Job, exc: BaseException) -> None:
        if job.is_cancelled or badge_files.cancelled(exc):
            self.view.show_notice(
                _tr("Badge not made"),
                _tr(
                    "Cancelled. The person is registered and checked in; print their badge later."
                ),
            )
            return
        problem = _tr("The badge could not be made; the person is registered and checked in.")
        self.view.show_error(problem + "\n\n" + first_line(exc))


def _set_progress(progress: QProgressDialog, done: int, total: int) -> None:
    progress.setMaximum(max(total, 1))
    progress.setValue(min(done, total))

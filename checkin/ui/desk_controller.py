"""The Desk page's controller: scans, searches, check-ins and undos through core services.

A scan (~1 ms) and a search (~2 ms) run on the GUI thread: handing them to a worker
would cost more than it saves and would let two scans race.  Building the search
index reads the whole roster (2.7 s at 50,000 delegates), so it runs in the
background; until it is ready the page says so and scans still work.

Errors never reach staff as tracebacks: a ``CheckinError`` (nothing to undo, unknown
session) is a polite notice in the panel; anything else (database locked, disk full)
is a dialog with the message, and the scan is not shown as admitted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from checkin.core import models as m
from checkin.core.checkin import CheckinError, CheckinService, Outcome
from checkin.core.event import EventInfo
from checkin.core.search import SearchIndex
from checkin.core.store import Store
from checkin.ui.desk import DeskPage
from checkin.ui.workers import Job, run_in_background

log = logging.getLogger(__name__)

SEARCH_LIMIT = 30


class DeskController(QObject):
    """Connects a ``DeskPage`` to the check-in service and the search index."""

    index_ready = Signal()
    """The search index is built; searching works from now on."""

    def __init__(
        self,
        store: Store,
        event: EventInfo,
        view: DeskPage,
        *,
        station: str = "",
        operator: str = "",
    ) -> None:
        super().__init__(view)  # lives and dies with its page
        self.view = view
        self.event_info = event
        self.service = CheckinService(store, event, station=station, operator=operator)
        self.index: SearchIndex | None = None
        self.mode: str | None = None  # None: venue arrival; a session key; "auto"
        view.search_changed.connect(self.search)
        view.check_in_requested.connect(self.check_in)
        view.undo_requested.connect(self.undo)
        view.mode_changed.connect(self.set_mode)
        self.index_job: Job = run_in_background(SearchIndex.build, store, event.id, parent=self)
        self.index_job.succeeded.connect(self._index_built)
        self.index_job.failed.connect(self._index_failed)

    # ------------------------------------------------------------ requests

    def scan(self, code: str) -> Outcome | None:
        """A badge read by the scanner (or camera)."""
        return self._show(
            lambda: self.service.scan(code, session=self.mode, source=m.ScanSource.SCANNER)
        )

    def check_in(self, delegate_id: int) -> Outcome | None:
        """A person found by name, checked in without a badge."""
        outcome = self._show(
            lambda: self.service.check_in(
                delegate_id, session=self.mode, source=m.ScanSource.MANUAL
            )
        )
        if outcome is not None:
            self.view.finish_check_in()
        return outcome

    def undo(self, scan_id: str) -> Outcome | None:
        outcome = self._show(lambda: self.service.undo(scan_id))
        if outcome is not None:
            self.view.mark_undone(scan_id)
        return outcome

    def search(self, text: str) -> None:
        if self.index is None:
            return  # shown again once the index is built
        hits = self.index.search(text, SEARCH_LIMIT) if text.strip() else []
        self.view.set_results([hit.delegate for hit in hits])

    def set_mode(self, mode: str | None) -> None:
        self.mode = mode

    def duplicate(self, _code: str) -> None:
        """The same badge read again within a second: one scan, already answered."""
        self.view.flash_duplicate()

    # ------------------------------------------------------------ internals

    def _show(self, action: Callable[[], Outcome]) -> Outcome | None:
        try:
            outcome = action()
        except CheckinError as exc:
            self.view.show_notice(self.tr("Not possible"), str(exc))
            return None
        except Exception as exc:  # the database, the disk: say so, never a traceback
            log.error("desk action failed: %s", type(exc).__qualname__)
            self.view.show_error(
                self.tr("This could not be recorded; the person is not checked in.")
                + "\n\n"
                + _first_line(exc)
            )
            return None
        self.view.show_outcome(outcome)
        return outcome

    def _index_built(self, index: SearchIndex) -> None:
        self.index = index
        self.view.set_search_ready(True)
        self.search(self.view.search_box.text())
        self.index_ready.emit()

    def _index_failed(self, exc: BaseException) -> None:
        self.view.show_error(
            self.tr("The list of names could not be loaded; scanning still works.")
            + "\n\n"
            + _first_line(exc)
        )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]

"""The kiosk's cases on the desks: a notice on each Desk when a kiosk sent someone over.

The kiosk says only "Please see the desk"; the desk must know who and why before the
person reaches it.  ``KioskCaseWatch`` asks the database every ``every_ms`` (5 s), on a
worker thread, for the kiosk's staff cases since it last looked (``desk.kiosk.
kiosk_cases``: refusals, people already checked in, admissions with an open note) and
puts each new one on the Desk's notice bar: "Kiosk 1 sent Maria Schmidt to the desk —
registration cancelled".  It starts from "now": cases older than the desk are not
replayed (``checkin kiosk --cases`` lists them).

A look due while a scan goes on at this desk (``widgets.foreground``) waits until its
result is painted: on a SQLite file the read is on the GUI thread (about a millisecond,
by the journal's index on source), and the scan comes first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from checkin.core import clock
from checkin.core.db.store import Store
from checkin.core.desk.kiosk import WHY_ID_CHECK, WHY_NOTE, KioskCase, kiosk_cases
from checkin.core.types import EventInfo
from checkin.ui.widgets.foreground import foreground
from checkin.ui.widgets.workers import Job, run_in_background

log = logging.getLogger(__name__)

EVERY_MS = 5_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("KioskCaseWatch", text)


def why_words(why: str) -> str:
    """The reason, for staff, in the desk's language."""
    return {
        "cancelled": _tr("registration cancelled"),
        "revoked": _tr("an old badge (it was reprinted)"),
        "already_admitted": _tr("already checked in (a lost badge?)"),
        "not_allowed": _tr("refused by an entry rule"),
        "invalid": _tr("not a badge of this event"),
        "wrong_event": _tr("a badge of another event"),
        WHY_NOTE: _tr("attention note open; hand them their badge"),
        WHY_ID_CHECK: _tr("identity check due; hand them their badge"),
    }.get(why, why)


class KioskCaseWatch(QObject):
    """Polls the kiosk's cases and shows new ones on ``notices`` (a desk's NoticeBar)."""

    def __init__(self, store: Callable[[], Store], event: EventInfo, notices, *,
                 every_ms: int = EVERY_MS, since: dt.datetime | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store  # called each time: the database, or the desk's offline copy
        self.event_info = event
        self.notices = notices
        self.since = since or clock.utcnow()
        self.seen: set[str] = set()
        self.job: Job | None = None
        self._held = False  # a look waits for the scan going on to be painted
        foreground().quiet.connect(self._scan_over)
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        """One read: on a SQLite file at once (about a millisecond); on a server off
        the GUI thread, which never waits on the network."""
        if self.job is not None:
            return  # the last look is still reading
        if foreground().remaining() > 0:
            self._held = True  # (``_scan_over``: once the result is on the screen)
            return
        store = self.store()
        if store.is_sqlite:
            try:
                self.show_cases(kiosk_cases(store, self.event_info, since=self.since, limit=20))
            except Exception as exc:  # the desk's own errors show elsewhere
                log.warning("kiosk cases: %s", type(exc).__qualname__)
            return
        job = self.job = run_in_background(kiosk_cases, store, self.event_info,
                                           since=self.since, limit=20, parent=self)
        job.succeeded.connect(self.show_cases)
        job.failed.connect(lambda exc: log.warning("kiosk cases: %s", type(exc).__qualname__))
        job.finished.connect(self._done)

    def _scan_over(self) -> None:
        if self._held:
            self._held = False
            self.look()

    def _done(self) -> None:
        """The look ended: gone with it, not kept until the Desk closes (one every 5 s)."""
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()

    def show_cases(self, cases: list[KioskCase]) -> None:
        from checkin.ui.desk.outcome_panel import Tone

        for case in reversed(cases):  # oldest first: the newest ends on top
            if case.scan_id in self.seen:
                continue
            self.seen.add(case.scan_id)
            who = case.delegate.full_name if case.delegate else _tr("someone")
            heading = (_tr("%1 sent %2 to the desk").replace("%1", case.station or _tr("A kiosk"))
                       .replace("%2", who))
            at = self.event_info.local(case.at).strftime("%H:%M")
            self.notices.add(heading, f"{at} — {why_words(case.why)}", Tone.WARN)

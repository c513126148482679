"""The accreditation desk's acts on a desk that fails over (``offline.DeskCheckin``).

Hand-outs, returns, notes done and ID checks are journal rows: on the server while it
answers (and copied into the desk's copy in the same call), else in the copy, waiting
like a scan and replayed by UUID — never counted twice.  A note typed at the desk is not
a journal row but the person's own column: offline it is saved in the copy at once and
recorded as a pending change (``pending_notes``), replayed before the scans.

A mixin of ``DeskCheckin``: these acts use its lock, its failover (``_run``) and its map
of walk-ins registered offline to their server ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from checkin.core.accreditation import notes
from checkin.core.accreditation.extras import IdCheckResult
from checkin.core.accreditation.handouts import HandoutResult
from checkin.core.accreditation.notes import NoteResult, NoteSaved
from checkin.core.desk import pending_notes
from checkin.core.types import NoteInfo, ScanSource

if TYPE_CHECKING:
    from checkin.core.db.store import Store
    from checkin.core.desk.service import CheckinService

T = TypeVar("T")
A = TypeVar("A", HandoutResult, NoteResult, IdCheckResult)


class OfflineAccreditation:
    """Hand-outs, notes and ID checks for ``DeskCheckin``, online or offline."""

    if TYPE_CHECKING:
        station: str
        operator: str
        _mirror: Store
        _mirror_service: CheckinService
        _rekeyed: dict[int, int]
        _offline_scans: int

        def _run(
            self,
            online: Callable[[CheckinService], T],
            offline: Callable[[], T],
            touched: Callable[[T], Iterable[int]] = ...,
        ) -> T: ...

    def give_handout(
        self, delegate_id: int, item: str, *, item_code: str = "",
        source: ScanSource = ScanSource.MANUAL, now: dt.datetime | None = None,
    ) -> HandoutResult:
        """As ``CheckinService.give_handout``: a journal row, replayed like a scan."""
        who, code = self._rekeyed.get(delegate_id, delegate_id), item_code
        return self._act(lambda x: x.give_handout(who, item, item_code=code, source=source,
                                                  now=now))

    def return_handout(
        self, delegate_id: int, item: str, *, item_code: str = "",
        source: ScanSource = ScanSource.MANUAL, now: dt.datetime | None = None,
    ) -> HandoutResult:
        """As ``CheckinService.return_handout``."""
        who, code = self._rekeyed.get(delegate_id, delegate_id), item_code
        return self._act(lambda x: x.return_handout(who, item, item_code=code, source=source,
                                                    now=now))

    def note_done(self, delegate_id: int, *, now: dt.datetime | None = None) -> NoteResult:
        """As ``CheckinService.note_done``."""
        return self._act(lambda x: x.note_done(self._rekeyed.get(delegate_id, delegate_id),
                                               now=now))

    def id_checked(self, delegate_id: int, *, now: dt.datetime | None = None) -> IdCheckResult:
        """As ``CheckinService.id_checked``."""
        return self._act(lambda x: x.id_checked(self._rekeyed.get(delegate_id, delegate_id),
                                                now=now))

    def get_note(self, delegate_id: int) -> NoteInfo | None:
        """The person's note from the server, or from the copy when it does not answer."""
        who = self._rekeyed.get(delegate_id, delegate_id)
        return self._run(lambda svc: svc.get_note(who), lambda: notes.get_note(self._mirror, who))

    def set_note(
        self, delegate_id: int, text: str, *, now: dt.datetime | None = None
    ) -> NoteSaved:
        """As ``CheckinService.set_note``; offline, saved in the copy (the desk shows it
        at once) and replayed later, unless the server's note changed meanwhile (a
        clash, listed)."""
        who = self._rekeyed.get(delegate_id, delegate_id)
        return self._run(
            lambda svc: svc.set_note(who, text, now=now),
            lambda: pending_notes.note_offline(
                self._mirror, self._mirror_service.event, who, text,
                station=self.station, operator=self.operator, now=now,
            ),
            lambda result: [result.delegate.number],
        )

    def _act(self, call: Callable[[CheckinService], A]) -> A:
        """Journaled on the server (and copied), or in the copy, waiting like a scan."""
        def offline() -> A:
            self._mirror_service.station = self.station
            self._mirror_service.operator = self.operator
            result = call(self._mirror_service)
            self._offline_scans += 1 if result.scan_id else 0
            return result
        return self._run(call, offline)

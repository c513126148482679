"""A walk-in at the desk: registered on the roster, then checked in, in one call.

The roster registers the person (``roster.walkins.register_walk_in``: the form's
rules, duplicates refused, the next number and a ``WALKIN-<number>`` reference); the
desk then admits them like anyone else, with the source ``walk-in`` so the dashboard
counts walk-ins.  Two transactions: if the check-in fails the delegate stays
registered, and checking them in again is safe.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.roster.person import PersonForm
from checkin.core.roster.walkins import register_walk_in
from checkin.core.types import DelegateInfo, EventInfo, ScanResult, ScanSource


@dataclass(frozen=True)
class WalkInResult:
    delegate: DelegateInfo
    outcome: ScanResult  # the check-in (admitted, source walk-in)


def admit_walk_in(
    store: Store,
    event: EventInfo,
    form: PersonForm,
    *,
    station: str = "",
    session: str | None = None,
    now: dt.datetime | None = None,
) -> WalkInResult:
    """Register ``form`` as a new delegate of ``event`` and check them in.

    ``session`` is the desk's mode (a session key, "auto" or None for the venue): a
    walk-in at the auditorium door is admitted to the session, which also records
    their arrival, as for anyone scanned there.

    Raises ``WalkInError`` for an invalid form or a person already registered (nothing
    written).
    """
    delegate = register_walk_in(store, event, form, now=now)
    service = CheckinService(store, event, station=station)
    outcome = service.check_in(delegate.id, session=session, source=ScanSource.WALK_IN, now=now)
    return WalkInResult(delegate, outcome)

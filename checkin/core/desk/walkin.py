"""A walk-in at the desk: registered on the roster, then checked in, in one call.

The roster registers the person (``roster.walkins.register_walk_in``: the form's
rules, duplicates refused, the next number and a ``WALKIN-<number>`` reference); the
desk then admits them like anyone else, with the source ``walk-in`` so the dashboard
counts walk-ins.  The desk itself does this through its ``DeskService``
(``register_walk_in``: on a shared server that may be out of reach, the offline desk
registers in its local copy); this function is the same for one database, without a
desk: scripts, the demo, tests.
"""

from __future__ import annotations

import datetime as dt

from checkin.core.db.store import Store
from checkin.core.desk.protocol import WalkInResult
from checkin.core.desk.service import CheckinService
from checkin.core.roster.person import PersonForm
from checkin.core.types import EventInfo


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
    service = CheckinService(store, event, station=station)
    return service.register_walk_in(form, session=session, now=now)

"""Who is in a session's room now: attendance minus those who went out through the door.

A door desk that counts exits journals ``exit`` rows (outcome ``exited``) for a session.
A delegate's *movements* in a session are its standing journal rows (not undone) that
record passing the door: entries that were let in (``admitted`` — a first entry or a
re-entry after an exit — or ``already_admitted``) and recorded exits.  A delegate is
*present* when their admission to the session stands and their latest movement is not
an exit.  Without a door desk counting exits, present equals attended.

The count reads the exit rows only (``ix_scans_event_outcome``: a range of outcome
``exited``), each checked against later movements of the same delegate and session on
``ix_scans_delegate_session``, so its cost follows the number of exits, not the journal.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import BindParameter, and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.types import DelegateInfo, EventInfo, Outcome, ScanAction

NEAR_CAPACITY = 0.9  # from 90% of the room's capacity the dashboard warns


def not_undone(scan):
    undo = aliased(m.Scan)
    return ~exists().where(undo.undoes_id == scan.id)


def movement(scan=m.Scan):
    """Standing rows that record passing a session's door (see the module docstring)."""
    return and_(
        or_(
            and_(
                scan.action == ScanAction.ENTRY.value,
                scan.outcome.in_(
                    (Outcome.ADMITTED.value, Outcome.ALREADY_ADMITTED.value)
                ),
            ),
            and_(
                scan.action == ScanAction.EXIT.value,
                scan.outcome == Outcome.EXITED.value,
            ),
        ),
        not_undone(scan),
    )


def latest_movement_query():
    """The latest movement of ``:delegate_id`` in session ``:session_id`` (action, time).

    For the check-in engine, with bind parameters so it is built once."""
    return (
        select(m.Scan.action, m.Scan.created_at, m.Scan.station)
        .where(
            m.Scan.delegate_id == bindparam("delegate_id"),
            m.Scan.session_id == bindparam("session_id"),
            movement(m.Scan),
        )
        .order_by(m.Scan.id.desc())
        .limit(1)
    )


def gone_now(event_id):
    """Exit rows that are their delegate's latest movement in the session, for delegates
    whose admission to it stands: one row per delegate who is out now."""
    x, later = m.Scan, aliased(m.Scan)
    return and_(
        x.event_id == event_id,
        x.outcome == Outcome.EXITED.value,
        x.action == ScanAction.EXIT.value,
        not_undone(x),
        ~exists().where(
            later.delegate_id == x.delegate_id,
            later.session_id == x.session_id,
            later.id > x.id,
            movement(later),
        ),
        exists().where(
            m.Admission.delegate_id == x.delegate_id, m.Admission.scope == x.session_id
        ),
    )


def out_counts(session, event_id: int) -> dict[int, int]:
    """Per session id, how many admitted delegates are out of the room now."""
    conn = session.connection() if isinstance(session, OrmSession) else session
    return dict(conn.execute(_statements().out_counts, {"event_id": event_id}).all())


class CapacityLevel(enum.StrEnum):
    OK = "ok"
    NEAR = "near"  # at least NEAR_CAPACITY of the capacity: warn
    FULL = "full"  # exactly at capacity
    OVER = "over"  # more people than the room holds

    @property
    def warns(self) -> bool:
        return self is not CapacityLevel.OK


def capacity_level(present: int, capacity: int | None) -> CapacityLevel:
    if not capacity:
        return CapacityLevel.OK
    if present > capacity:
        return CapacityLevel.OVER
    if present == capacity:
        return CapacityLevel.FULL
    if present >= NEAR_CAPACITY * capacity:
        return CapacityLevel.NEAR
    return CapacityLevel.OK


@dataclass(frozen=True)
class Attendee:
    delegate: DelegateInfo
    admitted_at: dt.datetime  # aware UTC: the first standing admission to the session
    present: bool
    left_at: dt.datetime | None  # aware UTC: the exit that took them out, when out


@functools.cache
def _statements():
    """Built once: building these expressions costs more than running them."""
    event_id: BindParameter[int] = bindparam("event_id")
    scope: BindParameter[int] = bindparam("scope")
    return SimpleNamespace(
        out_counts=select(m.Scan.session_id, func.count())
        .where(gone_now(event_id))
        .group_by(m.Scan.session_id),
        attendees=select(*DELEGATE_COLUMNS, m.Admission.admitted_at)
        .join(m.Admission, m.Admission.delegate_id == m.Delegate.id)
        .where(m.Admission.event_id == event_id, m.Admission.scope == scope)
        .order_by(m.Admission.admitted_at, m.Delegate.id),
        gone=select(m.Scan.delegate_id, m.Scan.created_at).where(
            gone_now(event_id), m.Scan.session_id == scope
        ),
    )


def session_attendees(store: Store, event: EventInfo, session_key: str) -> list[Attendee]:
    """Who attended a session (standing admissions), with presence now, by admission time."""
    sess = event.session(session_key)
    if sess is None:
        raise ValueError(f"Unknown session {session_key!r}.")
    sql = _statements()
    params = {"event_id": event.id, "scope": sess.id}
    with store.read() as s:
        conn = s.connection()  # Core rows: no ORM bookkeeping per row
        rows = conn.execute(sql.attendees, params).all()
        gone = dict(conn.execute(sql.gone, params).all())
    n = len(DELEGATE_COLUMNS)
    out = []
    for row in rows:
        info = delegate_from_row(row)
        left = gone.get(info.id)
        out.append(
            Attendee(
                delegate=info,
                admitted_at=row[n].replace(tzinfo=dt.UTC),
                present=left is None,
                left_at=left.replace(tzinfo=dt.UTC) if left else None,
            )
        )
    return out

"""The journal's projections: standing admissions and each delegate's arrival.

The append-only ``scans`` journal is the truth.  ``admissions`` (one row per delegate per
scope that currently stands) and ``delegates.arrived_at/arrived_via`` are derived from it
so that a scan decision and a headcount read a few index entries instead of
aggregating the journal.  The check-in engine keeps them in step inside the transaction
that writes the journal row; ``rebuild`` recomputes them from the journal alone (after a
merge of journals, or to check the engine — a property test compares the two).
"""

from __future__ import annotations

from sqlalchemy import and_, delete, exists, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased

from checkin.core.db import models as m
from checkin.core.types import Outcome, ScanAction

VENUE = 0  # the scope of arrival at the venue; otherwise the session id


def standing_entry(scan=m.Scan):
    """Journal rows that count: admitted entries that no undo points at."""
    undo = aliased(m.Scan)
    return and_(
        scan.action == ScanAction.ENTRY.value,
        scan.outcome == Outcome.ADMITTED.value,
        scan.delegate_id.is_not(None),
        ~exists().where(undo.undoes_id == scan.id),
    )


def scope_of(scan=m.Scan):
    return func.coalesce(scan.session_id, VENUE)


def first_standing_id():
    """For the ``scans`` row in hand: the id of its delegate's standing admission in its
    scope — the earliest in time (then in id).  Time, not id: after journals from two
    stations are merged, the person arrived at the earlier of the two, wherever its row
    landed in the table."""
    first = aliased(m.Scan)
    return (
        select(first.id)
        .where(
            first.delegate_id == m.Scan.delegate_id,
            scope_of(first) == scope_of(m.Scan),
            standing_entry(first),
        )
        .order_by(first.created_at, first.id)
        .limit(1)
        .scalar_subquery()
    )


def rebuild(session: Session | Connection, event_id: int, delegate_id: int | None = None) -> None:
    """Recompute the projections of an event (or of one delegate) from the journal."""
    which = [m.Scan.event_id == event_id]
    if delegate_id is not None:
        which.append(m.Scan.delegate_id == delegate_id)
    earliest = first_standing_id()
    rows = select(
        m.Scan.event_id, m.Scan.delegate_id, scope_of(m.Scan), m.Scan.id, m.Scan.created_at,
        m.Scan.source,
    ).where(*which, standing_entry(m.Scan), m.Scan.id == earliest)

    gone = delete(m.Admission).where(m.Admission.event_id == event_id)
    if delegate_id is not None:
        gone = gone.where(m.Admission.delegate_id == delegate_id)
    session.execute(gone)
    session.execute(
        insert(m.Admission).from_select(
            ["event_id", "delegate_id", "scope", "scan_id", "admitted_at", "source"], rows
        )
    )
    refresh_arrival(session, event_id, delegate_id)


def refresh_arrival(
    session: Session | Connection, event_id: int, delegate_id: int | None = None
) -> None:
    """Set ``arrived_at``/``arrived_via`` from the standing admissions."""
    first = (
        select(m.Admission.admitted_at, m.Admission.source)
        .where(m.Admission.delegate_id == m.Delegate.id)
        .order_by(m.Admission.admitted_at, m.Admission.id)
        .limit(1)
    )
    stmt = update(m.Delegate).where(m.Delegate.event_id == event_id)
    if delegate_id is not None:
        stmt = stmt.where(m.Delegate.id == delegate_id)
    session.execute(
        stmt.values(
            arrived_at=first.with_only_columns(m.Admission.admitted_at).scalar_subquery(),
            arrived_via=first.with_only_columns(m.Admission.source).scalar_subquery(),
        ).execution_options(synchronize_session=False)
    )

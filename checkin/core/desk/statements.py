"""The scan path's SQL, built once per service.

Building a SQLAlchemy expression costs more than running it, and scans come by the
thousand (``checkin scan -``), so ``CheckinService`` builds these at construction and
runs them with bound parameters.  On PostgreSQL the delegate is read ``FOR UPDATE``: two
desks scanning the same badge serialise on that row.
"""

from __future__ import annotations

from sqlalchemy import bindparam, insert, select, update

from checkin.core.db import models as m
from checkin.core.desk import presence
from checkin.core.roster.delegates import DELEGATE_COLUMNS


class ScanStatements:
    """The scan path's statements, built once: building a SQLAlchemy expression costs
    more than running it, and scans come by the thousand."""

    def __init__(self, lock: bool) -> None:
        def delegate_by(column):
            query = select(*DELEGATE_COLUMNS).where(
                m.Delegate.event_id == bindparam("event_id"), column == bindparam("key")
            )
            return query.with_for_update(of=m.Delegate) if lock else query

        self.delegate_by_number = delegate_by(m.Delegate.number)
        self.delegate_by_id = delegate_by(m.Delegate.id)
        self.standing = (
            select(m.Admission.admitted_at, m.Scan.station)
            .join(m.Scan, m.Scan.id == m.Admission.scan_id)
            .where(
                m.Admission.delegate_id == bindparam("delegate_id"),
                m.Admission.scope == bindparam("scope"),
            )
        )
        self.latest_movement = presence.latest_movement_query()
        self.journal = insert(m.Scan).returning(m.Scan.id)
        self.admission = insert(m.Admission)
        self.arrival = (
            update(m.Delegate)
            .where(m.Delegate.id == bindparam("delegate_id"), m.Delegate.arrived_at.is_(None))
            .values(arrived_at=bindparam("when"), arrived_via=bindparam("via"))
        )

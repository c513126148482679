"""This desk's own journal rows, written into its offline copy as the desk makes them.

Each scan a desk records on the shared server enters the desk's copy in the same call
(``mirror.Mirror.merge_own``), so a person admitted a second before a network drop is
"already admitted" offline.  That is on the scan path: it must cost little.  ``merge``
could do it (it takes any journal's rows), but it re-derives the person's projections
from their whole journal and looks for duplicates, which suits a replay of hundreds of
rows and costs tens of milliseconds for one.  The server has decided each row already,
so here the row is inserted as it is, with the projection the check-in engine wrote
beside it on the server: a new standing admission (and the arrival) for an admission
in a scope where the person has none.  Statements are built once.

Idempotent by UUID.  A row whose person or session the copy does not know yet (an
import a moment ago) is left for the next pull, which brings both.  Undos do not come
this way: they change which admission stands, and ``merge`` re-derives that.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection

from checkin.core.db import models as m
from checkin.core.desk import journal
from checkin.core.desk.merge import scan_columns
from checkin.core.types import EventInfo, Outcome, ScanAction


class OwnRows:
    """Writes portable journal rows of this desk into its copy (Core, one connection)."""

    def __init__(self) -> None:
        self.columns = scan_columns()
        self.present = select(m.Scan.id).where(m.Scan.uuid == bindparam("uuid"))
        self.delegate = select(m.Delegate.id).where(
            m.Delegate.event_id == bindparam("event_id"),
            m.Delegate.number == bindparam("number"),
        )
        self.standing = select(m.Admission.id).where(
            m.Admission.delegate_id == bindparam("delegate_id"),
            m.Admission.scope == bindparam("scope"),
        )
        self.journal = insert(m.Scan).returning(m.Scan.id)
        self.admission = insert(m.Admission)
        self.arrival = (
            update(m.Delegate)
            .where(m.Delegate.id == bindparam("delegate_id"), m.Delegate.arrived_at.is_(None))
            .values(arrived_at=bindparam("when"), arrived_via=bindparam("via"))
        )

    def write(self, c: Connection, event: EventInfo, rows: Iterable[Mapping]) -> list[int]:
        """Insert the rows the copy lacks; the copy's ids of those inserted."""
        sessions = {x.key: x.id for x in event.sessions}
        written: list[int] = []
        for row in rows:
            if c.execute(self.present, {"uuid": row["uuid"]}).first() is not None:
                continue
            links = self._links(c, event, sessions, row)
            if links is None:
                continue
            delegate_id, session_id = links
            values = {k: row[k] for k in self.columns if k in row}
            values.update(event_id=event.id, delegate_id=delegate_id, session_id=session_id,
                          undoes_id=None)
            scan_id = c.execute(self.journal, values).scalar_one()
            if delegate_id is not None and _admits(row):
                self._stand(c, event, delegate_id, session_id, scan_id, row)
            written.append(scan_id)
        return written

    def _links(
        self, c: Connection, event: EventInfo, sessions: dict[str, int], row: Mapping
    ) -> tuple[int | None, int | None] | None:
        """The copy's (delegate, session) ids for the row, or None to leave it for the
        pull (someone or a session the copy does not know yet)."""
        delegate_id = None
        if row.get("delegate_number") is not None:
            delegate_id = c.execute(
                self.delegate, {"event_id": event.id, "number": row["delegate_number"]}
            ).scalar()
            if delegate_id is None:
                return None
        session_id = None
        if row.get("session_key") is not None:
            session_id = sessions.get(row["session_key"])
            if session_id is None:
                return None
        return delegate_id, session_id

    def _stand(
        self, c: Connection, event: EventInfo, delegate_id: int, session_id: int | None,
        scan_id: int, row: Mapping,
    ) -> None:
        """As the engine does: the first admission in a scope stands (a re-entry after
        an exit is journaled, the first admission keeps standing)."""
        scope = session_id or journal.VENUE
        if c.execute(self.standing, {"delegate_id": delegate_id, "scope": scope}).first():
            return
        c.execute(self.admission, {
            "event_id": event.id, "delegate_id": delegate_id, "scope": scope,
            "scan_id": scan_id, "admitted_at": row["created_at"], "source": row["source"],
        })  # fmt: skip
        c.execute(self.arrival, {"delegate_id": delegate_id, "when": row["created_at"],
                                 "via": row["source"]})


def _admits(row: Mapping) -> bool:
    return (
        row["action"] == ScanAction.ENTRY.value and row["outcome"] == Outcome.ADMITTED.value
    )

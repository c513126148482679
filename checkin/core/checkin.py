"""The check-in engine: scan, manual check-in and undo, each journaled.

Every attempt — admitted, duplicate or refused — becomes one row of the append-only
``scans`` journal, written and committed (fsync'd on SQLite) before the outcome is
returned, so what the desk shows as admitted survives a crash or a power cut.

The decision "already admitted?" reads the standing admissions (``journal``) and writes
the new journal row and its projection inside one write transaction: ``BEGIN
IMMEDIATE`` on SQLite, and on PostgreSQL a row lock on the delegate (``FOR UPDATE``), so
two desks scanning the same badge in the same second give one ``admitted`` and one
``already_admitted``; the unique (delegate, scope) constraint on ``admissions`` backs it.

The scan path uses SQLAlchemy Core statements, not ORM objects: ``checkin scan -``
replays thousands of scans a second.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.engine import Connection

from checkin.core import codes, journal
from checkin.core import models as m
from checkin.core.delegates import DELEGATE_COLUMNS, DelegateInfo, delegate_from_row
from checkin.core.event import EventInfo, SessionInfo, event_secret, require_event
from checkin.core.store import Store
from checkin.core.text import clean

AUTO = "auto"
_STORED_CODE_MAX = 64


class CheckinError(ValueError):
    """A request that cannot be carried out (unknown session, nothing to undo…)."""


@dataclass(frozen=True)
class Outcome:
    status: m.Outcome
    delegate: DelegateInfo | None
    session: SessionInfo | None  # None: arrival at the venue
    scan_id: str  # UUID of the journal row written for this attempt
    scanned_at: dt.datetime  # aware UTC
    message: str
    first_scan_at: dt.datetime | None = None  # for already_admitted: the first admission
    first_station: str | None = None
    code: str = ""

    @property
    def may_enter(self) -> bool:
        return self.status.may_enter


class _Statements:
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
        self.journal = insert(m.Scan).returning(m.Scan.id)
        self.admission = insert(m.Admission)
        self.arrival = (
            update(m.Delegate)
            .where(m.Delegate.id == bindparam("delegate_id"), m.Delegate.arrived_at.is_(None))
            .values(arrived_at=bindparam("when"), arrived_via=bindparam("via"))
        )


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _naive(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC).replace(tzinfo=None)


class CheckinService:
    """Check-in for one event at one station; caches what every scan needs."""

    def __init__(
        self,
        store: Store,
        event: EventInfo | None = None,
        *,
        station: str = "",
        operator: str = "",
    ) -> None:
        self.store = store
        self.event = event or require_event(store)
        self.station = station
        self.operator = operator
        self._secret = event_secret(store, self.event.id)
        self._tag = codes.event_tag(self._secret)
        self._lock = not store.is_sqlite  # SQLite serialises writers with BEGIN IMMEDIATE
        self._sql = _Statements(self._lock)

    # ------------------------------------------------------------------ public

    def resolve_session(self, session: str | None, now: dt.datetime) -> SessionInfo | None:
        """``None`` = venue arrival; ``"auto"`` = the session running now, if any."""
        if session is None or session == "":
            return None
        if session == AUTO:
            return self.event.session_at(now)
        found = self.event.session(session)
        if found is None:
            keys = ", ".join(s.key for s in self.event.sessions if s.attendance) or "none"
            raise CheckinError(f"Unknown session {session!r}; sessions: {keys}, or 'auto'.")
        if not found.attendance:
            raise CheckinError(f"Session {session!r} ({found.title}) takes no attendance.")
        return found

    def scan(
        self,
        raw: str,
        *,
        session: str | None = None,
        source: m.ScanSource = m.ScanSource.SCANNER,
        now: dt.datetime | None = None,
    ) -> Outcome:
        return self.scan_many([raw], session=session, source=source, now=now)[0]

    def scan_many(
        self,
        raws: Iterable[str],
        *,
        session: str | None = None,
        source: m.ScanSource = m.ScanSource.SCANNER,
        now: dt.datetime | None = None,
    ) -> list[Outcome]:
        """Scans in one transaction (one fsync): for replaying a scanner log quickly.

        Nothing is returned — so nothing is shown as admitted — before the commit.
        """
        outcomes = []
        with self.store.write_conn() as s:
            for raw in raws:
                when = now or _utcnow()
                sess = self.resolve_session(session, when)
                outcomes.append(self._scan(s, raw, sess, source, when))
        return outcomes

    def check_in(
        self,
        delegate_id: int,
        *,
        session: str | None = None,
        source: m.ScanSource = m.ScanSource.MANUAL,
        now: dt.datetime | None = None,
    ) -> Outcome:
        """Check a person in without a badge (found by name at the desk)."""
        when = now or _utcnow()
        sess = self.resolve_session(session, when)
        with self.store.write_conn() as s:
            delegate = self._delegate(s, self._sql.delegate_by_id, delegate_id)
            if delegate is None:
                raise CheckinError(f"No delegate with id {delegate_id} in this event.")
            return self._admit(s, delegate, sess, source, when, code="")

    def undo(self, scan_id: str, *, now: dt.datetime | None = None) -> Outcome:
        """Cancel an admission by journaling an undo row that points at it."""
        when = now or _utcnow()
        with self.store.write_conn() as s:
            target = s.execute(
                select(
                    m.Scan.id, m.Scan.delegate_id, m.Scan.session_id, m.Scan.outcome,
                    m.Scan.action,
                ).where(m.Scan.uuid == scan_id.strip(), m.Scan.event_id == self.event.id)
            ).first()
            if target is None:
                raise CheckinError(f"No scan {scan_id!r} in this event's journal.")
            if target.action != m.ScanAction.ENTRY.value or target.outcome != "admitted":
                raise CheckinError(
                    f"Scan {scan_id} was not an admission ({target.outcome}); nothing to undo."
                )
            # Lock the delegate (PostgreSQL) before looking for an earlier undo, so two
            # desks undoing the same scan at once cannot both pass the check.
            delegate = self._delegate(s, self._sql.delegate_by_id, target.delegate_id)
            undone = s.scalar(select(m.Scan.uuid).where(m.Scan.undoes_id == target.id))
            if undone:
                raise CheckinError(f"Scan {scan_id} was already undone by {undone}.")
            sess = next((x for x in self.event.sessions if x.id == target.session_id), None)
            new_id, _ = self._journal(
                s,
                delegate_id=target.delegate_id,
                session_id=target.session_id,
                action=m.ScanAction.UNDO,
                source=m.ScanSource.MANUAL,
                outcome=m.Outcome.UNDONE,
                when=when,
                undoes_id=target.id,
            )
            # Another standing admission of the same scope can only exist after journals
            # were merged; recomputing this delegate from the journal covers that too.
            journal.rebuild(s, self.event.id, target.delegate_id)
            name = delegate.full_name if delegate else "?"
            return Outcome(
                m.Outcome.UNDONE, delegate, sess, new_id, when,
                f"Check-in of {name} undone.",
            )

    # ----------------------------------------------------------------- internals

    def _delegate(self, s: Connection, query, key: int | None) -> DelegateInfo | None:
        row = s.execute(query, {"event_id": self.event.id, "key": key}).first()
        return delegate_from_row(row) if row else None

    def _scan(
        self,
        s: Connection,
        raw: str,
        sess: SessionInfo | None,
        source: m.ScanSource,
        when: dt.datetime,
    ) -> Outcome:
        decoded = codes.verify(raw, self._secret, self._tag)
        stored_code = decoded.code or clean(raw)[:_STORED_CODE_MAX]
        if decoded.verdict is codes.Verdict.WRONG_EVENT:
            return self._refuse(s, None, sess, source, when, stored_code, m.Outcome.WRONG_EVENT,
                                "This badge is for another event.")
        if decoded.verdict is codes.Verdict.INVALID:
            return self._refuse(s, None, sess, source, when, stored_code, m.Outcome.INVALID,
                                "Not a valid badge code for this event.")
        delegate = self._delegate(s, self._sql.delegate_by_number, decoded.number)
        if delegate is None:
            return self._refuse(
                s, None, sess, source, when, stored_code, m.Outcome.INVALID,
                f"Badge number {decoded.number} is not in this desk's roster.",
            )
        if decoded.version > delegate.badge_version:
            return self._refuse(
                s, delegate, sess, source, when, stored_code, m.Outcome.INVALID,
                f"This badge (version {decoded.version}) is newer than this desk's roster "
                f"(version {delegate.badge_version}): the desk may be out of date.",
            )
        if decoded.version < delegate.badge_version:
            return self._refuse(
                s, delegate, sess, source, when, stored_code, m.Outcome.REVOKED,
                self._revoked_message(s, delegate, decoded.version),
            )
        return self._admit(s, delegate, sess, source, when, code=stored_code)

    def _revoked_message(self, s: Connection, delegate: DelegateInfo, version: int) -> str:
        replaced = s.execute(
            select(func.min(m.BadgePrint.printed_at)).where(
                m.BadgePrint.delegate_id == delegate.id,
                m.BadgePrint.badge_version == version + 1,
            )
        ).scalar()
        if replaced is None:
            return "This badge was replaced by a newer one: ask for the new badge."
        local = self.event.local(replaced.replace(tzinfo=dt.UTC))
        day = "" if local.date() == self.event.date else f" on {local:%d.%m.%Y}"
        return f"This badge was replaced by a reprint at {local:%H:%M}{day}: ask for the new badge."

    def _admit(
        self,
        s: Connection,
        delegate: DelegateInfo,
        sess: SessionInfo | None,
        source: m.ScanSource,
        when: dt.datetime,
        *,
        code: str,
    ) -> Outcome:
        if delegate.status == m.DelegateStatus.CANCELLED.value:
            return self._refuse(s, delegate, sess, source, when, code, m.Outcome.CANCELLED,
                                "Registration cancelled.")
        session_id = sess.id if sess else None
        scope = session_id or journal.VENUE
        first = s.execute(
            self._sql.standing, {"delegate_id": delegate.id, "scope": scope}
        ).first()
        where = sess.title if sess else "the venue"
        if first is not None:
            first_at = first.admitted_at.replace(tzinfo=dt.UTC)
            local = self.event.local(first_at).strftime("%H:%M")
            station = f", {first.station}" if first.station else ""
            scan_id, _ = self._journal(
                s, delegate_id=delegate.id, session_id=session_id, action=m.ScanAction.ENTRY,
                source=source, outcome=m.Outcome.ALREADY_ADMITTED, when=when, code=code,
            )
            return Outcome(
                m.Outcome.ALREADY_ADMITTED, delegate, sess, scan_id, when,
                f"Already checked in to {where} at {local}{station}.",
                first_scan_at=first_at, first_station=first.station, code=code,
            )
        scan_id, row_id = self._journal(
            s, delegate_id=delegate.id, session_id=session_id, action=m.ScanAction.ENTRY,
            source=source, outcome=m.Outcome.ADMITTED, when=when, code=code,
        )
        s.execute(
            self._sql.admission,
            {"event_id": self.event.id, "delegate_id": delegate.id, "scope": scope,
             "scan_id": row_id, "admitted_at": _naive(when), "source": source.value},
        )
        s.execute(
            self._sql.arrival,
            {"delegate_id": delegate.id, "when": _naive(when), "via": source.value},
        )
        return Outcome(
            m.Outcome.ADMITTED, delegate, sess, scan_id, when,
            f"Welcome, {delegate.full_name}." if sess is None
            else f"{delegate.full_name}: admitted to {where}.",
            code=code,
        )

    def _refuse(self, s, delegate, sess, source, when, code, outcome, message) -> Outcome:
        scan_id, _ = self._journal(
            s,
            delegate_id=delegate.id if delegate else None,
            session_id=sess.id if sess else None,
            action=m.ScanAction.ENTRY,
            source=source,
            outcome=outcome,
            when=when,
            code=code,
        )
        return Outcome(outcome, delegate, sess, scan_id, when, message, code=code)

    def _journal(
        self,
        s: Connection,
        *,
        delegate_id: int | None,
        session_id: int | None,
        action: m.ScanAction,
        source: m.ScanSource,
        outcome: m.Outcome,
        when: dt.datetime,
        code: str = "",
        undoes_id: int | None = None,
    ) -> tuple[str, int]:
        """Append one row to the journal; its UUID (for people) and id (for links)."""
        scan_uuid = str(uuid.uuid4())
        row_id = s.execute(
            self._sql.journal,
            {
                "uuid": scan_uuid,
                "event_id": self.event.id,
                "delegate_id": delegate_id,
                "session_id": session_id,
                "action": action.value,
                "source": source.value,
                "outcome": outcome.value,
                "code": code,
                "station": self.station,
                "operator": self.operator,
                "created_at": _naive(when),
                "undoes_id": undoes_id,
            },
        ).scalar_one()
        return scan_uuid, row_id

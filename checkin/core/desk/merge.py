"""Merging journals: scans made elsewhere (another station, a desk that was offline)
added to this store by scan UUID, and the duplicates that appear when two stations
admitted the same person while they could not see each other.

Scans travel as *portable rows*: every column of ``scans`` except the local ids, with
the links replaced by what means the same thing on every station — the delegate's
number (the badge identity), the session's key, and the UUID of the scan an undo
cancels.  Columns are read from the model at run time, so a column or an action added
later travels without a change here.

A merge is idempotent (a UUID already present is skipped), inserts in time order, and
recomputes the projections (``journal.rebuild``) of the delegates it touched, in the
same transaction.  On PostgreSQL it locks those delegates' rows first, as a desk's scan
does, so a desk scanning the same person during a replay waits instead of colliding.

A *duplicate* is a person admitted a second time to the same scope while the first
admission still stood and they had not left in between: the check-in engine never
writes that (it answers ``already_admitted``), so every one comes from a merge, i.e.
two stations admitted the person while apart.  Both rows stay in the journal (nothing
is hidden or deleted); the dashboard lists them with ``offline_duplicates``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, Select, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.types import DelegateInfo, EventInfo, Outcome, ScanAction, SessionInfo

# Scan columns replaced by portable links (or local to one database).
_LOCAL = frozenset({"id", "event_id", "delegate_id", "session_id", "undoes_id"})
LINKS = ("delegate_number", "session_key", "undoes_uuid")
_CHUNK = 500


def scan_columns() -> tuple[str, ...]:
    """The portable scan columns, from the model (new columns travel by themselves)."""
    return tuple(c.name for c in m.Scan.__table__.columns if c.name not in _LOCAL)


@dataclass(frozen=True)
class Duplicate:
    """A person admitted twice to one scope by journals that could not see each other.

    Two cases, worded apart (``same_station``): two desks apart (two laptops, or two
    desks offline at once), or one desk twice — once on the server and once on its own
    offline copy (a scan the server took as the network dropped, done again offline).
    """

    delegate: DelegateInfo
    session: SessionInfo | None  # None: arrival at the venue
    first_scan: str  # UUIDs of the two admissions, in time order
    first_station: str
    first_at: dt.datetime  # aware UTC
    second_scan: str
    second_station: str
    second_at: dt.datetime  # aware UTC
    message: str  # for staff (English: command line and logs), times in the event's zone

    @property
    def same_station(self) -> bool:
        """Both at one desk: once online, once offline."""
        return self.first_station == self.second_station


def _duplicate_message(event: EventInfo, d: DelegateInfo, session: SessionInfo | None,
                       first: tuple[str, dt.datetime], second: tuple[str, dt.datetime]) -> str:
    where = session.title if session else "the venue"
    who = f"{d.full_name} (no. {d.number}) was admitted to {where} twice"

    def at(station: str, when: dt.datetime) -> str:
        return f"{station or 'a station'} at {event.local(when):%H:%M}"

    if first[0] == second[0]:
        return (
            f"{who} at {first[0] or 'one station'}, once online and once offline: "
            f"{event.local(first[1]):%H:%M} and {event.local(second[1]):%H:%M}."
        )
    return f"{who}, at two desks that could not see each other: {at(*first)} and {at(*second)}."


@dataclass(frozen=True)
class Skipped:
    """A scan that could not be merged, and why (it stays in the other journal)."""

    uuid: str
    reason: str


@dataclass(frozen=True)
class MergeReport:
    new: int  # scans added to this journal
    present: int  # scans this journal already had (same UUID)
    skipped: tuple[Skipped, ...]
    duplicates: tuple[Duplicate, ...]  # those involving a scan merged now
    delegates: tuple[int, ...]  # local ids of the delegates whose projections were rebuilt

    @property
    def changed(self) -> bool:
        return self.new > 0


# ------------------------------------------------------------------ reading


def portable_query(event_id: int) -> Select:
    """The SELECT of the event's journal as portable rows, in order; narrow it with
    ``where``.  (The local ``id`` is not a portable column: add it if you need it.)"""
    target = aliased(m.Scan)
    cols = [m.Scan.__table__.c[name] for name in scan_columns()]
    return (
        select(
            *cols,
            m.Delegate.number.label("delegate_number"),
            m.Session.key.label("session_key"),
            target.uuid.label("undoes_uuid"),
        )
        .outerjoin(m.Delegate, m.Delegate.id == m.Scan.delegate_id)
        .outerjoin(m.Session, m.Session.id == m.Scan.session_id)
        .outerjoin(target, target.id == m.Scan.undoes_id)
        .where(m.Scan.event_id == event_id)
        .order_by(m.Scan.created_at, m.Scan.id)
    )


def portable_scans(
    s: Session, event_id: int, *, station: str | None = None, uuids: Iterable[str] | None = None
) -> list[dict]:
    """This journal's rows (all, one station's, or by UUID) as portable rows, in order."""
    query = portable_query(event_id)
    if station is not None:
        query = query.where(m.Scan.station == station)
    if uuids is None:
        return [dict(row._mapping) for row in s.execute(query)]
    out: list[dict] = []
    wanted = list(uuids)
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        out.extend(dict(r._mapping) for r in s.execute(query.where(m.Scan.uuid.in_(chunk))))
    out.sort(key=lambda r: (r["created_at"], r["uuid"]))
    return out


def scan_uuids(s: Session, event_id: int) -> set[str]:
    return set(s.scalars(select(m.Scan.uuid).where(m.Scan.event_id == event_id)))


def present_uuids(s: Session, uuids: Sequence[str]) -> set[str]:
    """Which of ``uuids`` this journal has."""
    found: set[str] = set()
    for i in range(0, len(uuids), _CHUNK):
        chunk = uuids[i : i + _CHUNK]
        found.update(s.scalars(select(m.Scan.uuid).where(m.Scan.uuid.in_(chunk))))
    return found


def _ids_by_uuid(s: Session, uuids: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in range(0, len(uuids), _CHUNK):
        chunk = uuids[i : i + _CHUNK]
        out.update(s.execute(select(m.Scan.uuid, m.Scan.id).where(m.Scan.uuid.in_(chunk))).all())
    return out


# ------------------------------------------------------------------ merging


def merge_scans(
    store: Store,
    event: EventInfo,
    rows: Iterable[Mapping],
    *,
    skip_numbers: frozenset[int] = frozenset(),
) -> MergeReport:
    """Add foreign scans to ``store`` (one transaction); see ``merge_rows``."""
    with store.write() as s:
        return merge_rows(s, event, rows, lock=not store.is_sqlite, skip_numbers=skip_numbers)


def merge_rows(
    s: Session,
    event: EventInfo,
    rows: Iterable[Mapping],
    *,
    lock: bool = False,
    skip_numbers: frozenset[int] = frozenset(),
) -> MergeReport:
    """Insert the portable ``rows`` this journal lacks, in time order, inside ``s``.

    ``skip_numbers``: delegate numbers that mean another person here (a conflict the
    caller reports); their scans are left out, not attached to the wrong person.
    ``lock``: lock the delegates' rows first (PostgreSQL, with desks writing).
    """
    if lock:
        # One merge at a time per event (two replays of the same rows must not both
        # find them missing); desks' scans do not take this lock.
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update()).all()
    incoming: dict[str, Mapping] = {}
    for row in rows:
        incoming.setdefault(str(row["uuid"]), row)
    present = present_uuids(s, list(incoming))
    fresh = [r for u, r in incoming.items() if u not in present]
    fresh.sort(key=lambda r: (_naive(r["created_at"]), 1 if r.get("undoes_uuid") else 0))
    links = _Links(s, event, fresh)
    if lock:
        _lock_delegates(s, links.affected())
    skipped, touched, new_uuids = _insert(s, event, fresh, links, skip_numbers)
    rebuild_many(s, event.id, sorted(touched))
    duplicates = [
        d for d in _duplicates(s, event, sorted(touched))
        if d.first_scan in new_uuids or d.second_scan in new_uuids
    ]
    return MergeReport(
        new=len(new_uuids),
        present=len(present),
        skipped=tuple(skipped),
        duplicates=tuple(duplicates),
        delegates=tuple(sorted(touched)),
    )


class _Links:
    """This journal's local ids for the portable links of the rows to merge (delegate
    numbers, session keys, the UUIDs undos point at), read in chunks up front."""

    def __init__(self, s: Session, event: EventInfo, fresh: list[Mapping]) -> None:
        self.numbers = {
            r["delegate_number"] for r in fresh if r.get("delegate_number") is not None
        }
        self.delegate_ids: dict[int, int] = {}
        for chunk in _chunks(sorted(self.numbers)):
            self.delegate_ids.update(
                s.execute(
                    select(m.Delegate.number, m.Delegate.id).where(
                        m.Delegate.event_id == event.id, m.Delegate.number.in_(chunk)
                    )
                ).all()
            )
        self.session_ids = {x.key: x.id for x in event.sessions}
        # Sessions created after ``event`` was read (by an import in this transaction).
        self.session_ids.update(
            s.execute(
                select(m.Session.key, m.Session.id).where(m.Session.event_id == event.id)
            ).all()
        )
        targets = sorted({r["undoes_uuid"] for r in fresh if r.get("undoes_uuid")})
        self.scan_ids = _ids_by_uuid(s, targets)

    def affected(self) -> list[int]:
        """The local ids of the delegates the rows are about, in id order."""
        return sorted({self.delegate_ids[n] for n in self.numbers if n in self.delegate_ids})

    def resolve(
        self, row: Mapping, skip_numbers: frozenset[int]
    ) -> tuple[int | None, int | None, int | None] | str:
        """The row's local (delegate, session, undone scan) ids, or why it cannot be
        merged here."""
        number = row.get("delegate_number")
        delegate_id = None
        if number is not None:
            if number in skip_numbers:
                return f"delegate no. {number} is another person here"
            delegate_id = self.delegate_ids.get(number)
            if delegate_id is None:
                return f"no delegate no. {number} in this roster"
        key = row.get("session_key")
        session_id = None
        if key is not None:
            session_id = self.session_ids.get(key)
            if session_id is None:
                return f"no session {key!r} in this event"
        undoes_id = None
        if row.get("undoes_uuid"):
            undoes_id = self.scan_ids.get(row["undoes_uuid"])
            if undoes_id is None:
                return f"undoes scan {row['undoes_uuid']}, not in this journal"
        return delegate_id, session_id, undoes_id


def _lock_delegates(s: Session, ids: list[int]) -> None:
    """PostgreSQL: lock the delegates' rows in id order, as desks' batches do."""
    for chunk in _chunks(ids):
        s.execute(
            select(m.Delegate.id)
            .where(m.Delegate.id.in_(chunk))
            .order_by(m.Delegate.id)
            .with_for_update()
        ).all()


def _insert(
    s: Session,
    event: EventInfo,
    fresh: list[Mapping],
    links: _Links,
    skip_numbers: frozenset[int],
) -> tuple[list[Skipped], set[int], set[str]]:
    """Insert the rows in order: what was skipped, whose journal changed, what is new."""
    columns = scan_columns()
    statement = insert(m.Scan).returning(m.Scan.id)
    skipped: list[Skipped] = []
    touched: set[int] = set()
    new_uuids: set[str] = set()
    for row in fresh:
        scan_uuid = str(row["uuid"])
        ids = links.resolve(row, skip_numbers)
        if isinstance(ids, str):
            skipped.append(Skipped(scan_uuid, ids))
            continue
        delegate_id, session_id, undoes_id = ids
        values = {c: row[c] for c in columns if c in row}
        values["created_at"] = _naive(values["created_at"])
        values.update(
            event_id=event.id, delegate_id=delegate_id, session_id=session_id, undoes_id=undoes_id
        )
        # A later row of this merge may undo this one.
        links.scan_ids[scan_uuid] = s.execute(statement, values).scalar_one()
        new_uuids.add(scan_uuid)
        if delegate_id is not None:
            touched.add(delegate_id)
    return skipped, touched, new_uuids


def rebuild_many(s: Session, event_id: int, delegate_ids: Sequence[int]) -> None:
    """``journal.rebuild`` for a set of delegates, one statement per chunk.

    Same statements as ``journal.rebuild`` (one delegate per call costs ~20 ms of
    statement building: 10 s for a 500-scan replay) but filtered with IN.  Only those
    delegates' rows are touched, which matters on PostgreSQL where desks keep scanning
    other people during a merge.
    """
    earliest = journal.first_standing_id()
    standing = journal.standing_entry(m.Scan)
    arrival = (
        select(m.Admission.admitted_at, m.Admission.source)
        .where(m.Admission.delegate_id == m.Delegate.id)
        .order_by(m.Admission.admitted_at, m.Admission.id)
        .limit(1)
    )
    for chunk in _chunks(list(delegate_ids)):
        s.execute(
            delete(m.Admission).where(
                m.Admission.event_id == event_id, m.Admission.delegate_id.in_(chunk)
            )
        )
        rows = select(
            m.Scan.event_id, m.Scan.delegate_id, journal.scope_of(m.Scan), m.Scan.id,
            m.Scan.created_at, m.Scan.source,
        ).where(
            m.Scan.event_id == event_id, m.Scan.delegate_id.in_(chunk), standing,
            m.Scan.id == earliest,
        )
        s.execute(
            insert(m.Admission).from_select(
                ["event_id", "delegate_id", "scope", "scan_id", "admitted_at", "source"], rows
            )
        )
        s.execute(
            update(m.Delegate)
            .where(m.Delegate.event_id == event_id, m.Delegate.id.in_(chunk))
            .values(
                arrived_at=arrival.with_only_columns(m.Admission.admitted_at).scalar_subquery(),
                arrived_via=arrival.with_only_columns(m.Admission.source).scalar_subquery(),
            )
            .execution_options(synchronize_session=False)
        )


# ------------------------------------------------------------------ duplicates


def offline_duplicates(store: Store, event: EventInfo) -> list[Duplicate]:
    """Every person admitted twice to one scope while stations were apart (dashboard)."""
    with store.read() as s:
        return _duplicates(s, event, None)


def _duplicates(s: Session, event: EventInfo, delegate_ids: list[int] | None) -> list[Duplicate]:
    if delegate_ids is not None and not delegate_ids:
        return []
    pairs = _admitted_twice(s, event, delegate_ids)
    if not pairs:
        return []
    who = sorted({d for d, _ in pairs})
    people = {
        row.id: delegate_from_row(row)
        for row in s.execute(select(*DELEGATE_COLUMNS).where(m.Delegate.id.in_(who)))
    }
    sessions = {x.id: x for x in event.sessions}
    found: list[Duplicate] = []
    inside: dict[tuple[int, int], Row] = {}
    for move in _movements(s, event, who):
        key = (move.delegate_id, move.scope)
        if key not in pairs:
            continue
        if move.action == ScanAction.EXIT.value:
            inside.pop(key, None)
            continue
        first = inside.get(key)
        if first is None:
            inside[key] = move
            continue
        session = sessions.get(move.scope) if move.scope != journal.VENUE else None
        found.append(_duplicate(event, people[move.delegate_id], session, first, move))
    found.sort(key=lambda d: (d.second_at, d.delegate.number))
    return found


def _admitted_twice(
    s: Session, event: EventInfo, delegate_ids: list[int] | None
) -> set[tuple[int, int]]:
    """(delegate, scope) pairs with more than one standing admission."""
    scope = journal.scope_of(m.Scan)
    query = (
        select(m.Scan.delegate_id, scope)
        .where(m.Scan.event_id == event.id, journal.standing_entry(m.Scan))
        .group_by(m.Scan.delegate_id, scope)
        .having(func.count() > 1)
    )
    if delegate_ids is not None:
        query = query.where(m.Scan.delegate_id.in_(delegate_ids))
    return {(d, sc) for d, sc in s.execute(query).all()}


def _movements(s: Session, event: EventInfo, who: list[int]) -> Sequence[Row]:
    """These people's standing admissions and exits (not undone), per scope in time order."""
    scope = journal.scope_of(m.Scan)
    undo = aliased(m.Scan)
    exited = (
        (m.Scan.action == ScanAction.EXIT.value)
        & (m.Scan.outcome == Outcome.EXITED.value)
        & ~select(undo.id).where(undo.undoes_id == m.Scan.id).exists()
    )
    return s.execute(
        select(
            m.Scan.delegate_id, scope.label("scope"), m.Scan.action, m.Scan.uuid,
            m.Scan.station, m.Scan.created_at,
        )
        .where(
            m.Scan.event_id == event.id,
            m.Scan.delegate_id.in_(who),
            journal.standing_entry(m.Scan) | exited,
        )
        .order_by(m.Scan.delegate_id, scope, m.Scan.created_at, m.Scan.id)
    ).all()


def _duplicate(
    event: EventInfo, person: DelegateInfo, session: SessionInfo | None, first: Row, second: Row
) -> Duplicate:
    first_at = first.created_at.replace(tzinfo=dt.UTC)
    second_at = second.created_at.replace(tzinfo=dt.UTC)
    return Duplicate(
        delegate=person,
        session=session,
        first_scan=first.uuid,
        first_station=first.station,
        first_at=first_at,
        second_scan=second.uuid,
        second_station=second.station,
        second_at=second_at,
        message=_duplicate_message(
            event, person, session, (first.station, first_at), (second.station, second_at)
        ),
    )


# ------------------------------------------------------------------ helpers


def _naive(when: dt.datetime) -> dt.datetime:
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when


def _chunks(items: list) -> Iterable[list]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]

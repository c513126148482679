"""A desk's offline copy of the shared server, kept current within seconds.

The copy (a SQLite file, the *mirror*) holds the event, its categories and sessions, the
roster and the journal with the server's ids, so that the desk can go on checking people
in there when the server goes away (``offline.DeskCheckin``).  What makes it current:

* **Own rows at once.**  Each journal row the desk writes on the server enters the copy
  in the same call, once the server committed it (``merge_own``, through ``merge``:
  idempotent by UUID).  A person admitted here seconds before a drop is "already
  admitted" offline.
* **Other desks' rows within seconds.**  ``pull`` asks the server only for what is new:
  scans by id above a watermark, plus the ids below it that were missing last time
  (*gaps*: transactions still running when we looked commit later with lower ids; a gap
  is asked for again until it fills, or is too old or too far behind to be in flight),
  and delegates changed since a watermark on ``updated_at``, minus an overlap for the
  writers' clock skew and long imports.  Nothing changed costs one query on the journal
  and one count on the roster; the copy is written only when something did.
* **A full copy** (``full_copy``) when the copy is new, and rarely otherwise (it reads
  the whole roster and every scan id): the safety net for anything a pull could miss
  (a writer's clock far behind, a gap that outlived its time).

The watermarks live in the copy itself (``desk_state``), so a desk that restarts — or a
``checkin scan`` that opens the copy for one line — goes on from where it was instead of
copying everything again.  ``replayed`` is the copy's own watermark: every copy row up
to that id is known to be on the server; only those above it are offered to a replay.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, and_, func, or_, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from checkin.core.accreditation import photos
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import merge
from checkin.core.desk.merge import MergeReport
from checkin.core.desk.own_rows import OwnRows
from checkin.core.types import EventInfo

# Delegates changed up to this long before the newest change seen are read again: the
# writers' clocks may be apart, and an import stamps its rows when it starts.
OVERLAP = dt.timedelta(minutes=5)
# A missing scan id is asked for again until it is this far behind the newest id seen,
# or this old: no desk's transaction stays open that long.
GAP_IDS = 10_000
GAP_SECONDS = 120.0
# More gaps than this are asked for as one range from the lowest.
GAPS_LISTED = 200
# Projections are the copy's own (from its journal), never the server's.
_DERIVED = ("arrived_at", "arrived_via")
_CHUNK = 500
_NOTHING = MergeReport(new=0, present=0, skipped=(), duplicates=(), delegates=())


@dataclass(frozen=True)
class PullReport:
    """What one pull brought into the copy."""

    scans: int  # journal rows new to the copy
    delegates: int  # delegates added or changed
    event: bool  # the event, its categories or its sessions changed

    @property
    def changed(self) -> bool:
        return bool(self.scans or self.delegates or self.event)


@dataclass
class ScanCursor:
    """How far the copy has read the server's journal: every id up to ``watermark``
    except the ``gaps`` (id -> when first missed, epoch seconds)."""

    watermark: int = 0
    gaps: dict[int, float] = field(default_factory=dict)

    def where(self):
        newer = m.Scan.id > self.watermark
        if not self.gaps:
            return newer
        if len(self.gaps) > GAPS_LISTED:
            return m.Scan.id >= min(self.gaps)
        return or_(newer, m.Scan.id.in_(sorted(self.gaps)))

    def advance(self, seen: Iterable[int], now: float) -> ScanCursor:
        seen = set(seen)
        top = max(seen | {self.watermark})
        gaps = {g: t for g, t in self.gaps.items() if g not in seen}
        gaps.update({i: now for i in range(self.watermark + 1, top) if i not in seen})
        gaps = {g: t for g, t in gaps.items() if g > top - GAP_IDS and now - t < GAP_SECONDS}
        return ScanCursor(top, gaps)

    def to_json(self) -> dict:
        return {"watermark": self.watermark, "gaps": sorted(self.gaps.items())}

    @classmethod
    def from_json(cls, value: Mapping | None) -> ScanCursor:
        if not value:
            return cls()
        return cls(int(value["watermark"]), {int(g): float(t) for g, t in value["gaps"]})


# ------------------------------------------------------------------ the copy's state


def get_state(s: Session | Connection, key: str) -> Any:
    value = s.execute(select(m.DeskState.value).where(m.DeskState.key == key)).scalar()
    return json.loads(value) if value else None


def put_state(s: Session | Connection, key: str, value: Any) -> None:
    table = cast(Table, m.DeskState.__table__)
    stmt = sqlite_insert(table).values(key=key, value=json.dumps(value))
    s.execute(stmt.on_conflict_do_update(index_elements=["key"],
                                         set_={"value": stmt.excluded.value}))


def _naive(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


# ------------------------------------------------------------------ reading the server


def _table_rows(s: Session, model, where) -> list[dict]:
    table = model.__table__
    return [dict(r._mapping) for r in s.execute(select(table).where(where).order_by(table.c.id))]


def _event_tables(s: Session, event_id: int) -> list[tuple[type, list[dict]]]:
    return [
        (m.Event, _table_rows(s, m.Event, m.Event.id == event_id)),
        (m.Category, _table_rows(s, m.Category, m.Category.event_id == event_id)),
        (m.Session, _table_rows(s, m.Session, m.Session.event_id == event_id)),
    ]


def _upsert(s: Session, model, rows: list[dict], keep: tuple[str, ...] = ()) -> None:
    """Insert or update ``rows`` by id (the server's ids), leaving ``keep`` alone."""
    if not rows:
        return
    stmt = sqlite_insert(cast(Table, model.__table__))  # the copy is always SQLite
    names = [c for c in rows[0] if c != "id" and c not in keep]
    stmt = stmt.on_conflict_do_update(
        index_elements=["id"], set_={c: stmt.excluded[c] for c in names}
    )
    s.execute(stmt, rows)


def _changed_delegates(s: Session, rows: list[dict]) -> list[dict]:
    """The server's delegate rows the copy lacks or holds otherwise."""
    here: dict[int, dict] = {}
    ids = [r["id"] for r in rows]
    for i in range(0, len(ids), _CHUNK):
        here.update(
            (r["id"], r)
            for r in _table_rows(s, m.Delegate, m.Delegate.id.in_(ids[i : i + _CHUNK]))
        )
    out = []
    for row in rows:
        mine = here.get(row["id"])
        if mine is None or any(mine[k] != v for k, v in row.items() if k not in _DERIVED):
            out.append({**row, **{k: None for k in _DERIVED}} if mine is None else row)
    return out


def _upsert_delegates(s: Session, rows: list[dict]) -> None:
    _upsert(s, m.Delegate, rows, keep=_DERIVED)


# ------------------------------------------------------------------ the copy


class Mirror:
    """The offline copy of one desk, and how it is kept current.

    Thread safety: ``pull`` and ``full_copy`` run one at a time (a lock of their own);
    ``merge_own`` may run meanwhile from another thread — SQLite serialises the writes,
    and every merge is by UUID.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pulling = threading.Lock()
        self._tables_seen: list | None = None  # the event's rows, as last pulled
        self._own = OwnRows()

    # ------------------------------------------------------------ state

    def event_id(self) -> int | None:
        with self.store.read() as s:
            return s.scalar(select(m.Event.id).order_by(m.Event.id.desc()).limit(1))

    def is_current_for(self, event: EventInfo) -> bool:
        """Has this copy followed ``event`` before (so a pull is enough)?"""
        with self.store.read() as s:
            here = s.scalar(select(m.Event.uuid).where(m.Event.id == event.id))
            return here == event.uuid and get_state(s, "scans") is not None

    def holds_other_event(self, event: EventInfo) -> bool:
        with self.store.read() as s:
            here = s.scalar(select(m.Event.uuid).where(m.Event.id == event.id))
        return here is not None and here != event.uuid

    def holder(self) -> str:
        """This copy's own id (number blocks on the server name it)."""
        with self.store.read() as s:
            value = get_state(s, "holder")
        if value is None:
            with self.store.write() as s:
                value = get_state(s, "holder") or str(uuid.uuid4())
                put_state(s, "holder", value)
        return value

    # ------------------------------------------------------------ full copy

    def full_copy(self, primary: Store, event: EventInfo) -> MergeReport:
        """Everything from the server: event, roster (upserted by id) and every scan the
        copy lacks; then the watermarks start from what was read."""
        with self._pulling:
            with primary.read() as ps:
                tables = _event_tables(ps, event.id)
                delegates = _table_rows(ps, m.Delegate, m.Delegate.event_id == event.id)
                ids = dict(ps.execute(
                    select(m.Scan.uuid, m.Scan.id).where(m.Scan.event_id == event.id)
                ).all())
            with self.store.read() as s:  # compared outside the write: scans go on meanwhile
                missing = set(ids) - merge.scan_uuids(s, event.id)
                delegates = _changed_delegates(s, delegates)
            rows = []
            with primary.read() as ps:
                if missing:
                    rows = merge.portable_scans(ps, event.id, uuids=missing)
                pictures = photos.photo_rows(ps, [d["id"] for d in delegates])
            cursor = _cursor_after_full(ids.values())
            since = max((d["updated_at"] for d in delegates), default=None)
            with self.store.write() as s:
                for model, table in tables:
                    _upsert(s, model, table)
                _upsert_delegates(s, delegates)
                photos.replace_photos(s, [d["id"] for d in delegates], pictures)
                report = merge.merge_rows(s, event, rows)
                put_state(s, "scans", cursor.to_json())
                put_state(s, "delegates", {"since": since.isoformat() if since else None})
                _replayed_up_to_first_missing(s, event.id, set(ids))
            self._tables_seen = tables
            return report

    # ------------------------------------------------------------ pull

    def pull(self, primary: Store, event: EventInfo) -> PullReport:
        """What changed on the server since the last pull, into the copy (``event``:
        the copy's, which has the server's ids).  Nothing changed: three small queries
        on the server and nothing written here."""
        with self._pulling:
            with self.store.read() as s:
                cursor = ScanCursor.from_json(get_state(s, "scans"))
                roster = get_state(s, "delegates") or {}
            with primary.read() as ps:
                tables = _event_tables(ps, event.id)
                fingerprint, delegates = _delegates_changed(ps, event.id, roster)
                query = merge.portable_query(event.id).add_columns(m.Scan.id.label("id"))
                scans = [dict(r._mapping) for r in ps.execute(query.where(cursor.where()))]
            changed: list[dict] = []
            if self._tables_seen is None or delegates:
                with self.store.read() as s:
                    if self._tables_seen is None:  # the first pull of this run
                        self._tables_seen = _event_tables(s, event.id)
                    changed = _changed_delegates(s, delegates) if delegates else []
            moved = tables != self._tables_seen
            if not moved and delegates is None and not scans:
                return PullReport(0, 0, False)
            pictures = []
            if changed:  # a changed delegate may have a new photo (``accreditation.photos``)
                with primary.read() as ps:
                    pictures = photos.photo_rows(ps, [d["id"] for d in changed])
            with self.store.write() as s:
                for model, table in tables if moved else ():
                    _upsert(s, model, table)
                _upsert_delegates(s, changed)
                photos.replace_photos(s, [d["id"] for d in changed], pictures)
                report = merge.merge_rows(s, event, scans) if scans else _NOTHING
                put_state(s, "scans", _cursor_after_pull(cursor, scans, report).to_json())
                if delegates is not None:
                    put_state(s, "delegates", _roster_state(roster, delegates, fingerprint))
            self._tables_seen = tables
            return PullReport(report.new, len(changed), moved)

    # ------------------------------------------------------------ own rows

    def merge_own(self, event: EventInfo, rows: list[dict]) -> None:
        """The rows this desk just wrote on the server, into the copy (``own_rows``).

        When they are all the copy holds above its replay watermark, the watermark moves
        over them: they are on the server.  (Anything else above it — rows pulled, or
        made offline by another program on this copy — waits for ``settle``, which asks
        the server.)"""
        if any(r.get("undoes_uuid") for r in rows):  # an undo re-derives the projections
            with self.store.write() as s:
                merge.merge_rows(s, event, rows)
            return
        with self.store.write_conn() as c:
            written = self._own.write(c, event, rows)
            through = get_state(c, "replayed") or 0
            above = c.execute(select(m.Scan.id).where(m.Scan.id > through)).scalars().all()
            if above and sorted(above) == sorted(written):
                put_state(c, "replayed", max(above))

    def copy_delegates(self, primary: Store, event_id: int, numbers: Iterable[int]) -> None:
        """These delegates as the server has them now, into the copy."""
        wanted = sorted(set(numbers))
        if not wanted:
            return
        with primary.read() as ps:
            rows = _table_rows(
                ps, m.Delegate,
                and_(m.Delegate.event_id == event_id, m.Delegate.number.in_(wanted)),
            )
        with self.store.read() as s:
            rows = _changed_delegates(s, rows)
        if rows:
            with self.store.write() as s:
                _upsert_delegates(s, rows)

    # ------------------------------------------------------------ replay bookkeeping

    def unreplayed(self, event_id: int) -> list[tuple[int, str]]:
        """The copy's scans above the replay watermark: (copy's id, UUID), in order."""
        with self.store.read() as s:
            through = get_state(s, "replayed") or 0
            return [tuple(r) for r in s.execute(  # type: ignore[misc]
                select(m.Scan.id, m.Scan.uuid)
                .where(m.Scan.event_id == event_id, m.Scan.id > through)
                .order_by(m.Scan.id)
            )]

    def portable(self, uuids: Iterable[str]) -> list[dict]:
        with self.store.read() as s:
            event_id = s.scalar(select(m.Event.id).order_by(m.Event.id.desc()).limit(1))
            return merge.portable_scans(s, event_id or 0, uuids=uuids)

    def push(
        self, primary: Store, event: EventInfo, event_id: int, *, skip_numbers: frozenset[int]
    ) -> MergeReport:
        """The copy's scans above its replay watermark that the server lacks, to the
        server (``event``: the server's; ``event_id``: the copy's).  Scans of the
        ``skip_numbers`` (walk-ins not on the server yet under their number) wait."""
        waiting = self.unreplayed(event_id)
        if not waiting:
            return _NOTHING
        uuids = [u for _id, u in waiting]
        with primary.read() as s:
            missing = set(uuids) - merge.present_uuids(s, uuids)
        rows = self.portable(missing) if missing else []
        report = _NOTHING
        for attempt in range(5):
            try:
                report = merge.merge_scans(primary, event, rows, skip_numbers=skip_numbers)
                break
            except DBAPIError as exc:
                # A deadlock with a batch (``scan -`` locks in its own order): again.
                if attempt == 4 or not is_retryable(exc):
                    raise
        skipped = {k.uuid for k in report.skipped}
        # Up to the first row the server could not take (a walk-in not replayed yet):
        # that one and those after it are offered again next time.
        self.mark_replayed(next((i - 1 for i, u in waiting if u in skipped), waiting[-1][0]))
        return report

    def settle(self, primary: Store, event_id: int) -> None:
        """Move the replay watermark over the copy's rows the server has (pulled ones,
        this desk's own), up to the first it lacks: the next replay looks from there."""
        waiting = self.unreplayed(event_id)
        if not waiting:
            return
        with primary.read() as s:
            there = merge.present_uuids(s, [u for _i, u in waiting])
        self.mark_replayed(next((i - 1 for i, u in waiting if u not in there), waiting[-1][0]))

    def mark_replayed(self, through: int) -> None:
        with self.store.write() as s:
            if through > (get_state(s, "replayed") or 0):
                put_state(s, "replayed", through)

    def waiting(self, event_id: int) -> int:
        """How many of the copy's scans may not be on the server yet."""
        return len(self.unreplayed(event_id))


def is_retryable(exc: DBAPIError) -> bool:
    """A deadlock or serialisation failure on PostgreSQL: try the transaction again."""
    try:
        import psycopg.errors as pe
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc.orig, pe.TransactionRollback)


def _delegates_changed(
    ps: Session, event_id: int, roster: Mapping
) -> tuple[list, list[dict] | None]:
    """The roster's fingerprint past the watermark, and its rows if it moved since the
    last pull (``roster``: the copy's state)."""
    where = m.Delegate.event_id == event_id
    since = _naive(roster.get("since"))
    if since is not None:
        where = and_(where, m.Delegate.updated_at > since - OVERLAP)
    count, newest = ps.execute(
        select(func.count(), func.max(m.Delegate.updated_at)).where(where)
    ).one()
    fingerprint = [roster.get("since"), count, newest.isoformat() if newest else None]
    if fingerprint == roster.get("fingerprint"):
        return fingerprint, None
    return fingerprint, _table_rows(ps, m.Delegate, where)


def _roster_state(roster: Mapping, rows: list[dict], fingerprint: list) -> dict:
    """The roster watermark after a pull: the newest change seen, and the fingerprint
    that stands for "nothing changed since" (under the watermark the pull started from:
    a moved watermark is a new window, read once)."""
    since = _naive(roster.get("since"))
    top = max((d["updated_at"] for d in rows), default=since)
    newest = max(filter(None, (since, top)), default=None)
    moved = newest != since
    return {
        "since": newest.isoformat() if newest else None,
        "fingerprint": None if moved else fingerprint,
    }


def _replayed_up_to_first_missing(s: Session, event_id: int, server: set[str]) -> None:
    """After a full copy: the replay watermark moves up to the first copy row the server
    lacks (a scan made offline), or to the top."""
    through = get_state(s, "replayed") or 0
    rows = s.execute(
        select(m.Scan.id, m.Scan.uuid)
        .where(m.Scan.event_id == event_id, m.Scan.id > through)
        .order_by(m.Scan.id)
    ).all()
    first_missing = next((i for i, u in rows if u not in server), None)
    top = rows[-1][0] if rows else through
    put_state(s, "replayed", top if first_missing is None else first_missing - 1)


def _cursor_after_full(ids: Iterable[int]) -> ScanCursor:
    """After a full copy: the server's highest id, and the missing ids just below it
    (transactions that may still commit)."""
    seen = set(ids)
    top = max(seen, default=0)
    now = time.time()
    gaps = {i: now for i in range(max(1, top - 1000), top) if i not in seen}
    return ScanCursor(top, gaps)


def _cursor_after_pull(cursor: ScanCursor, rows: list[dict], report: MergeReport) -> ScanCursor:
    """Move on past the rows read, except those the merge skipped (a scan of a person
    whose roster row was not read yet): asked for again next time."""
    skipped = {k.uuid for k in report.skipped}
    seen = [r["id"] for r in rows if r["uuid"] not in skipped]
    moved = cursor.advance(seen, time.time())
    if skipped:
        now = time.time()
        moved.gaps.update({r["id"]: now for r in rows if r["uuid"] in skipped})
    return moved

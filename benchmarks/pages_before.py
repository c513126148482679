"""The dashboard pages as they were before the stored sort keys (migration 0011), kept
as the baseline ``bench_queries.py`` runs in the same process: names sorted by
``text.fold`` registered on the SQLite connection, the ICU collation on PostgreSQL,
later pages by OFFSET.  A copy of ``checkin/core/dashboard/pages.py`` at that time."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import BindParameter, bindparam, case, func, literal, select, text
from sqlalchemy.sql.elements import ColumnElement

from checkin.core.dashboard.snapshot import Person
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import presence
from checkin.core.text import fold
from checkin.core.types import DelegateStatus, EventInfo

PAGE_ROWS = 200  # rows a table asks for at a time (a few screens)
_EXPORT_BATCH = 2000


@dataclass(frozen=True)
class Order:
    """How a list is sorted: one of its ``*_SORTS`` keys, and for a column whose
    table shows something else than the stored value, the stored values ranked by
    what is shown (``((value, rank), ...)``; unknown values last)."""

    column: str
    descending: bool = False
    ranks: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class AttendeeRow:
    """One attendee of a session as the attendance table shows them."""

    id: int  # the delegate's
    number: int
    last_name: str
    first_name: str
    organisation: str
    admitted_at: dt.datetime  # aware UTC: the standing admission to the session
    present: bool
    left_at: dt.datetime | None  # aware UTC: the exit that took them out, when out


ATTENDEE_SORTS = ("entered", "now", "last_name", "first_name", "organisation")
MISSING_SORTS = (
    "last_name", "first_name", "organisation", "country", "category", "email", "number",
)


def _utc(when: dt.datetime | None) -> dt.datetime | None:
    return when.replace(tzinfo=dt.UTC) if when is not None else None


_ICU: dict[str, bool] = {}  # per PostgreSQL URL: has the ICU root collation


def _text_mode(store: Store, conn) -> str:
    """How this database sorts text case and accents aside: "fold" (SQLite, with
    ``text.fold`` registered on the connection), "icu" or "lower" (PostgreSQL)."""
    if store.is_sqlite:
        raw = conn.connection.driver_connection
        raw.create_function("checkin_fold", 1, _fold_or_empty, deterministic=True)
        return "fold"
    url = str(store.url)
    if url not in _ICU:
        found = conn.execute(
            text("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'")
        ).first()
        _ICU[url] = found is not None
    return "icu" if _ICU[url] else "lower"


def _text_key(mode: str):
    """``key(column)``: the SQL sort key of a text column in ``mode``."""
    if mode == "fold":
        return lambda col: func.checkin_fold(col)
    if mode == "icu":
        return lambda col: col.collate("und-x-icu")
    return lambda col: func.lower(col)


@functools.lru_cache(maxsize=1 << 17)
def _fold_or_empty(value: str | None) -> str:
    """``text.fold`` for SQLite's sorter, which calls it for every row of a list at
    every page read: the same few thousand names each time, so remembered (a dict
    lookup instead of the regular expressions and NFKD, a third of the read)."""
    return fold(value) if value else ""


def _ranked(col, ranks: tuple[tuple[str, int], ...]) -> ColumnElement:
    if not ranks:
        return col
    return case(dict(ranks), value=col, else_=literal(len(ranks)))


def _directed(keys: list, descending: bool) -> list:
    return [k.desc() for k in keys] if descending else list(keys)


# ------------------------------------------------------------------ session attendance


def _attendee_order(order: Order, sort_text, admission, delegate) -> list:
    """ORDER BY for an attendee page; ties by admission time, then delegate id (the
    default order), so pages never overlap."""
    tail = [admission.admitted_at, delegate.id]
    col = order.column
    if col == "entered":
        return _directed(tail, order.descending)
    if col not in ATTENDEE_SORTS or col == "now":
        raise ValueError(f"Unknown attendee sort {col!r}.")
    return _directed([sort_text(getattr(delegate, col))], order.descending) + tail


@functools.cache
def _attendee_statements(order: Order, mode: str) -> SimpleNamespace:
    """Built once per order (expressions cost more to build than to run)."""
    a, d, x = m.Admission, m.Delegate, m.Scan
    event_id: BindParameter[int] = bindparam("event_id")
    scope: BindParameter[int] = bindparam("scope")
    gone = select(x.delegate_id, x.created_at).where(
        presence.gone_now(event_id), x.session_id == scope
    )
    query = (
        select(d.id, d.number, d.last_name, d.first_name, d.organisation, a.admitted_at)
        .select_from(a)
        .join(d, d.id == a.delegate_id)
        .where(a.event_id == event_id, a.scope == scope)
    )
    if order.column == "now":  # the people in the room, in admission order
        by = Order("entered", order.descending)
        query = query.where(a.delegate_id.not_in(bindparam("gone_ids", expanding=True)))
    else:
        by = order
    keys = _attendee_order(by, _text_key(mode), a, d)
    return SimpleNamespace(
        page=query.order_by(*keys).offset(bindparam("offset")).limit(bindparam("limit")),
        gone=gone.where(x.delegate_id.in_(bindparam("ids", expanding=True))),
        gone_all=gone,
        people=query.where(a.delegate_id.in_(bindparam("ids", expanding=True))),
        count=select(func.count()).select_from(a).where(a.event_id == event_id,
                                                        a.scope == scope),
    )


def attendee_page(
    store: Store, event: EventInfo, session_key: str, order: Order, offset: int,
    limit: int = PAGE_ROWS,
) -> tuple[AttendeeRow, ...]:
    """Rows ``offset`` to ``offset + limit`` of a session's attendees in ``order``.

    Who is out of the room is read for the page's people only (``presence.gone_now``
    limited to their ids).  Sorted by "now" (in the room first, then by when they
    left): those out, a few hundred, are read and ordered here, and the people in the
    room paged by the database in admission order."""
    sess = event.session(session_key)
    if sess is None:
        raise ValueError(f"Unknown session {session_key!r}.")
    params = {"event_id": event.id, "scope": sess.id, "offset": offset, "limit": limit}
    with store.read() as s:
        conn = s.connection()
        sql = _attendee_statements(order, _text_mode(store, conn))
        if order.column == "now":
            return _now_page(conn, sql, params, order.descending)
        rows = conn.execute(sql.page, params).all()
        ids = [r[0] for r in rows]
        left = dict(conn.execute(sql.gone, {**params, "ids": ids}).all()) if ids else {}
    return tuple(_attendee(r, left.get(r[0])) for r in rows)


def _attendee(row, left: dt.datetime | None) -> AttendeeRow:
    id_, number, last, first, org, admitted = row
    when = admitted.replace(tzinfo=dt.UTC)
    return AttendeeRow(id_, number, last, first, org, when, left is None, _utc(left))


def _now_page(conn, sql, params: dict, descending: bool) -> tuple[AttendeeRow, ...]:
    """A page in "now" order: in the room (by admission) then out (by exit time);
    reversed when ``descending``."""
    left = dict(conn.execute(sql.gone_all, params).all())
    present = conn.execute(sql.count, params).scalar_one() - len(left)
    out_ids = sorted(left, key=lambda i: (left[i], i), reverse=descending)
    offset, limit = params["offset"], params["limit"]
    # The two runs, in the order shown: (kind, length).
    runs = [("out", len(out_ids)), ("in", present)] if descending else [
        ("in", present), ("out", len(out_ids))]
    rows: list[AttendeeRow] = []
    start = 0
    for kind, length in runs:
        lo, hi = max(offset - start, 0), min(offset + limit - start, length)
        start += length
        if lo >= hi:
            continue
        if kind == "in":
            page = {**params, "gone_ids": out_ids, "offset": lo, "limit": hi - lo}
            rows += [_attendee(r, None) for r in conn.execute(sql.page, page).all()]
        else:
            ids = out_ids[lo:hi]
            got = {r[0]: r for r in conn.execute(sql.people, {**params, "ids": ids,
                                                                "gone_ids": []})}
            rows += [_attendee(got[i], left[i]) for i in ids if i in got]
    return tuple(rows)


# ------------------------------------------------------------------ the call list

_MISSING_COLUMNS = (
    m.Delegate.id, m.Delegate.number, m.Delegate.first_name, m.Delegate.last_name,
    m.Delegate.organisation, m.Delegate.country, m.Delegate.email, m.Delegate.category,
)


@functools.cache
def _missing_statement(order: Order, mode: str):
    """Built once per order, with bind parameters (``event_id``)."""
    d = m.Delegate
    sort_text = _text_key(mode)
    col = order.column
    keys: list[ColumnElement]
    if col == "number":
        keys = [d.number.expression]
    elif col in ("country", "category"):
        keys = [_ranked(getattr(d, col), order.ranks)]
    elif col in MISSING_SORTS:
        keys = [sort_text(getattr(d, col))]
    else:
        raise ValueError(f"Unknown call list sort {col!r}.")
    # Ties by name then badge number (the default order), so pages never overlap.
    tail = [sort_text(d.last_name), sort_text(d.first_name), d.number]
    if col == "last_name":
        tail = tail[1:]  # not its own key twice (SQLite would call fold twice per row)
    return (
        select(*_MISSING_COLUMNS)
        .where(d.event_id == bindparam("event_id"),
               d.status == DelegateStatus.REGISTERED.value, d.arrived_at.is_(None))
        .order_by(*_directed(keys, order.descending), *tail)
    )


def _missing_query(store: Store, conn, event: EventInfo, order: Order):
    return _missing_statement(order, _text_mode(store, conn)).params(event_id=event.id)


def _missing_person(row) -> Person:
    id_, number, first, last, organisation, country, email, category = row
    return Person(id_, number, first, last, organisation, country, email, category,
                  arrived_at=None, arrived_via=None)


def missing_page(
    store: Store, event: EventInfo, order: Order, offset: int, limit: int = PAGE_ROWS
) -> tuple[Person, ...]:
    """Rows ``offset`` to ``offset + limit`` of the call list (registered, not arrived)."""
    with store.read() as s:
        conn = s.connection()
        query = _missing_statement(order, _text_mode(store, conn))
        page = query.offset(bindparam("offset")).limit(bindparam("limit"))
        params = {"event_id": event.id, "offset": offset, "limit": limit}
        return tuple(_missing_person(r) for r in conn.execute(page, params).all())


def missing_people(store: Store, event: EventInfo, order: Order) -> Iterator[Person]:
    """The whole call list in ``order`` (for the CSV export), read in one transaction
    and turned into people a batch at a time."""
    with store.read() as s:
        conn = s.connection()
        query = _missing_statement(order, _text_mode(store, conn))
        result = conn.execute(query, {"event_id": event.id})
        while batch := result.fetchmany(_EXPORT_BATCH):
            yield from (_missing_person(r) for r in batch)

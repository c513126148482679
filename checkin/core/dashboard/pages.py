"""The dashboard's two long lists — who attended a session, who has not arrived yet —
read a page at a time, in the order the table shows.

A coordinator looks at a screenful of a list, not at 35,000 rows: reading every
attendee of a session at each refresh cost 250-470 ms at 50,000 delegates / 200,000
scans, and the call list 50-110 ms.  So the table asks for the rows it shows (``offset``
and ``limit``), sorted by the database, and asks again for those same rows when the
data moved; the counts come from the dashboard's aggregates (``SessionPresence``,
``Stats``).  Exports still read everything (``missing_people``, in batches).

Text is sorted as the tables always sorted it — case and accents aside ("Émile" with
"Emile", before "Eric"): by the delegate's stored sort keys (``db.sort_keys``: the
folded names, compared byte by byte on both databases), so a page sorted by a name
walks the index (event, key) and probes each person's admission, instead of folding
and sorting the whole session.  Country and category are sorted by what the table
shows (a country's name in the user's language, a category's label), passed as
``Order.ranks``.

Later pages: given the last row the table holds (``after``), a page is the rows after
its keys (keyset: the index seeks there); given only an offset, an offset in the
second half of the list is read from the end backwards, so the last page costs what
the first does.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import BindParameter, and_, bindparam, case, func, literal, or_, select
from sqlalchemy.sql.elements import ColumnElement

from checkin.core.dashboard.snapshot import Person
from checkin.core.db import models as m
from checkin.core.db.sort_keys import sort_column, sort_key
from checkin.core.db.store import Store
from checkin.core.desk import presence
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


# A sort: the ORDER BY terms as (expression, descending), the last ones the ties that
# make it total (a delegate's id or number), so pages never overlap.
Keys = tuple[tuple[Any, bool], ...]  # (a column or SQL expression, descending)


def _order_by(keys: Keys, flip: bool = False) -> list[ColumnElement]:
    return [e.desc() if desc != flip else e.asc() for e, desc in keys]


def _after(keys: Keys) -> ColumnElement[bool]:
    """Rows after the one whose keys are the bind parameters ``k0``, ``k1``...: the
    keyset condition.  The first key's range comes first, on its own, so the database
    seeks the index there instead of counting its way from the top (OFFSET)."""
    marks: list[BindParameter[Any]] = [bindparam(f"k{i}") for i in range(len(keys))]
    terms = []
    for i, (expr, desc) in enumerate(keys):
        ties = [keys[j][0] == marks[j] for j in range(i)]
        terms.append(and_(*ties, expr < marks[i] if desc else expr > marks[i]))
    first, desc = keys[0]
    return and_(first <= marks[0] if desc else first >= marks[0], or_(*terms))


def _ranked(col, ranks: tuple[tuple[str, int], ...]) -> ColumnElement:
    if not ranks:
        return col
    return case(dict(ranks), value=col, else_=literal(len(ranks)))


def _statements(query, keys: Keys) -> SimpleNamespace:
    """A list's page statements: from an offset, after a row (keyset), and from an
    offset counted from the end (the list's second half read backwards)."""
    offset: BindParameter[int] = bindparam("offset")
    limit: BindParameter[int] = bindparam("limit")
    return SimpleNamespace(
        page=query.order_by(*_order_by(keys)).offset(offset).limit(limit),
        after=query.where(_after(keys)).order_by(*_order_by(keys)).limit(limit),
        backwards=query.order_by(*_order_by(keys, flip=True)).offset(offset).limit(limit),
        whole=query.order_by(*_order_by(keys)),
    )


def _read(conn, sql: SimpleNamespace, params: dict, total, after: tuple | None) -> list:
    """A page: after a row when one is given (keyset), else from ``offset``; an offset
    in the list's second half is read from the end, backwards, and turned round, so
    the last page costs what the first does."""
    if after is not None:
        marks = {f"k{i}": v for i, v in enumerate(after)}
        return list(conn.execute(sql.after, {**params, **marks}).all())
    offset, limit = params["offset"], params["limit"]
    if offset > 0:
        count = total()
        if offset > count // 2:
            end = count - offset  # rows from this offset to the end
            if end <= 0:
                return []
            back = {**params, "offset": max(end - limit, 0), "limit": min(limit, end)}
            return list(conn.execute(sql.backwards, back).all())[::-1]
    return list(conn.execute(sql.page, params).all())


# ------------------------------------------------------------------ session attendance


def _attendee_keys(order: Order) -> Keys:
    """The sort of an attendee page; ties by admission time, then delegate id (the
    default order)."""
    a, d = m.Admission, m.Delegate
    col = order.column
    if col in ("entered", "now"):  # "now": the people in the room, in admission order
        return ((a.admitted_at, order.descending), (d.id, order.descending))
    if col not in ATTENDEE_SORTS:
        raise ValueError(f"Unknown attendee sort {col!r}.")
    return ((_sort_key_of(col), order.descending), (a.admitted_at, False), (d.id, False))


def _sort_key_of(field: str):
    return getattr(m.Delegate, sort_column(field))


def _attendee_marks(order: Order, row: AttendeeRow) -> tuple:
    """The sort keys of an attendee row, for the rows after it."""
    tail = (row.admitted_at.replace(tzinfo=None), row.id)
    if order.column in ("entered", "now"):
        return tail
    return (sort_key(getattr(row, order.column)), *tail)


@functools.cache
def _attendee_statements(order: Order, walk: bool | None = None) -> SimpleNamespace:
    """Built once per order (expressions cost more to build than to run).

    ``walk`` (SQLite, a name order): True, the delegates' name index walked in
    order, each one's admission probed — the admissions' own terms written so that no
    index of theirs applies (``+ 0``), which leaves SQLite only this plan; False, the
    session's admissions read and sorted (no term on the delegates but their id).
    None: both ways open, the planner chooses (PostgreSQL: it knows how many people
    each session has)."""
    a, d, x = m.Admission, m.Delegate, m.Scan
    event_id: BindParameter[int] = bindparam("event_id")
    scope: BindParameter[int] = bindparam("scope")
    gone = select(x.delegate_id, x.created_at).where(
        presence.gone_now(event_id), x.session_id == scope
    )
    terms: tuple[ColumnElement[bool], ...]
    if walk:
        terms = (a.event_id + 0 == event_id, a.scope + 0 == scope, d.event_id == event_id)
    elif walk is None:  # d.event_id too: the name indexes start with it
        terms = (a.event_id == event_id, a.scope == scope, d.event_id == event_id)
    else:
        terms = (a.event_id == event_id, a.scope == scope)
    query = (
        select(d.id, d.number, d.last_name, d.first_name, d.organisation, a.admitted_at)
        .select_from(a)
        .join(d, d.id == a.delegate_id)
        .where(*terms)
    )
    if order.column == "now":
        query = query.where(a.delegate_id.not_in(bindparam("gone_ids", expanding=True)))
    sql = _statements(query, _attendee_keys(order))
    sql.gone = gone.where(x.delegate_id.in_(bindparam("ids", expanding=True)))
    sql.gone_all = gone
    sql.people = query.where(a.delegate_id.in_(bindparam("ids", expanding=True)))
    sql.count = select(func.count()).select_from(a).where(a.event_id == event_id,
                                                          a.scope == scope)
    # The session's attendees and the event's delegates, counted together.
    sql.sizes = select(sql.count.scalar_subquery(), select(func.count()).select_from(d)
                       .where(d.event_id == event_id).scalar_subquery())
    return sql


# SQLite walks the name index when at least one delegate in this many attended: a
# page then costs at most PAGE_ROWS * _DENSE probes; a smaller session is read whole
# and sorted (fewer than delegates / _DENSE rows).
_DENSE = 8


def attendee_page(
    store: Store, event: EventInfo, session_key: str, order: Order, offset: int,
    limit: int = PAGE_ROWS, *, after: AttendeeRow | None = None,
) -> tuple[AttendeeRow, ...]:
    """Rows ``offset`` to ``offset + limit`` of a session's attendees in ``order``, or
    the ``limit`` rows that follow ``after`` (the last row held) when it is given.

    Who is out of the room is read for the page's people only (``presence.gone_now``
    limited to their ids).  Sorted by "now" (in the room first, then by when they
    left): those out, a few hundred, are read and ordered here, and the people in the
    room paged by the database in admission order (from ``offset``)."""
    sess = event.session(session_key)
    if sess is None:
        raise ValueError(f"Unknown session {session_key!r}.")
    params = {"event_id": event.id, "scope": sess.id, "offset": offset, "limit": limit}
    sql = _attendee_statements(order)
    with store.read() as s:
        conn = s.connection()
        if order.column == "now":
            return _now_page(conn, sql, params, order.descending)

        def total() -> int:
            return conn.execute(sql.count, params).scalar_one()

        if store.is_sqlite and order.column in _NAME_SORTS:
            attended, delegates = conn.execute(sql.sizes, params).one()
            sql = _attendee_statements(order, walk=attended * _DENSE >= delegates)
            total = functools.partial(int, attended)  # counted already
        marks = _attendee_marks(order, after) if after is not None else None
        rows = _read(conn, sql, params, total, marks)
        ids = [r[0] for r in rows]
        left = dict(conn.execute(sql.gone, {**params, "ids": ids}).all()) if ids else {}
    return tuple(_attendee(r, left.get(r[0])) for r in rows)


_NAME_SORTS = ("last_name", "first_name", "organisation")


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


def _missing_keys(order: Order) -> Keys:
    """The sort of the call list; ties by name then badge number (the default order)."""
    d = m.Delegate
    col = order.column
    first: ColumnElement
    if col == "number":
        first = d.number.expression
    elif col in ("country", "category"):
        first = _ranked(getattr(d, col), order.ranks)
    elif col in MISSING_SORTS:
        first = _sort_key_of(col)
    else:
        raise ValueError(f"Unknown call list sort {col!r}.")
    tail = [_sort_key_of("last_name"), _sort_key_of("first_name"), d.number.expression]
    if col == "last_name":
        tail = tail[1:]  # not its own key twice
    return ((first, order.descending), *((t, False) for t in tail))


def _missing_marks(order: Order, person: Person) -> tuple:
    """The sort keys of a call list row, for the rows after it."""
    col = order.column
    if col == "number":
        first: object = person.number
    elif col in ("country", "category"):
        value = getattr(person, col)
        first = dict(order.ranks).get(value, len(order.ranks)) if order.ranks else value
    else:
        first = sort_key(getattr(person, col))
    tail = [sort_key(person.last_name), sort_key(person.first_name), person.number]
    return (first, *(tail[1:] if col == "last_name" else tail))


@functools.cache
def _missing_statements(order: Order) -> SimpleNamespace:
    """Built once per order, with bind parameters (``event_id``)."""
    d = m.Delegate
    missing = (d.event_id == bindparam("event_id"),
               d.status == DelegateStatus.REGISTERED.value, d.arrived_at.is_(None))
    sql = _statements(select(*_MISSING_COLUMNS).where(*missing), _missing_keys(order))
    sql.count = select(func.count()).select_from(d).where(*missing)
    return sql


def _missing_person(row) -> Person:
    id_, number, first, last, organisation, country, email, category = row
    return Person(id_, number, first, last, organisation, country, email, category,
                  arrived_at=None, arrived_via=None)


def missing_page(
    store: Store, event: EventInfo, order: Order, offset: int, limit: int = PAGE_ROWS,
    *, after: Person | None = None,
) -> tuple[Person, ...]:
    """Rows ``offset`` to ``offset + limit`` of the call list (registered, not
    arrived), or the ``limit`` rows that follow ``after`` when it is given."""
    sql = _missing_statements(order)
    params = {"event_id": event.id, "offset": offset, "limit": limit}
    marks = _missing_marks(order, after) if after is not None else None
    with store.read() as s:
        conn = s.connection()
        rows = _read(conn, sql, params, lambda: conn.execute(sql.count, params).scalar_one(),
                     marks)
    return tuple(_missing_person(r) for r in rows)


def missing_people(store: Store, event: EventInfo, order: Order) -> Iterator[Person]:
    """The whole call list in ``order`` (for the CSV export), read in one transaction
    and turned into people a batch at a time."""
    sql = _missing_statements(order)
    with store.read() as s:
        result = s.connection().execute(sql.whole, {"event_id": event.id})
        while batch := result.fetchmany(_EXPORT_BATCH):
            yield from (_missing_person(r) for r in batch)

"""Delegates as plain values, and the roster listing with arrival times and badge codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.event import codes
from checkin.core.event.stored import event_secret
from checkin.core.roster.row_columns import fold_column, records
from checkin.core.text import fold
from checkin.core.types import DelegateInfo, EventInfo

DELEGATE_COLUMNS = (
    m.Delegate.id,
    m.Delegate.number,
    m.Delegate.reference,
    m.Delegate.first_name,
    m.Delegate.last_name,
    m.Delegate.organisation,
    m.Delegate.country,
    m.Delegate.email,
    m.Delegate.category,
    m.Delegate.status,
    m.Delegate.badge_version,
)


@dataclass(frozen=True)
class RosterEntry:
    delegate: DelegateInfo
    arrived_at: dt.datetime | None  # aware UTC, the first admission still standing
    code: str
    arrived_source: str | None = None  # that admission's source (scanner, kiosk…)


# The reference a delegate gets when the roster gives none: the delegate number, which a
# re-import of the same person keeps (identity matches them by e-mail or name, and an
# empty reference cell never erases one), so the reference is stable too.
AUTO_PREFIX = "D-"


def auto_reference(number: int) -> str:
    """``D-0042``: the reference of delegate no. 42 when the roster gave none."""
    return f"{AUTO_PREFIX}{number:04d}"


def search_text(first: str, last: str, organisation: str, email: str, reference: str) -> str:
    """What ``Delegate.search_text`` holds: the folded fields a desk searches."""
    return fold(" ".join((first, last, organisation, email, reference)))


def search_texts(
    first: Sequence[str],
    last: Sequence[str],
    organisation: Sequence[str],
    email: Sequence[str],
    reference: Sequence[str],
) -> list[str]:
    """``search_text`` of every row of five columns.  ``fold`` works character by
    character and collapses spaces, so the folded fields joined by a space are the
    folded whole (a property test says so); names and organisations repeat, and each
    distinct one is folded once."""
    return joined_search_texts(folded_columns(first, last, organisation, email, reference))


def folded_columns(*columns: Sequence[str]) -> list[list[str]]:
    """Each column folded (``fold_column``): the first four of a roster's
    (first, last, organisation, e-mail) are also its stored sort keys (``sort_keys``)."""
    return [fold_column(column) for column in columns]


def joined_search_texts(parts: Sequence[Sequence[str]]) -> list[str]:
    """``search_text`` of every row from its folded columns (``folded_columns``): each
    row's parts joined from C, and joined again without the empty ones on the rows
    that have one."""
    texts = list(map(" ".join, zip(*parts, strict=True)))
    gaps = {i for column in parts if "" in column for i, v in enumerate(column) if not v}
    for i in gaps:
        texts[i] = " ".join(filter(None, (column[i] for column in parts)))
    return texts


class DelegateRow(NamedTuple):
    """A delegate read in bulk (an import's 50,000): ``DelegateInfo``'s fields in a
    tuple, made without a Python call each (``delegate_rows``)."""

    id: int
    number: int
    reference: str
    first_name: str
    last_name: str
    organisation: str
    country: str
    email: str
    category: str
    status: str
    badge_version: int


def delegate_rows(rows: Sequence[Sequence[Any]]) -> list[DelegateRow]:
    """Database rows of ``DELEGATE_COLUMNS`` as ``DelegateRow``s."""
    return records(DelegateRow, *zip(*rows, strict=True)) if rows else []


def delegate_from_row(row) -> DelegateInfo:
    return DelegateInfo(*row[: len(DELEGATE_COLUMNS)])


def get_delegate(store: Store, delegate_id: int) -> DelegateInfo | None:
    with store.read() as s:
        row = s.execute(select(*DELEGATE_COLUMNS).where(m.Delegate.id == delegate_id)).first()
        return delegate_from_row(row) if row else None


def list_delegates(store: Store, event: EventInfo) -> list[RosterEntry]:
    """Every delegate of the event (cancelled included), by last then first name."""
    secret = event_secret(store, event.id)
    query = (
        select(*DELEGATE_COLUMNS, m.Delegate.arrived_at, m.Delegate.arrived_via)
        .where(m.Delegate.event_id == event.id)
        .order_by(
            func.lower(m.Delegate.last_name), func.lower(m.Delegate.first_name), m.Delegate.number
        )
    )
    with store.read() as s:
        rows = s.execute(query).all()
    entries = []
    for row in rows:
        delegate = delegate_from_row(row)
        arrived = row.arrived_at.replace(tzinfo=dt.UTC) if row.arrived_at else None
        code = codes.make_code(secret, delegate.number, delegate.badge_version)
        source = (row.arrived_via or None) if arrived else None
        entries.append(RosterEntry(delegate, arrived, code, source))
    return entries


def find_by_ref(store: Store, event: EventInfo, text: str) -> DelegateInfo | None:
    """The delegate ``text`` names — a reference (any case), ``#42`` or ``42`` (the
    delegate number), or a badge code as printed or scanned — whatever their status;
    None when nothing matches.  The one resolver every command taking a delegate uses."""
    secret = event_secret(store, event.id)
    with store.read() as s:
        return find_in(s, event, secret, text)


def find_in(session: DbSession, event: EventInfo, secret: bytes, text: str) -> DelegateInfo | None:
    """``find_by_ref`` inside an open session (``secret``: the event's)."""
    text = text.strip()
    if not text:
        return None
    mine = select(*DELEGATE_COLUMNS).where(m.Delegate.event_id == event.id)
    for condition in (
        m.Delegate.reference == text,
        func.lower(m.Delegate.reference) == text.lower(),
    ):
        row = session.execute(mine.where(condition).order_by(m.Delegate.number)).first()
        if row is not None:
            return delegate_from_row(row)
    number = _number_in(text, secret)
    if number is None:
        return None
    row = session.execute(mine.where(m.Delegate.number == number)).first()
    return delegate_from_row(row) if row is not None else None


def _number_in(text: str, secret: bytes) -> int | None:
    """The delegate number ``#42``, ``42`` or a badge code of this event names."""
    digits = text.removeprefix("#").strip()
    if digits.isdigit():
        return int(digits)
    code = codes.typed_code(text)
    if code is None:
        return None
    decoded = codes.verify(code, secret)
    return decoded.number if decoded.verdict is codes.Verdict.OK else None

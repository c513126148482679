"""Delegates as plain values, and the roster listing with arrival times and badge codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.event import codes
from checkin.core.event.stored import event_secret
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


def search_text(first: str, last: str, organisation: str, email: str, reference: str) -> str:
    """What ``Delegate.search_text`` holds: the folded fields a desk searches."""
    return fold(" ".join((first, last, organisation, email, reference)))


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
        select(*DELEGATE_COLUMNS, m.Delegate.arrived_at)
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
        entries.append(RosterEntry(delegate, arrived, code))
    return entries

"""Delegate numbers: the one "next number" of the event, and blocks set aside for desks.

The number is printed in the badge code, so once a badge is printed its number belongs
to that person for good.  A desk on a shared server may have to register walk-ins while
the server is out of reach and print their badges there and then: while online it
reserves a block of numbers (``reserve_block``) and takes offline walk-ins' numbers from
it.  Everything else that numbers people on the server — an import (``plan``), a walk-in
at an online desk (``walkins``) — takes ``free_numbers``, which steps over every reserved
block, so a badge printed offline stays valid when its person reaches the server.

Blocks start above every number in use and every block given out before, under the
event row's lock (as imports and walk-ins take it), so two desks never share a number.
A number whose ``WALKIN-<number>`` reference an imported row already has is skipped too:
a walk-in's reference names its number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checkin.core.db import models as m
from checkin.core.roster.identity import like_prefix
from checkin.core.types import EventInfo

WALK_IN_PREFIX = "WALKIN-"


@dataclass(frozen=True)
class Block:
    """Numbers ``first``..``last`` (both included), set aside for one desk."""

    first: int
    last: int

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.first <= number <= self.last

    def __len__(self) -> int:
        return self.last - self.first + 1


def walk_in_reference(number: int) -> str:
    return f"{WALK_IN_PREFIX}{number}"


def _highest(session: Session, event_id: int) -> int:
    return session.scalar(
        select(func.max(m.Delegate.number)).where(m.Delegate.event_id == event_id)
    ) or 0


def reserved_blocks(session: Session, event_id: int, *, above: int = 0) -> list[Block]:
    """Every block of the event that ends above ``above``, in order."""
    rows = session.execute(
        select(m.NumberBlock.first, m.NumberBlock.last)
        .where(m.NumberBlock.event_id == event_id, m.NumberBlock.last > above)
        .order_by(m.NumberBlock.first)
    ).all()
    return [Block(first, last) for first, last in rows]


def taken_walk_in_numbers(session: Session, event_id: int) -> set[int]:
    """Numbers whose ``WALKIN-<n>`` reference some delegate already has."""
    refs = session.scalars(
        select(m.Delegate.reference).where(
            m.Delegate.event_id == event_id,
            m.Delegate.reference.like(like_prefix(WALK_IN_PREFIX), escape="\\"),
        )
    )
    tails = (ref[len(WALK_IN_PREFIX):] for ref in refs)
    return {int(tail) for tail in tails if tail.isdigit()}


def free_numbers(session: Session, event: EventInfo) -> Iterator[int]:
    """The numbers the server may give, in order, from above the highest in use: no
    reserved block's, no number a ``WALKIN-<n>`` reference names.  Read inside the
    transaction that inserts (after locking the event row)."""
    number = _highest(session, event.id) + 1
    blocks = reserved_blocks(session, event.id, above=number - 1)
    taken = taken_walk_in_numbers(session, event.id)
    for block in blocks:  # in order of their first number
        while number < block.first:
            if number not in taken:
                yield number
            number += 1
        number = max(number, block.last + 1)
    while True:
        if number not in taken:
            yield number
        number += 1


def reserve_block(
    session: Session,
    event: EventInfo,
    *,
    holder: str,
    station: str,
    size: int,
    now: dt.datetime,
) -> Block:
    """Set aside ``size`` numbers above everything given out, for the desk ``holder``
    (``now``: naive UTC).

    The caller holds the event row's lock (PostgreSQL) or a write transaction (SQLite).
    """
    end = session.scalar(
        select(func.max(m.NumberBlock.last)).where(m.NumberBlock.event_id == event.id)
    ) or 0
    first = max(_highest(session, event.id), end) + 1
    block = Block(first, first + size - 1)
    session.add(
        m.NumberBlock(
            event_id=event.id, first=block.first, last=block.last, holder=holder,
            station=station, reserved_at=now,
        )
    )
    session.flush()
    return block

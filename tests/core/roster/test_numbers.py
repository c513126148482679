"""Delegate numbers: one "next number" for imports and walk-ins, stepping over the blocks
desks reserve for walk-ins registered offline; blocks never shared.  SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

import pytest
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.roster.apply import import_roster
from checkin.core.roster.numbers import Block, free_numbers, reserve_block
from checkin.core.roster.person import PersonForm
from checkin.core.roster.walkins import register_walk_in
from tests.conftest import insert_delegates

NOW = dt.datetime(2026, 11, 28, 7, 0)


@pytest.fixture
def store(any_store):
    return any_store


def reserve(store, event, holder: str, size: int = 5) -> Block:
    with store.write() as s:
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
        return reserve_block(s, event, holder=holder, station=holder, size=size, now=NOW)


def test_blocks_start_above_everything_and_never_overlap(store, event):
    insert_delegates(store, event, [{} for _ in range(3)])
    a = reserve(store, event, "A")
    b = reserve(store, event, "B")
    assert (a.first, a.last) == (4, 8)
    assert (b.first, b.last) == (9, 13)
    with store.read() as s:
        assert list(islice(free_numbers(s, event), 3)) == [14, 15, 16]


def test_walk_ins_and_imports_step_over_reserved_blocks(store, event, tmp_path):
    insert_delegates(store, event, [{} for _ in range(2)])
    block = reserve(store, event, "Desk 1", size=4)  # 3..6
    walk_in = register_walk_in(store, event, PersonForm("Ana", "Silva", "KRCS", "KE"), now=NOW)
    assert walk_in.number == 7 and walk_in.number not in block
    roster = tmp_path / "more.csv"
    roster.write_text("First name,Last name,Email\nBo,Li,bo@example.org\nCy,Ma,cy@example.org\n")
    import_roster(store, event, roster)
    with store.read() as s:
        numbers = sorted(s.scalars(select(m.Delegate.number)))
    assert numbers == [1, 2, 7, 8, 9]  # nobody inside 3..6


def test_a_walk_in_reference_already_used_is_skipped(store, event):
    insert_delegates(store, event, [{}, {"reference": "WALKIN-3"}])
    with store.read() as s:
        assert list(islice(free_numbers(s, event), 2)) == [4, 5]


@pytest.mark.slow
def test_desks_reserving_at_once_get_disjoint_blocks(store, event):
    """On PostgreSQL the row locks decide; on SQLite, BEGIN IMMEDIATE queues the writers."""
    with ThreadPoolExecutor(8) as pool:
        blocks = list(pool.map(lambda n: reserve(store, event, f"D{n}", 10), range(16)))
    taken = [n for b in blocks for n in range(b.first, b.last + 1)]
    assert len(taken) == len(set(taken)) == 160

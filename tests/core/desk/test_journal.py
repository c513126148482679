"""The engine keeps the journal's projections exactly as a rebuild from the journal."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.desk import journal
from checkin.core.desk.service import CheckinError, CheckinService
from checkin.core.event import codes
from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.stored import event_secret
from checkin.core.types import ScanSource
from tests.conftest import SMALL_EVENT, insert_delegates

T0 = dt.datetime(2026, 11, 28, 7, 30, tzinfo=dt.UTC)

ops = st.lists(
    st.tuples(
        st.sampled_from(["scan", "manual", "undo"]),
        st.integers(0, 3),  # delegate
        st.sampled_from([None, "opening", "financing"]),
        st.sampled_from(list(ScanSource)[:4]),
        st.integers(0, 30),  # which earlier scan to undo
    ),
    max_size=25,
)


def projections(store, event_id):
    with store.read() as s:
        admissions = s.execute(
            select(m.Admission.delegate_id, m.Admission.scope, m.Admission.scan_id,
                   m.Admission.admitted_at, m.Admission.source)
            .where(m.Admission.event_id == event_id)
            .order_by(m.Admission.delegate_id, m.Admission.scope)
        ).all()
        arrivals = s.execute(
            select(m.Delegate.id, m.Delegate.arrived_at, m.Delegate.arrived_via)
            .where(m.Delegate.event_id == event_id)
            .order_by(m.Delegate.id)
        ).all()
    return admissions, arrivals


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.slow
@given(ops=ops)
def test_incremental_projection_equals_rebuild_from_journal(store, ops):
    event = save_event(store, parse_event(SMALL_EVENT, source="test"), new=True)
    ids = insert_delegates(store, event, [{"number": n} for n in range(1, 5)])
    desk = CheckinService(store, event, station="D1")
    scans: list[str] = []
    for i, (op, who, session, source, pick) in enumerate(ops):
        now = T0 + dt.timedelta(minutes=i)
        if op == "undo":
            # Not an admission, or already undone: refused, as it should be.
            with contextlib.suppress(CheckinError):
                if scans:
                    desk.undo(scans[pick % len(scans)], now=now)
            continue
        if op == "scan":
            code = codes.make_code(event_secret(store, event.id), who + 1, 1)
            outcome = desk.scan(code, session=session, source=source, now=now)
        else:
            outcome = desk.check_in(ids[who], session=session, source=source, now=now)
        scans.append(outcome.scan_id)

    incremental = projections(store, event.id)
    with store.write() as s:
        journal.rebuild(s, event.id)
    assert projections(store, event.id) == incremental

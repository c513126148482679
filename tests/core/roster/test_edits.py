"""Editing, cancelling and restoring one delegate (checkin.core.roster.edits)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.desk.search import SearchIndex
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import get_delegate, search_text
from checkin.core.roster.edits import (
    ARRIVED_AT,
    PRINTED_AT,
    DelegateEditError,
    DelegateNotFound,
    cancel_delegate,
    delegate_of_row,
    restore_delegate,
    roster_rows,
    update_delegate,
)
from checkin.core.roster.person import PersonForm, validate
from checkin.core.types import Outcome
from tests.conftest import insert_delegates

NOW = dt.datetime(2026, 11, 20, 9, 0)


def form_of(store, delegate_id: int, **changes) -> PersonForm:
    current = PersonForm.of(get_delegate(store, delegate_id))
    return PersonForm(**{**current.__dict__, **changes})


def stored(store, delegate_id: int) -> m.Delegate:
    with store.read() as s:
        row = s.get(m.Delegate, delegate_id)
        s.expunge(row)
        return row


def test_update_cleans_saves_and_keeps_search_text_in_step(store, event, people):
    lukasz = people[0]
    form = form_of(
        store,
        lukasz,
        first_name="  Łukasz   Jan ",
        organisation="Caritas Internationalis",
        country="Pologne",
        email="LUKASZ@Example.ORG",
        category="Speaker",
    )
    result = update_delegate(store, event, lukasz, form, now=NOW)

    assert result.delegate.first_name == "Łukasz Jan"
    assert result.delegate.country == "PL"
    assert result.delegate.email == "lukasz@example.org"
    assert result.delegate.category == "speaker"
    assert result.changed == ("first_name", "organisation", "country", "email", "category")
    assert result.needs_reprint is False  # never printed
    row = stored(store, lukasz)
    assert row.search_text == search_text(
        "Łukasz Jan", "Wróblewski", "Caritas Internationalis", "lukasz@example.org", "R0001"
    )
    assert row.updated_at == NOW
    # The desk's search finds the new organisation.
    hits = SearchIndex.build(store, event.id).search("internationalis")
    assert [h.delegate.id for h in hits] == [lukasz]


def test_invalid_form_reports_every_field_and_writes_nothing(store, event, people):
    before = stored(store, people[0])
    form = form_of(
        store,
        people[0],
        first_name="",
        last_name="",
        country="Atlantis",
        email="not-an-address",
        category="vip",
        reference="R" * 101,
    )
    assert [p.field for p in validate(event, form)] == [
        "first_name", "country", "email", "category", "reference",
    ]  # fmt: skip
    with pytest.raises(DelegateEditError) as err:
        update_delegate(store, event, people[0], form)
    assert [p.field for p in err.value.problems] == [
        "first_name", "country", "email", "category", "reference",
    ]  # fmt: skip
    assert "Atlantis" in str(err.value)
    after = stored(store, people[0])
    assert (after.first_name, after.updated_at) == (before.first_name, before.updated_at)


def test_email_or_reference_of_someone_else_is_refused(store, event, people):
    form = form_of(store, people[0], email="P2@example.org", reference="R0003")
    with pytest.raises(DelegateEditError) as err:
        update_delegate(store, event, people[0], form)
    problems = {p.field: p.message for p in err.value.problems}
    assert problems["email"] == "already the e-mail of أميرة الحسيني (no. 2)"
    assert problems["reference"] == "already the reference of Zoë Lefèvre (no. 3)"
    assert stored(store, people[0]).email == "p1@example.org"


def test_unchanged_form_changes_nothing(store, event, people):
    before = stored(store, people[1])
    result = update_delegate(store, event, people[1], form_of(store, people[1]), now=NOW)
    assert result.changed == ()
    assert stored(store, people[1]).updated_at == before.updated_at


def test_printed_badge_with_a_printed_field_changed_needs_reprint(store, event, people):
    with store.write() as s:
        s.get(m.Delegate, people[0]).printed_at = dt.datetime(2026, 11, 19, 17, 0)
    email_only = update_delegate(
        store, event, people[0], form_of(store, people[0], email="new@example.org")
    )
    assert email_only.needs_reprint is False  # the e-mail is not on the badge
    renamed = update_delegate(
        store, event, people[0], form_of(store, people[0], last_name="Wroblewski")
    )
    assert renamed.changed == ("last_name",)
    assert renamed.needs_reprint is True
    assert renamed.delegate.badge_version == 1  # the printed code stays valid


def test_cancel_and_restore_keep_history(store, event, people):
    service = CheckinService(store, event, station="Desk 1")
    assert service.check_in(people[0]).status == Outcome.ADMITTED

    cancelled = cancel_delegate(store, event, people[0], now=NOW)
    assert cancelled.status == "cancelled"
    assert cancel_delegate(store, event, people[0]).status == "cancelled"  # idempotent
    with store.read() as s:
        scans = s.scalars(select(m.Scan).where(m.Scan.delegate_id == people[0])).all()
        assert len(scans) == 1  # the journal is untouched

    restored = restore_delegate(store, event, people[0])
    assert restored.status == "registered"
    assert stored(store, people[0]).arrived_at is not None


def test_unknown_delegate_is_refused(store, event, people):
    with pytest.raises(DelegateNotFound):
        cancel_delegate(store, event, 9999)
    with pytest.raises(DelegateNotFound):
        update_delegate(store, event, 9999, PersonForm("A", "B"))


def test_roster_rows_feed_the_table_and_the_search_index(store, event, people):
    with store.write() as s:
        s.get(m.Delegate, people[1]).printed_at = dt.datetime(2026, 11, 19, 17, 0)
    CheckinService(store, event).check_in(people[0])
    rows = roster_rows(store, event)
    assert [delegate_of_row(r).id for r in rows] == people
    assert rows[0][ARRIVED_AT] is not None and rows[1][ARRIVED_AT] is None
    assert rows[1][PRINTED_AT] == dt.datetime(2026, 11, 19, 17, 0)
    index = SearchIndex(rows)
    assert [h.delegate.first_name for h in index.search("lefevre")] == ["Zoë"]


def test_rows_of_another_event_are_not_listed(store, event, people):
    from checkin.core.event.definition import parse_event, save_event
    from tests.conftest import SMALL_EVENT

    other = save_event(store, parse_event(SMALL_EVENT, source="test"), new=True)
    insert_delegates(store, other, [{"number": 1}])
    assert len(roster_rows(store, event)) == 3
    with pytest.raises(DelegateNotFound):
        cancel_delegate(store, other, people[0])

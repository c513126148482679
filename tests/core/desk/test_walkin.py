"""A walk-in at the desk: registered on the roster and checked in, duplicates refused,
numbers taken under a lock, the badge printed; on SQLite and PostgreSQL.

(The form's rules alone: tests/core/roster/test_person.py.)"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from checkin.core.badges import printing
from checkin.core.badges.templates import load_template
from checkin.core.dashboard.stats import compute_stats
from checkin.core.db import models as m
from checkin.core.desk.walkin import admit_walk_in
from checkin.core.roster.person import FieldProblem, PersonForm
from checkin.core.roster.walkins import WalkInError, register_walk_in
from checkin.core.text import fold
from checkin.core.types import Outcome
from tests.conftest import EVENT_DATE, insert_delegates

NOW = dt.datetime.combine(EVENT_DATE, dt.time(8, 45), tzinfo=dt.UTC)


@pytest.fixture
def store(any_store):
    """Registration takes numbers under a lock: run on SQLite and on PostgreSQL."""
    return any_store


def test_valid_form_registers_with_next_number_and_checks_in(store, event, people):
    form = PersonForm(
        first_name="  Hélène\t",
        last_name="Dupont   Martin",
        organisation="Médecins\x07 Sans Frontières",
        country="Suisse",
        email="Helene.Dupont@Example.ORG",
        category="Speaker",
    )
    result = admit_walk_in(store, event, form, station="Desk 3", now=NOW)
    d = result.delegate
    assert d.number == 4  # people holds 1..3 (a cancelled one included)
    assert d.reference == "WALKIN-4"
    assert (d.first_name, d.last_name) == ("Hélène", "Dupont Martin")
    assert d.organisation == "Médecins Sans Frontières"
    assert (d.country, d.email, d.category) == ("CH", "helene.dupont@example.org", "speaker")
    assert d.status == "registered" and d.badge_version == 1
    assert result.outcome is not None
    assert result.outcome.status is Outcome.ADMITTED
    assert result.outcome.delegate.id == d.id
    with store.read() as s:
        row = s.get(m.Delegate, d.id)
        assert row.search_text == fold(
            "Hélène Dupont Martin Médecins Sans Frontières helene.dupont@example.org WALKIN-4"
        )
        assert row.search_text.startswith("helene dupont martin medecins sans frontieres")
        assert row.arrived_via == "walk-in"
        scan = s.execute(select(m.Scan).where(m.Scan.delegate_id == d.id)).scalar_one()
        assert (scan.source, scan.outcome, scan.station) == ("walk-in", "admitted", "Desk 3")
    stats = compute_stats(store, event)
    assert stats.walk_ins == 1


def test_walk_in_at_a_session_door_attends_the_session_and_arrives(store, event):
    """A desk in session mode admits the walk-in to that session, as a scan there would."""
    at = dt.datetime.combine(EVENT_DATE, dt.time(9, 40), tzinfo=event.tz)
    result = admit_walk_in(
        store, event, PersonForm("Amani", "Njoroge", "KRCS", "KE"), station="Door",
        session="auto", now=at,
    )
    assert result.outcome is not None and result.outcome.status is Outcome.ADMITTED
    assert result.outcome.session is not None and result.outcome.session.key == "opening"
    with store.read() as s:
        row = s.get(m.Delegate, result.delegate.id)
        assert row.arrived_via == "walk-in" and row.arrived_at is not None
        scopes = s.scalars(
            select(m.Admission.scope).where(m.Admission.delegate_id == row.id)
        ).all()
    opening = event.session("opening")
    assert opening is not None and scopes == [opening.id]
    stats = compute_stats(store, event)
    assert stats.arrived == 1 and stats.walk_ins == 1
    assert {c.key: c.attended for c in stats.sessions}["opening"] == 1


def test_first_walk_in_of_an_empty_event_is_number_one_in_the_first_category(store, event):
    delegate = register_walk_in(store, event, PersonForm("Ngozi", "Okafor", "IFRC", "NG"))
    assert (delegate.number, delegate.reference) == (1, "WALKIN-1")
    assert delegate.category == "participant"
    assert compute_stats(store, event).walk_ins == 0


def test_invalid_form_is_refused_and_nothing_written(store, event):
    with pytest.raises(WalkInError) as caught:
        admit_walk_in(store, event, PersonForm("", "", email="nope"))
    # A walk-in needs first and last name, organisation and country (the default rule).
    assert caught.value.problems == (
        FieldProblem("first_name", "required"),
        FieldProblem("last_name", "required"),
        FieldProblem("organisation", "required"),
        FieldProblem("country", "required"),
        FieldProblem("email", "invalid e-mail address 'nope'"),
    )
    assert caught.value.problems[0].reason == "required"
    assert "first name: required" in str(caught.value)
    assert isinstance(caught.value, ValueError)
    with store.read() as s:
        assert s.scalar(select(m.Delegate.id)) is None


def test_email_already_registered_is_refused_naming_the_person(store, event):
    insert_delegates(
        store,
        event,
        [{"first_name": "Jean", "last_name": "Dupont", "reference": "R0042",
          "email": "jean.dupont@example.org"}],
    )  # fmt: skip
    form = PersonForm("Johnny", "D.", "IOM", "CH", email="  Jean.Dupont@EXAMPLE.org ")
    with pytest.raises(WalkInError) as caught:
        register_walk_in(store, event, form)
    assert caught.value.problems == (
        FieldProblem("email", "already registered: Jean Dupont, ref R0042"),
    )
    assert caught.value.existing is not None and caught.value.existing.reference == "R0042"
    with store.read() as s:
        assert len(s.scalars(select(m.Delegate.id)).all()) == 1


def test_same_folded_name_and_organisation_is_refused(store, event, people):
    # people[0] is Łukasz Wróblewski of Caritas.
    with pytest.raises(WalkInError) as caught:
        register_walk_in(store, event, PersonForm("lukasz", "WROBLEWSKI", "caritas", "PL"))
    assert caught.value.problems == (
        FieldProblem("first_name", "already registered: Łukasz Wróblewski, ref R0001"),
    )
    # Another organisation is another person.
    result = admit_walk_in(store, event, PersonForm("Łukasz", "Wróblewski", "UNHCR", "PL"))
    assert result.delegate.number == 4


def test_two_desks_registering_concurrently_get_distinct_numbers(store, event, people):
    def desk(n: int) -> list[int]:
        numbers = []
        for i in range(10):
            form = PersonForm(f"Walk{n}", f"In{i}", "IOM", "CH", email=f"w{n}-{i}@example.org")
            result = admit_walk_in(store, event, form, station=f"Desk {n}")
            assert result.outcome is not None and result.outcome.status is Outcome.ADMITTED
            numbers.append(result.delegate.number)
        return numbers

    with ThreadPoolExecutor(max_workers=4) as pool:
        numbers = [n for chunk in pool.map(desk, range(4)) for n in chunk]
    assert len(numbers) == 40
    assert sorted(numbers) == list(range(4, 44))
    with store.read() as s:
        refs = set(s.scalars(select(m.Delegate.reference).where(m.Delegate.number > 3)))
    assert refs == {f"WALKIN-{n}" for n in range(4, 44)}
    assert compute_stats(store, event).walk_ins == 40


def test_walk_in_reference_skips_an_imported_one(store, event):
    insert_delegates(store, event, [{"number": 1, "reference": "WALKIN-2"}])
    delegate = register_walk_in(store, event, PersonForm("Ana", "Silva", "KRCS", "KE"))
    assert (delegate.number, delegate.reference) == (3, "WALKIN-3")


def test_walk_in_badge_prints(store, event, tmp_path):
    result = admit_walk_in(store, event, PersonForm("Amani", "Njoroge", "KRCS", "Kenya"))
    report = printing.print_badges(
        store,
        event,
        tmp_path / "w.pdf",
        template=load_template("a6"),
        refs=[result.delegate.reference],
    )
    assert report.badges == 1
    assert (tmp_path / "w.pdf").stat().st_size > 0

"""Walk-in registration: validate, register, check in and print, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from checkin.core.badges import printing
from checkin.core.badges import render as badges
from checkin.core.dashboard.stats import compute_stats
from checkin.core.db import models as m
from checkin.core.roster.walkins import (
    FieldProblem,
    WalkInError,
    WalkInForm,
    register_walk_in,
    validate,
)
from checkin.core.text import fold
from checkin.core.types import CategoryInfo, EventInfo, Outcome
from tests.conftest import EVENT_DATE, insert_delegates

NOW = dt.datetime.combine(EVENT_DATE, dt.time(8, 45), tzinfo=dt.UTC)


@pytest.fixture
def store(any_store):
    """Registration takes numbers under a lock: run on SQLite and on PostgreSQL."""
    return any_store


def fields(problems) -> list[str]:
    return [p.field for p in problems]


def test_valid_form_registers_with_next_number_and_checks_in(store, event, people):
    form = WalkInForm(
        first_name="  Hélène\t",
        last_name="Dupont   Martin",
        organisation="Médecins\x07 Sans Frontières",
        country="Suisse",
        email="Helene.Dupont@Example.ORG",
        category="Speaker",
    )
    result = register_walk_in(store, event, form, station="Desk 3", now=NOW)
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
    result = register_walk_in(
        store, event, WalkInForm("Amani", "Njoroge"), station="Door", session="auto", now=at
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
    result = register_walk_in(store, event, WalkInForm("", "Okafor"), check_in=False)
    assert (result.delegate.number, result.delegate.reference) == (1, "WALKIN-1")
    assert result.delegate.category == "participant"
    assert result.outcome is None
    assert compute_stats(store, event).walk_ins == 0


def test_validation_problems_per_field(event):
    assert validate(event, WalkInForm("Ana", "")) == ()
    assert validate(event, WalkInForm("", "Silva")) == ()
    assert fields(validate(event, WalkInForm(" ", "\t\x00"))) == ["first_name"]

    bad = validate(
        event,
        WalkInForm(
            "Ana",
            "x" * 201,
            organisation="o" * 301,
            country="Atlantis",
            email="ana@@example",
            category="vip",
        ),
    )
    assert fields(bad) == ["last_name", "organisation", "country", "email", "category"]
    by_field = {p.field: p.message for p in bad}
    assert "at most 200" in by_field["last_name"]
    assert "at most 300" in by_field["organisation"]
    assert "'Atlantis'" in by_field["country"]
    assert "invalid e-mail" in by_field["email"] and "ana@@example" in by_field["email"]
    assert "'vip'" in by_field["category"]
    for choice in ("participant", "speaker", "press"):
        assert choice in by_field["category"]

    # Country by ISO code or French name; category by key or label, any case.
    assert validate(event, WalkInForm("Ana", "Silva", country="pt", category="PRESS")) == ()
    assert validate(event, WalkInForm("Ana", "Silva", country="Allemagne")) == ()


def test_invalid_form_is_refused_and_nothing_written(store, event):
    with pytest.raises(WalkInError) as caught:
        register_walk_in(store, event, WalkInForm("", "", email="nope"))
    assert caught.value.problems == (
        FieldProblem("first_name", "enter a first name or a last name"),
        FieldProblem("email", "invalid e-mail address 'nope'"),
    )
    assert "first name: enter a first name" in str(caught.value)
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
    form = WalkInForm("Johnny", "D.", email="  Jean.Dupont@EXAMPLE.org ")
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
        register_walk_in(store, event, WalkInForm("lukasz", "WROBLEWSKI", "caritas"))
    assert caught.value.problems == (
        FieldProblem("first_name", "already registered: Łukasz Wróblewski, ref R0001"),
    )
    # Another organisation is another person.
    result = register_walk_in(store, event, WalkInForm("Łukasz", "Wróblewski", "UNHCR"))
    assert result.delegate.number == 4


def test_two_desks_registering_concurrently_get_distinct_numbers(store, event, people):
    def desk(n: int) -> list[int]:
        numbers = []
        for i in range(10):
            form = WalkInForm(f"Walk{n}", f"In{i}", email=f"w{n}-{i}@example.org")
            result = register_walk_in(store, event, form, station=f"Desk {n}")
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
    result = register_walk_in(store, event, WalkInForm("Ana", "Silva"), check_in=False)
    assert (result.delegate.number, result.delegate.reference) == (3, "WALKIN-3")


def test_walk_in_badge_prints(store, event, tmp_path):
    result = register_walk_in(store, event, WalkInForm("Amani", "Njoroge", "KRCS", "Kenya"))
    report = printing.print_badges(
        store,
        event,
        tmp_path / "w.pdf",
        template=badges.load_template("a6"),
        refs=[result.delegate.reference],
    )
    assert report.badges == 1
    assert (tmp_path / "w.pdf").stat().st_size > 0


PLAIN_EVENT = EventInfo(
    id=1,
    uuid="00000000-0000-0000-0000-000000000000",
    name="Plain",
    venue="",
    address="",
    date=EVENT_DATE,
    timezone="UTC",
    language="en",
    capacity=None,
    registration_opens=None,
    sessions=(),
    categories=(
        CategoryInfo("participant", "Participant", "#1F5FA8"),
        CategoryInfo("press", "Presse", "#6A1B9A"),
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    st.text(),
    st.text(),
    st.text(),
    st.text(),
    st.text(),
    st.text(),
    st.booleans(),
)
def test_validate_never_raises(first, last, organisation, country, email, category, no_cats):
    event = PLAIN_EVENT
    if no_cats:
        event = EventInfo(**{**PLAIN_EVENT.__dict__, "categories": ()})
    problems = validate(
        event,
        WalkInForm(first, last, organisation, country, email, category),
    )
    assert isinstance(problems, tuple)
    assert all(isinstance(p, FieldProblem) and p.message for p in problems)

"""One person's form (checkin.core.roster.person): the rules a walk-in and an edit share,
step by step, and the whole check, which never raises whatever is typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.roster.field_rules import LIMITS
from checkin.core.roster.person import (
    FORM_FIELDS,
    PERSON_FIELDS,
    CleanPerson,
    FieldProblem,
    PersonForm,
    normalise_form,
    validate,
)
from checkin.core.types import CategoryInfo, DelegateInfo, EventInfo
from tests.conftest import EVENT_DATE


def fields(problems) -> list[str]:
    return [p.field for p in problems]


def test_the_form_holds_a_persons_fields_then_the_reference():
    assert (*PERSON_FIELDS, "reference") == FORM_FIELDS
    assert [f for f in PersonForm.__dataclass_fields__] == list(FORM_FIELDS)


def test_a_form_of_a_delegate_has_their_values():
    delegate = DelegateInfo(7, 7, "R7", "Ana", "Lima", "ONG", "PT", "ana@example.org",
                            "press", "registered", 2)  # fmt: skip
    assert PersonForm.of(delegate) == PersonForm(
        "Ana", "Lima", "ONG", "PT", "ana@example.org", "press", "R7"
    )


def test_cleaned_values_are_as_stored(event):
    cleaned, problems = normalise_form(
        event,
        PersonForm(" Ana\t", "de  Lima", "ONG", "Portugal", "MAILTO:Ana@Example.org",
                   "Press", "  R7 "),
    )  # fmt: skip
    assert problems == ()
    assert cleaned == CleanPerson("Ana", "de Lima", "ONG", "PT", "ana@example.org", "press", "R7")


def test_no_category_is_the_events_first(event):
    cleaned, _ = normalise_form(event, PersonForm("Ana", "Lima"))
    assert cleaned.category == event.categories[0].key


def test_each_too_long_field_says_its_length_and_limit(event):
    form = PersonForm(
        "f" * (LIMITS["first_name"] + 1), "Lima", reference="r" * (LIMITS["reference"] + 2),
        email="a" * 64 + "@" + "e" * LIMITS["email"] + ".org",
    )  # fmt: skip
    problems = validate(event, form)
    assert fields(problems) == ["first_name", "email", "reference"]
    assert {p.reason for p in problems} == {"too_long"}
    assert problems[2].args == (str(LIMITS["reference"] + 2), str(LIMITS["reference"]))


def test_problems_carry_their_reason_and_values(event):
    problems = validate(event, PersonForm("", "", country="Atlantis", email="x@", category="vip"))
    assert [(p.field, p.reason) for p in problems] == [
        ("first_name", "no_name"),
        ("country", "unknown_country"),
        ("email", "invalid_email"),
        ("category", "unknown_category"),
    ]
    assert problems[1].args == ("Atlantis",)
    assert problems[2].args == ("x@",)
    assert problems[3].args[0] == "vip" and "participant" in problems[3].args[1]


def test_a_problem_reads_with_its_field():
    assert str(FieldProblem("first_name", "enter a name")) == "first name: enter a name"
    # The wording is not part of what a problem is.
    assert FieldProblem("email", "bad", "a", ("1",)) == FieldProblem("email", "bad", "b")


def test_validation_problems_per_field(event):
    assert validate(event, PersonForm("Ana", "")) == ()
    assert validate(event, PersonForm("", "Silva")) == ()
    assert fields(validate(event, PersonForm(" ", "\t\x00"))) == ["first_name"]

    bad = validate(
        event,
        PersonForm(
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
    assert validate(event, PersonForm("Ana", "Silva", country="pt", category="PRESS")) == ()
    assert validate(event, PersonForm("Ana", "Silva", country="Allemagne")) == ()



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
    st.text(),
    st.booleans(),
)
@pytest.mark.slow
def test_validate_never_raises(
    first, last, organisation, country, email, category, reference, no_cats
):
    event = PLAIN_EVENT
    if no_cats:
        event = EventInfo(**{**PLAIN_EVENT.__dict__, "categories": ()})
    problems = validate(
        event,
        PersonForm(first, last, organisation, country, email, category, reference),
    )
    assert isinstance(problems, tuple)
    assert all(isinstance(p, FieldProblem) and p.message for p in problems)

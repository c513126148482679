"""What a walk-in must give: first and last name, organisation and country by default,
or what the event's TOML says in ``[walk_ins] required``."""

from __future__ import annotations

import copy

import pytest

from checkin.core.event.definition import parse_event, save_event
from checkin.core.event.rules import EventError
from checkin.core.event.walk_ins import DEFAULT_REQUIRED, required_fields
from checkin.core.roster.person import FieldProblem, PersonForm, validate
from checkin.core.roster.walkins import WalkInError, register_walk_in
from tests.conftest import SMALL_EVENT


def with_rule(required) -> dict:
    data = copy.deepcopy(SMALL_EVENT)
    data["walk_ins"] = {"required": required}
    return data


def test_the_default_needs_names_organisation_and_country(store, event):
    assert required_fields(store, event.id) == DEFAULT_REQUIRED
    with pytest.raises(WalkInError) as caught:
        register_walk_in(store, event, PersonForm("Amani", ""))
    assert [p.field for p in caught.value.problems] == ["last_name", "organisation", "country"]
    assert {p.reason for p in caught.value.problems} == {"required"}
    done = register_walk_in(store, event, PersonForm("Amani", "Njoroge", "KRCS", "Kenya"))
    assert done.country == "KE"


def test_an_event_may_ask_for_the_email_too(store):
    event = save_event(store, parse_event(with_rule(["email", "last_name"]), source="t"))
    assert required_fields(store, event.id) == ("last_name", "email")  # form order
    with pytest.raises(WalkInError) as caught:
        register_walk_in(store, event, PersonForm("", "Njoroge"))
    assert caught.value.problems == (FieldProblem("email", "required"),)
    done = register_walk_in(store, event, PersonForm("", "Njoroge", email="a@krcs.org"))
    assert done.last_name == "Njoroge" and done.organisation == ""


def test_the_rule_is_kept_when_the_file_is_loaded_again_without_it(store):
    save_event(store, parse_event(with_rule(["first_name"]), source="t"))
    event = save_event(store, parse_event(SMALL_EVENT, source="t"))  # no [walk_ins]
    assert required_fields(store, event.id) == ("first_name",)
    event = save_event(store, parse_event(with_rule(["country"]), source="t"))
    assert required_fields(store, event.id) == ("country",)


@pytest.mark.parametrize(
    ("rule", "message"),
    [(["phone"], "unknown field 'phone'"), ("first_name", "must be a list")],
)
def test_a_bad_rule_names_the_file_and_the_table(rule, message):
    with pytest.raises(EventError, match=message) as caught:
        parse_event(with_rule(rule), source="event.toml")
    assert "event.toml: [walk_ins]" in str(caught.value)


def test_validate_marks_a_required_field_rather_than_no_name(event):
    problems = validate(event, PersonForm("", ""), DEFAULT_REQUIRED)
    assert [(p.field, p.reason) for p in problems] == [
        ("first_name", "required"), ("last_name", "required"),
        ("organisation", "required"), ("country", "required"),
    ]
    # Without a rule (an organiser's edit), one name is enough.
    assert validate(event, PersonForm("", "Njoroge")) == ()

"""A header to the delegate's fields (checkin.core.roster.columns), step by step."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.roster.columns import (
    FIELDS,
    Header,
    auto_mapping,
    column_letter,
    find_header,
    header_key,
    header_problems,
    read_header,
    require_name_column,
    resolve_mapping,
    split_full_name,
)
from checkin.core.roster.report import RosterError


@pytest.mark.parametrize(
    ("text", "key"),
    [("Adresse électronique", "adresseelectronique"), ("N°", "no"), ("E-mail", "email"),
     ("first_name", "firstname"), ("Order #", "order#")],
)  # fmt: skip
def test_header_keys_fold_case_accents_and_punctuation(text, key):
    assert header_key(text) == key


def test_the_preferred_synonym_wins():
    # Eventbrite: the attendee is the person, not the order.
    assert auto_mapping(["Order #", "Attendee #", "Prénom", "", "Nom"]) == {
        "reference": 1,
        "first_name": 2,
        "last_name": 4,
    }


def test_the_header_is_found_under_title_lines():
    rows = [(1, ["Liste des participants"]), (2, []), (3, ["Prénom", "Nom"]), (4, ["Ana", "Lima"])]
    assert find_header(rows, {}) == (3, ["Prénom", "Nom"])
    # An explicit mapping names the header's columns.
    assert find_header(rows, {"full_name": "Liste des participants"}) == rows[0]
    assert find_header([(1, []), (2, ["", " "])], {}) is None


def test_without_a_name_column_the_first_row_is_the_header():
    rows = [(n, ["a", "b"]) for n in range(1, 20)]
    assert find_header(rows, {}) == (1, ["a", "b"])


def test_read_header_cleans_and_maps():
    header = read_header(
        "f.csv", [(2, [" Nom, prénom ", "Organisation", "", ""]), (3, ["Lima Ana", "ONG"])], {}
    )
    assert header == Header(2, ("Nom, prénom", "Organisation"), {"full_name": 0,
                                                                 "organisation": 1})  # fmt: skip
    assert header.mapping == {"full_name": "Nom, prénom", "organisation": "Organisation"}
    assert header.last_first
    assert header.name_column == "Nom, prénom"
    assert header.heading("organisation") == "Organisation" and header.heading("email") is None
    with pytest.raises(RosterError, match="the file is empty"):
        read_header("f.csv", [], {})


def test_an_explicit_mapping_corrects_the_guess():
    header = ["Name", "First name", "Last name", "Contact"]
    assert resolve_mapping("f.csv", header, {}) == {"first_name": 1, "last_name": 2}
    # A full name mapped by hand drops the guessed first and last names.
    assert resolve_mapping("f.csv", header, {"full_name": "name", "email": "Contact"}) == {
        "full_name": 0,
        "email": 3,
    }
    # An empty column: that field is not read.
    assert resolve_mapping("f.csv", header, {"last_name": ""}) == {"first_name": 1}


@pytest.mark.parametrize(
    ("overrides", "words"),
    [({"nickname": "Name"}, "unknown field 'nickname'"), ({"email": "E-mail"}, "no column")],
)
def test_a_wrong_mapping_is_refused_listing_the_choices(overrides, words):
    with pytest.raises(RosterError) as caught:
        resolve_mapping("f.csv", ["Name", "Org"], overrides)
    assert words in str(caught.value)


def test_no_name_column_is_refused_naming_the_columns():
    require_name_column("f.csv", Header(1, ("Name",), {"full_name": 0}))
    with pytest.raises(RosterError) as caught:
        require_name_column("f.csv", Header(1, ("Org", "Mail"), {"organisation": 0}))
    assert "Columns found: 'Org', 'Mail'" in str(caught.value)
    with pytest.raises(RosterError, match="Columns found: none"):
        require_name_column("f.csv", Header(1, (), {}))


def test_header_warnings_twin_columns_and_columns_not_read():
    header = Header(1, ("Name", "Notes", "name", "Org"), {"full_name": 0, "organisation": 3})
    problems = header_problems("f.csv", header)
    assert [(p.reason, p.args) for p in problems] == [
        ("duplicate_column", ("2", "'Name'", "A, C", "A")),
        ("columns_not_imported", ("'Notes'",)),
    ]
    assert all(p.severity == "warning" and p.row == 1 for p in problems)


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_letters(index, letters):
    assert column_letter(index) == letters


def test_fields_hold_the_name_fields():
    assert {"first_name", "last_name", "full_name"} <= set(FIELDS)


words = st.text(alphabet="abcdeéñ", min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=5), st.booleans())
def test_a_split_name_keeps_every_word_in_order(tokens, last_first):
    first, last = split_full_name(" ".join(tokens), last_first=last_first)
    joined = f"{last} {first}" if last_first else f"{first} {last}"
    assert joined.split() == tokens

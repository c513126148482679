"""The rows under a header checked one by one (checkin.core.roster.validate)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.roster.columns import Header
from checkin.core.roster.field_rules import LIMITS
from checkin.core.roster.report import ERROR, RosterRow
from checkin.core.roster.validate import (
    ORDER,
    RawRow,
    RowChecker,
    row_person,
    row_values,
    shape_problem,
    validate_rows,
)
from checkin.core.text import clean
from checkin.core.types import CategoryInfo

CATEGORIES = (
    CategoryInfo("participant", "Participant", "#1F5FA8"),
    CategoryInfo("press", "Presse", "#6A1B9A"),
)
COLUMNS = ("Ref", "First name", "Last name", "Org", "Country", "Email", "Category")
HEADER = Header(1, COLUMNS, {"reference": 0, "first_name": 1, "last_name": 2,
                             "organisation": 3, "country": 4, "email": 5,
                             "category": 6})  # fmt: skip
PICKS = [HEADER.columns.get(f, -1) for f in ORDER]


def raw(number=2, reference="R1", first="Ana", last="Lima", organisation="ONG", country="",
        email="", category="") -> RawRow:  # fmt: skip
    return RawRow(number, reference, first, last, organisation, country, email, category)


def reasons(problems) -> list[str]:
    return [p.reason for p in problems]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=9))
def test_values_are_the_picked_cells_cleaned(cells):
    assert row_values(cells, PICKS) == [clean(cells[c]) if 0 <= c < len(cells) else ""
                                        for c in PICKS]  # fmt: skip


def test_a_person_of_a_full_name_column_and_a_pasted_mailto():
    header = Header(1, ("Nom, prénom", "Mail"), {"full_name": 0, "email": 1})
    values = row_values(["Lima Ana", "mailto:ANA@ong.org"], [header.columns.get(f, -1)
                                                            for f in ORDER])  # fmt: skip
    person = row_person(5, values, header)
    assert (person.first_name, person.last_name, person.email) == ("Ana", "Lima", "ana@ong.org")


def test_a_row_too_long_or_too_short_is_a_warning():
    long = shape_problem("f.csv", 2, [*"abcdefg", "", "extra"], HEADER)
    assert long is not None
    assert (long.reason, long.args) == ("row_too_long", ("9", "7", "'Category'"))
    short = shape_problem("f.csv", 3, ["R1", "Ana"], HEADER)
    assert short is not None and short.reason == "row_too_short"
    assert shape_problem("f.csv", 4, [*"abcdefg", " "], HEADER) is None


def test_each_check_of_a_row():
    checker = RowChecker("f.csv", HEADER, CATEGORIES)
    row, problems = checker.check(raw(country="Suisse", email="ana@ong.org", category="Presse"))
    assert problems == []
    assert row == RosterRow(2, "R1", "Ana", "Lima", "ONG", "CH", "ana@ong.org", "press")

    _row, problems = checker.check(
        raw(3, "R2", first="", last="", country="Atlantis", email="x@", category="vip")
    )
    assert reasons(problems) == ["no_name", "invalid_email", "unknown_country", "unknown_category"]
    assert [p.column for p in problems] == ["Last name", "Email", "Country", "Category"]
    assert all(p.severity == ERROR and p.row == 3 for p in problems)

    _row, problems = checker.check(raw(4, "R3", organisation="O" * (LIMITS["organisation"] + 1)))
    assert reasons(problems) == ["organisation_too_long"]


def test_a_repeated_reference_email_or_name_names_the_first_row():
    checker = RowChecker("f.csv", HEADER, ())
    assert checker.check(raw(2, "R1", email="ana@ong.org"))[1] == []
    _row, problems = checker.check(raw(7, "R1", first="ANA", email="Ana@ong.org"))
    assert [(p.reason, p.args, p.column) for p in problems] == [
        ("duplicate_reference", ("2",), "Ref"),
        ("duplicate_email", ("2",), "Email"),
        ("duplicate_name", ("2",), "Last name"),  # the name column: last name first
    ]


def test_rows_are_sorted_into_valid_and_rejected_and_blank_rows_skipped():
    rows = [(1, list(COLUMNS)), (2, ["R1", "Ana", "Lima"] + [""] * 4), (3, [" "] * 7),
            (4, ["R2", "", "", "", "", "", ""]), (5, ["R3", "Bo", "Ek", "", "", "", ""])]
    checked = validate_rows("f.csv", rows, HEADER, ())
    assert [r.row for r in checked.valid] == [2, 5]
    assert [r.row for r in checked.rejected] == [4]
    assert checked.data_rows == 3
    assert reasons(checked.problems) == ["no_name"]

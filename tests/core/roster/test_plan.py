"""What an import would do (checkin.core.roster.plan), without writing it."""

from __future__ import annotations

from checkin.core.roster.numbers import free_numbers
from checkin.core.roster.plan import changed_fields, compared_fields, diff
from checkin.core.roster.report import ParsedRoster, RosterRow
from checkin.core.types import DelegateInfo
from tests.conftest import insert_delegates


def parsed(rows, *, mapping=None, rejected=()) -> ParsedRoster:
    mapping = mapping or {"reference": "Ref", "first_name": "First", "last_name": "Last",
                          "organisation": "Org", "email": "Email"}  # fmt: skip
    return ParsedRoster("/tmp/list.csv", "utf-8", ",", None, tuple(mapping.values()), mapping,
                        tuple(rows), (), tuple(rejected))  # fmt: skip


def row(n, reference="", first="Ana", last="Lima", org="ONG", email="", country="",
        category="") -> RosterRow:  # fmt: skip
    return RosterRow(n, reference, first, last, org, country, email, category)


def test_compared_fields_are_those_the_file_has_a_column_for():
    assert compared_fields(parsed([], mapping={"full_name": "Name", "email": "Mail"})) == [
        "first_name", "last_name", "email",
    ]  # fmt: skip


def test_an_empty_reference_or_category_cell_changes_nothing():
    d = DelegateInfo(1, 1, "R1", "Ana", "Lima", "ONG", "PT", "a@x.org", "press", "registered", 1)
    fields = ["reference", "first_name", "organisation", "country", "category"]
    assert changed_fields(row(2, org="IOM", country="PT"), d, fields) == ["organisation"]


def test_new_updated_restored_unchanged_and_cancelled(store, event):
    insert_delegates(store, event, [
        {"reference": "R1", "first_name": "Ana", "last_name": "Lima", "organisation": "ONG",
         "email": "ana@x.org"},
        {"reference": "R2", "first_name": "Bo", "last_name": "Ek", "organisation": "IOM",
         "email": "bo@x.org"},
        {"reference": "R3", "first_name": "Cy", "last_name": "Uu", "organisation": "UN",
         "email": "cy@x.org", "status": "cancelled"},
        {"reference": "R4", "first_name": "Di", "last_name": "Oo", "organisation": "UN",
         "email": "di@x.org"},
        {"reference": "R5", "first_name": "Ed", "last_name": "Pp", "organisation": "UN",
         "email": "ed@x.org"},
    ])  # fmt: skip
    rows = [
        row(2, "R1", "Ana", "Lima", "ONG", "ana@x.org"),  # unchanged
        row(3, "R2", "Bo", "Ek", "WFP", "bo@x.org"),  # organisation changed
        row(4, "R3", "Cy", "Uu", "UN", "cy@x.org"),  # listed again
        row(5, "R9", "Fa", "Qq", "UN", "fa@x.org"),  # new
    ]
    refused = [row(6, "", "Ed", "Pp", "UN", "ed@x.org", country="Atlantis")]
    with store.read() as s:
        number = next(free_numbers(s, event))
        plan = diff(s, event, parsed(rows, rejected=refused), replace=True)
    assert number == 6
    assert plan.unchanged == 1
    assert [(c.row, c.fields) for c in plan.updated] == [(3, ("organisation",))]
    assert [(c.row, c.number) for c in plan.restored] == [(4, 3)]
    assert [(c.row, c.number, c.name) for c in plan.new] == [(5, 6, "Fa Qq")]
    assert plan.inserts.row(0)["category"] == event.categories[0].key
    # Di is missing: cancelled; Ed's row has an error: kept, with a warning.
    assert [(c.number, c.name) for c in plan.cancelled] == [(4, "Di Oo")]
    assert [(p.reason, p.args) for p in plan.problems] == [("kept_row_has_error", ("5",))]
    assert all(u["status"] == "registered" for u in plan.updates)


def test_without_replace_nobody_is_cancelled(store, event, people):
    with store.read() as s:
        plan = diff(s, event, parsed([row(2, "R9", "New", "Person")]), replace=False)
    assert plan.cancelled == [] and plan.cancels == []
    assert [c.number for c in plan.new] == [4]

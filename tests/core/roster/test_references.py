"""Every delegate has a reference: assigned at import when the roster has none, stable
across re-imports, given to stored delegates by migration 0006, and one resolver for
a reference, ``#number`` or a badge code."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import text

from checkin.core.badges.printing import PrintError, select_delegates
from checkin.core.db import migrations
from checkin.core.db.store import Store
from checkin.core.desk.search import search
from checkin.core.roster.apply import import_roster
from checkin.core.roster.delegates import auto_reference, find_by_ref, list_delegates
from tests.conftest import badge_code

HEADER = ["First name", "Last name", "Organisation", "Email"]


def write(path, rows, header=HEADER):
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def refs(store, event) -> dict[str, str]:
    return {e.delegate.last_name: e.delegate.reference for e in list_delegates(store, event)}


def test_assigned_from_the_number_and_stable_across_reimports(tmp_path, store, event):
    first = write(tmp_path / "a.csv", [["Ana", "Ruiz", "Cruz Roja", "ana@example.es"],
                                       ["Omar", "Haddad", "Al-Amal", ""]])
    import_roster(store, event, first)
    assert refs(store, event) == {"Ruiz": "D-0001", "Haddad": "D-0002"}
    # Someone new comes first in the next list; the others keep their references.
    second = write(tmp_path / "b.csv", [["Lea", "Amsler", "HEKS", "lea@example.ch"],
                                        ["Omar", "HADDAD", "al-amal", ""],
                                        ["Ana", "Ruiz", "Cruz Roja", "ANA@example.es"]])
    report = import_roster(store, event, second)
    assert len(report.new) == 1 and "reference" not in report.updated[0].fields
    assert refs(store, event) == {"Amsler": "D-0003", "HADDAD": "D-0002", "Ruiz": "D-0001"}


def test_a_reference_given_later_replaces_the_assigned_one(tmp_path, store, event):
    import_roster(store, event, write(tmp_path / "a.csv", [["Ana", "Ruiz", "CR", "a@x.es"]]))
    report = import_roster(store, event, write(
        tmp_path / "b.csv", [["X-1", "Ana", "Ruiz", "CR", "a@x.es"]], ["Reference", *HEADER]
    ))
    assert not report.new and report.updated[0].fields == ("reference",)
    assert refs(store, event) == {"Ruiz": "X-1"}


def test_a_given_reference_is_kept(tmp_path, store, event):
    import_roster(store, event, write(
        tmp_path / "a.csv", [["IOM-7", "Ana", "Ruiz", "CR", ""], ["", "Omar", "H", "AA", ""]],
        ["Reference", *HEADER],
    ))
    assert refs(store, event) == {"Ruiz": "IOM-7", "H": "D-0002"}


def test_the_desk_search_finds_the_assigned_reference(tmp_path, store, event):
    import_roster(store, event, write(tmp_path / "a.csv", [["Ana", "Ruiz", "CR", ""],
                                                          ["Omar", "Haddad", "AA", ""]]))
    hits = search(store, event.id, "D-0002")
    assert hits and hits[0].delegate.last_name == "Haddad"


@pytest.mark.parametrize("text", ["R0002", "r0002", "#2", "2", " # 2 "])
def test_find_by_reference_or_number(store, event, people, text):
    found = find_by_ref(store, event, text)
    assert found is not None and found.number == 2


def test_find_by_badge_code_as_printed(store, event, people):
    code = badge_code(store, 3)
    pretty = " ".join(code[i : i + 4] for i in range(0, len(code), 4)).lower()
    found = find_by_ref(store, event, pretty)
    assert found is not None and found.number == 3 and found.status == "cancelled"


@pytest.mark.parametrize("text", ["", "R9999", "#99", "not a code"])
def test_nothing_matches(store, event, people, text):
    assert find_by_ref(store, event, text) is None


def test_printing_chooses_by_number_and_names_what_is_missing(store, event, people):
    assert {d.number for d in select_delegates(store, event, refs=["#1", "2"])} == {1, 2}
    with pytest.raises(PrintError, match="unknown: #42"):
        select_delegates(store, event, refs=["#1", "#42"])
    with pytest.raises(PrintError, match="cancelled: #3"):
        select_delegates(store, event, refs=["#3"])


def test_migration_gives_stored_delegates_a_reference(tmp_path):
    path = tmp_path / "old.sqlite"
    old = Store("sqlite:///" + str(path), migrate=False)
    migrations.upgrade(old.engine, "0005")
    # Rows as a checkin of schema 0005 wrote them: one imported without a reference.
    with old.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO events (id, uuid, name, venue, address, date, timezone, language, "
            "secret, created_at) VALUES (1, 'u', 'Old', '', '', '2026-11-28', 'UTC', 'en', "
            "'00', '2026-11-01 00:00:00')"
        ))
        for number, ref, name in ((42, "", "Ruiz"), (43, "IOM-7", "Haddad")):
            conn.execute(text(
                "INSERT INTO delegates (event_id, number, reference, first_name, last_name, "
                "organisation, country, email, category, status, badge_version, search_text, "
                "print_count, created_at, updated_at) VALUES (1, :n, :r, 'Ana', :l, 'CR', "
                "'ES', '', 'participant', 'registered', 1, :t, 0, '2026-11-01 00:00:00', "
                "'2026-11-01 00:00:00')"
            ), {"n": number, "r": ref, "l": name, "t": f"ana {name.lower()} cr"})
    old.close()
    opened = Store("sqlite:///" + str(path))
    assert opened.revision == migrations.HEAD
    with opened.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT number, reference, search_text FROM delegates ORDER BY number")
        ).all()
    assert [(n, r) for n, r, _ in rows] == [(42, "D-0042"), (43, "IOM-7")]
    assert rows[0].search_text == "ana ruiz cr d-0042"
    assert search(opened, 1, "d-0042")[0].delegate.number == 42
    opened.close()


def test_auto_reference_shape():
    assert auto_reference(7) == "D-0007" and auto_reference(12345) == "D-12345"


def test_an_edit_that_empties_the_reference_gives_the_assigned_one(store, event, people):
    from checkin.core.roster.edits import update_delegate
    from checkin.core.roster.person import PersonForm

    result = update_delegate(store, event, people[0], PersonForm(
        "Łukasz", "Wróblewski", "Caritas", "PL", reference=""
    ))
    assert result.delegate.reference == "D-0001" and "reference" in result.changed

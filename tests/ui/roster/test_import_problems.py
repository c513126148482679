"""Import problems are worded by the app (translatable) from the core's reason and values.

In English the app's words are the core's ``message`` exactly, so the wizard reads as the
CLI does; in French every problem the core can report reads in French."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from checkin.core.roster.apply import import_roster
from checkin.core.roster.field_rules import LIMITS
from checkin.core.roster.read import read_roster
from checkin.core.roster.report import WARNING, Problem, RosterError
from checkin.ui.roster.importing.words import _problem_words, problem_text
from checkin.ui.widgets import translations

CORPUS = Path(__file__).resolve().parents[2] / "data" / "rosters" / "bad"
HEADER = ["Reference", "First name", "Last name", "Organisation", "Country", "Email", "Category"]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def _crafted(tmp_path: Path) -> Path:
    """Rows for the reasons the bad-roster corpus does not show."""
    limit = LIMITS
    return _csv(
        tmp_path / "crafted.csv",
        [
            HEADER,
            ["R1", "Ana", "Lima", "ONG", "", "ana@example.org", "Jury"],
            ["R2", "Ana", "Lima", "ONG", "", "", ""],
            ["R" * (limit["reference"] + 1), "Bo", "Ek", "", "", "", ""],
            ["R4", "B" * (limit["first_name"] + 1), "Ek", "", "", "", ""],
            ["R5", "Cy", "Ek", "O" * (limit["organisation"] + 1), "", "", ""],
            ["R6", "Di", "Ek", "", "", "d" * 60 + "@" + "e" * (limit["email"]) + ".org", ""],
            ["R7", "Ed"],
        ],
    )


def _all_problems(tmp_path: Path, store, event) -> list[Problem]:
    found: list[Problem] = []
    for path in sorted(CORPUS.iterdir()):
        try:
            found += read_roster(path, categories=event.categories).problems
        except RosterError:
            continue  # refused files are RosterErrors, not problems
    crafted = _crafted(tmp_path)
    found += read_roster(crafted, categories=event.categories).problems
    found += read_roster(crafted, sheet="Delegates").problems  # no categories; CSV sheet
    # Replacing with a list whose row for a delegate has an error keeps that delegate.
    good = [HEADER, ["K1", "Ines", "Roy", "", "", "", ""], ["K2", "Jo", "Li", "", "", "", ""]]
    import_roster(store, event, _csv(tmp_path / "good.csv", good))
    typo = [HEADER, good[1], ["K2", "Jo", "Li", "", "Atlantis", "", ""]]
    report = import_roster(
        store, event, _csv(tmp_path / "typo.csv", typo), replace=True, skip_invalid=True
    )
    found += report.problems
    return found


def test_every_problem_has_a_reason_and_reads_in_english_as_the_core_words_it(
    tmp_path, store, event
):
    problems = _all_problems(tmp_path, store, event)
    words = _problem_words()
    assert all(p.reason in words for p in problems), [p for p in problems if p.reason not in words]
    assert {p.reason for p in problems} == set(words), "a template no problem exercises"
    mismatched = [(problem_text(p), p.message) for p in problems if problem_text(p) != p.message]
    assert not mismatched


def test_values_are_filled_in_once_and_an_unknown_reason_keeps_the_core_words():
    odd = Problem("f.csv", 1, None, "columns not imported: '%2'", WARNING,
                  "columns_not_imported", ("'%2'",))  # fmt: skip
    assert problem_text(odd) == "columns not imported: '%2'"
    assert problem_text(Problem("f.csv", 1, None, "something new", WARNING)) == "something new"
    assert problem_text(Problem("f.csv", 1, None, "other", WARNING, "no_such")) == "other"


@pytest.fixture
def french(qapp):
    locale = QLocale()
    used = translations.install(qapp, "fr")
    yield used
    translations.remove(qapp)
    QLocale.setDefault(locale)


def test_problems_read_in_french(french, tmp_path, store, event):
    assert french == "fr"
    parsed = read_roster(CORPUS / "unknown-country.csv", categories=event.categories)
    (problem,) = parsed.errors
    assert problem.message == "unknown country 'Atlantis'"
    assert problem_text(problem) == "pays inconnu 'Atlantis'"
    untranslated = [
        p.message for p in _all_problems(tmp_path, store, event) if problem_text(p) == p.message
    ]
    assert not untranslated

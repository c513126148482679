"""The malformed-roster corpus (tests/data/rosters/bad, made by scripts/make_bad_rosters.py).

Every file gets one of three answers, stated here per file: refused with a message that
names the file and says what is wrong; refused row by row (errors with row and column,
nothing written unless the valid rows are imported on purpose); or imported, with a
warning where something was dropped or guessed.  In every case the database holds
either the whole import or nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.roster.apply import import_roster
from checkin.core.roster.report import RosterError

CORPUS = Path(__file__).resolve().parents[2] / "data" / "rosters" / "bad"

# file -> what the message says
REFUSED = {
    "empty.csv": "the file is empty",
    "whitespace-only.csv": "the file is empty",
    "only-delimiters.csv": "the file is empty",
    "header-only.csv": "only a header in row 1",
    "header-only-semicolons.csv": "only a header in row 1",
    "header-only.xlsx": "only a header in row 1",
    "empty-workbook.xlsx": "the file is empty",
    "binary-junk.csv": "binary content",
    "png-renamed.csv": "a PNG image",
    "pdf-renamed.xlsx": "a PDF document",
    "xls-97.xls": "Excel 97-2003",
    "libreoffice.ods": "OpenDocument",
    "zip-not-xlsx.xlsx": "not a readable Excel workbook",
    "truncated.xlsx": "not a readable Excel workbook",
    "no-name-column.csv": "no name column in row 1",
    "unterminated-quote.csv": "row 2: a quote",
}

# file -> (row, column, message part) of the one error; the other rows are valid
ROW_ERRORS = {
    "missing-names.csv": (5, "Last name", "no first name and no last name"),
    "bad-emails.csv": (5, "Email", "invalid e-mail address"),
    "unknown-country.csv": (5, "Country", "unknown country 'Atlantis'"),
    "duplicate-references.csv": (5, "Reference", "same reference as row 3"),
    "duplicate-emails.csv": (5, "Email", "same email as row 4"),
    "one-megabyte-cell.csv": (2, "Last name", "too long (1048576 characters"),
}

# file -> (delegates imported, the warning's row, a part of the warning or None)
IMPORTED = {
    "csv-renamed.xlsx": (3, None, None),
    "utf16-bom.csv": (3, None, None),
    "cp1252-semicolons.csv": (3, None, None),
    "tabs-crlf.tsv": (3, None, None),
    "formulas.csv": (2, None, None),
    "markup-and-sql.csv": (1, None, None),
    "control-characters.csv": (1, None, None),
    "title-rows-above-header.csv": (3, None, None),
    "blank-lines-everywhere.csv": (3, None, None),
    "hidden-first-sheet.xlsx": (1, None, None),
    "many-columns.csv": (1, 1, "columns not imported: 'Extra 0'"),
    "duplicate-columns.csv": (1, 1, "2 columns are named 'Email' (C, D)"),
    "ragged-short-row.csv": (4, 5, "only 2 cells but the header has 6"),
    "ragged-long-row.csv": (4, 5, "9 cells but the header has 6"),
    "mixed-encodings.csv": (4, 5, "not UTF-8 like the rest of the file"),
    "nul-bytes.csv": (1, 2, "a NUL character was removed"),
    "merged-cells.xlsx": (2, 4, "cells D3:D4 are merged"),
    "uncached-formulas.xlsx": (1, 2, "cell C2 holds a formula with no saved result"),
}


def count(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Delegate))


def test_the_corpus_is_all_here_and_all_judged():
    files = {p.name for p in CORPUS.iterdir()}
    assert len(files) >= 30
    assert files == set(REFUSED) | set(ROW_ERRORS) | set(IMPORTED)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_a_message_naming_the_file(store, event, name):
    with pytest.raises(RosterError) as refused:
        import_roster(store, event, CORPUS / name)
    assert name in str(refused.value)
    assert REFUSED[name] in str(refused.value)
    assert count(store) == 0


@pytest.mark.parametrize("name", sorted(ROW_ERRORS))
def test_row_errors_name_row_and_column_and_write_nothing(store, event, name):
    row, column, text = ROW_ERRORS[name]
    report = import_roster(store, event, CORPUS / name)
    assert not report.applied
    assert [(p.row, p.column) for p in report.errors] == [(row, column)]
    assert text in report.errors[0].message
    assert count(store) == 0
    # Asked for explicitly, the valid rows go in and the bad one stays out.
    report = import_roster(store, event, CORPUS / name, skip_invalid=True)
    assert report.applied and report.skipped_rows == 1
    assert count(store) == len(report.new) == 3


@pytest.mark.parametrize("name", sorted(IMPORTED))
def test_imported_with_warnings_where_something_was_dropped(store, event, name):
    expected, row, text = IMPORTED[name]
    report = import_roster(store, event, CORPUS / name)
    assert report.applied, [str(p) for p in report.problems]
    assert report.errors == ()
    assert count(store) == len(report.new) == expected
    if text is None:
        assert report.warnings == ()
    else:
        assert [(p.row, text in p.message) for p in report.warnings] == [(row, True)]


def test_formulas_and_markup_are_stored_as_typed(store, event):
    import_roster(store, event, CORPUS / "formulas.csv")
    import_roster(store, event, CORPUS / "markup-and-sql.csv")
    with store.read() as s:
        names = dict(s.execute(select(m.Delegate.reference, m.Delegate.first_name)).all())
        organisations = set(s.scalars(select(m.Delegate.organisation)))
    assert names["R1"] == "<b>Ana</b>"  # the later file updated R1: markup kept literally
    assert names["R2"] == "@SUM(A1)"
    assert "=1+1" in organisations and "<img src=x onerror=alert(1)>" in organisations


def test_control_characters_and_mixed_encodings_are_cleaned(store, event):
    import_roster(store, event, CORPUS / "control-characters.csv")
    with store.read() as s:
        first = s.execute(
            select(m.Delegate.first_name, m.Delegate.last_name, m.Delegate.organisation)
        ).one()
    assert tuple(first) == ("Ana", "Silva", "UN HCR")  # bell and escape gone, tab a space
    import_roster(store, event, CORPUS / "mixed-encodings.csv")
    with store.read() as s:
        rows = {
            r.reference: (r.first_name, r.last_name, r.organisation)
            for r in s.execute(
                select(
                    m.Delegate.reference,
                    m.Delegate.first_name,
                    m.Delegate.last_name,
                    m.Delegate.organisation,
                )
            )
        }
    assert rows["R4"] == ("José", "Núñez", "Cruz Roja")  # the cp1252 line, read right
    assert rows["R3"] == ("Ayşe", "Yılmaz", "Türk Kızılay")  # the UTF-8 ones too

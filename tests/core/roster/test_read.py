"""Reading a list (checkin.core.roster.read): the file by its content, then the steps of
``read_roster`` in order."""

from __future__ import annotations

import pytest

from checkin.core.roster import read
from checkin.core.roster.read import read_roster, read_table, reading_problems
from checkin.core.roster.report import WARNING, RosterError
from checkin.core.roster.table import Table


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.7\n", "a PDF document, not a delegate list"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"PK\x03\x04" + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "(.ods)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel 97-2003 (.xls)"),
    ],
)
def test_other_documents_are_refused_saying_what_they_are(tmp_path, content, words):
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    with pytest.raises(RosterError) as caught:
        read_table(path, None)
    assert words in str(caught.value) and str(path) in str(caught.value)


def test_a_file_too_large_or_missing_is_refused(tmp_path, monkeypatch):
    with pytest.raises(RosterError, match="cannot read the file"):
        read_table(tmp_path / "missing.csv", None)
    path = tmp_path / "big.csv"
    path.write_bytes(b"Name\nAna\n")
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 4)
    with pytest.raises(RosterError, match="too large"):
        read_table(path, None)


def test_a_sheet_asked_of_a_csv_file_is_a_warning(tmp_path):
    path = tmp_path / "list.xlsx"  # the content decides, not the name
    path.write_bytes(b"Name\nAna\n")
    table = read_table(path, "Sheet1")
    assert table.delimiter == "," and table.sheet is None
    assert table.warnings == [("the file is CSV: sheet 'Sheet1' ignored", "csv_sheet_ignored",
                               ("'Sheet1'",))]  # fmt: skip


def test_what_reading_noticed_becomes_warnings():
    table = Table(rows=[], warnings=[("about the file", "x", ())],
                  row_warnings=[(3, None, "about row 3", "y", ("1",))])  # fmt: skip
    problems = reading_problems("f.csv", table)
    assert [(p.row, p.message, p.severity, p.reason) for p in problems] == [
        (None, "about the file", WARNING, "x"),
        (3, "about row 3", WARNING, "y"),
    ]


def test_problems_come_in_the_order_of_the_steps(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(b"Name,Comments\nAna Lima,x\n,y\n")
    parsed = read_roster(path, sheet="S")
    assert [p.reason for p in parsed.problems] == [
        "csv_sheet_ignored",  # reading
        "columns_not_imported",  # the header
        "no_name",  # the rows
    ]
    assert [r.row for r in parsed.rows] == [2] and [r.row for r in parsed.rejected] == [3]


def test_a_header_alone_is_never_read_as_cancel_everyone(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(b"First name,Last name\n,\n")
    with pytest.raises(RosterError, match="only a header in row 1"):
        read_roster(path)

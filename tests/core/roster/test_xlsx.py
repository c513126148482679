"""An Excel workbook to a table (checkin.core.roster.xlsx): cells as text, the sheet
chosen, and what the values alone do not show."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from checkin.core.roster.report import RosterError
from checkin.core.roster.xlsx import cell_text, read_xlsx, xlsx_surprises


def workbook(sheets: dict[str, list[list]], *, hidden=(), merge: str = "",
             formula: str = "") -> bytes:  # fmt: skip
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title in hidden:
            ws.sheet_state = "hidden"
        if merge:
            ws.merge_cells(merge)
        if formula:
            ws[formula] = "=1+1"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "TRUE"),
        (12.0, "12"),
        (12.5, "12.5"),
        (1001, "1001"),
        (dt.datetime(2026, 9, 1), "2026-09-01"),
        (dt.datetime(2026, 9, 1, 8, 30), "2026-09-01 08:30"),
        (dt.datetime(2026, 9, 1, 8, 30, 5), "2026-09-01 08:30:05"),
        (dt.date(2026, 9, 1), "2026-09-01"),
        (dt.time(8, 30), "08:30:00"),
        ("Ana", "Ana"),
    ],
)
def test_cells_as_text(value, text):
    assert cell_text(value) == text


def test_the_first_visible_sheet_is_read_unless_one_is_named():
    data = workbook({"Notes": [["x"]], "List": [["Name"], ["Ana"]], "B": [["Name"], ["Bo"]]},
                    hidden={"Notes"})  # fmt: skip
    table = read_xlsx(data, "f.xlsx", None)
    assert table.sheet == "List"
    assert table.rows == [(1, ["Name"]), (2, ["Ana"])]
    assert read_xlsx(data, "f.xlsx", "b").sheet == "B"  # any case


def test_an_unknown_sheet_is_refused_listing_the_sheets():
    data = workbook({"A": [["Name"]], "B": [["Name"]]})
    with pytest.raises(RosterError) as caught:
        read_xlsx(data, "f.xlsx", "C")
    assert "'A', 'B'" in str(caught.value)


def test_a_damaged_workbook_is_refused():
    with pytest.raises(RosterError, match="not a readable Excel workbook"):
        read_xlsx(b"PK\x03\x04" + b"\x00" * 100, "f.xlsx", None)


def test_merged_rows_and_formulas_without_a_result_are_noted_on_their_rows():
    data = workbook({"S": [["Name", "Org"], ["Ana", "ONG"], ["Bo", None], ["Cy", None]]},
                    merge="B2:B4", formula="C2")  # fmt: skip
    notes = xlsx_surprises(data, "S")
    assert [(row, reason, args) for row, _col, _text, reason, args in notes] == [
        (3, "merged_cells", ("B2:B4",)),
        (4, "merged_cells", ("B2:B4",)),
        (2, "formula_without_result", ("C2",)),
    ]
    assert read_xlsx(data, "f.xlsx", None).row_warnings == notes


def test_no_notes_for_a_sheet_the_workbook_does_not_have():
    assert xlsx_surprises(workbook({"S": [["Name"]]}), "Other") == []
    assert xlsx_surprises(b"not a zip", "S") == []

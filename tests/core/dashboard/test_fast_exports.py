"""The fast exports: the streamed XLSX reads back cell for cell in openpyxl (markup,
spaces, characters XML cannot carry), and the sign-in sheet drawn on a canvas reports
progress page by page and leaves nothing behind when cancelled."""

from __future__ import annotations

import openpyxl
import pypdf
import pytest

from checkin.core.dashboard.files import ExportCancelled
from checkin.core.dashboard.sign_in import write_sign_in_sheet
from checkin.core.dashboard.xlsx_writer import write_text_workbook
from tests.conftest import insert_delegates


def test_streamed_workbook_reads_back_as_written(tmp_path):
    rows = [
        ["name", "note"],
        ["<b>Zoë</b> & co", "  two spaces around  "],
        ["bell\x07here", ""],
        ["'=1+1", "Łukasz"],
    ]
    out = tmp_path / "t.xlsx"
    write_text_workbook(out, "Attendance: day [1]", rows, widths=[20, 30])
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "Attendance  day  1"  # Excel forbids : [ ] in sheet names
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width == 30
    got = [[c.value for c in row] for row in ws.iter_rows()]
    assert got == [
        ["name", "note"],
        ["<b>Zoë</b> & co", "  two spaces around  "],
        ["bellhere", None],  # the control character dropped; an empty cell
        ["'=1+1", "Łukasz"],
    ]


def test_sign_in_sheet_reports_progress_per_page_and_cancels_cleanly(store, event, tmp_path):
    insert_delegates(store, event, [{"last_name": f"Name {i:03d}"} for i in range(120)])
    seen: list[tuple[int, int]] = []
    out = write_sign_in_sheet(store, event, tmp_path / "sheet.pdf",
                              progress=lambda done, total: seen.append((done, total)))
    pages = pypdf.PdfReader(out).pages
    assert len(pages) == len(seen) >= 3  # one report per page
    assert seen[-1] == (120, 120) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    text = pages[0].extract_text()
    assert "Name 000" in text and "Ref" in text and "Organisation" in text
    folder = tmp_path / "cancelled"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        write_sign_in_sheet(store, event, folder / "no.pdf", cancelled=lambda: True)
    assert list(folder.iterdir()) == []

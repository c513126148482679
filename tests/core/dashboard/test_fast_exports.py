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


def test_sign_in_sheet_draws_every_script_it_prints(store, event, tmp_path):
    """Names in Latin with accents (the hex-string fast path), Greek, Cyrillic, Arabic
    (shaped), a decomposed accent (made NFC), a long organisation (wrapped) and a page
    number: what pdfium reads back, and ink where the names are."""
    import pypdfium2 as pdfium

    people = [
        {"first_name": "Łukasz", "last_name": "Wróblewski", "organisation": "Caritas Polska"},
        {"first_name": "Ἀλέξανδρος", "last_name": "Παπαδόπουλος", "organisation": "ΕΕΣ"},
        {"first_name": "Олександра", "last_name": "Левчук", "organisation": "Червоний Хрест"},
        {"first_name": "أميرة", "last_name": "الحسيني", "organisation": "IOM"},
        {"first_name": "Jose\u0301", "last_name": "Zapata", "organisation": "Cruz Roja " * 8},
    ]
    insert_delegates(store, event, people)
    out = write_sign_in_sheet(store, event, tmp_path / "sheet.pdf")
    pdf = pdfium.PdfDocument(str(out))
    page = pdf[0]
    text = page.get_textpage().get_text_range()
    for word in ("Wróblewski, Łukasz", "Παπαδόπουλος, Ἀλέξανδρος", "Левчук, Олександра",
                 "Zapata, José", "Caritas Polska", "Sign-in sheet"):
        assert word in text, word
    assert "\ufe8d" in text or "ﺍ" in text or "ال" in text  # the Arabic name, shaped
    lines = [line for line in text.splitlines() if "Cruz" in line or "Roja" in line]
    assert len(lines) > 1  # wrapped over several lines
    assert " ".join(text.split()).count("Cruz Roja") == 8  # and whole
    assert text.rstrip().endswith("1") or "\n1" in text  # the page number
    image = page.render(scale=1).to_pil().convert("L")
    width, height = image.size
    names = image.crop((int(width * 0.22), int(height * 0.12), int(width * 0.5),
                        int(height * 0.5)))
    assert names.getextrema()[0] < 100  # dark glyphs where the names are
    pdf.close()

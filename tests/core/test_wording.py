"""Reports, sign-in sheets, the workbook and the mail-merge list in the event's language;
the catalogue itself (complete for what the core prints, French typography)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pypdf
import pytest

from checkin.core import wording
from checkin.core.badges import mailmerge, printing
from checkin.core.dashboard import attendance, donors, sign_in
from checkin.core.desk.service import CheckinService
from checkin.core.types import DelegateStatus, ScanSource
from checkin.core.wording import FRENCH, NBSP, NNBSP, words
from tests.conftest import insert_delegates

CORE = Path(sign_in.__file__).parents[1]
# tr("...") or words(language)("..."): a literal handed to the translator.
TRANSLATED = re.compile(r"""(?:\btr|\bwords\([\w.]+\))\((["'])(.+?)\1\)""")


def at(hh: int, mm: int) -> dt.datetime:
    """A time on the test event's day (Europe/Zurich, UTC+1 in November), as UTC."""
    return dt.datetime(2026, 11, 28, hh - 1, mm, tzinfo=dt.UTC)


@pytest.fixture
def arrivals(store, event):
    """Four delegates (one cancelled, one outside A–Z), two arrived, one at a session."""
    ids = insert_delegates(store, event, [
        {"first_name": "Sébastien", "last_name": "Aubert", "reference": "REF-A"},
        {"first_name": "Łukasz", "last_name": "Łoziński", "organisation": "Caritas Polska",
         "country": "PL", "reference": "REF-L"},
        {"first_name": "أميرة", "last_name": "الحسيني", "country": "JO", "reference": "REF-AR"},
        {"first_name": "Zoë", "last_name": "Lefèvre", "status": "cancelled",
         "reference": "REF-C"},
    ])  # fmt: skip
    desk = CheckinService(store, event, station="Desk 2")
    desk.check_in(ids[1], source=ScanSource.SCANNER, now=at(9, 5))
    desk.check_in(ids[1], session="financing", now=at(10, 7))
    desk.check_in(ids[2], source=ScanSource.WALK_IN, now=at(9, 40))
    return ids


@pytest.fixture
def french(event):
    return dataclasses.replace(event, language="fr")


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


def _spaces(text: str) -> str:
    """Extracted text with no-break spaces as plain ones (extractors differ)."""
    return text.replace(NBSP, " ").replace(NNBSP, " ")


# ------------------------------------------------------------------ the PDFs


ENGLISH_REPORT = ("Totals", "Registered", "Did not come", "Attendance per session",
                  "Arrivals per quarter hour", "Countries", "Attendance report generated")


def test_french_donors_report_is_in_french(store, french, arrivals, tmp_path):
    made = dt.datetime(2026, 11, 28, 16, 5, tzinfo=dt.UTC)  # the day's end, not today
    text = _spaces(_text(donors.write_report_pdf(store, french, tmp_path / "r.pdf", now=made)))
    for expected in ("Totaux", "Inscrits", "Arrivés", "Ne sont pas venus",
                     "Inscriptions annulées", "Séances", "Présence par séance",
                     "Arrivées par quart d’heure", "Pays", "Pologne",
                     "samedi, 28 novembre 2026",
                     "Rapport de présence établi le 28 novembre 2026 à 17:05"):
        assert expected in text, expected
    assert "Arrivés\n" in text or "Arrivés " in text
    assert "2 (67%)" in text  # two of three registered arrived, CLDR fr_CH percent
    for english in ENGLISH_REPORT:
        assert english not in text, english


def test_english_donors_report_stays_english(store, event, arrivals, tmp_path):
    text = _text(donors.write_report_pdf(store, event, tmp_path / "r.pdf"))
    for expected in (*ENGLISH_REPORT, "Saturday, 28 November 2026", "Poland"):
        assert expected in text, expected
    assert "Totaux" not in text and "novembre" not in text


def test_french_sign_in_sheet_is_in_french(store, french, arrivals, tmp_path):
    split = sign_in.parse_split("A-K,L-Z")
    out = sign_in.write_sign_in_sheet(store, french, tmp_path / "s.pdf", split=split)
    first, second = (_spaces(p.extract_text()) for p in pypdf.PdfReader(out).pages)
    assert "Feuille d’émargement — Test consultation — guichet A–K" in first
    assert "guichet L–Z et autres noms" in second  # the Arabic name is with the others
    for page in (first, second):
        assert "samedi, 28 novembre 2026. Cochez la case et notez l’heure." in page
        assert "Saisissez ensuite les coches avec : checkin paper-arrivals REF" in page
        assert "Réf." in page and "Nom" in page and "Heure" in page
        assert "feuille d’émargement (secours)" in page
    both = first + second
    for english in ("Sign-in sheet", "desk", "and other names", "Tick the box", "Time"):
        assert english not in both, english


def test_an_empty_desk_says_nobody_in_french(store, french, arrivals, tmp_path):
    split = sign_in.parse_split("A-C,D-E,F-Z")  # nobody's name starts with D or E
    out = sign_in.write_sign_in_sheet(store, french, tmp_path / "s.pdf", split=split)
    pages = [p.extract_text() for p in pypdf.PdfReader(out).pages]
    assert "(aucune personne)" in pages[1]


def test_english_sign_in_sheet_stays_english(store, event, arrivals, tmp_path):
    text = _text(sign_in.write_sign_in_sheet(store, event, tmp_path / "s.pdf"))
    assert "Sign-in sheet — Test consultation" in text
    assert "Saturday, 28 November 2026. Tick the box and write the time." in text
    assert "Feuille" not in text and "Cochez" not in text


# ------------------------------------------------------------------ tables


def test_french_workbook_has_french_headings_and_words(store, french, arrivals, tmp_path):
    out = attendance.write_xlsx(attendance.attendance_table(store, french), tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Présences"]
    ws = wb["Présences"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Référence", "Prénom", "Nom"]
    assert header[7:11] == ["Statut", "Arrivée", "Arrivée par", "Poste d’arrivée"]
    assert header[-2:] == ["session:opening", "session:financing"]  # machine keys kept
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=2)}
    assert rows["REF-L"][7] == "inscrit" and rows["REF-L"][9] == "lecteur"
    assert rows["REF-AR"][9] == "sur place"
    assert rows["REF-C"][7] == "annulé" and rows["REF-C"][9] in (None, "")


def test_csv_keeps_its_machine_shape_in_french(store, french, arrivals, tmp_path):
    """Scripts read the CSV: its headings and values do not change with the language."""
    out = attendance.write_csv(attendance.attendance_table(store, french), tmp_path / "a.csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = {r["reference"]: r for r in csv.DictReader(f)}
    assert rows["REF-L"]["status"] == "registered" and rows["REF-L"]["arrived_via"] == "scanner"
    assert rows["REF-C"]["status"] == "cancelled"


def test_english_workbook_keeps_the_machine_headings(store, event, arrivals, tmp_path):
    out = attendance.write_xlsx(attendance.attendance_table(store, event), tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(out)["Attendance"]
    assert [c.value for c in ws[1]][:3] == ["reference", "first_name", "last_name"]
    assert any(r[7].value == "registered" for r in ws.iter_rows(min_row=2))


@pytest.mark.parametrize("language,expected", [
    ("en", ["first_name", "last_name", "email", "pdf", "png"]),
    ("fr", ["Prénom", "Nom", "E-mail", "pdf", "png"]),
])  # fmt: skip
def test_mailmerge_headings_follow_the_language(store, event, arrivals, tmp_path, language,
                                                expected):
    info = dataclasses.replace(event, language=language)
    result = mailmerge.write_mailmerge(store, info, tmp_path / "mail")
    with result.csv_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == expected and len(rows) == 4  # three registered + heading


# ------------------------------------------------------------------ the catalogue


def _words_used() -> set[str]:
    """Every English text the core hands to a translator, found in the source, plus the
    lists translated by variable (sheet columns, headings, statuses, arrival sources)."""
    used: set[str] = set()
    modules = [*(CORE / "dashboard").glob("*.py"), CORE / "badges" / "mailmerge.py",
               CORE / "wording.py"]
    for module in modules:
        source = module.read_text(encoding="utf-8")
        used |= {hit.group(2) for hit in TRANSLATED.finditer(source)}
    used |= {label for label, _w in sign_in._SHEET_COLUMNS if label != "✓"}
    used |= set(mailmerge.MAILMERGE_HEADINGS)
    table = attendance.AttendanceTable(event=None, session_keys=(), session_titles=(), rows=())
    used |= set(table.header)
    used |= {s.value for s in DelegateStatus} | {s.value for s in ScanSource}
    return used


def test_every_word_the_core_prints_has_a_french_entry():
    used = _words_used()
    assert len(used) > 40  # the scan found the calls
    assert {"Totals", "Sign-in sheet", " and other names", "first_name"} <= used
    assert sorted(used - FRENCH.keys()) == []


def test_french_entries_keep_placeholders_and_geneva_typography():
    for english, french in FRENCH.items():
        assert re.findall(r"\{\w+\}", english) == re.findall(r"\{\w+\}", french), english
        assert "'" not in french and '"' not in french, french  # ’ and « »
        for i, char in enumerate(french):
            if char == ":" and i:
                assert french[i - 1] == NBSP, french
            if char in ";?!" and i:
                assert french[i - 1] == NNBSP, french


def test_words_fall_back_to_english_and_numbers_follow_the_locale():
    assert words("en")("Totals") == "Totals"
    assert words("fr")("Totals") == "Totaux"
    assert words("fr")("Not in the catalogue") == "Not in the catalogue"
    assert words("de")("Totals") == "Totals"
    assert wording.LOCALES == printing.LOCALES  # badges and reports agree
    assert wording.number(12345, "fr") == "12’345" or wording.number(12345, "fr") == "12'345"
    assert wording.number(12345, "en") == "12,345"
    assert wording.percent(1, 3, "fr") == "33%" and wording.percent(1, 0, "en") == "—"
    when = dt.datetime(2026, 11, 28, 9, 5, tzinfo=dt.UTC)
    assert wording.datetime_text(when, "fr") == "28 novembre 2026 à 09:05"
    assert wording.datetime_text(when, "en") == "28 November 2026 at 09:05"

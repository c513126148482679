"""Roster import: reading CSV/XLSX, validation, matching, atomic upsert."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
import uuid
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.roster.apply import import_roster, plan_import
from checkin.core.roster.columns import FIELDS, split_full_name
from checkin.core.roster.delegates import search_text
from checkin.core.roster.field_rules import valid_email
from checkin.core.roster.read import read_roster
from checkin.core.roster.report import ImportCancelled, Problem, RosterError
from checkin.core.text import clean, fold
from checkin.core.types import Outcome, ScanSource

FRENCH_HEADER = ["Nom", "Prénom", "Organisation", "Pays", "Courriel", "Catégorie"]
ENGLISH_HEADER = ["Reference", "First name", "Last name", "Organisation", "Country", "Email"]


def csv_bytes(rows, *, delimiter=",", encoding="utf-8") -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode(encoding)


def write_csv(path: Path, rows, *, delimiter=",", encoding="utf-8") -> Path:
    path.write_bytes(csv_bytes(rows, delimiter=delimiter, encoding=encoding))
    return path


def people(n: int, *, start: int = 1) -> list[list[str]]:
    return [
        [f"R{i:03d}", f"First{i}", f"Last{i}", f"Org {i % 3}", "CH", f"p{i}@example.org"]
        for i in range(start, start + n)
    ]


def roster(tmp_path: Path, rows, name: str = "roster.csv", **kw) -> Path:
    return write_csv(tmp_path / name, [ENGLISH_HEADER, *rows], **kw)


def count(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(m.Delegate))


def delegates(store) -> list[dict]:
    with store.read() as s:
        rows = s.execute(select(m.Delegate.__table__).order_by(m.Delegate.number))
        return [dict(r._mapping) for r in rows]


def by_ref(store) -> dict[str, dict]:
    return {d["reference"]: d for d in delegates(store)}


# ---------------------------------------------------------------------------- encodings


def test_french_excel_cp1252_semicolons(tmp_path, store, event):
    data = csv_bytes(
        [
            FRENCH_HEADER,
            ["Müller", "Jürg", "Croix-Rouge Genève", "Suisse", "Jurg.Muller@Example.CH", ""],
            ["Koné", "Aïcha", "ONG Côte d'Ivoire", "Côte d'Ivoire", "aicha@ong.ci", "Speaker"],
            ["Œstergaard", "Zoë", "L’Œuvre d’Orient", "France", "zoe@oeuvre.fr", "press"],
        ],
        delimiter=";",
        encoding="cp1252",
    )
    assert b"\x9c" not in data and b"\x8c" in data  # "Œ" only exists in cp1252, not latin-1
    path = tmp_path / "délégués.csv"
    path.write_bytes(data)

    parsed = read_roster(path, categories=event.categories)
    assert (parsed.encoding, parsed.delimiter) == ("cp1252", ";")
    assert parsed.mapping == {
        "first_name": "Prénom",
        "last_name": "Nom",
        "organisation": "Organisation",
        "country": "Pays",
        "email": "Courriel",
        "category": "Catégorie",
    }
    assert parsed.errors == ()

    report = import_roster(store, event, path)
    assert report.applied and len(report.new) == 3
    rows = delegates(store)
    assert [(d["first_name"], d["last_name"]) for d in rows] == [
        ("Jürg", "Müller"),
        ("Aïcha", "Koné"),
        ("Zoë", "Œstergaard"),
    ]
    first = rows[0]
    assert first["organisation"] == "Croix-Rouge Genève"
    assert first["country"] == "CH"
    assert first["email"] == "jurg.muller@example.ch"
    assert first["category"] == "participant"  # empty -> the event's first category
    assert rows[1]["country"] == "CI" and rows[1]["category"] == "speaker"
    assert rows[2]["organisation"] == "L’Œuvre d’Orient" and rows[2]["country"] == "FR"
    assert [d["number"] for d in rows] == [1, 2, 3]
    assert {d["status"] for d in rows} == {"registered"}
    assert {d["badge_version"] for d in rows} == {1}
    # No reference column: the app assigns one from the number, searchable too.
    assert [d["reference"] for d in rows] == ["D-0001", "D-0002", "D-0003"]
    assert first["search_text"] == "jurg muller croix-rouge geneve jurg.muller@example.ch d-0001"
    assert first["created_at"] == first["updated_at"]
    assert abs(first["created_at"] - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < dt.timedelta(
        minutes=1
    )


@pytest.mark.parametrize(
    ("encoding", "delimiter", "expected"),
    [
        ("utf-8", ",", "utf-8"),
        ("utf-8-sig", ",", "utf-8-sig"),
        ("utf-8-sig", ";", "utf-8-sig"),
        ("utf-16", ",", "utf-16"),
        ("utf-16", "\t", "utf-16"),
        ("utf-8", "\t", "utf-8"),
        ("cp1252", "\t", "cp1252"),
    ],
)
def test_encodings_and_delimiters(tmp_path, encoding, delimiter, expected):
    path = roster(
        tmp_path,
        [
            ["R1", "Łukasz", "Wałęsa", "Fundacja, Polska", "PL", "l@example.pl"]
            if encoding != "cp1252"
            else ["R1", "Zoë", "Müller", "Genève; Suisse", "CH", "z@example.ch"],
            ["R2", "Jean-Pierre", "Dupont", "ONG", "FR", "jp@example.fr"],
        ],
        encoding=encoding,
        delimiter=delimiter,
    )
    parsed = read_roster(path)
    assert parsed.encoding == expected
    assert parsed.delimiter == delimiter
    assert parsed.errors == ()
    # The BOM does not leak into the first header: "Reference" is still recognised.
    assert parsed.mapping["reference"] == "Reference"
    assert [r.reference for r in parsed.rows] == ["R1", "R2"]
    assert parsed.rows[1].first_name == "Jean-Pierre"
    if encoding == "cp1252":
        assert parsed.rows[0].organisation == "Genève; Suisse"
    else:
        assert (parsed.rows[0].first_name, parsed.rows[0].last_name) == ("Łukasz", "Wałęsa")


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1(tmp_path):
    # 0x8D is undefined in cp1252: the file is read as Latin-1, the stray byte dropped.
    path = tmp_path / "old.csv"
    path.write_bytes("Nom;Prénom;Organisation\nDurand;Hélène;Café\x8d du Nord\n".encode("latin-1"))
    parsed = read_roster(path)
    assert parsed.encoding == "latin-1"
    assert parsed.rows[0].first_name == "Hélène"
    assert parsed.rows[0].organisation == "Café du Nord"


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "nobom.csv"
    path.write_bytes("Nom,Prénom\nDurand,Hélène\nNguyễn,Thị\n".encode("utf-16-le"))
    parsed = read_roster(path)
    assert [(r.first_name, r.last_name) for r in parsed.rows] == [
        ("Hélène", "Durand"),
        ("Thị", "Nguyễn"),
    ]


def test_excel_sep_hint_line(tmp_path):
    path = tmp_path / "sep.csv"
    path.write_text("sep=;\nNom;Prénom;Pays\nDupont;Jean;France\n", encoding="utf-8")
    parsed = read_roster(path)
    assert parsed.delimiter == ";"
    assert parsed.rows[0].row == 2 and parsed.rows[0].country == "FR"


def test_names_with_commas_in_a_semicolon_file(tmp_path):
    # Many commas below a semicolon header: the header decides.
    rows = [["Nom", "Prénom", "Organisation"]] + [
        [f"Nom{i}", "Jean", "Médecins, Sans, Frontières, Suisse, Genève"] for i in range(30)
    ]
    parsed = read_roster(write_csv(tmp_path / "x.csv", rows, delimiter=";"))
    assert parsed.delimiter == ";"
    assert parsed.rows[0].organisation == "Médecins, Sans, Frontières, Suisse, Genève"


# ---------------------------------------------------------------------------- XLSX


def make_workbook(path: Path, sheets: dict[str, list[list]], hidden=()) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title in hidden:
            ws.sheet_state = "hidden"
    book.save(path)
    return path


def test_xlsx_first_visible_sheet_numbers_and_dates(tmp_path, store, event):
    path = make_workbook(
        tmp_path / "delegates.xlsx",
        {
            "Notes": [["Prénom", "Nom"], ["Not", "Adelegate"]],
            "Inscriptions": [
                ["Liste des participants"],  # a title line above the header
                [],
                ["N°", "Prénom", "Nom", "Organisation", "Pays", "Courriel", "Inscrit le"],
                [
                    1001.0,
                    "Amina",
                    "Diallo",
                    "ONG Sahel",
                    "SEN",
                    "amina@sahel.org",
                    dt.date(2026, 9, 1),
                ],
                [1002, "Omar", "Haddad", "Al-Amal", "Liban", "omar@amal.lb", None],
                [12.5, "Ana", "Ruiz", "Cruz Roja", "Atlantis", "ana@cruzroja.es", None],
            ],
        },
        hidden={"Notes"},
    )
    parsed = read_roster(path, categories=event.categories)
    assert parsed.sheet == "Inscriptions"
    assert parsed.encoding is None and parsed.delimiter is None
    assert [r.reference for r in parsed.rows] == ["1001", "1002"]
    assert parsed.rows[0].row == 4  # the row number Excel shows
    assert parsed.rows[0].country == "SN" and parsed.rows[1].country == "LB"
    assert [str(p) for p in parsed.errors] == [
        "delegates.xlsx, row 6, column 'Pays': unknown country 'Atlantis'"
    ]
    assert parsed.rejected[0].reference == "12.5"
    assert any("'Inscrit le'" in p.message for p in parsed.warnings)

    report = import_roster(store, event, path, skip_invalid=True)
    assert report.applied and len(report.new) == 2 and report.skipped_rows == 1
    assert sorted(by_ref(store)) == ["1001", "1002"]


def test_xlsx_sheet_choice(tmp_path):
    path = make_workbook(
        tmp_path / "book.xlsx",
        {
            "Day 1": [["First name", "Last name"], ["Ana", "Ruiz"]],
            "Day 2": [["First name", "Last name"], ["Omar", "Haddad"], ["Li", "Wei"]],
        },
    )
    assert [r.first_name for r in read_roster(path).rows] == ["Ana"]
    assert [r.first_name for r in read_roster(path, sheet="Day 2").rows] == ["Omar", "Li"]
    assert read_roster(path, sheet="day 2").sheet == "Day 2"
    with pytest.raises(RosterError) as exc:
        read_roster(path, sheet="Day 3")
    assert "Day 3" in str(exc.value) and "'Day 1', 'Day 2'" in str(exc.value)
    assert "book.xlsx" in str(exc.value)


def test_content_wins_over_extension(tmp_path):
    csv_as_xlsx = roster(tmp_path, people(2), name="really-a-csv.xlsx")
    parsed = read_roster(csv_as_xlsx)
    assert parsed.encoding == "utf-8" and len(parsed.rows) == 2

    xlsx_as_csv = make_workbook(
        tmp_path / "really-a-workbook.csv", {"S": [["Name"], ["Jean DUPONT"]]}
    )
    parsed = read_roster(xlsx_as_csv)
    assert parsed.sheet == "S"
    assert (parsed.rows[0].first_name, parsed.rows[0].last_name) == ("Jean", "DUPONT")


# ---------------------------------------------------------------------------- header


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (  # Eventbrite attendee report
            ["Order #", "Order Date", "First Name", "Last Name", "Email", "Ticket Type",
             "Attendee #", "Company"],
            {"reference": "Attendee #", "first_name": "First Name", "last_name": "Last Name",
             "email": "Email", "category": "Ticket Type", "organisation": "Company"},
        ),
        (  # pretix order positions
            ["Order code", "Attendee name", "Attendee name: Given name",
             "Attendee name: Family name", "E-mail", "Company", "Country", "Product"],
            {"reference": "Order code", "first_name": "Attendee name: Given name",
             "last_name": "Attendee name: Family name", "email": "E-mail",
             "organisation": "Company", "country": "Country", "category": "Product"},
        ),
        (  # Indico registrations
            ["ID", "First Name", "Last Name", "Email Address", "Affiliation", "Country"],
            {"reference": "ID", "first_name": "First Name", "last_name": "Last Name",
             "email": "Email Address", "organisation": "Affiliation", "country": "Country"},
        ),
        (  # French, in capitals and without accents
            ["REFERENCE", "NOM DE FAMILLE", "PRENOM", "ORGANISME", "PAYS DE RESIDENCE",
             "ADRESSE ELECTRONIQUE", "TYPE"],
            {"reference": "REFERENCE", "last_name": "NOM DE FAMILLE", "first_name": "PRENOM",
             "organisation": "ORGANISME", "country": "PAYS DE RESIDENCE",
             "email": "ADRESSE ELECTRONIQUE", "category": "TYPE"},
        ),
        (
            ["Référence", "Nom", "Prénom", "ONG", "Pays", "E-mail", "Catégorie"],
            {"reference": "Référence", "last_name": "Nom", "first_name": "Prénom",
             "organisation": "ONG", "country": "Pays", "email": "E-mail",
             "category": "Catégorie"},
        ),
        (["N°", "Nom complet", "Structure"],
         {"reference": "N°", "full_name": "Nom complet", "organisation": "Structure"}),
        (["Name", "Institution", "Courriel"],
         {"full_name": "Name", "organisation": "Institution", "email": "Courriel"}),
    ],
)  # fmt: skip
def test_header_recognition(tmp_path, header, expected):
    path = write_csv(tmp_path / "h.csv", [header, ["x"] * len(header)])
    parsed = read_roster(path)
    assert parsed.mapping == expected
    assert parsed.header == tuple(header)


def test_header_without_name_column_is_refused(tmp_path):
    path = write_csv(tmp_path / "noname.csv", [["Pays", "Téléphone"], ["CH", "123"]])
    with pytest.raises(RosterError) as exc:
        read_roster(path)
    message = str(exc.value)
    assert "noname.csv" in message
    assert "'Pays', 'Téléphone'" in message  # what was found
    assert "'First name'" in message and "'Nom'" in message  # what was expected


def test_mapping_override(tmp_path, store, event):
    path = write_csv(
        tmp_path / "custom.csv",
        [
            ["Given", "Family", "Employer", "Land", "Comment"],
            ["Ana", "Ruiz", "Cruz Roja", "Espagne", "Name in the comment column"],
        ],
    )
    with pytest.raises(RosterError, match="no name column"):
        read_roster(path)
    mapping = {
        "first_name": "Given",
        "last_name": "family",  # case-insensitive
        "organisation": "Employer",
        "country": "Land",
    }
    parsed = read_roster(path, mapping=mapping)
    assert parsed.mapping == {
        "first_name": "Given",
        "last_name": "Family",
        "organisation": "Employer",
        "country": "Land",
    }
    row = parsed.rows[0]
    assert (row.first_name, row.last_name, row.organisation, row.country) == (
        "Ana",
        "Ruiz",
        "Cruz Roja",
        "ES",
    )
    report = import_roster(store, event, path, mapping=mapping)
    assert report.applied and delegates(store)[0]["organisation"] == "Cruz Roja"


def test_mapping_override_takes_a_column_from_auto_detection(tmp_path):
    path = write_csv(tmp_path / "x.csv", [["Name", "Type"], ["Ana Ruiz", "VIP guest"]])
    parsed = read_roster(path, mapping={"organisation": "Type"})
    assert parsed.mapping == {"full_name": "Name", "organisation": "Type"}
    assert parsed.rows[0].organisation == "VIP guest"
    parsed = read_roster(path, mapping={"category": ""})  # "" ignores a column
    assert "category" not in parsed.mapping


def test_mapping_errors_list_the_choices(tmp_path):
    path = roster(tmp_path, people(1))
    with pytest.raises(RosterError) as exc:
        read_roster(path, mapping={"surname": "Last name"})
    assert "'surname'" in str(exc.value)
    assert ", ".join(FIELDS) in str(exc.value)
    with pytest.raises(RosterError) as exc:
        read_roster(path, mapping={"last_name": "Nachname"})
    assert "'Nachname'" in str(exc.value)
    assert "'Reference', 'First name', 'Last name'" in str(exc.value)


# ---------------------------------------------------------------------------- full names


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("DUPONT, Jean", "Jean", "DUPONT"),
        ("de la Cruz, Maria", "Maria", "de la Cruz"),
        ("Jean-Pierre DUPONT", "Jean-Pierre", "DUPONT"),
        ("DUPONT Jean-Pierre", "Jean-Pierre", "DUPONT"),
        ("Marie Claire DE LA FONTAINE", "Marie Claire", "DE LA FONTAINE"),
        ("Maria de la Cruz", "Maria", "de la Cruz"),
        ("Ana Maria de la Cruz", "Ana Maria", "de la Cruz"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Mohammed bin Salman", "Mohammed", "bin Salman"),
        ("Ali Ben Salah", "Ali", "Ben Salah"),
        ("Ben Smith", "Ben", "Smith"),
        ("John F. Kennedy", "John F.", "Kennedy"),
        ("Amina Diallo Sow", "Amina", "Diallo Sow"),
        ("  Amina   Diallo ", "Amina", "Diallo"),
        ("Madonna", "Madonna", ""),
        ("", "", ""),
    ],
)
def test_split_full_name(value, first, last):
    assert split_full_name(value) == (first, last)


def test_split_full_name_last_first_header():
    assert split_full_name("Dupont Jean", last_first=True) == ("Jean", "Dupont")
    assert split_full_name("de la Cruz Maria", last_first=True) == ("Maria", "de la Cruz")


def test_full_name_column_is_split(tmp_path, store, event):
    path = write_csv(
        tmp_path / "names.csv",
        [
            ["Full name", "Organisation"],
            ["DUPONT, Jean", "ONG A"],
            ["Jean-Pierre DUPONT", "ONG B"],
            ["Maria de la Cruz", "ONG C"],
        ],
    )
    import_roster(store, event, path)
    assert [(d["first_name"], d["last_name"]) for d in delegates(store)] == [
        ("Jean", "DUPONT"),
        ("Jean-Pierre", "DUPONT"),
        ("Maria", "de la Cruz"),
    ]
    again = import_roster(store, event, path)
    assert (len(again.new), len(again.updated), again.unchanged_count) == (0, 0, 3)


def test_nom_prenom_column_reads_family_name_first(tmp_path):
    path = write_csv(tmp_path / "x.csv", [["Nom et prénom"], ["Dupont Jean"]])
    row = read_roster(path).rows[0]
    assert (row.first_name, row.last_name) == ("Jean", "Dupont")


def test_first_and_last_columns_win_over_full_name(tmp_path):
    path = write_csv(
        tmp_path / "x.csv",
        [["Attendee name", "Attendee name: Given name", "Attendee name: Family name"],
         ["Dr Ana Ruiz", "Ana", "Ruiz"]],
    )  # fmt: skip
    parsed = read_roster(path)
    assert "full_name" not in parsed.mapping
    assert (parsed.rows[0].first_name, parsed.rows[0].last_name) == ("Ana", "Ruiz")


# ---------------------------------------------------------------------------- validation


def test_file_with_errors_is_refused_and_nothing_is_written(tmp_path, store, event):
    import_roster(store, event, write_csv(tmp_path / "first.csv", [FRENCH_HEADER, ["A", "B"]]))
    before = delegates(store)
    long_org = "x" * 301
    path = write_csv(
        tmp_path / "delegates.csv",
        [
            FRENCH_HEADER,
            ["Dupont", "Jean", "ONG", "Suisse", "jean@example.ch", "participant"],  # row 2
            ["Ruiz", "Ana", "ONG", "Atlantis", "ana@example.es", ""],  # row 3
            ["Haddad", "Omar", "ONG", "LB", "omar@@example", ""],  # row 4
            ["", "", "ONG", "CH", "nobody@example.ch", ""],  # row 5
            [],  # row 6: blank, skipped silently
            ["Diallo", "Amina", "ONG", "SN", "amina@example.sn", "VIP"],  # row 7
            ["Sow", "Awa", long_org, "SN", "awa@example.sn", ""],  # row 8
            ["Ba", "Ali", "ONG", "SN", "JEAN@example.ch", ""],  # row 9
        ],
        delimiter=";",
    )
    report = import_roster(store, event, path)
    assert not report.applied and not report.dry_run
    assert delegates(store) == before
    assert report.skipped_rows == 6
    messages = [str(p) for p in report.errors]
    assert messages == [
        "delegates.csv, row 3, column 'Pays': unknown country 'Atlantis'",
        "delegates.csv, row 4, column 'Courriel': invalid e-mail address 'omar@@example'",
        "delegates.csv, row 5, column 'Nom': no first name and no last name",
        "delegates.csv, row 7, column 'Catégorie': unknown category 'VIP' "
        "(known: participant, speaker, press)",
        "delegates.csv, row 8, column 'Organisation': organisation too long "
        "(301 characters; at most 300)",
        "delegates.csv, row 9, column 'Courriel': same email as row 2",
    ]
    assert all(p.severity == "error" for p in report.errors)
    # The report still shows what the valid row would do.
    assert [c.row for c in report.new] == [2]


def test_skip_invalid_imports_the_rest(tmp_path, store, event):
    path = roster(
        tmp_path,
        [
            ["R1", "Ana", "Ruiz", "ONG", "ES", "ana@example.es"],
            ["R2", "Omar", "Haddad", "ONG", "Narnia", "omar@example.lb"],
            ["R3", "Li", "Wei", "ONG", "CN", "li@example.cn"],
        ],
    )
    report = import_roster(store, event, path, skip_invalid=True)
    assert report.applied and report.skipped_rows == 1
    assert [c.row for c in report.new] == [2, 4]
    assert [c.number for c in report.new] == [1, 2]
    assert [(p.row, p.column) for p in report.errors] == [(3, "Country")]
    assert sorted(by_ref(store)) == ["R1", "R3"]


def test_duplicates_inside_the_file_are_errors_naming_both_rows(tmp_path):
    path = roster(
        tmp_path,
        [
            ["R1", "José", "Müller", "ONG A", "CH", "jose@example.ch"],  # row 2
            ["R2", "Ana", "Ruiz", "ONG B", "ES", "ana@example.es"],  # row 3
            ["R1", "Li", "Wei", "ONG C", "CN", "li@example.cn"],  # row 4
            ["R4", "Omar", "Haddad", "ONG D", "LB", "ANA@example.es"],  # row 5
            ["R5", "jose", "MULLER", "ong a", "CH", "other@example.ch"],  # row 6
        ],
    )
    parsed = read_roster(path)
    assert [(p.row, p.column, p.message) for p in parsed.errors] == [
        (4, "Reference", "same reference as row 2"),
        (5, "Email", "same email as row 3"),
        (6, "Last name", "same name and organisation as row 2"),
    ]
    assert [r.row for r in parsed.rows] == [2, 3]


def test_cells_are_trimmed_and_cleaned(tmp_path):
    path = roster(
        tmp_path, [["  R1 ", "  Ana\u00a0 Maria ", "Ruiz\t", " ONG ", " ch ", " A@B.org "]]
    )
    row = read_roster(path).rows[0]
    assert (row.reference, row.first_name, row.last_name) == ("R1", "Ana Maria", "Ruiz")
    assert (row.organisation, row.country, row.email) == ("ONG", "CH", "a@b.org")


def test_category_by_key_or_label(tmp_path, event):
    path = write_csv(
        tmp_path / "c.csv",
        [["Name", "Type"], ["A A", "SPEAKER"], ["B B", "Press"], ["C C", ""], ["D D", "press "]],
    )
    parsed = read_roster(path, categories=event.categories)
    assert [r.category for r in parsed.rows] == ["speaker", "press", "", "press"]
    path = write_csv(tmp_path / "d.csv", [["Name"], ["A A"]])
    assert read_roster(path).rows[0].category == ""


def test_empty_category_is_the_default_for_new_people_and_kept_for_known_ones(
    tmp_path, store, event
):
    first = write_csv(tmp_path / "a.csv", [["Name", "E-mail", "Type"],
                                           ["Ana Ruiz", "ana@example.org", "press"],
                                           ["Ben Ode", "ben@example.org", ""]])
    import_roster(store, event, first)
    again = write_csv(tmp_path / "b.csv", [["Name", "E-mail", "Type"],
                                           ["Ana Ruiz", "ana@example.org", ""],
                                           ["Ben Ode", "ben@example.org", ""]])
    report = import_roster(store, event, again)
    assert report.unchanged_count == 2 and not report.updated
    with store.read() as s:
        cats = dict(s.execute(select(m.Delegate.email, m.Delegate.category)).all())
    assert cats == {"ana@example.org": "press", "ben@example.org": "participant"}


@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("jean.dupont@example.org", True),
        ("a+tag@sub.example.co.uk", True),
        ("x@xn--p1ai.xn--p1ai", True),
        ("jose@correo.españa.es", True),
        ("plain", False),
        ("a@b", False),
        ("a@@b.org", False),
        ("a b@c.org", False),
        (".a@b.org", False),
        ("a..b@c.org", False),
        ("a@-b.org", False),
        ("a@b.org;c@d.org", False),
        ("a@b.c", False),
    ],
)
def test_valid_email(email, ok):
    assert valid_email(email) is ok


@pytest.mark.parametrize(
    "content",
    [b"", b"\n\n  \n", "Nom;Prénom\r\n".encode(), "Nom;Prénom\n;\n ; \n\n".encode()],
    ids=["empty", "blank-lines", "header-only", "blank-rows"],
)
def test_no_delegate_rows_is_refused(tmp_path, store, event, content):
    import_roster(store, event, roster(tmp_path, people(2), name="before.csv"))
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(RosterError, match="no delegate rows") as exc:
        import_roster(store, event, path, replace=True)
    assert "empty.csv" in str(exc.value)
    assert {d["status"] for d in delegates(store)} == {"registered"}


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 8,
        b"\x00\x01\x02\x03" * 100,
        b"PK\x03\x04" + b"\x00junk" * 50,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "\ufeffNom,Prénom\n".encode() + b"\xff\xfe broken",
    ],
    ids=["all-bytes", "nul", "zip-junk", "xls", "png", "bad-utf8-after-bom"],
)
def test_junk_is_refused_with_a_roster_error(tmp_path, store, event, content):
    path = tmp_path / "junk.csv"
    path.write_bytes(content)
    with pytest.raises(RosterError) as exc:
        import_roster(store, event, path)
    assert "junk.csv" in str(exc.value)
    assert count(store) == 0


def test_missing_file(tmp_path):
    with pytest.raises(RosterError, match="cannot read"):
        read_roster(tmp_path / "nope.csv")


def test_problem_str():
    assert (
        str(Problem("delegates.csv", 14, "Pays", "unknown country 'Atlantis'", "error"))
        == "delegates.csv, row 14, column 'Pays': unknown country 'Atlantis'"
    )
    assert str(Problem("a.csv", None, None, "columns not imported", "warning")) == (
        "a.csv: columns not imported"
    )


# ---------------------------------------------------------------------------- importing


def test_dry_run_writes_nothing(tmp_path, store, event):
    path = roster(tmp_path, people(3))
    report = import_roster(store, event, path, dry_run=True)
    assert report.dry_run and not report.applied
    assert [c.number for c in report.new] == [1, 2, 3]
    assert count(store) == 0
    preview = plan_import(store, event, read_roster(path, categories=event.categories))
    assert len(preview.new) == 3 and not preview.applied
    assert count(store) == 0


def test_reimport_is_idempotent(tmp_path, store, event):
    path = roster(tmp_path, people(20))
    first = import_roster(store, event, path)
    assert len(first.new) == 20
    snapshot = delegates(store)
    second = import_roster(store, event, path)
    assert (len(second.new), len(second.updated), second.unchanged_count) == (0, 0, 20)
    assert (second.cancelled, second.restored) == ((), ())
    assert delegates(store) == snapshot  # not even updated_at moved


def test_changes_update_fields_search_text_and_time(tmp_path, store, event):
    import_roster(store, event, roster(tmp_path, people(3)))
    before = by_ref(store)
    rows = people(3)
    rows[1][3] = "Médecins du Monde"
    rows[1][5] = "new.address@example.org"
    rows[2][1] = "Firstthree"
    report = import_roster(store, event, roster(tmp_path, rows, name="v2.csv"))
    assert [(c.row, c.number, c.fields) for c in report.updated] == [
        (3, 2, ("organisation", "email")),
        (4, 3, ("first_name",)),
    ]
    assert report.unchanged_count == 1 and report.new == ()
    after = by_ref(store)
    assert after["R002"]["organisation"] == "Médecins du Monde"
    assert (
        after["R002"]["search_text"]
        == "first2 last2 medecins du monde new.address@example.org r002"
    )
    assert after["R002"]["updated_at"] > before["R002"]["updated_at"]
    assert after["R002"]["created_at"] == before["R002"]["created_at"]
    assert after["R002"]["badge_version"] == before["R002"]["badge_version"] == 1
    assert after["R001"] == before["R001"]


def test_matching_by_email_then_name(tmp_path, store, event):
    path = write_csv(
        tmp_path / "a.csv",
        [["First name", "Last name", "Organisation", "Email"],
         ["Ana", "Ruiz", "Cruz Roja", "ana@example.es"],
         ["Omar", "Haddad", "Al-Amal", ""]],
    )  # fmt: skip
    import_roster(store, event, path)
    # The registration system now gives references; Omar also gives an e-mail.
    path = write_csv(
        tmp_path / "b.csv",
        [["Reference", "First name", "Last name", "Organisation", "Email"],
         ["X-1", "Ana", "Ruiz-Ortega", "Cruz Roja", "ANA@example.es"],
         ["X-2", "omar", "HADDAD", "al-amal", "omar@example.lb"]],
    )  # fmt: skip
    report = import_roster(store, event, path)
    assert report.new == ()
    assert [(c.number, c.fields) for c in report.updated] == [
        (1, ("reference", "last_name")),
        (2, ("reference", "first_name", "last_name", "organisation", "email")),
    ]
    assert [(d["reference"], d["email"]) for d in delegates(store)] == [
        ("X-1", "ana@example.es"),
        ("X-2", "omar@example.lb"),
    ]


def test_different_references_are_different_people(tmp_path, store, event):
    import_roster(
        store, event, roster(tmp_path, [["A-1", "Ana", "Ruiz", "ONG", "ES", "info@ong.org"]])
    )
    report = import_roster(
        store, event, roster(tmp_path, [["A-2", "Ana", "Ruiz", "ONG", "ES", "info@ong.org"]])
    )
    assert len(report.new) == 1 and report.updated == ()
    assert [d["number"] for d in delegates(store)] == [1, 2]


def test_empty_reference_cell_keeps_the_reference(tmp_path, store, event):
    import_roster(
        store, event, roster(tmp_path, [["A-1", "Ana", "Ruiz", "ONG", "ES", "a@ong.org"]])
    )
    report = import_roster(
        store, event, roster(tmp_path, [["", "Ana", "Ruiz", "ONG", "ES", "a@ong.org"]])
    )
    assert report.unchanged_count == 1
    assert delegates(store)[0]["reference"] == "A-1"


def test_unmapped_columns_are_left_alone(tmp_path, store, event):
    import_roster(store, event, roster(tmp_path, people(1)))
    path = write_csv(tmp_path / "names-only.csv", [["Reference", "First name"], ["R001", "First1"]])
    report = import_roster(store, event, path)
    assert report.unchanged_count == 1
    d = delegates(store)[0]
    assert (d["organisation"], d["country"], d["email"]) == ("Org 1", "CH", "p1@example.org")


def test_new_numbers_follow_the_highest(tmp_path, store, event):
    import_roster(store, event, roster(tmp_path, people(3)))
    report = import_roster(store, event, roster(tmp_path, people(2, start=4), name="more.csv"))
    assert [c.number for c in report.new] == [4, 5]
    assert [d["number"] for d in delegates(store)] == [1, 2, 3, 4, 5]


def add_scan(store, event, delegate_id: int) -> None:
    with store.write() as s:
        s.add(
            m.Scan(
                uuid=str(uuid.uuid4()),
                event_id=event.id,
                delegate_id=delegate_id,
                outcome=Outcome.ADMITTED.value,
                source=ScanSource.MANUAL.value,
                created_at=dt.datetime(2026, 11, 28, 8, 0),
            )
        )


def scans_of(store, delegate_id: int) -> int:
    with store.read() as s:
        return s.scalar(
            select(func.count()).select_from(m.Scan).where(m.Scan.delegate_id == delegate_id)
        )


def test_replace_cancels_absent_delegates_keeps_them_and_their_scans(tmp_path, store, event):
    import_roster(store, event, roster(tmp_path, people(4)))
    gone = by_ref(store)["R002"]
    add_scan(store, event, gone["id"])

    rows = [r for r in people(4) if r[0] != "R002"]
    without = roster(tmp_path, rows, name="without.csv")
    plain = import_roster(store, event, without)  # default: add and update only
    assert plain.cancelled == () and by_ref(store)["R002"]["status"] == "registered"

    report = import_roster(store, event, without, replace=True)
    assert [(c.row, c.number, c.name) for c in report.cancelled] == [(None, 2, "First2 Last2")]
    assert report.unchanged_count == 3
    after = by_ref(store)
    assert len(after) == 4
    assert after["R002"]["status"] == "cancelled"
    assert after["R002"]["badge_version"] == 1
    assert scans_of(store, gone["id"]) == 1
    assert {after[r]["status"] for r in ("R001", "R003", "R004")} == {"registered"}

    again = import_roster(store, event, without, replace=True)
    assert again.cancelled == ()  # already cancelled

    restored = import_roster(store, event, roster(tmp_path, people(4), name="all.csv"))
    assert [(c.row, c.number) for c in restored.restored] == [(3, 2)]
    assert restored.updated == () and restored.new == ()
    assert by_ref(store)["R002"]["status"] == "registered"
    assert scans_of(store, gone["id"]) == 1


def test_replace_does_not_cancel_a_delegate_whose_row_has_an_error(tmp_path, store, event):
    import_roster(store, event, roster(tmp_path, people(3)))
    rows = people(3)
    rows[1][4] = "Atlantis"
    report = import_roster(
        store, event, roster(tmp_path, rows, name="typo.csv"), replace=True, skip_invalid=True
    )
    assert report.applied and report.cancelled == () and report.skipped_rows == 1
    assert any("kept" in p.message for p in report.warnings)
    assert {d["status"] for d in delegates(store)} == {"registered"}


def test_replace_with_no_valid_row_is_refused(tmp_path, store, event):
    import_roster(store, event, roster(tmp_path, people(2)))
    bad = roster(tmp_path, [["R9", "A", "B", "ONG", "Atlantis", ""]], name="bad.csv")
    with pytest.raises(RosterError, match="refusing to cancel"):
        import_roster(store, event, bad, replace=True, skip_invalid=True)
    assert {d["status"] for d in delegates(store)} == {"registered"}


def test_progress_and_cancel(tmp_path, store, event):
    path = roster(tmp_path, people(2500))
    calls: list[tuple[int, int]] = []
    report = import_roster(store, event, path, progress=lambda d, t: calls.append((d, t)))
    assert report.applied
    assert calls[0] == (0, 2500) and calls[-1] == (2500, 2500)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) >= 3

    rows = people(2500)
    for r in rows:
        r[3] = "Changed"
    seen = []

    def cancel_after_first_chunk() -> bool:
        seen.append(1)
        return len(seen) > 2

    before = delegates(store)
    with pytest.raises(ImportCancelled):
        import_roster(
            store, event, roster(tmp_path, rows, name="v2.csv"), cancelled=cancel_after_first_chunk
        )
    assert delegates(store) == before  # the first chunk was rolled back too


def test_crash_mid_import_writes_nothing(tmp_path, store, event):
    path = roster(tmp_path, people(2500))

    def boom(done, total):
        if done > 0:
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        import_roster(store, event, path, progress=boom)
    assert count(store) == 0


# ---------------------------------------------------------------------------- properties

PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@PROPERTY
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
        st.text(alphabet=',;\t"\n\r aéNomPrénom\x00', max_size=300).map(str.encode),
    )
)
def test_arbitrary_files_only_raise_roster_error(content):
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("x.csv", "x.xlsx"):
            path = Path(tmp) / name
            path.write_bytes(content)
            try:
                parsed = read_roster(path)
            except RosterError as exc:
                assert name in str(exc)
            else:
                assert parsed.rows or parsed.errors


# Names with accents, Arabic, Ł, ß, ğ, ễ, and the characters CSV must quote.
name_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("ÉéèÀçÇüÜöÖŁłßğĞễỄøØÅåñÑ’'\"-,;\t\n\r .()محمدعلي")),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    min_size=1,
    max_size=25,
).filter(lambda s: clean(s) != "")


@PROPERTY
@given(
    rows=st.lists(
        st.tuples(name_text, name_text, name_text | st.just("")),
        min_size=1,
        max_size=8,
        unique_by=lambda r: (fold(clean(r[0])), fold(clean(r[1])), fold(clean(r[2]))),
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
@pytest.mark.slow
def test_names_round_trip_through_csv(rows, delimiter, encoding):
    header = ["First name", "Last name", "Organisation"]
    data = csv_bytes([header, *rows], delimiter=delimiter, encoding=encoding)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.csv"
        path.write_bytes(data)
        parsed = read_roster(path)
    assert parsed.delimiter == delimiter
    # Every row is either read back exactly (as cleaned) or reported with a Problem.
    got = {r.row: (r.first_name, r.last_name, r.organisation) for r in parsed.rows}
    flagged = {p.row for p in parsed.errors}
    for number, (first, last, org) in enumerate(rows, start=2):
        if number in flagged:
            continue
        assert got[number] == (clean(first), clean(last), clean(org))
    assert not flagged - set(range(2, len(rows) + 2))
    assert len(got) + len(flagged) == len(rows)


@PROPERTY
@given(st.lists(st.text(max_size=12).map(clean), min_size=5, max_size=5))
def test_search_text_is_the_fold_of_the_joined_fields(parts):
    assert search_text(*parts) == fold(" ".join(parts))


def test_category_labels_and_choices_in_the_message(tmp_path):
    from checkin.core.types import CategoryInfo

    categories = (
        CategoryInfo("guest", "Invité d'honneur", "#000000"),
        CategoryInfo("staff", "Staff", "#111111"),
    )
    path = write_csv(
        tmp_path / "c.csv",
        [["Name", "Catégorie"], ["A A", "invite D'HONNEUR"], ["B B", "STAFF"], ["C C", "VIP"]],
    )
    parsed = read_roster(path, categories=categories)
    assert [r.category for r in parsed.rows] == ["guest", "staff"]
    assert [p.message for p in parsed.errors] == [
        "unknown category 'VIP' (known: guest (Invité d'honneur), staff)"
    ]

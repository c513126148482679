"""CSV bytes to a table (checkin.core.roster.table): delimiter, quotes, notes."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.roster.report import RosterError
from checkin.core.roster.table import DELIMITERS, pick_delimiter, read_csv


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        # The header says semicolon; the names below hold commas.
        ("Nom;Prénom\nDupont, Jr;Jean\nMartin, Sr;Luc\n", ";"),
        ("", ","),
    ],
)
def test_the_delimiter_is_the_headers(text, delimiter):
    assert pick_delimiter(text) == delimiter


def test_rows_are_numbered_as_a_spreadsheet_shows_them():
    table = read_csv(b"Name,Org\nAna,ONG\n\nBo,IOM\n", "f.csv")
    assert table.rows == [(1, ["Name", "Org"]), (2, ["Ana", "ONG"]), (3, []), (4, ["Bo", "IOM"])]
    assert (table.encoding, table.delimiter, table.sheet) == ("utf-8", ",", None)


def test_excels_sep_line_sets_the_delimiter_and_is_not_a_row():
    table = read_csv(b"sep=;\nName;Org\nAna;ONG\n", "f.csv")
    assert table.delimiter == ";"
    assert table.rows[0] == (1, ["Name", "Org"])


def test_an_unclosed_quote_is_refused_naming_its_row():
    with pytest.raises(RosterError) as caught:
        read_csv(b'Name,Org\nAna,ONG\n"Bo,IOM\nCy,UN\n', "f.csv")
    assert "row 3" in str(caught.value) and "never closed" in str(caught.value)


def test_notes_for_other_encoded_lines_and_nul_characters():
    data = "Name\nHélène\n".encode() + "Zoë\n".encode("cp1252") + b"A\x00na\n"
    table = read_csv(data, "f.csv")
    assert [(row, reason) for row, _col, _text, reason, _args in table.row_warnings] == [
        (3, "mixed_encoding"),
        (4, "nul_removed"),
    ]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"])),
                 min_size=3, max_size=3),
        min_size=1, max_size=6,
    ),
    st.sampled_from(DELIMITERS),
)  # fmt: skip
def test_cells_come_back_as_written(rows, delimiter):
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["Name", "Org", "Country"], *rows]
    )
    table = read_csv(buf.getvalue().encode("utf-8-sig"), "f.csv")
    read = [cells for _n, cells in table.rows[1:]]
    assert [c for c in read if any(c)] == [r for r in rows if any(r)]

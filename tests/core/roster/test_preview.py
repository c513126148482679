"""roster.preview_roster: what an import wizard shows before validating."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkin.core.roster.read import preview_roster, read_roster
from checkin.core.roster.report import RosterError
from checkin.core.text import clean


def test_detects_encoding_delimiter_title_lines_and_mapping(tmp_path):
    path = tmp_path / "liste.csv"
    text = (
        "Consultation 2026;;\r\n"
        "Prénom;Nom;Organisme;Colonne libre\r\n"
        "Hélène;Côté;MdM;x\r\n"
        ";;;\r\n"
        "Jürgen;Groß;GIZ;y\r\n"
        "Zoé;Lefèvre;IOM;z\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    preview = preview_roster(path, rows=2)
    assert (preview.encoding, preview.delimiter, preview.sheet) == ("cp1252", ";", None)
    assert preview.header_row == 2
    assert preview.header == ("Prénom", "Nom", "Organisme", "Colonne libre")
    assert preview.mapping == {
        "first_name": "Prénom",
        "last_name": "Nom",
        "organisation": "Organisme",
    }
    assert preview.rows == (
        (3, ("Hélène", "Côté", "MdM", "x")),
        (5, ("Jürgen", "Groß", "GIZ", "y")),
    )
    assert preview.data_rows == 3  # the blank row is not counted
    # The mapping is the one read_roster uses.
    assert read_roster(path).mapping == preview.mapping


def test_unusable_file_raises_roster_error(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(RosterError, match="empty"):
        preview_roster(empty)


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=12
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=8))
def test_rows_are_the_cells_as_written(tmp_path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["First name", "Last name", "Organisation"])
    writer.writerows(rows)
    path = tmp_path / "people.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    preview = preview_roster(path, rows=100)
    expected = [tuple(clean(c) for c in row) for row in rows if any(clean(c) for c in row)]
    assert [cells for _n, cells in preview.rows] == expected
    assert preview.data_rows == len(expected)

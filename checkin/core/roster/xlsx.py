"""An Excel workbook (.xlsx) read into a ``Table``: one sheet, every cell as text.

The values come from openpyxl (read-only, cached formula results); what values alone do
not show, merged cells and formulas saved without a result, is read from the sheet's
XML and reported on the rows it affects.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings

from checkin.core.roster.report import RosterError
from checkin.core.roster.table import RowNote, Table
from checkin.core.text import fold


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: 12.0 -> "12", dates as ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def read_xlsx(data: bytes, name: str, sheet: str | None) -> Table:
    """The sheet named ``sheet`` (any case), or the first visible one, as a table."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # BadZipFile, KeyError, XML errors: all mean "damaged"
        raise RosterError(
            "%1: not a readable Excel workbook (.xlsx); is it damaged or another format? (%2)",
            name,
            type(exc).__name__,
        ) from exc
    try:
        chosen = _choose_sheet(book, name, sheet)
        ws = book[chosen]
        if not hasattr(ws, "iter_rows"):
            raise RosterError("%1: sheet %2 is a chart, not a table.", name, repr(chosen))
        table = Table(rows=_sheet_rows(ws, name, chosen), sheet=chosen)
        table.row_warnings += xlsx_surprises(data, chosen)
        return table
    finally:
        book.close()


def _choose_sheet(book, name: str, sheet: str | None) -> str:
    names = list(book.sheetnames)
    if sheet is not None:
        chosen = next((n for n in names if n == sheet), None) or next(
            (n for n in names if fold(n) == fold(sheet)), None
        )
        if chosen is None:
            raise RosterError(
                "%1: no sheet named %2; the sheets are: %3.",
                name,
                repr(sheet),
                ", ".join(repr(n) for n in names),
            )
        return chosen
    visible = [n for n in names if getattr(book[n], "sheet_state", "visible") == "visible"]
    if not names:
        raise RosterError("%1: the workbook has no sheets.", name)
    return (visible or names)[0]


def _sheet_rows(ws, name: str, chosen: str) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Some writers store a wrong size; read what is there instead.
            ws.reset_dimensions()
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                rows.append((number, [cell_text(v) for v in values]))
    except RosterError:
        raise
    except Exception as exc:
        raise RosterError(
            "%1: sheet %2 cannot be read near row %3 (%4).",
            name,
            repr(chosen),
            len(rows) + 1,
            type(exc).__name__,
        ) from exc
    return rows


_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?<!/)>(.*?)</c>', re.S)
_VALUE = re.compile(rb"<v>[^<]+</v>")


def xlsx_surprises(data: bytes, sheet: str) -> list[RowNote]:
    """What the values alone do not show: merged cells (only the first holds the
    value; the others read as empty) and formulas saved without their result (a file
    written by a script, never opened in Excel: they read as empty too)."""
    xml = _sheet_xml(data, sheet)
    if xml is None:
        return []
    return _merged_cells(xml) + _formulas_without_result(xml)


def _sheet_xml(data: bytes, sheet: str) -> bytes | None:
    import posixpath
    import xml.etree.ElementTree as ET
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
            rel_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
            book = ET.fromstring(z.read("xl/workbook.xml"))
            rid = next(
                (s.get(rel_id) for s in book.iterfind("m:sheets/m:sheet", ns)
                 if s.get("name") == sheet),
                None,
            )  # fmt: skip
            rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            target = next((r.get("Target") for r in rels if r.get("Id") == rid), None)
            if not target:
                return None
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            return z.read(posixpath.normpath(path))
    except Exception:  # the values were read; these notes are a courtesy
        return None


def _merged_cells(xml: bytes) -> list[RowNote]:
    found: list[RowNote] = []
    for m_ in _MERGE.finditer(xml):
        c1, r1, c2, r2 = (g.decode() for g in m_.groups())
        if r1 == r2:
            continue  # a title across columns: one row, read as it shows
        span = f"{c1}{r1}:{c2}{r2}"
        for row in range(int(r1) + 1, int(r2) + 1):
            found.append((row, None, f"cells {span} are merged: in this row they read as "
                                     "empty; unmerge them and fill in every row",
                          "merged_cells", (span,)))
    return found


def _formulas_without_result(xml: bytes) -> list[RowNote]:
    found: list[RowNote] = []
    if b"<f" not in xml:
        return found
    for m_ in _CELL.finditer(xml):
        inner = m_.group(3)
        if b"<f" in inner and not _VALUE.search(inner):
            cell = (m_.group(1) + m_.group(2)).decode()
            found.append((int(m_.group(2)), None, f"cell {cell} holds a formula with no "
                          "saved result and reads as empty; open the file in Excel and "
                          "save it again", "formula_without_result", (cell,)))
    return found

"""The delegate list: read CSV/XLSX -> validated rows -> atomic upsert, with a report.

Three steps, each usable on its own:

* ``read_roster(path)`` reads the file (encoding, delimiter and sheet detected, the header
  matched in English or French, or as exported by Eventbrite, pretix and Indico) and
  validates every row into a ``ParsedRoster``: rows, and problems naming file, row and
  column.  Nothing touches the database.
* ``plan_import(store, event, parsed)`` compares the rows with the delegates of the event
  and returns what an import would do, without writing.
* ``preview_roster(path)`` reads only as far as an import wizard needs: detected
  encoding, delimiter or sheet, the header, the guessed mapping and the first rows.
* ``import_roster(store, event, path)`` does both and applies the result in ONE
  transaction: any error refuses the whole file (unless ``skip_invalid``), a crash or a
  cancel writes nothing.

Delegates are matched by reference, then e-mail, then folded first + last name +
organisation.  They are never deleted: with ``replace=True`` a delegate missing from the
file becomes ``cancelled`` (scans kept), and comes back ``registered`` when listed again.
Log messages carry counts only: rosters are personal data.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import re
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session as DbSession

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError, translatable
from checkin.core.roster.countries import normalise_country
from checkin.core.roster.delegates import DELEGATE_COLUMNS, search_text
from checkin.core.text import clean, fold
from checkin.core.types import CategoryInfo, DelegateStatus, EventInfo

log = logging.getLogger(__name__)

FIELDS = (
    "reference",
    "first_name",
    "last_name",
    "full_name",
    "organisation",
    "country",
    "email",
    "category",
)
# The fields stored on a delegate (``full_name`` is split into first and last name).
STORED = ("reference", "first_name", "last_name", "organisation", "country", "email", "category")

ERROR = "error"
WARNING = "warning"

MAX_FILE_BYTES = 200 * 1024 * 1024
# The csv module refuses cells over 128 KiB with a message about its own limit; a cell
# that long is a pasting accident in one row, reported on that row as "too long".
csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))
CHUNK = 1000

_LIMITS = {
    name: m.Delegate.__table__.c[name].type.length
    for name in ("reference", "first_name", "last_name", "organisation", "email")
}
_SHORTEST_LIMIT = min(_LIMITS.values())


class RosterError(UserError):
    """A file that cannot be used at all; the message names it and says what is wrong."""


class ImportCancelled(RosterError):
    """The user cancelled the import; the transaction was rolled back."""


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str
    severity: str = ERROR
    # What went wrong as a key and its values, so that the app can word it in the
    # operator's language; ``message`` stays the core's English (CLI, logs).
    reason: str = field(default="", compare=False)
    args: tuple[str, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class RosterRow:
    """One delegate as read from the file.

    ``row`` is the row number a spreadsheet shows (the header usually being row 1);
    ``country`` is ISO alpha-2 or ""; ``email`` is lower-case; ``category`` is a
    category key of the event or "".
    """

    row: int
    reference: str
    first_name: str
    last_name: str
    organisation: str
    country: str
    email: str
    category: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ParsedRoster:
    file: str
    encoding: str | None  # CSV only
    delimiter: str | None  # CSV only
    sheet: str | None  # XLSX only
    header: tuple[str, ...]
    mapping: dict[str, str]  # field -> column header, for the fields read from the file
    rows: tuple[RosterRow, ...]  # valid rows, in file order
    problems: tuple[Problem, ...]
    # Rows refused for an error, read as far as possible: an import with ``replace`` and
    # ``skip_invalid`` does not cancel the delegates they match.
    rejected: tuple[RosterRow, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)


@dataclass(frozen=True)
class Change:
    row: int | None  # row in the file; None for a delegate absent from it
    number: int | None  # the delegate's number (the one it will get, for new ones)
    name: str
    fields: tuple[str, ...] = ()  # the fields that changed, for updates and restores


@dataclass(frozen=True)
class ImportReport:
    file: str
    new: tuple[Change, ...]
    updated: tuple[Change, ...]
    unchanged_count: int
    cancelled: tuple[Change, ...]  # only with replace=True
    restored: tuple[Change, ...]  # cancelled delegates listed again
    problems: tuple[Problem, ...]
    skipped_rows: int  # rows with an error (imported only with skip_invalid)
    applied: bool
    dry_run: bool
    elapsed_s: float

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)


# ---------------------------------------------------------------------------- header


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# Column headers recognised for each field, in order of preference when a file has
# several (Eventbrite has both "Order #" and "Attendee #": the attendee is the person).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "reference": _names(
        "Reference|Référence|Ref|Réf|Attendee #|Attendee ID|Attendee number|Registration ID|"
        "Registration number|Registration #|Registration code|Participant ID|Delegate ID|"
        "Badge ID|Ticket ID|Ticket #|ID|Identifiant|N°|No|Numéro|Numéro d'inscription|Code|#|"
        "Order code|Order #|Order ID"
    ),
    "first_name": _names(
        "First name|Firstname|First|Given name|Given names|Forename|Prénom|Prénoms|"
        "Attendee name: Given name|Attendee first name|Name (first)"
    ),
    "last_name": _names(
        "Last name|Lastname|Last|Surname|Family name|Nom|Nom de famille|"
        "Attendee name: Family name|Attendee last name|Name (last)"
    ),
    "full_name": _names(
        "Full name|Name|Nom complet|Attendee name|Attendee|Participant|Participant name|"
        "Delegate|Delegate name|Nom du participant|Nom et prénom|Nom prénom|Nom, prénom|"
        "Nom / prénom|Prénom et nom|Prénom nom|Last name, first name|Surname, first name"
    ),
    "organisation": _names(
        "Organisation|Organization|Organisation name|Organization name|Org|Organisme|"
        "Structure|ONG|NGO|Institution|Company|Company name|Affiliation|Entreprise|Société|"
        "Employer|Agency|Agence|Association|Nom de l'organisation|Organisation / Institution"
    ),
    "country": _names(
        "Country|Pays|Pays de résidence|Country of residence|Country/Region|Country code|"
        "Code pays|Nationality|Nationalité"
    ),
    "email": _names(
        "Email|E-mail|Email address|E-mail address|Courriel|Adresse électronique|"
        "Adresse courriel|Adresse e-mail|Adresse email|Adresse mail|Mail|Mél|Attendee email|"
        "Attendee e-mail"
    ),
    "category": _names(
        "Category|Catégorie|Type|Ticket type|Ticket|Product|Role|Rôle|Participant type|"
        "Registration type|Delegate type|Badge type|Type de participant|Type d'inscription|"
        "Catégorie de participant"
    ),
}
# Full-name headers that announce the family name first ("Nom, prénom").
_LAST_FIRST = {
    "nometprenom",
    "nomprenom",
    "lastnamefirstname",
    "surnamefirstname",
}
_HKEY_JUNK = re.compile(r"[^\w#]+")


def _hkey(header: str) -> str:
    """ "Adresse électronique" -> "adresseelectronique", "N°" -> "no", "E-mail" -> "email"."""
    return _HKEY_JUNK.sub("", fold(header).replace("°", "o").replace("_", ""))


_HEADER_INDEX: dict[str, tuple[str, int]] = {}
for _field, _headers in SYNONYMS.items():
    for _rank, _name in enumerate(_headers):
        _HEADER_INDEX.setdefault(_hkey(_name), (_field, _rank))
for _field in FIELDS:  # the field names themselves ("first_name", "email"...)
    _HEADER_INDEX.setdefault(_hkey(_field), (_field, -1))


def _auto_mapping(header: Sequence[str]) -> dict[str, int]:
    best: dict[str, tuple[int, int]] = {}
    for col, text in enumerate(header):
        hit = _HEADER_INDEX.get(_hkey(text)) if text else None
        if hit is None:
            continue
        name, rank = hit
        if name not in best or rank < best[name][0]:
            best[name] = (rank, col)
    return {name: col for name, (_rank, col) in best.items()}


def _has_name(mapping: dict[str, int]) -> bool:
    return any(f in mapping for f in ("first_name", "last_name", "full_name"))


# ---------------------------------------------------------------------------- names

PARTICLES = frozenset(
    _names("van|von|de|da|del|della|di|du|le|la|al|el|bin|ibn|ben|abu|dos|das|ter|ten")
)


_INITIAL = re.compile(r"^\w\.$")


def _is_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_full_name(value: str, *, last_first: bool = False) -> tuple[str, str]:
    """Split a one-column name into (first, last).

    "DUPONT, Jean" -> ("Jean", "DUPONT"); "Jean-Pierre DUPONT" and "DUPONT Jean-Pierre"
    -> ("Jean-Pierre", "DUPONT") (a run of capitals is the family name); otherwise the
    first token is the first name and the rest the last name, except that a particle
    starts the last name: "Ana Maria de la Cruz" -> ("Ana Maria", "de la Cruz").
    ``last_first`` (a header like "Nom, prénom") reads "Dupont Jean" as family name first.
    """
    value = clean(value)
    if not value:
        return "", ""
    if "," in value:
        last, _, first = value.partition(",")
        return clean(first), clean(last)
    tokens = value.split(" ")
    if len(tokens) == 1:
        return (tokens[0], "") if not last_first else ("", tokens[0])
    caps = [_is_caps(t) for t in tokens]
    if any(caps) and not all(caps):
        if caps[0]:
            k = caps.index(False)
            if not any(caps[k:]):
                return " ".join(tokens[k:]), " ".join(tokens[:k])
        if caps[-1]:
            k = len(caps) - caps[::-1].index(False)
            if not any(caps[:k]):
                return " ".join(tokens[:k]), " ".join(tokens[k:])
    if last_first:
        k = 0
        while k < len(tokens) - 1 and fold(tokens[k]) in PARTICLES:
            k += 1
        return " ".join(tokens[k + 1 :]), " ".join(tokens[: k + 1])
    for i in range(1, len(tokens) - 1):
        if fold(tokens[i]) in PARTICLES:
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    k = 1  # middle initials stay with the first name: "John F. Kennedy"
    while k < len(tokens) - 1 and _INITIAL.match(tokens[k]):
        k += 1
    return " ".join(tokens[:k]), " ".join(tokens[k:])


# ---------------------------------------------------------------------------- reading


_fold = lru_cache(maxsize=65536)(fold)  # values repeat (organisations, first names)


def _cell_text(value: object) -> str:
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


_RowNote = tuple[int, str | None, str, str, tuple[str, ...]]


@dataclass
class _Table:
    rows: list[tuple[int, list[str]]]  # (row number, raw cells)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    # (message, reason, args): about the whole file
    warnings: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    # (row, column header or None, message, reason, args): found while reading, before
    # validation
    row_warnings: list[_RowNote] = field(default_factory=list)


_C0 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x80-\x9f]")
_BOMS_16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BOMS_32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes of a CSV file -> (text, encoding name)."""

    def strict(encoding: str, label: str) -> tuple[str, str]:
        try:
            return data.decode(encoding), label
        except UnicodeDecodeError as exc:
            raise RosterError(
                "%1: starts like %2 text but byte %3 is not %2; save it again as CSV UTF-8.",
                name,
                label,
                exc.start,
            ) from exc

    if data.startswith(_BOMS_32):
        return strict("utf-32", "UTF-32")
    if data.startswith(codecs.BOM_UTF8):
        return strict("utf-8-sig", "utf-8-sig")
    if data.startswith(_BOMS_16):
        return strict("utf-16", "utf-16")
    nuls = data.count(b"\x00")
    if nuls > max(8, len(data) // 100):  # UTF-16 without a BOM, or not text at all
        guess = _guess_encoding(data)
        if guess and guess[1].replace("-", "_").startswith(("utf_16", "utf_32")):
            return guess
        raise RosterError("%1: not a CSV or Excel file (binary content).", name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    if b"\x00" in data:  # UTF-16 without a BOM, or not text at all
        guess = _guess_encoding(data)
        if guess and guess[1].replace("-", "_").startswith(("utf_16", "utf_32")):
            return guess
        raise RosterError("%1: not a CSV or Excel file (binary content).", name)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Latin-1 decodes every
        # byte and agrees with cp1252 on all the accented letters.  (charset-normalizer
        # guesses Baltic or Central European code pages here and garbles "Hélène".)
        # The undefined bytes themselves become C1 control characters: dropped.
        return _C1.sub("", data.decode("latin-1")), "latin-1"


_MIXED = "utf-8, some lines cp1252"


def _decode_mixed(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few Windows-1252 lines (a list pasted together from two sources):
    each line in the encoding it is valid in, rather than the whole file garbled.

    Only when some line really is UTF-8 beyond ASCII; the lines read as cp1252 are
    found again by ``_mixed_lines`` and reported, so nobody is surprised."""
    lines = data.split(b"\n")
    decoded: list[str] = []
    utf8_beyond_ascii = False
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8_beyond_ascii |= not line.isascii()
        except UnicodeDecodeError:
            text = _C1.sub("", line.decode("cp1252", errors="replace"))
        decoded.append(text)
    if not utf8_beyond_ascii:
        return None
    return "\n".join(decoded), _MIXED


def _mixed_lines(data: bytes) -> list[int]:
    """The 1-based lines of ``data`` that are not UTF-8."""
    bad = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
    return bad


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    try:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            return None
        return str(best), best.encoding
    except Exception:  # a guesser must never turn a bad file into a traceback
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return len(_C0.findall(sample)) > max(8, len(sample) // 100)


_SEP_LINE = re.compile(r"^sep=(.)[ \t]*\r?\n", re.IGNORECASE)
_DELIMITERS = ",;\t"


def _pick_delimiter(text: str) -> str:
    lines = [ln for ln in text[:65536].splitlines()[:50] if ln.strip()]
    header = next(
        (ln for ln in lines[:10] if any(d in ln for d in _DELIMITERS)), lines[0] if lines else ""
    )
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts.values())
    leaders = [d for d in _DELIMITERS if counts[d] == best]
    # The header line rarely lies (names in the rows below may hold commas and
    # semicolons); the Sniffer, which looks at many lines, settles ties and headerless
    # guesses.
    if best > 0 and len(leaders) == 1:
        return leaders[0]
    sample = text[:16384]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except Exception:  # csv.Error, or anything its heuristics trip on
        sniffed = None
    if sniffed in leaders:
        return sniffed
    return leaders[0] if best > 0 else sniffed if sniffed in counts else ","


def _read_csv(data: bytes, name: str) -> _Table:
    text, encoding = _decode(data, name)
    if _looks_binary(text):
        raise RosterError("%1: not a CSV or Excel file (binary content).", name)
    sep = _SEP_LINE.match(text)
    if sep and sep.group(1) in _DELIMITERS:
        # Excel's "sep=;" hint line is not shown as a row.
        delimiter = sep.group(1)
        text = text[sep.end() :]
    else:
        delimiter = _pick_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    rows: list[tuple[int, list[str]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, cells))
    except csv.Error as exc:
        raise RosterError(
            "%1: not a readable CSV file near row %2 (%3).", name, len(rows) + 1, exc
        ) from exc
    if rows and text.count('"') % 2 and any("\n" in c for c in rows[-1][1]):
        # The reader is lenient: an unclosed quote swallows the rest of the file into
        # one cell of the row where it opened.  Say so, rather than "name too long".
        raise RosterError(
            "%1: row %2: a quote (\") opens a cell that is never closed, "
            "so the rest of the file would be read as one cell; close or remove that quote.",
            name,
            rows[-1][0],
        )
    table = _Table(rows=rows, encoding=encoding, delimiter=delimiter)
    if encoding == _MIXED:
        for line in _mixed_lines(data):
            table.row_warnings.append(
                (line, None, "this line is not UTF-8 like the rest of the file: read as "
                 "Windows-1252 (check its accents)", "mixed_encoding", ())
            )
    if "\x00" in text:
        for number, cells in rows:
            if any("\x00" in c for c in cells):
                table.row_warnings.append(
                    (number, None, "a NUL character was removed", "nul_removed", ())
                )
    return table


def _read_xlsx(data: bytes, name: str, sheet: str | None) -> _Table:
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
        else:
            visible = [n for n in names if getattr(book[n], "sheet_state", "visible") == "visible"]
            if not names:
                raise RosterError("%1: the workbook has no sheets.", name)
            chosen = (visible or names)[0]
        ws = book[chosen]
        if not hasattr(ws, "iter_rows"):
            raise RosterError("%1: sheet %2 is a chart, not a table.", name, repr(chosen))
        rows: list[tuple[int, list[str]]] = []
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # Some writers store a wrong size; read what is there instead.
                ws.reset_dimensions()
                for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                    rows.append((number, [_cell_text(v) for v in values]))
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
        table = _Table(rows=rows, sheet=chosen)
        table.row_warnings += _xlsx_surprises(data, chosen)
        return table
    finally:
        book.close()


_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?<!/)>(.*?)</c>', re.S)
_VALUE = re.compile(rb"<v>[^<]+</v>")


def _xlsx_surprises(data: bytes, sheet: str) -> list[_RowNote]:
    """What the values alone do not show: merged cells (only the first holds the
    value; the others read as empty) and formulas saved without their result (a file
    written by a script, never opened in Excel: they read as empty too)."""
    import posixpath
    import xml.etree.ElementTree as ET
    import zipfile

    found: list[_RowNote] = []
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
                return found
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            xml = z.read(posixpath.normpath(path))
    except Exception:  # the values were read; these notes are a courtesy
        return found
    for m_ in _MERGE.finditer(xml):
        c1, r1, c2, r2 = (g.decode() for g in m_.groups())
        if r1 == r2:
            continue  # a title across columns: one row, read as it shows
        span = f"{c1}{r1}:{c2}{r2}"
        for row in range(int(r1) + 1, int(r2) + 1):
            found.append((row, None, f"cells {span} are merged: in this row they read as "
                                     "empty; unmerge them and fill in every row",
                          "merged_cells", (span,)))
    if b"<f" in xml:
        for m_ in _CELL.finditer(xml):
            inner = m_.group(3)
            if b"<f" in inner and not _VALUE.search(inner):
                cell = (m_.group(1) + m_.group(2)).decode()
                found.append((int(m_.group(2)), None, f"cell {cell} holds a formula with no "
                              "saved result and reads as empty; open the file in Excel and "
                              "save it again", "formula_without_result", (cell,)))
    return found


# What a file that is not a list at all turns out to be: one whole sentence each, so
# that a translation can agree with the kind of document.
_NOT_A_LIST = (
    (b"%PDF-", translatable(
        "%1: a PDF document, not a delegate list; export the list as CSV or .xlsx "
        "from where it is kept.")),
    (b"\x89PNG\r\n", translatable(
        "%1: a PNG image, not a delegate list; export the list as CSV or .xlsx "
        "from where it is kept.")),
    (b"\xff\xd8\xff", translatable(
        "%1: a JPEG image, not a delegate list; export the list as CSV or .xlsx "
        "from where it is kept.")),
    (b"GIF8", translatable(
        "%1: a GIF image, not a delegate list; export the list as CSV or .xlsx "
        "from where it is kept.")),
    (b"{\\rtf", translatable(
        "%1: a Rich Text (RTF) document, not a delegate list; export the list as CSV or "
        ".xlsx from where it is kept.")),
)


def _not_a_list(data: bytes, name: str) -> tuple[str, str] | None:
    """The refusal (template, file) for a file that is plainly some other document."""
    for magic, template in _NOT_A_LIST:
        if data.startswith(magic):
            return template, name
    return None


def _column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: columns as a spreadsheet names them."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _read_table(path: Path, sheet: str | None) -> _Table:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RosterError("%1: the file is too large (%2 MB).", name, size // 2**20)
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError("%1: cannot read the file (%2).", name, exc.strerror or exc) from exc
    # Trust the content, not the extension: a "list.xlsx" is sometimes a renamed CSV.
    refusal = _not_a_list(data, name)
    if refusal is not None:
        raise RosterError(*refusal)
    if data.startswith(b"PK\x03\x04") and b"opendocument" in data[:100]:
        raise RosterError(
            "%1: an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8.", name
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, name, sheet)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError(
            "%1: an old Excel 97-2003 (.xls) file or a password-protected workbook; "
            "save it as .xlsx (without a password) or CSV UTF-8.",
            name,
        )
    table = _read_csv(data, name)
    if sheet is not None:
        table.warnings.append(
            (f"the file is CSV: sheet {sheet!r} ignored", "csv_sheet_ignored", (repr(sheet),))
        )
    return table


# ---------------------------------------------------------------------------- validation

_EMAIL = re.compile(
    r"^[^@\s\"(),:;<>\[\\\]]{1,64}@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_][\w-]*[^\W_]$"
)


def valid_email(value: str) -> bool:
    if not _EMAIL.match(value):
        return False
    local = value.split("@", 1)[0]
    return not (local.startswith(".") or local.endswith(".") or ".." in local)


def _category_index(categories: Sequence[CategoryInfo]) -> dict[str, str]:
    index: dict[str, str] = {}
    for cat in categories:
        index.setdefault(fold(cat.label), cat.key)
    for cat in categories:  # a key wins over another category's label
        index[fold(cat.key)] = cat.key
    return index


def _category_list(categories: Sequence[CategoryInfo]) -> str:
    return ", ".join(
        c.key if fold(c.key) == fold(c.label) else f"{c.key} ({c.label})" for c in categories
    )


def _category_choices(categories: Sequence[CategoryInfo]) -> str:
    if not categories:
        return "this event defines no categories"
    return "known: " + _category_list(categories)


def _name_key(first: str, last: str, organisation: str) -> str | None:
    if not first and not last:
        return None
    return f"{_fold(first)}\x1f{_fold(last)}\x1f{_fold(organisation)}"


def _find_header(
    rows: list[tuple[int, list[str]]], overrides: dict[str, str]
) -> tuple[int, list[str]] | None:
    """The header row: the first of the first ten non-blank rows that names a name column.

    Exports sometimes carry a title line or two above the header.
    """
    wanted = {_hkey(v) for v in overrides.values() if v}
    first: tuple[int, list[str]] | None = None
    seen = 0
    for number, cells in rows:
        cleaned = [clean(c) for c in cells]
        if not any(cleaned):
            continue
        first = first or (number, cells)
        if wanted:
            if wanted <= {_hkey(c) for c in cleaned}:
                return number, cells
        elif _has_name(_auto_mapping(cleaned)):
            return number, cells
        seen += 1
        if seen == 10:
            break
    return first


def _resolve_mapping(
    name: str, header: list[str], overrides: dict[str, str]
) -> tuple[dict[str, int], list[str]]:
    auto = _auto_mapping(header)
    explicit: dict[str, int] = {}
    dropped: list[str] = []
    for fld, column in overrides.items():
        if fld not in FIELDS:
            raise RosterError(
                "%1: unknown field %2 in the column mapping; the fields are: %3.",
                name,
                repr(fld),
                ", ".join(FIELDS),
            )
        column = clean(column)
        if not column:
            dropped.append(fld)
            continue
        col = next((i for i, h in enumerate(header) if h == column), None)
        if col is None:
            col = next((i for i, h in enumerate(header) if h and _hkey(h) == _hkey(column)), None)
        if col is None:
            raise RosterError(
                "%1: no column %2 (mapped to %3); the columns are: %4.",
                name,
                repr(column),
                fld,
                ", ".join(repr(h) for h in header if h),
            )
        explicit[fld] = col
    mapping = {f: c for f, c in auto.items() if c not in explicit.values() and f not in dropped}
    mapping.update(explicit)
    if "full_name" in explicit:
        for f in ("first_name", "last_name"):
            if f not in explicit:
                mapping.pop(f, None)
    elif "first_name" in mapping or "last_name" in mapping:
        mapping.pop("full_name", None)
    return mapping, dropped


@dataclass(frozen=True)
class FilePreview:
    """The first rows of a file as read, before validation: for an import wizard."""

    file: str
    encoding: str | None  # CSV only
    delimiter: str | None  # CSV only
    sheet: str | None  # XLSX only
    header_row: int  # the row number of the header (title lines above it are skipped)
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number, cells) under the header
    data_rows: int  # non-blank rows under the header, in the whole file
    mapping: dict[str, str]  # field -> column header, as ``read_roster`` would guess it


def preview_roster(path: str | Path, *, sheet: str | None = None, rows: int = 20) -> FilePreview:
    """Read ``path`` as ``read_roster`` does and return its header, detected encoding,
    delimiter or sheet, the guessed column mapping and the first ``rows`` rows."""
    path = Path(path)
    name = str(path)
    table = _read_table(path, sheet)
    found = _find_header(table.rows, {})
    if found is None:
        raise RosterError("%1: no delegate rows (the file is empty).", name)
    header_row, header_cells = found
    header = [clean(c) for c in header_cells]
    while header and not header[-1]:
        header.pop()
    cols, _dropped = _resolve_mapping(name, header, {})
    body = [
        (number, tuple(clean(c) for c in cells))
        for number, cells in table.rows
        if number > header_row and any(clean(c) for c in cells)
    ]
    return FilePreview(
        file=name,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header_row=header_row,
        header=tuple(header),
        rows=tuple(body[:rows]),
        data_rows=len(body),
        mapping={f: header[c] for f, c in sorted(cols.items(), key=lambda fc: FIELDS.index(fc[0]))},
    )


def read_roster(
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    categories: Sequence[CategoryInfo] = (),
) -> ParsedRoster:
    """Read and validate a delegate list (CSV or XLSX, detected by content)."""
    path = Path(path)
    name = str(path)
    short = path.name
    table = _read_table(path, sheet)
    overrides = dict(mapping or {})

    found = _find_header(table.rows, overrides)
    if found is None:
        raise RosterError("%1: no delegate rows (the file is empty).", name)
    header_row, header_cells = found
    header = [clean(c) for c in header_cells]
    while header and not header[-1]:
        header.pop()
    cols, _dropped = _resolve_mapping(name, header, overrides)
    if not _has_name(cols):
        expected = ", ".join(
            repr(n)
            for n in (
                "First name",
                "Last name",
                "Name",
                "Prénom",
                "Nom",
                "Nom complet",
                "Attendee name",
            )
        )
        found_columns = ", ".join(repr(h) for h in header if h)
        if not found_columns:
            raise RosterError(
                "%1: no name column in row %2. Columns found: none. Expected one of: %3 "
                "(or map one with field=column).",
                name,
                header_row,
                expected,
            )
        raise RosterError(
            "%1: no name column in row %2. Columns found: %3. Expected one of: %4 "
            "(or map one with field=column).",
            name,
            header_row,
            found_columns,
            expected,
        )

    problems: list[Problem] = [
        Problem(short, None, None, text, WARNING, reason, args)
        for text, reason, args in table.warnings
    ]
    problems += [
        Problem(short, r, c, text, WARNING, reason, args)
        for r, c, text, reason, args in table.row_warnings
    ]
    used = set(cols.values())
    ignored = [h for i, h in enumerate(header) if h and i not in used]
    twins = {
        header[c]: [i for i, h in enumerate(header) if _hkey(h) == _hkey(header[c])]
        for c in used
        if c < len(header)
    }
    for heading_text, where in twins.items():
        if len(where) > 1:
            letters = ", ".join(_column_letter(i) for i in where)
            problems.append(
                Problem(
                    short,
                    header_row,
                    heading_text,
                    f"{len(where)} columns are named {heading_text!r} ({letters}): the first "
                    f"({_column_letter(where[0])}) is read, the others are not",
                    WARNING,
                    "duplicate_column",
                    (str(len(where)), repr(heading_text), letters, _column_letter(where[0])),
                )
            )
            ignored = [h for h in ignored if _hkey(h) != _hkey(heading_text)]
    if ignored:
        listed = ", ".join(repr(h) for h in ignored)
        problems.append(
            Problem(
                short,
                header_row,
                None,
                "columns not imported: " + listed,
                WARNING,
                "columns_not_imported",
                (listed,),
            )
        )

    heading = {f: header[c] if c < len(header) else f for f, c in cols.items()}
    full_col = cols.get("full_name")
    last_first = full_col is not None and _hkey(header[full_col]) in _LAST_FIRST
    name_column = heading.get("full_name") or heading.get("last_name") or heading.get("first_name")
    cat_index = _category_index(categories)

    seen_ref: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    valid: list[RosterRow] = []
    rejected: list[RosterRow] = []
    data_rows = 0

    h_ref, h_email = heading.get("reference"), heading.get("email")
    h_country, h_cat = heading.get("country"), heading.get("category")
    order = ("reference", "first_name", "last_name", "full_name", "organisation", "country",
             "email", "category")  # fmt: skip
    picks = [cols.get(f, -1) for f in order]

    width = len(header)
    last_needed = max(picks)
    for number, cells in table.rows:
        if number <= header_row:
            continue
        n = len(cells)
        raw = [cells[c] if 0 <= c < n else "" for c in picks]
        if n > width and any(clean(c) for c in cells[width:]):
            problems.append(
                Problem(
                    short, number, None,
                    f"{n} cells but the header has {width}: the cells after column "
                    f"{header[-1]!r} are not read (a delimiter inside a name?)",
                    WARNING,
                    "row_too_long",
                    (str(n), str(width), repr(header[-1])),
                )
            )  # fmt: skip
        elif n <= last_needed and any(clean(c) for c in cells):
            problems.append(
                Problem(
                    short, number, None,
                    f"only {n} cells but the header has {width}: the row may be cut short",
                    WARNING,
                    "row_too_short",
                    (str(n), str(width)),
                )
            )  # fmt: skip
        joined = "".join(raw)
        if joined.isascii() and joined.isprintable():
            vals = [" ".join(v.split()) for v in raw]  # == clean() for printable ASCII
        else:
            vals = [clean(v) for v in raw]
        if not any(vals) and not any(clean(c) for c in cells):
            continue  # a blank row, silently
        data_rows += 1
        found: list[Problem] = []
        reference, first, last, full, organisation, raw_country, email, raw_category = vals
        if full_col is not None:
            first, last = split_full_name(full, last_first=last_first)
        email = email.lower()
        if email.startswith("mailto:"):
            email = email[7:].strip()

        if not first and not last:
            found.append(
                Problem(
                    short, number, name_column, "no first name and no last name", ERROR,
                    "no_name",
                )
            )  # fmt: skip
        longest = max(len(reference), len(first), len(last), len(organisation), len(email))
        for fld, value in (
            ("reference", reference),
            ("first_name", first),
            ("last_name", last),
            ("organisation", organisation),
            ("email", email),
        ):
            if longest > _SHORTEST_LIMIT and len(value) > _LIMITS[fld]:
                found.append(
                    Problem(
                        short,
                        number,
                        heading.get(fld) or name_column,
                        f"{fld.replace('_', ' ')} too long ({len(value)} characters; "
                        f"at most {_LIMITS[fld]})",
                        ERROR,
                        f"{fld}_too_long",
                        (str(len(value)), str(_LIMITS[fld])),
                    )
                )
        if email and not valid_email(email):
            found.append(
                Problem(
                    short, number, h_email, f"invalid e-mail address {email!r}", ERROR,
                    "invalid_email", (repr(email),),
                )
            )  # fmt: skip

        country = ""
        if raw_country:
            country = normalise_country(raw_country) or ""
            if not country:
                found.append(
                    Problem(
                        short, number, h_country, f"unknown country {raw_country!r}", ERROR,
                        "unknown_country", (repr(raw_country),),
                    )
                )  # fmt: skip

        category = ""  # empty: the event's first category for a new delegate, else unchanged
        if raw_category:
            category = cat_index.get(_fold(raw_category), "")
            if not category:
                found.append(
                    Problem(
                        short,
                        number,
                        h_cat,
                        f"unknown category {raw_category!r} ({_category_choices(categories)})",
                        ERROR,
                        "unknown_category" if categories else "unknown_category_none",
                        (repr(raw_category), _category_list(categories)),
                    )
                )

        if reference:
            if reference in seen_ref:
                found.append(
                    Problem(
                        short, number, h_ref, f"same reference as row {seen_ref[reference]}",
                        ERROR, "duplicate_reference", (str(seen_ref[reference]),),
                    )
                )  # fmt: skip
            else:
                seen_ref[reference] = number
        if email:
            if email in seen_email:
                found.append(
                    Problem(
                        short, number, h_email, f"same email as row {seen_email[email]}",
                        ERROR, "duplicate_email", (str(seen_email[email]),),
                    )
                )  # fmt: skip
            else:
                seen_email[email] = number
        key = _name_key(first, last, organisation)
        if key is not None:
            if key in seen_name:
                found.append(
                    Problem(
                        short,
                        number,
                        name_column,
                        f"same name and organisation as row {seen_name[key]}",
                        ERROR,
                        "duplicate_name",
                        (str(seen_name[key]),),
                    )
                )
            else:
                seen_name[key] = number

        row = RosterRow(
            row=number,
            reference=reference,
            first_name=first,
            last_name=last,
            organisation=organisation,
            country=country,
            email=email,
            category=category,
        )
        if found:
            problems.extend(found)
            rejected.append(row)
        else:
            valid.append(row)

    if data_rows == 0:
        raise RosterError(
            "%1: no delegate rows (only a header in row %2); "
            "an empty list is never read as 'cancel everyone'.",
            name,
            header_row,
        )
    mapped = {f: header[c] for f, c in sorted(cols.items(), key=lambda fc: FIELDS.index(fc[0]))}
    log.info("roster read: %d rows, %d valid, %d with errors", data_rows, len(valid), len(rejected))
    return ParsedRoster(
        file=name,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header=tuple(header),
        mapping=mapped,
        rows=tuple(valid),
        problems=tuple(problems),
        rejected=tuple(rejected),
    )


# ---------------------------------------------------------------------------- planning

_MATCHED_STATUSES = (DelegateStatus.REGISTERED.value, DelegateStatus.CANCELLED.value)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass
class _Plan:
    new: list[Change]
    updated: list[Change]
    unchanged: int
    cancelled: list[Change]
    restored: list[Change]
    problems: list[Problem]
    inserts: list[dict]
    updates: list[dict]
    cancels: list[dict]


class _Index:
    """Existing delegates by reference, e-mail and name key (lists: keys can repeat).

    The name index, the costly one, is built only if some row needs it.
    """

    def __init__(self, delegates: list[dict]) -> None:
        self.delegates = delegates
        self.ref: dict[str, list[dict]] = {}
        self.email: dict[str, list[dict]] = {}
        for d in delegates:
            if d["reference"]:
                self.ref.setdefault(d["reference"], []).append(d)
            if d["email"]:
                self.email.setdefault(d["email"].lower(), []).append(d)
        self._name: dict[str, list[dict]] | None = None

    @property
    def name(self) -> dict[str, list[dict]]:
        if self._name is None:
            self._name = {}
            for d in self.delegates:
                key = _name_key(d["first_name"], d["last_name"], d["organisation"])
                if key is not None:
                    self._name.setdefault(key, []).append(d)
        return self._name

    def has(self, how: str) -> bool:
        if how == "ref":
            return bool(self.ref)
        if how == "email":
            return bool(self.email)
        return bool(self.delegates)

    def candidates(self, row: RosterRow, how: str) -> list[dict]:
        if how == "ref":
            return self.ref.get(row.reference, []) if row.reference else []
        if how == "email":
            return self.email.get(row.email, []) if row.email else []
        key = _name_key(row.first_name, row.last_name, row.organisation)
        return self.name.get(key, []) if key is not None else []


def _compatible(row: RosterRow, delegate: dict) -> bool:
    # Two different non-empty references are two registrations, whatever else matches.
    return not (row.reference and delegate["reference"] and row.reference != delegate["reference"])


def _match(rows: Sequence[RosterRow], index: _Index) -> list[dict | None]:
    """Pair rows with delegates: all rows by reference first, then e-mail, then name."""
    matches: list[dict | None] = [None] * len(rows)
    claimed: set[int] = set()
    for how in ("ref", "email", "name"):
        if not index.has(how):
            continue
        for i, row in enumerate(rows):
            if matches[i] is not None:
                continue
            for d in index.candidates(row, how):
                if d["id"] not in claimed and _compatible(row, d):
                    matches[i] = d
                    claimed.add(d["id"])
                    break
    return matches


def _diff(session: DbSession, event: EventInfo, parsed: ParsedRoster, replace: bool) -> _Plan:
    now = _now()
    short = Path(parsed.file).name
    existing = [
        r._asdict()
        for r in session.execute(
            select(*DELEGATE_COLUMNS)
            .where(m.Delegate.event_id == event.id, m.Delegate.status.in_(_MATCHED_STATUSES))
            .order_by(m.Delegate.number)
        )
    ]
    max_number = session.execute(
        select(m.Delegate.number)
        .where(m.Delegate.event_id == event.id)
        .order_by(m.Delegate.number.desc())
        .limit(1)
    ).scalar()
    next_number = (max_number or 0) + 1
    default_category = event.categories[0].key if event.categories else ""
    index = _Index(existing)
    rows = parsed.rows
    matches = _match(rows, index)

    mapped = set(parsed.mapping)
    if "full_name" in mapped:
        mapped |= {"first_name", "last_name"}
    compared = [f for f in STORED if f in mapped]

    plan = _Plan([], [], 0, [], [], [], [], [], [])
    registered = DelegateStatus.REGISTERED.value
    cancelled = DelegateStatus.CANCELLED.value
    claimed_by: dict[int, int] = {}

    for i, row in enumerate(rows):
        d = matches[i]
        if d is None:
            values = {f: getattr(row, f) for f in STORED}
            values["category"] = values["category"] or default_category
            plan.inserts.append(
                {
                    "event_id": event.id,
                    "number": next_number,
                    **values,
                    "status": registered,
                    "badge_version": 1,
                    "search_text": search_text(
                        row.first_name,
                        row.last_name,
                        row.organisation,
                        row.email,
                        row.reference,
                    ),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            plan.new.append(Change(row.row, next_number, row.name))
            next_number += 1
            continue
        claimed_by[d["id"]] = row.row
        final = {f: d[f] for f in STORED}
        changed: list[str] = []
        for f in compared:
            value = getattr(row, f)
            if f in ("reference", "category") and not value:
                # An empty cell never erases the reference a delegate is known by, nor the
                # category an organiser may have set since the last import.
                continue
            if value != d[f]:
                final[f] = value
                changed.append(f)
        restore = d["status"] == cancelled
        if not changed and not restore:
            plan.unchanged += 1
            continue
        plan.updates.append(
            {
                "id": d["id"],
                **final,
                "status": registered,
                "search_text": search_text(
                    final["first_name"],
                    final["last_name"],
                    final["organisation"],
                    final["email"],
                    final["reference"],
                ),
                "updated_at": now,
            }
        )
        change = Change(
            row.row,
            d["number"],
            f"{final['first_name']} {final['last_name']}".strip(),
            tuple(changed),
        )
        (plan.restored if restore else plan.updated).append(change)

    if replace:
        protected: set[int] = set()
        for row in parsed.rejected:  # a row refused for a typo does not cancel its delegate
            for how in ("ref", "email", "name"):
                protected.update(d["id"] for d in index.candidates(row, how) if _compatible(row, d))
        for d in existing:
            if d["status"] != registered or d["id"] in claimed_by:
                continue
            if d["id"] in protected:
                plan.problems.append(
                    Problem(
                        short,
                        None,
                        None,
                        f"delegate no. {d['number']} kept: the row that lists them has an error",
                        WARNING,
                        "kept_row_has_error",
                        (str(d["number"]),),
                    )
                )
                continue
            plan.cancels.append({"id": d["id"], "status": cancelled, "updated_at": now})
            plan.cancelled.append(
                Change(None, d["number"], f"{d['first_name']} {d['last_name']}".strip())
            )
    return plan


def _report(
    parsed: ParsedRoster,
    plan: _Plan,
    *,
    applied: bool,
    dry_run: bool,
    started: float,
) -> ImportReport:
    return ImportReport(
        file=parsed.file,
        new=tuple(plan.new),
        updated=tuple(plan.updated),
        unchanged_count=plan.unchanged,
        cancelled=tuple(plan.cancelled),
        restored=tuple(plan.restored),
        problems=parsed.problems + tuple(plan.problems),
        skipped_rows=len(parsed.rejected),
        applied=applied,
        dry_run=dry_run,
        elapsed_s=time.perf_counter() - started,
    )


def _check_replace(parsed: ParsedRoster, replace: bool) -> None:
    if replace and not parsed.rows:
        raise RosterError(
            "%1: no valid delegate rows; refusing to cancel every delegate.", parsed.file
        )


def plan_import(
    store: Store, event: EventInfo, parsed: ParsedRoster, *, replace: bool = False
) -> ImportReport:
    """What importing ``parsed`` would do, without writing anything."""
    started = time.perf_counter()
    _check_replace(parsed, replace)
    with store.read() as s:
        plan = _diff(s, event, parsed, replace)
    return _report(parsed, plan, applied=False, dry_run=True, started=started)


def import_roster(
    store: Store,
    event: EventInfo,
    path: str | Path,
    *,
    replace: bool = False,
    dry_run: bool = False,
    skip_invalid: bool = False,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Read ``path`` and apply it to the event's delegates in one transaction.

    With errors in the file nothing is written (``applied`` False) unless
    ``skip_invalid``, which imports the valid rows.  ``dry_run`` only reports.
    Raises ``RosterError`` for a file that cannot be used, ``ImportCancelled`` when
    ``cancelled()`` returns True (nothing written).
    """
    started = time.perf_counter()
    parsed = read_roster(path, sheet=sheet, mapping=mapping, categories=event.categories)
    refused = bool(parsed.errors) and not skip_invalid
    if dry_run or refused:
        if not refused:
            _check_replace(parsed, replace)
        with store.read() as s:
            # A refused file with no valid row at all previews no cancellations.
            plan = _diff(s, event, parsed, replace and bool(parsed.rows))
        report = _report(parsed, plan, applied=False, dry_run=dry_run, started=started)
        log.info(
            "roster import %s: %d rows with errors",
            "dry run" if dry_run else "refused",
            report.skipped_rows,
        )
        return report
    _check_replace(parsed, replace)

    def stop() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("%1: import cancelled; nothing was changed.", parsed.file)

    stop()
    with store.write() as s:
        # Serialise imports of one event on PostgreSQL (SQLite: BEGIN IMMEDIATE does it).
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
        plan = _diff(s, event, parsed, replace)
        total = len(plan.inserts) + len(plan.updates) + len(plan.cancels)
        done = 0
        if progress is not None:
            progress(0, total)
        for statement, rows in (
            (insert(m.Delegate.__table__), plan.inserts),  # Core: no ORM work per row
            (update(m.Delegate), plan.updates),
            (update(m.Delegate), plan.cancels),
        ):
            for start in range(0, len(rows), CHUNK):
                stop()
                chunk = rows[start : start + CHUNK]
                s.execute(statement, chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        stop()
    report = _report(parsed, plan, applied=True, dry_run=False, started=started)
    log.info(
        "roster imported: %d new, %d updated, %d unchanged, %d cancelled, %d restored, "
        "%d skipped in %.2f s",
        len(report.new),
        len(report.updated),
        report.unchanged_count,
        len(report.cancelled),
        len(report.restored),
        report.skipped_rows,
        report.elapsed_s,
    )
    return report

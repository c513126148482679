"""A delegate list as a table of text cells, and a CSV file read into one.

``Table`` is what every file format comes down to before the header is looked for:
numbered rows of raw cells, what was detected (encoding, delimiter, sheet), and notes
found while reading (a line in another encoding, a NUL removed, a merged cell), which
become warnings of the import.  ``read_csv`` reads CSV bytes: the encoding (``decode``),
the delimiter (Excel's ``sep=`` line, the header line, else ``csv.Sniffer``), and quotes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from checkin.core.roster.decode import MIXED, decode, looks_binary, mixed_lines
from checkin.core.roster.report import RosterError

# The csv module refuses cells over 128 KiB with a message about its own limit; a cell
# that long is a pasting accident in one row, reported on that row as "too long".
csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))

# (row, column header or None, message, reason, args)
RowNote = tuple[int, str | None, str, str, tuple[str, ...]]


@dataclass
class Table:
    rows: list[tuple[int, list[str]]]  # (row number, raw cells)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    # (message, reason, args): about the whole file
    warnings: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    # Found while reading, before validation.
    row_warnings: list[RowNote] = field(default_factory=list)


_SEP_LINE = re.compile(r"^sep=(.)[ \t]*\r?\n", re.IGNORECASE)
DELIMITERS = ",;\t"


def pick_delimiter(text: str) -> str:
    """The delimiter of CSV ``text``: the one the header line uses most, else the
    ``csv.Sniffer``'s guess, else a comma."""
    lines = [ln for ln in text[:65536].splitlines()[:50] if ln.strip()]
    header = next(
        (ln for ln in lines[:10] if any(d in ln for d in DELIMITERS)), lines[0] if lines else ""
    )
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts.values())
    leaders = [d for d in DELIMITERS if counts[d] == best]
    # The header line rarely lies (names in the rows below may hold commas and
    # semicolons); the Sniffer, which looks at many lines, settles ties and headerless
    # guesses.
    if best > 0 and len(leaders) == 1:
        return leaders[0]
    sample = text[:16384]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except Exception:  # csv.Error, or anything its heuristics trip on
        sniffed = None
    if sniffed in leaders:
        return sniffed
    return leaders[0] if best > 0 else sniffed if sniffed in counts else ","


def read_csv(data: bytes, name: str) -> Table:
    """CSV bytes -> a table; ``RosterError`` for bytes that are no CSV at all."""
    text, encoding = decode(data, name)
    if looks_binary(text):
        raise RosterError("%1: not a CSV or Excel file (binary content).", name)
    sep = _SEP_LINE.match(text)
    if sep and sep.group(1) in DELIMITERS:
        # Excel's "sep=;" hint line is not shown as a row.
        delimiter = sep.group(1)
        text = text[sep.end() :]
    else:
        delimiter = pick_delimiter(text)
    rows = _csv_rows(text, delimiter, name)
    table = Table(rows=rows, encoding=encoding, delimiter=delimiter)
    if encoding == MIXED:
        for line in mixed_lines(data):
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


def _csv_rows(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    rows: list[tuple[int, list[str]]] = []
    try:
        rows.extend(enumerate(reader, start=1))  # the rows read stay if one is unreadable
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
    return rows

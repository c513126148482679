"""Reading a delegate list: the file, its header, then its rows, without the database.

* ``read_table(path)`` opens the file as what its content says it is (CSV or .xlsx;
  PDFs, images, .ods and old .xls are refused in words that say what to do).
* ``preview_roster(path)`` reads only as far as an import wizard needs: detected
  encoding, delimiter or sheet, the header, the guessed mapping and the first rows.
* ``read_roster(path)`` reads and validates every row into a ``ParsedRoster``: rows,
  and problems naming file, row and column.  Its steps: ``read_table`` ->
  ``columns.read_header`` -> ``columns.require_name_column`` -> problems found while
  reading (``reading_problems``) and about the header (``columns.header_problems``) ->
  ``validate.validate_rows``.

Log messages carry counts only: rosters are personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from checkin.core.errors import translatable
from checkin.core.roster.bulk import paused_gc
from checkin.core.roster.columns import header_problems, read_header, require_name_column
from checkin.core.roster.report import WARNING, FilePreview, ParsedRoster, Problem, RosterError
from checkin.core.roster.table import Table, read_csv
from checkin.core.roster.validate import validate_rows
from checkin.core.roster.xlsx import read_xlsx
from checkin.core.text import clean
from checkin.core.types import CategoryInfo

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 200 * 1024 * 1024

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


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RosterError("%1: the file is too large (%2 MB).", name, size // 2**20)
        return path.read_bytes()
    except OSError as exc:
        raise RosterError("%1: cannot read the file (%2).", name, exc.strerror or exc) from exc


def read_table(path: Path, sheet: str | None) -> Table:
    """The file's rows as text cells; the content decides the format, not the name."""
    name = str(path)
    data = _read_bytes(path)
    # Trust the content, not the extension: a "list.xlsx" is sometimes a renamed CSV.
    refusal = _not_a_list(data, name)
    if refusal is not None:
        raise RosterError(*refusal)
    if data.startswith(b"PK\x03\x04") and b"opendocument" in data[:100]:
        raise RosterError(
            "%1: an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8.", name
        )
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data, name, sheet)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError(
            "%1: an old Excel 97-2003 (.xls) file or a password-protected workbook; "
            "save it as .xlsx (without a password) or CSV UTF-8.",
            name,
        )
    table = read_csv(data, name)
    if sheet is not None:
        table.warnings.append(
            (f"the file is CSV: sheet {sheet!r} ignored", "csv_sheet_ignored", (repr(sheet),))
        )
    return table


def reading_problems(file: str, table: Table) -> list[Problem]:
    """What reading noticed (a sheet ignored, a line in another encoding...) as warnings."""
    problems = [
        Problem(file, None, None, text, WARNING, reason, args)
        for text, reason, args in table.warnings
    ]
    problems += [
        Problem(file, r, c, text, WARNING, reason, args)
        for r, c, text, reason, args in table.row_warnings
    ]
    return problems


def preview_roster(path: str | Path, *, sheet: str | None = None, rows: int = 20) -> FilePreview:
    """Read ``path`` as ``read_roster`` does and return its header, detected encoding,
    delimiter or sheet, the guessed column mapping and the first ``rows`` rows."""
    path = Path(path)
    table = read_table(path, sheet)
    header = read_header(str(path), table.rows, {})
    body = [
        (number, tuple(clean(c) for c in cells))
        for number, cells in table.rows
        if number > header.row and any(clean(c) for c in cells)
    ]
    return FilePreview(
        file=str(path),
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header_row=header.row,
        header=header.cells,
        rows=tuple(body[:rows]),
        data_rows=len(body),
        mapping=header.mapping,
    )


@paused_gc()
def read_roster(
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    categories: Sequence[CategoryInfo] = (),
) -> ParsedRoster:
    """Read and validate a delegate list (CSV or XLSX, detected by content).

    ``mapping`` (field -> column header) corrects the guessed columns; ``categories``
    are the event's, which a category cell must name by key or label.
    """
    path = Path(path)
    name, short = str(path), path.name
    table = read_table(path, sheet)
    header = read_header(name, table.rows, dict(mapping or {}))
    require_name_column(name, header)
    problems = reading_problems(short, table) + header_problems(short, header)
    checked = validate_rows(short, table.rows, header, categories)
    if checked.data_rows == 0:
        raise RosterError(
            "%1: no delegate rows (only a header in row %2); "
            "an empty list is never read as 'cancel everyone'.",
            name,
            header.row,
        )
    log.info(
        "roster read: %d rows, %d valid, %d with errors",
        checked.data_rows, len(checked.valid), len(checked.rejected),
    )  # fmt: skip
    return ParsedRoster(
        file=name,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header=header.cells,
        mapping=header.mapping,
        rows=checked.valid,
        problems=(*problems, *checked.problems),
        rejected=checked.rejected,
    )

"""What reading and importing a delegate list hand back: rows, problems and reports.

Plain frozen values, shared by every step of the import (``read`` -> ``columns`` ->
``validate`` -> ``plan`` -> ``apply``) and by the callers (the CLI, the import wizard),
so that none of them needs the others' internals to read a result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from checkin.core.errors import UserError

ERROR = "error"
WARNING = "warning"


class RosterError(UserError):
    """A file that cannot be used at all; the message names it and says what is wrong."""


class ImportCancelled(RosterError):
    """The user cancelled the import; the transaction was rolled back."""


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


def _errors(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    return tuple(p for p in problems if p.severity == ERROR)


def _warnings(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    return tuple(p for p in problems if p.severity == WARNING)


class RosterRow(NamedTuple):
    """One delegate as read from the file.

    ``row`` is the row number a spreadsheet shows (the header usually being row 1);
    ``country`` is ISO alpha-2 or ""; ``email`` is lower-case; ``category`` is a
    category key of the event or "".  A named tuple rather than a frozen dataclass,
    immutable all the same: an import makes one per row, 50,000 of them, at a tenth of
    the cost (``row_columns.records``).
    """

    row: int
    reference: str
    first_name: str
    last_name: str
    organisation: str
    country: str
    email: str
    category: str
    note: str = ""  # an attention note for the desk; "" = none in the file

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
        return _errors(self.problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return _warnings(self.problems)


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


class Change(NamedTuple):
    """One delegate an import adds, updates, cancels or restores (a named tuple, like
    ``RosterRow``: one per row)."""

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
        return _errors(self.problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return _warnings(self.problems)

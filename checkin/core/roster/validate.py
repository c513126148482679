"""The rows of a list under its header, checked one by one into delegates and problems.

Each row is cut to the mapped columns and cleaned (``row_values``), turned into a
person (``row_person``: the full name split, the e-mail normalised), then checked:
a name, lengths, the e-mail address, the country, the category, and duplicates of an
earlier row (``identity.FirstSeen``).  A row with an error is rejected, not dropped: an
import with ``replace`` must not cancel the delegate it was meant to be.

``validate_rows`` gives exactly that for a whole list, a column at a time
(``row_columns``): each check first asks a whole column which rows may fail it, and the
per-row checks above, which word every problem, run only for those rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checkin.core.roster.columns import Header, split_full_name
from checkin.core.roster.countries import normalise_country
from checkin.core.roster.field_rules import (
    LIMITS,
    category_choices,
    category_index,
    category_list,
    fold_value,
    invalid_emails,
    normalise_email,
    valid_email,
)
from checkin.core.roster.identity import KINDS, FirstSeen, earlier_rows, name_keys
from checkin.core.roster.report import ERROR, WARNING, Problem, RosterRow
from checkin.core.roster.row_columns import (
    Column,
    clean_column,
    lookup_column,
    pick_columns,
    records,
)
from checkin.core.text import clean
from checkin.core.types import CategoryInfo

NOTE_MAX = 500  # an attention note's length (``accreditation.notes``); longer is cut
# The order ``row_values`` returns a row's values in.
ORDER = ("reference", "first_name", "last_name", "full_name", "organisation", "country",
         "email", "category", "note")  # fmt: skip
_LENGTH_CHECKED = ("reference", "first_name", "last_name", "organisation", "email")
_SHORTEST_LIMIT = min(LIMITS.values())
# What a repeated key says, by identity kind: (column's field, message, reason).
_REPEATS = {
    "reference": ("reference", "same reference as row %s", "duplicate_reference"),
    "email": ("email", "same email as row %s", "duplicate_email"),
    "name": ("", "same name and organisation as row %s", "duplicate_name"),
}


@dataclass(frozen=True)
class RawRow:
    """One row's values before checking: country and category as typed."""

    row: int
    reference: str
    first_name: str
    last_name: str
    organisation: str
    country: str
    email: str
    category: str
    note: str = ""


@dataclass(frozen=True)
class Validated:
    valid: tuple[RosterRow, ...]
    rejected: tuple[RosterRow, ...]
    problems: tuple[Problem, ...]  # warnings about the rows' shape, and every row's errors
    data_rows: int  # non-blank rows under the header


def row_values(cells: Sequence[str], picks: Sequence[int]) -> list[str]:
    """The cleaned cells at ``picks`` ("" for a column the row lacks or a pick of -1)."""
    n = len(cells)
    raw = [cells[c] if 0 <= c < n else "" for c in picks]
    joined = "".join(raw)
    if joined.isascii() and joined.isprintable():
        return [" ".join(v.split()) for v in raw]  # == clean() for printable ASCII
    return [clean(v) for v in raw]


def row_person(number: int, values: Sequence[str], header: Header) -> RawRow:
    """Values in ``ORDER`` -> a person: a full name split, the e-mail normalised."""
    reference, first, last, full, organisation, country, email, category, note = values
    if "full_name" in header.columns:
        first, last = split_full_name(full, last_first=header.last_first)
    return RawRow(number, reference, first, last, organisation, country,
                  normalise_email(email), category, note[:NOTE_MAX])  # fmt: skip


def shape_problem(file: str, number: int, cells: Sequence[str], header: Header) -> Problem | None:
    """A warning for a row longer than the header (with content there) or too short
    to hold every mapped column."""
    n, width = len(cells), len(header.cells)
    if n > width and any(clean(c) for c in cells[width:]):
        last = header.cells[-1]
        return Problem(
            file, number, None,
            f"{n} cells but the header has {width}: the cells after column {last!r} are "
            "not read (a delimiter inside a name?)",
            WARNING, "row_too_long", (str(n), str(width), repr(last)),
        )  # fmt: skip
    if n <= max(header.columns.values()) and any(clean(c) for c in cells):
        return Problem(
            file, number, None,
            f"only {n} cells but the header has {width}: the row may be cut short",
            WARNING, "row_too_short", (str(n), str(width)),
        )  # fmt: skip
    return None


class RowChecker:
    """The checks of one list's rows: what they need from the header and the event,
    and the keys of the rows seen so far."""

    def __init__(self, file: str, header: Header, categories: Sequence[CategoryInfo]) -> None:
        self.file = file
        self.header = header
        self.categories = categories
        self.category_keys = category_index(categories)
        self.seen = FirstSeen()

    def check(self, raw: RawRow) -> tuple[RosterRow, list[Problem]]:
        """The row as a delegate (country and category as keys, "" if unknown) and its
        errors, in the order the columns are usually read."""
        row, found = self.check_fields(raw)
        return row, found + self._repeats(row)

    def check_fields(self, raw: RawRow) -> tuple[RosterRow, list[Problem]]:
        """``check`` without the repeats of earlier rows."""
        found = self._name(raw) + self._lengths(raw) + self._email(raw)
        country, problem = self._country(raw)
        found += problem
        category, problem = self._category(raw)
        found += problem
        row = RosterRow(raw.row, raw.reference, raw.first_name, raw.last_name,
                        raw.organisation, country, raw.email, category, raw.note)  # fmt: skip
        return row, found

    def _name(self, raw: RawRow) -> list[Problem]:
        if raw.first_name or raw.last_name:
            return []
        return [Problem(self.file, raw.row, self.header.name_column,
                        "no first name and no last name", ERROR, "no_name")]  # fmt: skip

    def _lengths(self, raw: RawRow) -> list[Problem]:
        values = [getattr(raw, f) for f in _LENGTH_CHECKED]
        if max(map(len, values)) <= _SHORTEST_LIMIT:
            return []
        return [
            Problem(
                self.file,
                raw.row,
                self.header.heading(fld) or self.header.name_column,
                f"{fld.replace('_', ' ')} too long ({len(value)} characters; "
                f"at most {LIMITS[fld]})",
                ERROR,
                f"{fld}_too_long",
                (str(len(value)), str(LIMITS[fld])),
            )
            for fld, value in zip(_LENGTH_CHECKED, values, strict=True)
            if len(value) > LIMITS[fld]
        ]

    def _email(self, raw: RawRow) -> list[Problem]:
        if not raw.email or valid_email(raw.email):
            return []
        return [Problem(self.file, raw.row, self.header.heading("email"),
                        f"invalid e-mail address {raw.email!r}", ERROR, "invalid_email",
                        (repr(raw.email),))]  # fmt: skip

    def _country(self, raw: RawRow) -> tuple[str, list[Problem]]:
        if not raw.country:
            return "", []
        country = normalise_country(raw.country) or ""
        if country:
            return country, []
        return "", [Problem(self.file, raw.row, self.header.heading("country"),
                            f"unknown country {raw.country!r}", ERROR, "unknown_country",
                            (repr(raw.country),))]  # fmt: skip

    def _category(self, raw: RawRow) -> tuple[str, list[Problem]]:
        # Empty: the event's first category for a new delegate, else unchanged.
        if not raw.category:
            return "", []
        category = self.category_keys.get(fold_value(raw.category), "")
        if category:
            return category, []
        cats = self.categories
        return "", [
            Problem(
                self.file,
                raw.row,
                self.header.heading("category"),
                f"unknown category {raw.category!r} ({category_choices(cats)})",
                ERROR,
                "unknown_category" if cats else "unknown_category_none",
                (repr(raw.category), category_list(cats)),
            )
        ]

    def _repeats(self, row: RosterRow) -> list[Problem]:
        return self.repeat_problems(row.row, self.seen.repeats(row, row.row))

    def repeat_problems(self, number: int, repeats: dict[str, int]) -> list[Problem]:
        """The errors of row ``number`` for its keys seen before (kind -> earlier row)."""
        problems = []
        for kind, earlier in repeats.items():
            field, message, reason = _REPEATS[kind]
            column = self.header.heading(field) if field else self.header.name_column
            problems.append(Problem(self.file, number, column, message % earlier, ERROR,
                                    reason, (str(earlier),)))  # fmt: skip
        return problems


def validate_rows(
    file: str,
    rows: Sequence[tuple[int, list[str]]],
    header: Header,
    categories: Sequence[CategoryInfo],
) -> Validated:
    """Every row under ``header``: blank rows skipped, the others checked.

    Column by column (``row_columns``), with the same rows, problems and order as
    ``row_values`` -> ``row_person`` -> ``RowChecker.check`` row by row: the per-row
    checks run only on the rows some column says may have a problem.
    """
    body = [row for row in rows if row[0] > header.row]
    picks = [header.columns.get(f, -1) for f in ORDER]
    columns = [clean_column(c) for c in pick_columns([cells for _n, cells in body], picks)]
    blank = _blank_rows(body, columns)
    if blank:
        body = [row for i, row in enumerate(body) if i not in blank]
        columns = [[v for i, v in enumerate(c) if i not in blank] for c in columns]
    numbers = [number for number, _cells in body]
    people = _people(columns, header)
    checker = RowChecker(file, header, categories)
    keys = checker.category_keys
    countries = lookup_column(people[4], lambda v: normalise_country(v) or "")
    cats = lookup_column(people[6], lambda v: keys.get(fold_value(v), "") if v else "")
    reference, first, last, organisation, _country, email, _category, note = people
    checked = records(RosterRow, numbers, reference, first, last, organisation, countries,
                      email, cats, note)  # fmt: skip
    suspects = _field_suspects(people, countries, cats)
    repeats = _repeats(numbers, people)
    shapes = _shape_suspects([cells for _n, cells in body], header)
    problems: list[Problem] = []
    rejected: list[int] = []
    for i in sorted(suspects | repeats.keys() | shapes):
        if i in shapes:
            shape = shape_problem(file, numbers[i], body[i][1], header)
            problems += [shape] if shape is not None else []
        raw = RawRow(numbers[i], *(column[i] for column in people))
        found = checker.check_fields(raw)[1] if i in suspects else []
        found += checker.repeat_problems(numbers[i], repeats.get(i, {}))
        if found:
            problems += found
            rejected.append(i)
    refused = set(rejected)
    valid = [row for i, row in enumerate(checked) if i not in refused] if refused else checked
    return Validated(tuple(valid), tuple(checked[i] for i in rejected), tuple(problems),
                     len(body))  # fmt: skip


def _blank_rows(body: Sequence[tuple[int, list[str]]], columns: list[Column]) -> set[int]:
    """The rows with nothing in any cell (mapped or not), by index."""
    filled = list(map(any, zip(*columns, strict=True)))
    if all(filled):
        return set()
    return {i for i, f in enumerate(filled) if not f and not any(clean(c) for c in body[i][1])}


def _people(columns: list[Column], header: Header) -> list[Column]:
    """The cleaned columns in ``ORDER`` as the fields of ``RawRow``: ``row_person`` for
    every row at once (a full name split, the e-mail normalised, the note cut)."""
    reference, first, last, full, organisation, country, email, category, note = columns
    if "full_name" in header.columns:
        last_first = header.last_first
        pairs = [split_full_name(v, last_first=last_first) for v in full]
        first, last = [f for f, _l in pairs], [la for _f, la in pairs]
    emails = list(map(str.lower, email))
    if "|mailto:" in "|" + "|".join(emails):
        emails = list(map(normalise_email, email))
    if max(map(len, note), default=0) > NOTE_MAX:
        note = [v[:NOTE_MAX] for v in note]
    return [reference, first, last, organisation, country, emails, category, note]


def _field_suspects(people: list[Column], countries: Column, categories: Column) -> set[int]:
    """The rows ``RowChecker.check_fields`` would find an error in, by index."""
    reference, first, last, organisation, country, email, category, _note = people
    found = (
        {i for i, (f, la) in enumerate(zip(first, last, strict=True)) if not (f or la)}
        if "" in first and "" in last else set()
    )  # fmt: skip
    lengths = zip(_LENGTH_CHECKED, (reference, first, last, organisation, email), strict=True)
    for field, values in lengths:
        limit = LIMITS[field]
        if max(map(len, values), default=0) > limit:
            found |= {i for i, v in enumerate(values) if len(v) > limit}
    bad = invalid_emails(email)
    if bad:
        found |= {i for i, v in enumerate(email) if v in bad}
    for typed, known in ((country, countries), (category, categories)):
        # A value typed but not known: asked of each distinct (typed, known) pair first.
        if any(t and not k for t, k in set(zip(typed, known, strict=True))):
            found |= {i for i, (t, k) in enumerate(zip(typed, known, strict=True)) if t and not k}
    return found


def _repeats(numbers: Sequence[int], people: list[Column]) -> dict[int, dict[str, int]]:
    """Row index -> kind -> the earlier row with the same key (``FirstSeen`` at once)."""
    reference, first, last, organisation, _country, email = people[:6]
    keys = {
        "reference": _keys(reference),
        "email": _keys(email),  # in lower case already (``_people``)
        "name": name_keys(first, last, organisation),
    }
    found: dict[int, dict[str, int]] = {}
    for kind in KINDS:
        for i, earlier in earlier_rows(keys[kind], numbers).items():
            found.setdefault(i, {})[kind] = earlier
    return found


def _keys(values: Column) -> Sequence[str | None]:
    """The values as identity keys: None for an empty one (no key)."""
    return [v or None for v in values] if "" in values else values


def _shape_suspects(cells: Sequence[Sequence[str]], header: Header) -> set[int]:
    """The rows that may be longer than the header or too short (``shape_problem``)."""
    width, top = len(header.cells), max(header.columns.values(), default=-1)
    lengths = list(map(len, cells))
    if not lengths or (max(lengths) <= width and min(lengths) > top):
        return set()
    return {i for i, n in enumerate(lengths) if n > width or n <= top}

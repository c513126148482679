"""From a file's header to the delegate's fields: which column holds what.

Headers are matched in English or French, or as exported by Eventbrite, pretix and
Indico (``SYNONYMS``), after folding case, accents and punctuation; an explicit
``field=column`` mapping wins over the guess.  A list with one name column is split into
first and last name by ``split_full_name``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checkin.core.roster.report import WARNING, Problem, RosterError
from checkin.core.text import clean, fold

FIELDS = (
    "reference",
    "first_name",
    "last_name",
    "full_name",
    "organisation",
    "country",
    "email",
    "category",
    "note",
)
# The fields stored on a delegate (``full_name`` is split into first and last name).
STORED = ("reference", "first_name", "last_name", "organisation", "country", "email", "category")
NAME_FIELDS = ("first_name", "last_name", "full_name")


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
    # An attention note for the desk (``accreditation.notes``).
    "note": _names(
        "Note|Notes|Remarque|Remarques|Attention|Desk note|Note for the desk|"
        "Note pour l'accueil|Note accueil"
    ),
}
# Full-name headers that announce the family name first ("Nom, prénom").
_LAST_FIRST = {
    "nometprenom",
    "nomprenom",
    "lastnamefirstname",
    "surnamefirstname",
}
# Shown when no column holds a name.
_NAME_HEADERS = ("First name", "Last name", "Name", "Prénom", "Nom", "Nom complet",
                 "Attendee name")  # fmt: skip
_HKEY_JUNK = re.compile(r"[^\w#]+")


def header_key(header: str) -> str:
    """ "Adresse électronique" -> "adresseelectronique", "N°" -> "no", "E-mail" -> "email"."""
    return _HKEY_JUNK.sub("", fold(header).replace("°", "o").replace("_", ""))


_HEADER_INDEX: dict[str, tuple[str, int]] = {}
for _field, _headers in SYNONYMS.items():
    for _rank, _name in enumerate(_headers):
        _HEADER_INDEX.setdefault(header_key(_name), (_field, _rank))
for _field in FIELDS:  # the field names themselves ("first_name", "email"...)
    _HEADER_INDEX.setdefault(header_key(_field), (_field, -1))


def auto_mapping(header: Sequence[str]) -> dict[str, int]:
    """field -> column index, guessed from the headers (the preferred synonym wins)."""
    best: dict[str, tuple[int, int]] = {}
    for col, text in enumerate(header):
        hit = _HEADER_INDEX.get(header_key(text)) if text else None
        if hit is None:
            continue
        name, rank = hit
        if name not in best or rank < best[name][0]:
            best[name] = (rank, col)
    return {name: col for name, (_rank, col) in best.items()}


def has_name(mapping: dict[str, int]) -> bool:
    return any(f in mapping for f in NAME_FIELDS)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: columns as a spreadsheet names them."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ---------------------------------------------------------------------------- the header


def find_header(
    rows: list[tuple[int, list[str]]], overrides: dict[str, str]
) -> tuple[int, list[str]] | None:
    """The header row: the first of the first ten non-blank rows that names a name column
    (or every column of an explicit mapping); else the first non-blank row.

    Exports sometimes carry a title line or two above the header.
    """
    wanted = {header_key(v) for v in overrides.values() if v}
    first: tuple[int, list[str]] | None = None
    seen = 0
    for number, cells in rows:
        cleaned = [clean(c) for c in cells]
        if not any(cleaned):
            continue
        first = first or (number, cells)
        if wanted:
            if wanted <= {header_key(c) for c in cleaned}:
                return number, cells
        elif has_name(auto_mapping(cleaned)):
            return number, cells
        seen += 1
        if seen == 10:
            break
    return first


@dataclass(frozen=True)
class Header:
    """The header row of a list and the column of each field read from it."""

    row: int  # its row number
    cells: tuple[str, ...]  # cleaned, without empty cells at the end
    columns: dict[str, int]  # field -> column index

    def heading(self, field: str) -> str | None:
        """The header of the column ``field`` is read from, None if not read."""
        col = self.columns.get(field)
        if col is None:
            return None
        return self.cells[col] if col < len(self.cells) else field

    @property
    def mapping(self) -> dict[str, str]:
        """field -> column header, in ``FIELDS`` order."""
        ordered = sorted(self.columns.items(), key=lambda fc: FIELDS.index(fc[0]))
        return {f: self.cells[c] for f, c in ordered}

    @property
    def last_first(self) -> bool:
        """A full-name column whose header says the family name comes first."""
        col = self.columns.get("full_name")
        return col is not None and header_key(self.cells[col]) in _LAST_FIRST

    @property
    def name_column(self) -> str | None:
        """The column a "no name" problem points at."""
        return self.heading("full_name") or self.heading("last_name") or self.heading(
            "first_name"
        )


def read_header(
    name: str, rows: list[tuple[int, list[str]]], overrides: dict[str, str]
) -> Header:
    """The header of ``rows`` and its mapping; ``RosterError`` for a file with no rows,
    or a mapping that names an unknown field or column."""
    found = find_header(rows, overrides)
    if found is None:
        raise RosterError("%1: no delegate rows (the file is empty).", name)
    header_row, header_cells = found
    header = [clean(c) for c in header_cells]
    while header and not header[-1]:
        header.pop()
    return Header(header_row, tuple(header), resolve_mapping(name, header, overrides))


def resolve_mapping(name: str, header: Sequence[str], overrides: dict[str, str]) -> dict[str, int]:
    """The guessed mapping, corrected by ``overrides`` (field -> column header; an
    empty header: do not read that field)."""
    explicit, dropped = _explicit_columns(name, header, overrides)
    auto = auto_mapping(header)
    mapping = {f: c for f, c in auto.items() if c not in explicit.values() and f not in dropped}
    mapping.update(explicit)
    if "full_name" in explicit:
        for f in ("first_name", "last_name"):
            if f not in explicit:
                mapping.pop(f, None)
    elif "first_name" in mapping or "last_name" in mapping:
        mapping.pop("full_name", None)
    return mapping


def _explicit_columns(
    name: str, header: Sequence[str], overrides: dict[str, str]
) -> tuple[dict[str, int], list[str]]:
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
            key = header_key(column)
            col = next((i for i, h in enumerate(header) if h and header_key(h) == key), None)
        if col is None:
            raise RosterError(
                "%1: no column %2 (mapped to %3); the columns are: %4.",
                name,
                repr(column),
                fld,
                ", ".join(repr(h) for h in header if h),
            )
        explicit[fld] = col
    return explicit, dropped


def require_name_column(name: str, header: Header) -> None:
    """``RosterError`` unless some column holds a name: it says which columns there are."""
    if has_name(header.columns):
        return
    expected = ", ".join(repr(n) for n in _NAME_HEADERS)
    found_columns = ", ".join(repr(h) for h in header.cells if h)
    if not found_columns:
        raise RosterError(
            "%1: no name column in row %2. Columns found: none. Expected one of: %3 "
            "(or map one with field=column).",
            name,
            header.row,
            expected,
        )
    raise RosterError(
        "%1: no name column in row %2. Columns found: %3. Expected one of: %4 "
        "(or map one with field=column).",
        name,
        header.row,
        found_columns,
        expected,
    )


def header_problems(file: str, header: Header) -> list[Problem]:
    """Warnings about the header: two columns with one name, columns not read."""
    cells = header.cells
    problems: list[Problem] = []
    used = set(header.columns.values())
    ignored = [h for i, h in enumerate(cells) if h and i not in used]
    twins = {
        cells[c]: [i for i, h in enumerate(cells) if header_key(h) == header_key(cells[c])]
        for c in used
        if c < len(cells)
    }
    for heading_text, where in twins.items():
        if len(where) > 1:
            letters = ", ".join(column_letter(i) for i in where)
            problems.append(
                Problem(
                    file,
                    header.row,
                    heading_text,
                    f"{len(where)} columns are named {heading_text!r} ({letters}): the first "
                    f"({column_letter(where[0])}) is read, the others are not",
                    WARNING,
                    "duplicate_column",
                    (str(len(where)), repr(heading_text), letters, column_letter(where[0])),
                )
            )
            ignored = [h for h in ignored if header_key(h) != header_key(heading_text)]
    if ignored:
        listed = ", ".join(repr(h) for h in ignored)
        problems.append(
            Problem(file, header.row, None, "columns not imported: " + listed, WARNING,
                    "columns_not_imported", (listed,))
        )  # fmt: skip
    return problems


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
    by_caps = _split_by_capitals(tokens)
    if by_caps is not None:
        return by_caps
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


def _split_by_capitals(tokens: list[str]) -> tuple[str, str] | None:
    """A run of capitals at either end is the family name: (first, last), or None."""
    caps = [_is_caps(t) for t in tokens]
    if not any(caps) or all(caps):
        return None
    if caps[0]:
        k = caps.index(False)
        if not any(caps[k:]):
            return " ".join(tokens[k:]), " ".join(tokens[:k])
    if caps[-1]:
        k = len(caps) - caps[::-1].index(False)
        if not any(caps[:k]):
            return " ".join(tokens[:k]), " ".join(tokens[k:])
    return None

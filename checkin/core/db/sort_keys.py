"""The stored sort keys of a delegate's names: ``sort_<field>`` holds ``text.fold`` of
``<field>`` (case and accents aside: "Élodie" sorts as "elodie", with the E).

The dashboard's long lists sort 35,000 attendees by name a page at a time; sorting by
a key computed per row at every read cost 100-350 ms at 50,000 delegates, and no index
can hold a key computed at read time on SQLite.  A key stored with the row, and an
index on (event, key), lets ``ORDER BY ... LIMIT`` walk the index instead
(``checkin.core.dashboard.pages``).  Both databases compare the stored keys byte by
byte (SQLite's BINARY, PostgreSQL's "C" collation on these columns), so both give the
same order.

Keeping them current: every INSERT made through SQLAlchemy fills the keys it is not
given from the names it is given (``folded_default``: a column default, so a new
writer cannot forget it); a statement that UPDATEs names sets the keys too, with
``sort_keys`` (as it sets ``search_text``): the roster import, a delegate edit, a
purge, a sync bundle's merge.  A bulk insert that bypasses SQLAlchemy (the import's
COPY) passes them itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from checkin.core.text import fold

# The fields the dashboard sorts by, each with its ``sort_<field>`` column.
SORTED_FIELDS = ("first_name", "last_name", "organisation", "email")


def sort_column(field: str) -> str:
    """The column holding the sort key of ``field`` (``sort_last_name``)."""
    return f"sort_{field}"


def sort_key(value: str | None) -> str:
    """The stored sort key of one value (empty for empty or NULL)."""
    return fold(value) if value else ""


def sort_keys(values: Mapping[str, Any]) -> dict[str, str]:
    """The ``sort_*`` values for the sorted fields present in ``values`` (a row's or
    an UPDATE's values): ``{"sort_last_name": "muller"}`` for ``{"last_name": "Müller"}``."""
    return {sort_column(f): sort_key(values[f]) for f in SORTED_FIELDS if f in values}


def folded_default(field: str) -> Callable[[Any], str]:
    """A column default (SQLAlchemy's context-sensitive kind) giving the sort key of
    ``field`` from the same INSERT's parameters."""

    def default(context: Any) -> str:
        return sort_key(context.get_current_parameters().get(field))

    default.__name__ = f"fold_{field}"
    return default

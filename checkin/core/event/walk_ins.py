"""Which fields a walk-in must give: per event, from its TOML file.

A first name alone made a walk-in nobody could find or badge properly, so by default a
walk-in needs a first and a last name, an organisation and a country.  An event may ask
for more or less in its file::

    [walk_ins]
    required = ["first_name", "last_name", "organisation", "country", "email"]

``checkin event init`` keeps the list with the event (``event_settings``); the desk's
form marks those fields and ``roster.walkins`` refuses a form missing one.  An event
whose file says nothing gets the default.
"""

from __future__ import annotations

from checkin.core.db.store import Store
from checkin.core.event.rules import EventError
from checkin.core.event.settings import read_setting

# The fields of a walk-in's form, in form order (``roster.person.PERSON_FIELDS``).
FIELDS = ("first_name", "last_name", "organisation", "country", "email", "category")
DEFAULT_REQUIRED = ("first_name", "last_name", "organisation", "country")
SETTING = "walk_ins.required"


def parse_required(source: str, table: object) -> tuple[str, ...] | None:
    """The ``[walk_ins]`` table's ``required`` list, in form order; None when the file
    has no such table (the default applies)."""
    if table is None:
        return None
    if not isinstance(table, dict):
        raise EventError("%1: %2: must be a table.", source, "[walk_ins]")
    names = table.get("required", list(DEFAULT_REQUIRED))
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise EventError(
            "%1: [walk_ins]: 'required' must be a list of field names, e.g. %2.",
            source, '["first_name", "last_name"]',
        )  # fmt: skip
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise EventError(
            "%1: [walk_ins]: unknown field %2 in 'required' (fields: %3).",
            source, repr(unknown[0]), ", ".join(FIELDS),
        )  # fmt: skip
    return tuple(f for f in FIELDS if f in names)


def required_fields(store: Store, event_id: int) -> tuple[str, ...]:
    """The fields a walk-in of the event must give, in form order."""
    stored = read_setting(store, event_id, SETTING)
    if isinstance(stored, list):
        return tuple(f for f in FIELDS if f in stored)
    return DEFAULT_REQUIRED

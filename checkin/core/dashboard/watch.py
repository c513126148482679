"""The dashboard's watch list: which people the coordinators want to hear about.

A coordinator chooses whole categories (speakers, VIPs, press…) and/or individual
people; the choice is kept per event in the database (``event.settings``), so every
dashboard on the same database watches the same people and the choice survives a
restart.  People are kept by badge number — stable for the event, the same in a
desk's offline copy and after a re-import — never by name, so the setting itself
holds no personal data.  An event whose choice was never saved watches speakers and
VIPs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from checkin.core.dashboard.snapshot import _PERSON, Person, _person
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.event.rules import is_key
from checkin.core.event.settings import read_setting, write_setting

SETTING = "dashboard.watch"
DEFAULT_CATEGORIES = ("speaker", "vip")
MAX_PEOPLE = 500  # a watch list is a handful of people; more is a category


class WatchError(UserError, ValueError):
    """A watch list that cannot be saved; the message says what is wrong."""


@dataclass(frozen=True)
class WatchChoice:
    """Categories (keys) and people (badge numbers) watched; sorted, no repeats."""

    categories: tuple[str, ...] = DEFAULT_CATEGORIES
    numbers: tuple[int, ...] = ()

    @classmethod
    def of(cls, categories: Iterable[str], numbers: Iterable[int]) -> WatchChoice:
        return cls(tuple(sorted(set(categories))), tuple(sorted(set(numbers))))

    @property
    def empty(self) -> bool:
        return not self.categories and not self.numbers


DEFAULT = WatchChoice()


def _parse(value: object) -> WatchChoice | None:
    """A stored value as a choice, or None when it is not one (treated as unset)."""
    if not isinstance(value, dict):
        return None
    categories, numbers = value.get("categories"), value.get("numbers")
    if not isinstance(categories, list) or not isinstance(numbers, list):
        return None
    keys = [c for c in categories if isinstance(c, str) and is_key(c)]
    nums = [n for n in numbers if isinstance(n, int) and not isinstance(n, bool) and n > 0]
    return WatchChoice.of(keys, nums)


def load_watch(store: Store, event_id: int) -> WatchChoice:
    """The event's watch list as last saved; speakers and VIPs if never saved."""
    return _parse(read_setting(store, event_id, SETTING)) or DEFAULT


def save_watch(store: Store, event_id: int, choice: WatchChoice) -> WatchChoice:
    """Keep ``choice`` for the event (replacing the last one); returns it normalised.
    An empty choice is kept too: the coordinator may want no alerts at all."""
    for key in choice.categories:
        if not is_key(key):
            raise WatchError("The watch list names a category that cannot exist: %1.", key)
    for number in choice.numbers:
        if isinstance(number, bool) or not isinstance(number, int) or number <= 0:
            raise WatchError("The watch list names a badge number that cannot exist: %1.",
                             number)
    if len(set(choice.numbers)) > MAX_PEOPLE:
        raise WatchError("The watch list can name at most %1 people; watch a category "
                         "instead.", MAX_PEOPLE)
    clean = WatchChoice.of(choice.categories, choice.numbers)
    write_setting(store, event_id, SETTING,
                  {"categories": list(clean.categories), "numbers": list(clean.numbers)})
    return clean


def people_by_number(store: Store, event_id: int, numbers: Iterable[int]) -> tuple[Person, ...]:
    """The event's delegates with these badge numbers (any status), by number: the
    people a watch list names, shown by name in the dialog."""
    wanted = sorted(set(numbers))
    if not wanted:
        return ()
    d = m.Delegate
    out: list[Person] = []
    with store.read() as s:
        conn = s.connection()
        for i in range(0, len(wanted), 500):
            batch = wanted[i : i + 500]
            query = select(*_PERSON).where(d.event_id == event_id, d.number.in_(batch))
            out.extend(_person(r) for r in conn.execute(query).all())
    return tuple(sorted(out, key=lambda p: p.number))

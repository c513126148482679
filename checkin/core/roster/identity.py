"""Who is who in the roster: one rule for "the same person", used by every check.

Two entries are the same person when they share a reference, an e-mail address (in any
case) or a folded first + last name + organisation (``key_of``).  The rule is applied
three ways:

* a list's own duplicates (``FirstSeen``): any key seen on an earlier row is an error;
* an import's matching (``Index``, ``match``): rows are paired with delegates by
  reference first, then e-mail, then name, and two different non-empty references are
  two registrations whatever else matches (``compatible``);
* one person typed in at the desk or edited by an organiser (``find_known``): who in
  the event already has this e-mail, name or reference, asked in SQL rather than by
  loading everyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from checkin.core.db import models as m
from checkin.core.roster.delegates import DELEGATE_COLUMNS, auto_reference, delegate_from_row
from checkin.core.roster.field_rules import fold_value
from checkin.core.roster.row_columns import fold_values
from checkin.core.text import fold
from checkin.core.types import DelegateInfo

KINDS = ("reference", "email", "name")  # in the order an import matches by them


class Person(Protocol):
    """Anything with the fields a person is known by (a row of a list, a delegate, a form)."""

    @property
    def reference(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def organisation(self) -> str: ...


def name_key(first: str, last: str, organisation: str) -> str | None:
    """Folded first + last name + organisation; None when there is no name at all."""
    if not first and not last:
        return None
    return f"{fold_value(first)}\x1f{fold_value(last)}\x1f{fold_value(organisation)}"


def key_of(person: Person, kind: str) -> str | None:
    """The ``kind`` key ("reference", "email" or "name") of ``person``; None if empty."""
    if kind == "reference":
        return person.reference or None
    if kind == "email":
        return person.email.lower() or None
    return name_key(person.first_name, person.last_name, person.organisation)


def given_reference(person: Person) -> str:
    """The reference a registration gave ``person``: "" for the one the app assigned a
    delegate whose roster had none (``auto_reference``), which names no registration."""
    number = getattr(person, "number", None)
    if isinstance(number, int) and person.reference == auto_reference(number):
        return ""
    return person.reference


def compatible(a: Person, b: Person) -> bool:
    """False for two different references given by a registration: two registrations."""
    ra, rb = given_reference(a), given_reference(b)
    return not (ra and rb and ra != rb)


class FirstSeen:
    """The first row each key appeared on, for a list's own duplicates."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}

    def repeats(self, person: Person, row: int) -> dict[str, int]:
        """Records ``person`` on ``row``; returns kind -> the earlier row with that key."""
        found: dict[str, int] = {}
        for kind in KINDS:
            key = key_of(person, kind)
            if key is None:
                continue
            first = self._rows[kind].setdefault(key, row)
            if first != row:
                found[kind] = first
        return found


def name_keys(
    first: Sequence[str], last: Sequence[str], organisation: Sequence[str]
) -> list[str | None]:
    """``name_key`` of every row of three columns, each distinct value folded once."""
    folded = [fold_values(column) for column in (first, last, organisation)]
    keys: list[str | None] = list(map("\x1f".join, zip(*folded, strict=True)))
    if "" in first and "" in last:  # a row may have no name at all: no key
        for i, (f, la) in enumerate(zip(first, last, strict=True)):
            if not (f or la):
                keys[i] = None
    return keys


def earlier_rows(keys: Sequence[str | None], rows: Sequence[int]) -> dict[int, int]:
    """Index -> the row its key first appeared on, for each key (not None) that appeared
    on an earlier row: ``FirstSeen`` over a whole column of keys at once."""
    first = dict(zip(reversed(keys), reversed(rows), strict=True))  # the first row wins
    given = len(keys) - keys.count(None) if None in first else len(keys)
    first.pop(None, None)
    if len(first) == given:  # no key twice
        return {}
    return {
        i: first[key]
        for i, (key, row) in enumerate(zip(keys, rows, strict=True))
        if key is not None and first[key] != row
    }


class Known(Person, Protocol):
    """A delegate as matching reads them: a ``DelegateInfo``, or a database row of the
    same columns (``plan`` reads 50,000 of them without making an object of each)."""

    @property
    def id(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def status(self) -> str: ...


K = TypeVar("K", bound=Known)


def keys_of(people: Sequence[Person], kind: str) -> list[str | None]:
    """``key_of`` of each person, each distinct name folded once."""
    if kind == "reference":
        return [p.reference or None for p in people]
    if kind == "email":
        return [p.email.lower() or None for p in people]
    return name_keys([p.first_name for p in people], [p.last_name for p in people],
                     [p.organisation for p in people])  # fmt: skip


class Index(Generic[K]):
    """Delegates by reference, e-mail and name key (lists: keys can repeat).

    Each kind's index is built when first asked for: the name index, the costly one,
    only if some row needs it.
    """

    def __init__(self, delegates: Sequence[K]) -> None:
        self.delegates = delegates
        self._by: dict[str, dict[str, list[K]]] = {}

    def by(self, kind: str) -> dict[str, list[K]]:
        """Key of ``kind`` -> the delegates with it."""
        index = self._by.get(kind)
        if index is None:
            index = self._by[kind] = {}
            for d, key in zip(self.delegates, keys_of(self.delegates, kind), strict=True):
                if key is not None:
                    index.setdefault(key, []).append(d)
        return index

    def has(self, kind: str) -> bool:
        """Whether matching by ``kind`` can find anyone at all."""
        if kind == "name":
            return bool(self.delegates)
        return bool(self.by(kind))

    def candidates(self, person: Person, kind: str) -> list[K]:
        key = key_of(person, kind)
        if key is None:
            return []
        return self.by(kind).get(key, [])

    def claimants(self, person: Person) -> Iterable[K]:
        """Every delegate ``person`` could be, by any key."""
        for kind in KINDS:
            yield from (d for d in self.candidates(person, kind) if compatible(person, d))


def match(people: Sequence[Person], index: Index[K]) -> list[K | None]:
    """Pair each person with a delegate, each delegate at most once: everyone by
    reference first, then by e-mail, then by name."""
    matches: list[K | None] = [None] * len(people)
    claimed: set[int] = set()
    for kind in KINDS:
        pending = [i for i, found in enumerate(matches) if found is None]
        if not pending or not index.has(kind):
            continue
        by_key = index.by(kind)
        # The same reference is always ``compatible``: asked only for e-mails and names.
        check = kind != "reference"
        keys = keys_of([people[i] for i in pending], kind)
        for i, key in zip(pending, keys, strict=True):
            for d in by_key.get(key, ()) if key is not None else ():
                if d.id not in claimed and (not check or compatible(people[i], d)):
                    matches[i] = d
                    claimed.add(d.id)
                    break
    return matches


def like_prefix(text: str) -> str:
    """A LIKE pattern for "starts with ``text``" (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_known(
    session: Session,
    event_id: int,
    person: Person,
    kinds: Iterable[str],
    *,
    exclude_id: int | None = None,
) -> dict[str, DelegateInfo]:
    """kind -> the delegate of the event (lowest number, cancelled ones too) who has
    ``person``'s key of that kind, for the ``kinds`` asked; ``exclude_id`` is the
    person themselves, when they are already a delegate."""
    where = [m.Delegate.event_id == event_id]
    if exclude_id is not None:
        where.append(m.Delegate.id != exclude_id)
    found: dict[str, DelegateInfo] = {}
    for kind in kinds:
        key = key_of(person, kind)
        if key is None:
            continue
        same = _find_by_name(session, where, person, key) if kind == "name" else (
            _find_by_column(session, where, kind, key)
        )
        if same is not None:
            found[kind] = same
    return found


def _find_by_column(session: Session, where: list, kind: str, key: str) -> DelegateInfo | None:
    column = func.lower(m.Delegate.email) if kind == "email" else m.Delegate.reference
    row = session.execute(
        select(*DELEGATE_COLUMNS).where(*where, column == key).order_by(m.Delegate.number).limit(1)
    ).first()
    return delegate_from_row(row) if row is not None else None


def _find_by_name(session: Session, where: list, person: Person, key: str) -> DelegateInfo | None:
    # search_text starts with the folded "first last organisation": narrow in SQL, then
    # compare exactly (rows whose search_text was never filled are compared too).
    prefix = fold(" ".join((person.first_name, person.last_name, person.organisation)))
    rows = session.execute(
        select(*DELEGATE_COLUMNS)
        .where(
            *where,
            or_(
                m.Delegate.search_text.like(like_prefix(prefix), escape="\\"),
                m.Delegate.search_text == "",
            ),
        )
        .order_by(m.Delegate.number)
    ).all()
    for row in rows:
        if name_key(row.first_name, row.last_name, row.organisation) == key:
            return delegate_from_row(row)
    return None

"""What importing a read list would do to the event's delegates, as rows to write.

The list's rows are matched with the delegates (``identity.match``: reference, then
e-mail, then name); a row with no delegate is new, a matched one is updated where the
file says something else (an empty reference or category cell never erases one), or
restored if it had been cancelled.  With ``replace``, a registered delegate missing
from the list is cancelled, unless a row refused for an error could be them.
Delegates are never deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import attrgetter
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.sort_keys import sort_keys
from checkin.core.roster.bulk import ColumnRows
from checkin.core.roster.columns import STORED
from checkin.core.roster.delegates import (
    DELEGATE_COLUMNS,
    DelegateRow,
    auto_reference,
    delegate_rows,
    folded_columns,
    joined_search_texts,
    search_text,
)
from checkin.core.roster.identity import Index, Known, match
from checkin.core.roster.numbers import free_numbers
from checkin.core.roster.report import WARNING, Change, ParsedRoster, Problem, RosterRow
from checkin.core.roster.row_columns import records
from checkin.core.types import DelegateStatus, EventInfo

_MATCHED_STATUSES = (DelegateStatus.REGISTERED.value, DelegateStatus.CANCELLED.value)
_REGISTERED = DelegateStatus.REGISTERED.value
_CANCELLED = DelegateStatus.CANCELLED.value
# Fields an empty cell never erases: the reference a delegate is known by, and the
# category an organiser may have set since the last import.
_KEPT_WHEN_EMPTY = ("reference", "category")


def _now() -> dt.datetime:
    return clock.naive_utcnow()


@dataclass
class Plan:
    """The changes, as the report lists them and as rows for the database."""

    new: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    unchanged: int = 0
    cancelled: list[Change] = field(default_factory=list)
    restored: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    inserts: ColumnRows = field(default_factory=ColumnRows)  # the new delegates
    updates: list[dict] = field(default_factory=list)
    cancels: list[dict] = field(default_factory=list)


def existing_delegates(session: DbSession, event: EventInfo) -> list[DelegateRow]:
    """The delegates a list can match (registered or cancelled), by number."""
    # Core, not the ORM session: rows as the driver gives them, no ORM loading per row.
    rows = session.connection().execute(
        select(*DELEGATE_COLUMNS)
        .where(m.Delegate.event_id == event.id, m.Delegate.status.in_(_MATCHED_STATUSES))
        .order_by(m.Delegate.number)
    ).all()
    return delegate_rows(rows)


def compared_fields(parsed: ParsedRoster) -> list[str]:
    """The stored fields the file has a column for (a full name gives both names)."""
    mapped = set(parsed.mapping)
    if "full_name" in mapped:
        mapped |= {"first_name", "last_name"}
    return [f for f in STORED if f in mapped]


def changed_fields(row: RosterRow, delegate: Known, compared: list[str]) -> list[str]:
    """The fields ``row`` changes on ``delegate``."""
    changed = []
    for f in compared:
        value = getattr(row, f)
        if f in _KEPT_WHEN_EMPTY and not value:
            continue
        if value != getattr(delegate, f):
            changed.append(f)
    return changed


class _Planner:
    def __init__(self, event: EventInfo, parsed: ParsedRoster, numbers: Iterator[int],
                 notes: dict[int, str] | None = None) -> None:
        self.event = event
        # Attention notes: set from the file's ``note`` column, never erased by an
        # empty cell (a note typed at the desk stays).
        self.notes = notes or {}
        self.has_note = "note" in parsed.mapping
        self.short = Path(parsed.file).name
        self.now = _now()
        self.numbers = numbers  # numbers.free_numbers: never a desk's reserved block
        self.compared = compared_fields(parsed)
        # The compared fields of a row or a delegate, as one value.
        self.same: Callable[[object], object] = (
            attrgetter(*self.compared) if self.compared else lambda _person: ()
        )
        self.default_category = event.categories[0].key if event.categories else ""
        self.plan = Plan()
        self.claimed: set[int] = set()

    def add_new(self, rows: Sequence[RosterRow]) -> None:
        """The rows no delegate matched, in file order, as delegates to insert (once per
        plan: they become its ``inserts`` whole, as columns)."""
        if not rows:
            return
        assert not self.plan.inserts, "add_new is called once per plan"
        numbers = list(islice(self.numbers, len(rows)))
        lines, refs, first, last, org, country, email, category, note = zip(*rows, strict=True)
        references = [ref or auto_reference(n) for ref, n in zip(refs, numbers, strict=True)]
        folded = folded_columns(first, last, org, email, references)
        default = self.default_category
        if default and "" in category:
            category = tuple(cat or default for cat in category)
        self.plan.inserts = ColumnRows(
            {
                "number": numbers, "reference": references, "first_name": first,
                "last_name": last, "organisation": org, "country": country, "email": email,
                "category": category, "note": note, "search_text": joined_search_texts(folded),
                # The folded names are the stored sort keys (``db.sort_keys``).
                "sort_first_name": folded[0], "sort_last_name": folded[1],
                "sort_organisation": folded[2], "sort_email": folded[3],
            },
            {
                "event_id": self.event.id, "status": _REGISTERED, "badge_version": 1,
                "created_at": self.now, "updated_at": self.now,
            },
        )  # fmt: skip
        names = list(map(str.strip, map(" ".join, zip(first, last, strict=True))))
        self.plan.new += records(Change, lines, numbers, names, repeat((), len(rows)))

    def add_match(self, row: RosterRow, d: Known) -> None:
        self.claimed.add(d.id)
        if d.status != _CANCELLED and self.same(row) == self.same(d) and not (
            self.has_note and row.note and row.note != self.notes.get(d.id, "")
        ):
            self.plan.unchanged += 1  # the usual re-import: one comparison of the fields
            return
        changed = changed_fields(row, d, self.compared)
        note = self.notes.get(d.id, "")
        if self.has_note and row.note and row.note != note:
            changed.append("note")
            note = row.note
        restore = d.status == _CANCELLED
        if not changed and not restore:
            self.plan.unchanged += 1
            return
        final = {f: getattr(d, f) for f in STORED}
        final.update({f: getattr(row, f) for f in changed})
        self.plan.updates.append({
            "id": d.id,
            **final,
            "note": note,
            "status": _REGISTERED,
            "search_text": search_text(
                final["first_name"], final["last_name"], final["organisation"],
                final["email"], final["reference"],
            ),
            **sort_keys(final),
            "updated_at": self.now,
        })  # fmt: skip
        name = f"{final['first_name']} {final['last_name']}".strip()
        change = Change(row.row, d.number, name, tuple(changed))
        (self.plan.restored if restore else self.plan.updated).append(change)

    def cancel_missing(
        self, existing: list[DelegateRow], index: Index[DelegateRow],
        rejected: tuple[RosterRow, ...],
    ) -> None:
        """Cancel the registered delegates no row claimed, except those a refused row
        could be (a row refused for a typo does not cancel its delegate)."""
        protected = {d.id for row in rejected for d in index.claimants(row)}
        for d in existing:
            if d.status != _REGISTERED or d.id in self.claimed:
                continue
            if d.id in protected:
                self.plan.problems.append(
                    Problem(
                        self.short, None, None,
                        f"delegate no. {d.number} kept: the row that lists them has an error",
                        WARNING, "kept_row_has_error", (str(d.number),),
                    )
                )  # fmt: skip
                continue
            self.plan.cancels.append({"id": d.id, "status": _CANCELLED, "updated_at": self.now})
            name = f"{d.first_name} {d.last_name}".strip()
            self.plan.cancelled.append(Change(None, d.number, name))


def diff(session: DbSession, event: EventInfo, parsed: ParsedRoster, replace: bool) -> Plan:
    """The plan of importing ``parsed`` into ``event``, read in ``session``."""
    existing = existing_delegates(session, event)
    notes: dict[int, str] = {
        r.id: r.note for r in session.execute(
            select(m.Delegate.id, m.Delegate.note).where(
                m.Delegate.event_id == event.id, m.Delegate.note != "")
        )
    }
    planner = _Planner(event, parsed, free_numbers(session, event), notes)
    index = Index(existing)
    fresh: list[RosterRow] = []
    for row, d in zip(parsed.rows, match(parsed.rows, index), strict=True):
        if d is None:
            fresh.append(row)
        else:
            planner.add_match(row, d)
    planner.add_new(fresh)
    if replace:
        planner.cancel_missing(existing, index, parsed.rejected)
    return planner.plan

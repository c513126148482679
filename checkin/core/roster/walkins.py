"""Walk-in registration: a person not on the list is added to the roster at the desk.

``register_walk_in(store, event, form)`` checks the form (``person.normalise_form``),
refuses a person the event already knows (same e-mail, or same folded first + last
name + organisation, ``identity.find_known``: the problem names them, so the desk
checks that person in instead of creating a duplicate), then inserts the delegate with
the next number and the reference ``WALKIN-<number>`` in ONE write transaction.
Checking them in is the desk's work: ``checkin.core.desk.walkin.admit_walk_in`` does
both, as the desk does.

The number is taken inside the transaction that inserts the delegate, after locking the
event row on PostgreSQL (``SELECT ... FOR UPDATE``, as ``apply.import_roster`` does;
SQLite's ``BEGIN IMMEDIATE`` serialises writers already), so two desks, or a desk and an
import, never take the same number; ``numbers.free_numbers`` steps over the blocks desks
set aside for walk-ins registered offline.  Those come back through ``insert_walk_in``
(the number already chosen) and ``known_as`` (who they may already be), which work in
the caller's transaction: the offline desk's copy, then the server on replay.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.event.walk_ins import required_fields
from checkin.core.roster.delegates import search_text
from checkin.core.roster.identity import find_known
from checkin.core.roster.numbers import free_numbers, walk_in_reference
from checkin.core.roster.person import CleanPerson, FieldProblem, PersonForm, normalise_form
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo

log = logging.getLogger(__name__)


class WalkInError(ValueError):
    """A form that cannot be registered; ``problems`` says why, field by field.

    ``existing`` is the delegate the form duplicates, if that is the reason: check them
    in instead.
    """

    def __init__(
        self, problems: tuple[FieldProblem, ...], existing: DelegateInfo | None = None
    ) -> None:
        self.problems = tuple(problems)
        self.existing = existing
        super().__init__("; ".join(str(p) for p in self.problems))


def _utc_naive(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return clock.naive_utcnow()
    if now.tzinfo is None:
        return now
    return now.astimezone(dt.UTC).replace(tzinfo=None)


def _already(field: str, delegate: DelegateInfo) -> FieldProblem:
    who = delegate.full_name or f"no. {delegate.number}"
    ref = f"ref {delegate.reference}" if delegate.reference else f"no. {delegate.number}"
    if delegate.status == DelegateStatus.CANCELLED.value:
        return FieldProblem(
            field, f"already registered: {who}, {ref} (cancelled)",
            "already_registered_cancelled", (who, ref),
        )  # fmt: skip
    return FieldProblem(
        field, f"already registered: {who}, {ref}", "already_registered", (who, ref)
    )


def known_as(
    session: Session, event: EventInfo, person: CleanPerson, *, exclude_id: int | None = None
) -> tuple[list[FieldProblem], DelegateInfo | None]:
    """Who in the event ``person`` already is: by e-mail, then by name (the problems to
    show, and the delegate to check in instead)."""
    known = find_known(session, event.id, person, ("email", "name"), exclude_id=exclude_id)
    problems: list[FieldProblem] = []
    existing = known.get("email")
    if existing is not None:
        problems.append(_already("email", existing))
    same = known.get("name")
    if same is not None:
        if existing is None or existing.id != same.id:
            problems.append(_already("first_name", same))
        existing = existing or same
    return problems, existing


def insert_walk_in(
    session: Session,
    event: EventInfo,
    person: CleanPerson,
    number: int,
    stamp: dt.datetime,
    *,
    delegate_id: int | None = None,
) -> DelegateInfo:
    """Insert ``person`` as walk-in no. ``number`` (``WALKIN-<number>``) in the caller's
    transaction; ``delegate_id`` for a desk's offline copy, where the server's ids are
    kept and a person the server has not seen yet takes an id of their own."""
    reference = walk_in_reference(number)
    row = m.Delegate(
        id=delegate_id,
        event_id=event.id,
        number=number,
        reference=reference,
        first_name=person.first_name,
        last_name=person.last_name,
        organisation=person.organisation,
        country=person.country,
        email=person.email,
        category=person.category,
        status=DelegateStatus.REGISTERED.value,
        badge_version=1,
        search_text=search_text(
            person.first_name, person.last_name, person.organisation, person.email, reference
        ),
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(row)
    session.flush()
    return DelegateInfo(
        id=row.id,
        number=number,
        reference=reference,
        first_name=row.first_name,
        last_name=row.last_name,
        organisation=row.organisation,
        country=row.country,
        email=row.email,
        category=row.category,
        status=row.status,
        badge_version=1,
    )


def register_walk_in(
    store: Store,
    event: EventInfo,
    form: PersonForm,
    *,
    now: dt.datetime | None = None,
    required: Sequence[str] | None = None,
) -> DelegateInfo:
    """Register ``form`` as a new delegate of ``event``; returns them as saved.

    ``required``: the fields that must be given (None: the event's rule,
    ``event.walk_ins.required_fields``).  Raises ``WalkInError`` for an invalid form, a
    required field left empty or a person already registered (nothing written).
    """
    if required is None:
        required = required_fields(store, event.id)
    cleaned, problems = normalise_form(event, form, required)
    if problems:
        raise WalkInError(problems)
    stamp = _utc_naive(now)
    with store.write() as s:
        # Serialise with imports and other desks on PostgreSQL (SQLite: BEGIN IMMEDIATE).
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
        duplicates, existing = known_as(s, event, cleaned)
        if duplicates:
            raise WalkInError(tuple(duplicates), existing)
        delegate = insert_walk_in(s, event, cleaned, next(free_numbers(s, event)), stamp)
    log.info("walk-in registered: no. %d", delegate.number)
    return delegate

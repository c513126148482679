"""Organiser work on one delegate: edit, cancel, restore; and the roster as plain rows.

* ``person.validate(event, form)`` checks a form without touching the database, with
  the rules every person form follows (a walk-in's too), so the dialog can say what is
  wrong, field by field, as the organiser types.
* ``update_delegate`` validates again, refuses an e-mail address or reference another
  delegate of the event already has (the import matches people by those), and writes in
  ONE transaction, keeping ``search_text`` in step.  A delegate whose badge was printed
  and whose printed fields changed is reported ``needs_reprint``: the code on the badge
  stays valid (number and version do not change), but the name on it is out of date.
* ``cancel_delegate`` / ``restore_delegate`` flip the status.  Delegates are never
  deleted: their scans and prints are history.
* ``roster_rows`` reads every delegate of the event as plain tuples in one query: light
  enough to hold 50,000 of them in a table model, and usable as ``SearchIndex`` rows.

Log messages carry delegate numbers only, never names.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.sort_keys import SORTED_FIELDS, sort_keys
from checkin.core.db.store import Store
from checkin.core.roster.delegates import (
    DELEGATE_COLUMNS,
    auto_reference,
    delegate_from_row,
    search_text,
)
from checkin.core.roster.identity import find_known
from checkin.core.roster.person import (
    FORM_FIELDS,
    CleanPerson,
    FieldProblem,
    PersonForm,
    normalise_form,
)
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo

log = logging.getLogger(__name__)

# The fields printed on a badge (see printing.badge_content): a change means a reprint.
PRINTED_FIELDS = ("first_name", "last_name", "organisation", "country", "category")

# Columns of ``roster_rows``: the search index's columns first (SearchIndex reads those
# positions), then what the roster shows besides.
ROSTER_COLUMNS = (*DELEGATE_COLUMNS, m.Delegate.arrived_at, m.Delegate.printed_at)
ARRIVED_AT = len(DELEGATE_COLUMNS)
PRINTED_AT = ARRIVED_AT + 1


@dataclass(frozen=True)
class EditResult:
    delegate: DelegateInfo  # as saved
    changed: tuple[str, ...]  # the fields that changed, in form order
    needs_reprint: bool  # a printed badge shows a field that changed


class DelegateEditError(ValueError):
    """A form that cannot be saved; ``problems`` says why, field by field."""

    def __init__(self, problems: tuple[FieldProblem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class DelegateNotFound(LookupError):
    """No delegate with that id in this event."""


def _now(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return clock.naive_utcnow()
    return now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo else now


def _who(delegate: DelegateInfo) -> str:
    return f"{delegate.full_name or f'no. {delegate.number}'} (no. {delegate.number})"


def _locked_delegate(session: Session, event: EventInfo, delegate_id: int) -> m.Delegate:
    # Serialise with imports and walk-ins on PostgreSQL (SQLite: BEGIN IMMEDIATE).
    session.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
    row = session.scalars(
        select(m.Delegate).where(m.Delegate.id == delegate_id, m.Delegate.event_id == event.id)
    ).first()
    if row is None:
        raise DelegateNotFound(f"no delegate with id {delegate_id} in this event")
    return row


def _info(row: m.Delegate) -> DelegateInfo:
    return DelegateInfo(*(getattr(row, c.key) for c in DELEGATE_COLUMNS))


def _clashes(
    session: Session, event: EventInfo, row: m.Delegate, person: CleanPerson
) -> list[FieldProblem]:
    """A new e-mail address or reference that another delegate of the event has."""
    kinds = []
    if person.email and person.email != (row.email or "").lower():
        kinds.append("email")
    if person.reference and person.reference != row.reference:
        kinds.append("reference")
    known = find_known(session, event.id, person, kinds, exclude_id=row.id)
    clashes = []
    if "email" in known:
        who = _who(known["email"])
        clashes.append(
            FieldProblem("email", f"already the e-mail of {who}", "email_taken", (who,))
        )
    if "reference" in known:
        who = _who(known["reference"])
        clashes.append(
            FieldProblem("reference", f"already the reference of {who}", "reference_taken",
                         (who,))
        )  # fmt: skip
    return clashes


def update_delegate(
    store: Store,
    event: EventInfo,
    delegate_id: int,
    form: PersonForm,
    *,
    now: dt.datetime | None = None,
) -> EditResult:
    """Save ``form`` on the delegate; raises ``DelegateEditError`` (nothing written) for
    an invalid form, or an e-mail or reference another delegate of the event has."""
    cleaned = clean_form(event, form)
    with store.write() as s:
        result = apply_edit(s, event, _locked_delegate(s, event, delegate_id), cleaned, now)
    log.info("delegate no. %d edited: %d fields changed", result.delegate.number,
             len(result.changed))
    return result


def clean_form(event: EventInfo, form: PersonForm) -> CleanPerson:
    """The form as stored; ``DelegateEditError`` when a field breaks the rules."""
    cleaned, problems = normalise_form(event, form)
    if problems:
        raise DelegateEditError(problems)
    return cleaned


def locked_delegate(session: Session, event: EventInfo, *, number: int) -> m.Delegate | None:
    """Delegate no. ``number``, with the event row locked as every roster change does."""
    session.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
    return session.scalars(
        select(m.Delegate).where(m.Delegate.event_id == event.id, m.Delegate.number == number)
    ).first()


def apply_edit(
    session: Session,
    event: EventInfo,
    row: m.Delegate,
    cleaned: CleanPerson,
    now: dt.datetime | None = None,
) -> EditResult:
    """Write ``cleaned`` on ``row`` in the caller's transaction (the event row locked):
    ``DelegateEditError`` for an e-mail or reference another delegate has.  A reference
    left empty becomes the one the number gives (``D-0042``): every delegate has one."""
    if not cleaned.reference:
        cleaned = replace(cleaned, reference=auto_reference(row.number))
    clashes = _clashes(session, event, row, cleaned)
    if clashes:
        raise DelegateEditError(tuple(clashes))
    changed = tuple(f for f in FORM_FIELDS if getattr(row, f) != getattr(cleaned, f))
    if changed:
        for name in changed:
            setattr(row, name, getattr(cleaned, name))
        row.search_text = search_text(
            row.first_name, row.last_name, row.organisation, row.email, row.reference
        )
        for column, key in sort_keys({f: getattr(row, f) for f in SORTED_FIELDS}).items():
            setattr(row, column, key)
        row.updated_at = _now(now)
    needs_reprint = row.printed_at is not None and any(f in PRINTED_FIELDS for f in changed)
    session.flush()
    return EditResult(_info(row), changed, needs_reprint)


def _set_status(
    store: Store, event: EventInfo, delegate_id: int, status: str, now: dt.datetime | None
) -> DelegateInfo:
    with store.write() as s:
        row = _locked_delegate(s, event, delegate_id)
        if row.status != status:
            row.status = status
            row.updated_at = _now(now)
            s.flush()
            log.info("delegate no. %d now %s", row.number, status)
        return _info(row)


def cancel_delegate(
    store: Store, event: EventInfo, delegate_id: int, *, now: dt.datetime | None = None
) -> DelegateInfo:
    """Mark the delegate cancelled (their badge then scans as cancelled); history kept."""
    return _set_status(store, event, delegate_id, DelegateStatus.CANCELLED.value, now)


def restore_delegate(
    store: Store, event: EventInfo, delegate_id: int, *, now: dt.datetime | None = None
) -> DelegateInfo:
    """Make a cancelled delegate registered again."""
    return _set_status(store, event, delegate_id, DelegateStatus.REGISTERED.value, now)


def roster_rows(store: Store, event: EventInfo) -> list[tuple]:
    """Every delegate of the event (cancelled too) as tuples in ``ROSTER_COLUMNS`` order,
    by id; times are naive UTC."""
    stmt = select(*ROSTER_COLUMNS).where(m.Delegate.event_id == event.id).order_by(m.Delegate.id)
    with store.read() as s:
        return [tuple(r) for r in s.execute(stmt)]


def delegate_of_row(row: tuple) -> DelegateInfo:
    """The ``DelegateInfo`` part of a ``roster_rows`` tuple."""
    return delegate_from_row(row)

"""Organiser work on one delegate: edit, cancel, restore; and the roster as plain rows.

* ``validate_edit(event, form)`` checks a form without touching the database, with the
  walk-in form's rules (``walkin.validate``) plus the reference, so the dialog can say
  what is wrong, field by field, as the organiser types.
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
from dataclasses import dataclass, fields

from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row, search_text
from checkin.core.roster.walkins import FieldProblem, WalkInForm, normalise_form
from checkin.core.text import clean
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo

log = logging.getLogger(__name__)

# The fields printed on a badge (see printing.badge_content): a change means a reprint.
PRINTED_FIELDS = ("first_name", "last_name", "organisation", "country", "category")
FORM_FIELDS = (
    "first_name", "last_name", "organisation", "country", "email", "category", "reference",
)  # fmt: skip
REFERENCE_LIMIT = m.Delegate.__table__.c["reference"].type.length

# Columns of ``roster_rows``: the search index's columns first (SearchIndex reads those
# positions), then what the roster shows besides.
ROSTER_COLUMNS = (*DELEGATE_COLUMNS, m.Delegate.arrived_at, m.Delegate.printed_at)
ARRIVED_AT = len(DELEGATE_COLUMNS)
PRINTED_AT = ARRIVED_AT + 1


@dataclass(frozen=True)
class DelegateForm:
    """What an organiser may change on a delegate; text as typed (cleaned on save)."""

    first_name: str
    last_name: str
    organisation: str = ""
    country: str = ""  # name in English or French, or ISO code
    email: str = ""
    category: str = ""  # key or label; "" = the event's first category
    reference: str = ""

    @classmethod
    def of(cls, delegate: DelegateInfo) -> DelegateForm:
        """The form filled with a delegate's current values."""
        return cls(**{f.name: getattr(delegate, f.name) for f in fields(cls)})


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


def _normalise(event: EventInfo, form: DelegateForm) -> tuple[dict, tuple[FieldProblem, ...]]:
    walk_in = WalkInForm(
        first_name=form.first_name,
        last_name=form.last_name,
        organisation=form.organisation,
        country=form.country,
        email=form.email,
        category=form.category,
    )
    cleaned, problems = normalise_form(event, walk_in)
    values = {
        "first_name": cleaned.first_name,
        "last_name": cleaned.last_name,
        "organisation": cleaned.organisation,
        "country": cleaned.country,
        "email": cleaned.email,
        "category": cleaned.category,
        "reference": clean(form.reference or ""),
    }
    found = list(problems)
    if len(values["reference"]) > REFERENCE_LIMIT:
        length = len(values["reference"])
        found.append(
            FieldProblem(
                "reference",
                f"too long ({length} characters; at most {REFERENCE_LIMIT})",
                "too_long",
                (str(length), str(REFERENCE_LIMIT)),
            )
        )
    found.sort(key=lambda p: FORM_FIELDS.index(p.field) if p.field in FORM_FIELDS else 99)
    return values, tuple(found)


def validate_edit(event: EventInfo, form: DelegateForm) -> tuple[FieldProblem, ...]:
    """The problems of ``form`` by field, in form order; () when it can be saved.

    No database access: an e-mail or reference taken by someone else is found only by
    ``update_delegate``.
    """
    return _normalise(event, form)[1]


def _now(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo else now


def _who(row) -> str:
    name = " ".join(p for p in (row.first_name, row.last_name) if p) or f"no. {row.number}"
    return f"{name} (no. {row.number})"


def _locked_delegate(session, event: EventInfo, delegate_id: int) -> m.Delegate:
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


def update_delegate(
    store: Store,
    event: EventInfo,
    delegate_id: int,
    form: DelegateForm,
    *,
    now: dt.datetime | None = None,
) -> EditResult:
    """Save ``form`` on the delegate; raises ``DelegateEditError`` (nothing written) for
    an invalid form, or an e-mail or reference another delegate of the event has."""
    values, problems = _normalise(event, form)
    if problems:
        raise DelegateEditError(problems)
    with store.write() as s:
        row = _locked_delegate(s, event, delegate_id)
        clashes: list[FieldProblem] = []
        others = (m.Delegate.event_id == event.id, m.Delegate.id != delegate_id)
        if values["email"] and values["email"] != (row.email or "").lower():
            other = s.execute(
                select(m.Delegate.number, m.Delegate.first_name, m.Delegate.last_name)
                .where(*others, func.lower(m.Delegate.email) == values["email"])
                .limit(1)
            ).first()
            if other is not None:
                clashes.append(
                    FieldProblem("email", f"already the e-mail of {_who(other)}", "email_taken",
                                 (_who(other),))
                )  # fmt: skip
        if values["reference"] and values["reference"] != row.reference:
            other = s.execute(
                select(m.Delegate.number, m.Delegate.first_name, m.Delegate.last_name)
                .where(*others, m.Delegate.reference == values["reference"])
                .limit(1)
            ).first()
            if other is not None:
                clashes.append(
                    FieldProblem("reference", f"already the reference of {_who(other)}",
                                 "reference_taken", (_who(other),))
                )
        if clashes:
            raise DelegateEditError(tuple(clashes))
        changed = tuple(f for f in FORM_FIELDS if getattr(row, f) != values[f])
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.search_text = search_text(
                row.first_name, row.last_name, row.organisation, row.email, row.reference
            )
            row.updated_at = _now(now)
        needs_reprint = row.printed_at is not None and any(
            f in PRINTED_FIELDS for f in changed
        )
        s.flush()
        info = _info(row)
    log.info("delegate no. %d edited: %d fields changed", info.number, len(changed))
    return EditResult(info, changed, needs_reprint)


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

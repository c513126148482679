"""Walk-in registration: a person not on the list is registered at the desk, checked in
and given a badge, in one step.

* ``validate(event, form)`` checks a form without touching the database (the dialog
  calls it as the user types).
* ``register_walk_in(store, event, form)`` validates again, refuses a person the event
  already knows (same e-mail, or same folded first + last name + organisation: the
  problem names them, so the desk checks that person in instead of creating a
  duplicate), then inserts the delegate with the next number and the reference
  ``WALKIN-<number>`` in ONE write transaction, and checks them in (source ``walk-in``)
  right after, in its own transaction.

The number is taken inside the transaction that inserts the delegate, after locking the
event row on PostgreSQL (``SELECT ... FOR UPDATE``, as ``roster.import_roster`` does;
SQLite's ``BEGIN IMMEDIATE`` serialises writers already), so two desks, or a desk and an
import, never take the same number.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.roster.countries import normalise_country
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row, search_text
from checkin.core.roster.importer import _category_choices, _category_index, _name_key, valid_email
from checkin.core.text import clean, fold
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo, ScanResult, ScanSource

log = logging.getLogger(__name__)

REFERENCE_PREFIX = "WALKIN-"

# The form's text fields, in form order, with the model column that stores each.
_TEXT_FIELDS = ("first_name", "last_name", "organisation", "country", "email", "category")
LIMITS = {
    name: m.Delegate.__table__.c[name].type.length
    for name in ("first_name", "last_name", "organisation", "email")
}


@dataclass(frozen=True)
class WalkInForm:
    first_name: str
    last_name: str
    organisation: str = ""
    country: str = ""  # name in English or French, or ISO code
    email: str = ""
    category: str = ""  # key or label; "" = the event's first category


@dataclass(frozen=True)
class FieldProblem:
    field: str  # a WalkInForm field name ("first_name" for "no name at all")
    message: str
    # Why, as data (a key and its values), so a form can say it in its own language;
    # not part of equality: the same problem is the same whatever its wording.
    reason: str = field(default="", compare=False)
    args: tuple[str, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.field.replace('_', ' ')}: {self.message}"


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


@dataclass(frozen=True)
class WalkInResult:
    delegate: DelegateInfo
    outcome: ScanResult | None  # the check-in (admitted, source walk-in); None if not asked


@dataclass(frozen=True)
class _Clean:
    first_name: str
    last_name: str
    organisation: str
    country: str  # ISO alpha-2 or ""
    email: str  # lower case or ""
    category: str  # a category key of the event, or ""


def normalise_form(
    event: EventInfo, form: WalkInForm
) -> tuple[_Clean, tuple[FieldProblem, ...]]:
    """The form cleaned (countries as ISO codes, categories as keys) and its problems:
    the one set of rules for a person typed in at the desk or edited by an organiser."""
    values = {name: clean(getattr(form, name) or "") for name in _TEXT_FIELDS}
    problems: list[FieldProblem] = []

    first, last = values["first_name"], values["last_name"]
    if not first and not last:
        problems.append(
            FieldProblem("first_name", "enter a first name or a last name", "no_name")
        )
    for name, limit in LIMITS.items():
        if name == "email":
            continue
        if len(values[name]) > limit:
            problems.append(
                _too_long(name, len(values[name]), limit)
            )

    raw_country = values["country"]
    country = ""
    if raw_country:
        country = normalise_country(raw_country) or ""
        if not country:
            problems.append(
                FieldProblem("country", f"unknown country {raw_country!r}", "unknown_country",
                             (raw_country,))
            )  # fmt: skip

    email = values["email"].lower()
    if email.startswith("mailto:"):
        email = email[7:].strip()
    if email:
        if len(email) > LIMITS["email"]:
            problems.append(_too_long("email", len(email), LIMITS["email"]))
        elif not valid_email(email):
            problems.append(
                FieldProblem("email", f"invalid e-mail address {email!r}", "invalid_email",
                             (email,))
            )  # fmt: skip

    raw_category = values["category"]
    if raw_category:
        category = _category_index(event.categories).get(fold(raw_category), "")
        if not category:
            choices = _category_choices(event.categories)
            problems.append(
                FieldProblem(
                    "category",
                    f"unknown category {raw_category!r} ({choices})",
                    "unknown_category",
                    (raw_category, choices),
                )
            )
    else:
        category = event.categories[0].key if event.categories else ""

    problems.sort(key=lambda p: _TEXT_FIELDS.index(p.field))
    cleaned = _Clean(first, last, values["organisation"], country, email, category)
    return cleaned, tuple(problems)


def validate(event: EventInfo, form: WalkInForm) -> tuple[FieldProblem, ...]:
    """The problems of ``form``, by field, in form order; () when it can be registered.

    No database access: duplicates are found only by ``register_walk_in``.
    """
    return normalise_form(event, form)[1]


def _utc_naive(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if now.tzinfo is None:
        return now
    return now.astimezone(dt.UTC).replace(tzinfo=None)


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _too_long(field: str, length: int, limit: int) -> FieldProblem:
    return FieldProblem(
        field, f"too long ({length} characters; at most {limit})", "too_long",
        (str(length), str(limit)),
    )  # fmt: skip


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


def _duplicates(
    session, event: EventInfo, form: _Clean
) -> tuple[list[FieldProblem], DelegateInfo | None]:
    problems: list[FieldProblem] = []
    existing: DelegateInfo | None = None
    in_event = m.Delegate.event_id == event.id
    if form.email:
        row = session.execute(
            select(*DELEGATE_COLUMNS)
            .where(in_event, func.lower(m.Delegate.email) == form.email)
            .order_by(m.Delegate.number)
            .limit(1)
        ).first()
        if row is not None:
            existing = delegate_from_row(row)
            problems.append(_already("email", existing))
    key = _name_key(form.first_name, form.last_name, form.organisation)
    if key is not None:
        # search_text starts with the folded "first last organisation": narrow in SQL,
        # then compare exactly (rows whose search_text was never filled are compared too).
        prefix = fold(" ".join((form.first_name, form.last_name, form.organisation)))
        rows = session.execute(
            select(*DELEGATE_COLUMNS)
            .where(
                in_event,
                or_(
                    m.Delegate.search_text.like(_like_prefix(prefix), escape="\\"),
                    m.Delegate.search_text == "",
                ),
            )
            .order_by(m.Delegate.number)
        ).all()
        for row in rows:
            if _name_key(row.first_name, row.last_name, row.organisation) == key:
                same = delegate_from_row(row)
                if existing is None or existing.id != same.id:
                    problems.append(_already("first_name", same))
                existing = existing or same
                break
    return problems, existing


def register_walk_in(
    store: Store,
    event: EventInfo,
    form: WalkInForm,
    *,
    station: str = "",
    check_in: bool = True,
    session: str | None = None,
    now: dt.datetime | None = None,
) -> WalkInResult:
    """Register ``form`` as a new delegate of ``event`` and (by default) check them in.

    ``session`` is the desk's mode (a session key, "auto" or None for the venue): a
    walk-in at the auditorium door is admitted to the session, which also records
    their arrival, as for anyone scanned there.

    Raises ``WalkInError`` for an invalid form or a person already registered (nothing
    written).  The registration and the check-in are two transactions: if the check-in
    fails the delegate stays registered, and checking them in again is safe.
    """
    cleaned, problems = normalise_form(event, form)
    if problems:
        raise WalkInError(problems)
    stamp = _utc_naive(now)
    with store.write() as s:
        # Serialise with imports and other desks on PostgreSQL (SQLite: BEGIN IMMEDIATE).
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
        duplicates, existing = _duplicates(s, event, cleaned)
        if duplicates:
            raise WalkInError(tuple(duplicates), existing)
        highest = s.scalar(
            select(func.max(m.Delegate.number)).where(m.Delegate.event_id == event.id)
        )
        number = (highest or 0) + 1
        taken = set(
            s.scalars(
                select(m.Delegate.reference).where(
                    m.Delegate.event_id == event.id,
                    m.Delegate.reference.like(_like_prefix(REFERENCE_PREFIX), escape="\\"),
                )
            )
        )
        while f"{REFERENCE_PREFIX}{number}" in taken:  # an imported "WALKIN-n": skip it
            number += 1
        reference = f"{REFERENCE_PREFIX}{number}"
        row = m.Delegate(
            event_id=event.id,
            number=number,
            reference=reference,
            first_name=cleaned.first_name,
            last_name=cleaned.last_name,
            organisation=cleaned.organisation,
            country=cleaned.country,
            email=cleaned.email,
            category=cleaned.category,
            status=DelegateStatus.REGISTERED.value,
            badge_version=1,
            search_text=search_text(
                cleaned.first_name, cleaned.last_name, cleaned.organisation, cleaned.email,
                reference,
            ),
            created_at=stamp,
            updated_at=stamp,
        )
        s.add(row)
        s.flush()
        delegate = DelegateInfo(
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
    log.info("walk-in registered: no. %d", number)
    outcome = None
    if check_in:
        service = CheckinService(store, event, station=station)
        outcome = service.check_in(
            delegate.id, session=session, source=ScanSource.WALK_IN, now=now
        )
    return WalkInResult(delegate, outcome)

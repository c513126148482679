"""Walk-ins and delegate edits made at a desk while the server was out of reach.

Offline, the desk registers a walk-in and corrects a delegate's details in its copy
(``offline.DeskCheckin``), as it would on the server, and records each as a *pending
change* (``pending_changes``, in the copy only) in the same transaction.  When the
server answers again the changes are replayed first — before the scans, which may be
of the walk-ins — one server transaction each, in the order they were made:

* **A walk-in** is inserted with its number.  The number came from a block the desk
  reserved on the server while online (``roster.numbers``), so no one else has it and
  the badge printed offline stays valid.  If the server knows the person already under
  another number (``walkins.known_as``: same e-mail, or same name and organisation) the
  walk-in is inserted all the same — a badge with its number is in someone's hands — and
  the clash is listed for a person to resolve (cancel one of the two).
* **An edit** is applied when the server still has the values it started from, for the
  fields it changed; otherwise (someone changed them meanwhile, or the new e-mail is now
  someone else's) it is not applied, and the clash is listed.
* **A note** (the desk's attention note, ``pending_notes``) is applied when the server
  still has the note this desk last saw; a note someone changed meanwhile is listed.

Nothing is merged or dropped silently: every clash stays in the copy (state ``clash``)
until a person dismisses it.  Replaying is idempotent: a walk-in whose number the server
has already, as that person, and an edit whose values the server already has, were
applied by an earlier replay that stopped half-way.

In the copy, a person the server has not seen yet has an id below zero (the copy keeps
the server's ids, and the server gives the real one); once replayed the copy's row, its
scans and projections take the server's id (``_rekey``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.mirror import get_state, put_state
from checkin.core.errors import UserError
from checkin.core.roster.edits import (
    DelegateNotFound,
    EditResult,
    apply_edit,
    clean_form,
)
from checkin.core.roster.numbers import Block, reserve_block, taken_walk_in_numbers
from checkin.core.roster.person import FORM_FIELDS, CleanPerson, PersonForm, normalise_form
from checkin.core.roster.walkins import WalkInError, insert_walk_in, known_as
from checkin.core.types import DelegateInfo, EventInfo

log = logging.getLogger(__name__)

# Walk-in numbers kept in reserve for offline registration: a new block when fewer left.
BLOCK_SIZE = 25
BLOCK_LOW = 10

WALK_IN = "walk_in"
EDIT = "edit"
NOTE = "note"
PENDING, APPLIED, CLASH, DISMISSED = "pending", "applied", "clash", "dismissed"


class NoOfflineNumbers(UserError, RuntimeError):
    """This desk has no number left to give a walk-in while offline."""


@dataclass(frozen=True)
class Clash:
    """A change made offline that the replay could not simply apply: for a person."""

    change: str  # the pending change's UUID (``dismiss`` it once resolved)
    kind: str  # WALK_IN, EDIT or NOTE
    number: int  # the delegate's number
    station: str
    made_at: dt.datetime  # aware UTC, when the change was made offline
    reason: str  # "same_person", "number_taken", "changed_meanwhile", "refused", "gone"
    args: tuple[str, ...]  # the reason's values, to word it in the desk's language
    message: str  # English (command line, logs)
    other: int | None = None  # same_person / number_taken: the other delegate's number
    fields: tuple[str, ...] = ()  # changed_meanwhile: the fields the server changed


@dataclass(frozen=True)
class ChangesReport:
    walk_ins: int  # walk-ins inserted on the server
    edits: int  # edits applied on the server
    clashes: tuple[Clash, ...]  # found by this replay
    rekeyed: tuple[tuple[int, int], ...]  # (copy's id, server's id) of the walk-ins
    notes: int = 0  # notes saved on the server

    def __add__(self, other: ChangesReport) -> ChangesReport:
        return ChangesReport(
            self.walk_ins + other.walk_ins, self.edits + other.edits,
            self.clashes + other.clashes, self.rekeyed + other.rekeyed,
            self.notes + other.notes,
        )  # fmt: skip

    @property
    def applied(self) -> int:
        """Walk-ins, edits and notes the server took."""
        return self.walk_ins + self.edits + self.notes


NO_CHANGES = ChangesReport(0, 0, (), ())


def naive(when: dt.datetime | None) -> dt.datetime:
    if when is None:
        return clock.naive_utcnow()
    return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when


def record_change(s: Session, event: EventInfo, kind: str, number: int, *, station: str,
            operator: str, when: dt.datetime, before: dict | None, after: dict) -> None:
    s.add(m.PendingChange(
        uuid=str(uuid.uuid4()), event_id=event.id, kind=kind, delegate_number=number,
        station=station, operator=operator, created_at=when,
        before=json.dumps(before) if before is not None else "", after=json.dumps(after),
        state=PENDING, clash="",
    ))  # fmt: skip


# ------------------------------------------------------------------ numbers offline


def add_block(mirror: Store, block: Block) -> None:
    with mirror.write() as s:
        blocks = get_state(s, "numbers") or []
        put_state(s, "numbers", [*blocks, [block.first, block.last]])


def reserve_numbers(
    primary: Store, mirror: Store, event: EventInfo, *, holder: str, station: str
) -> None:
    """Online: keep a block of numbers for walk-ins this desk may register offline
    (a new block on the server when fewer than ``BLOCK_LOW`` are left)."""
    try:
        with mirror.read() as s:
            if len(free_offline_numbers(s, event.id)) >= BLOCK_LOW:
                return
        with primary.write() as s:
            s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
            block = reserve_block(s, event, holder=holder, station=station, size=BLOCK_SIZE,
                                  now=clock.naive_utcnow())
        add_block(mirror, block)
        log.info("numbers %d-%d reserved for walk-ins offline", block.first, block.last)
    except Exception as exc:  # walk-ins offline may run short; scanning goes on
        log.warning("no walk-in numbers reserved: %s", type(exc).__name__)


def free_offline_numbers(s: Session, event_id: int) -> list[int]:
    """The numbers of this desk's blocks that no one in the copy has, in order."""
    blocks = [Block(a, b) for a, b in get_state(s, "numbers") or []]
    if not blocks:
        return []
    used = set(s.scalars(
        select(m.Delegate.number).where(
            m.Delegate.event_id == event_id,
            m.Delegate.number.between(min(b.first for b in blocks), max(b.last for b in blocks)),
        )
    ))  # fmt: skip
    used |= taken_walk_in_numbers(s, event_id)
    return [n for b in blocks for n in range(b.first, b.last + 1) if n not in used]


# ------------------------------------------------------------------ offline, in the copy


def register_offline(
    mirror: Store, event: EventInfo, form: PersonForm, *, station: str, operator: str,
    now: dt.datetime | None = None,
) -> DelegateInfo:
    """Register a walk-in in the copy, with a number of this desk's blocks, and record
    it for the replay (one transaction).  Same rules and refusals as online."""
    cleaned, problems = normalise_form(event, form)
    if problems:
        raise WalkInError(problems)
    when = naive(now)
    with mirror.write() as s:
        duplicates, existing = known_as(s, event, cleaned)
        if duplicates:
            raise WalkInError(tuple(duplicates), existing)
        free = free_offline_numbers(s, event.id)
        if not free:
            raise NoOfflineNumbers(
                "This desk has no walk-in numbers left while the server is out of reach: "
                "register the person at a desk that is online."
            )
        lowest = s.scalar(select(func.min(m.Delegate.id))) or 0
        delegate = insert_walk_in(s, event, cleaned, free[0], when,
                                  delegate_id=min(lowest, 0) - 1)
        record_change(s, event, WALK_IN, delegate.number, station=station, operator=operator,
                when=when, before=None, after=dataclasses.asdict(cleaned))
    return delegate


def edit_offline(
    mirror: Store, event: EventInfo, delegate_id: int, form: PersonForm, *, station: str,
    operator: str, now: dt.datetime | None = None,
) -> EditResult:
    """Save a delegate's details in the copy and record the values before and after."""
    cleaned = clean_form(event, form)
    when = naive(now)
    with mirror.write() as s:
        row = s.get(m.Delegate, delegate_id)
        if row is None or row.event_id != event.id:
            raise DelegateNotFound(f"no delegate with id {delegate_id} in this event")
        before = {f: getattr(row, f) for f in FORM_FIELDS}
        result = apply_edit(s, event, row, cleaned, when)
        if result.changed:
            after = {f: getattr(cleaned, f) for f in FORM_FIELDS}
            record_change(s, event, EDIT, row.number, station=station, operator=operator,
                    when=when, before=before, after=after)
    return result


def count_pending(mirror: Store, event_id: int) -> int:
    with mirror.read() as s:
        return s.scalar(
            select(func.count()).where(
                m.PendingChange.event_id == event_id, m.PendingChange.state == PENDING
            )
        ) or 0


# ------------------------------------------------------------------ replay


def replay_changes(primary: Store, mirror: Store, event: EventInfo, lock) -> ChangesReport:
    """Apply the copy's pending changes on the server, in order; say what clashed.

    ``lock``: the desk's lock, held while the copy is written (a scan offline must not
    read a person while their id changes)."""
    with mirror.read() as s:
        changes = s.scalars(
            select(m.PendingChange)
            .where(m.PendingChange.event_id == event.id, m.PendingChange.state == PENDING)
            .order_by(m.PendingChange.id)
        ).all()
        s.expunge_all()
    from checkin.core.desk.pending_notes import replay_note  # (it builds on this module)

    report = NO_CHANGES
    for change in changes:
        if change.kind == WALK_IN:
            report += _replay_walk_in(primary, mirror, event, change, lock)
        elif change.kind == NOTE:
            report += replay_note(primary, mirror, event, change, lock)
        else:
            report += _replay_edit(primary, mirror, event, change, lock)
    return report


def _replay_walk_in(
    primary: Store, mirror: Store, event: EventInfo, change: m.PendingChange, lock
) -> ChangesReport:
    person = CleanPerson(**json.loads(change.after))
    number = change.delegate_number
    with primary.write() as s:
        server_id, inserted, clash = _walk_in_on_server(s, event, change, person)
    rekeyed: tuple[tuple[int, int], ...] = ()
    with lock(), mirror.write() as s:
        here = s.scalar(select(m.Delegate.id).where(
            m.Delegate.event_id == event.id, m.Delegate.number == number))
        if here is not None and server_id is not None and here != server_id:
            _rekey(s, here, server_id)
            rekeyed = ((here, server_id),)
        settle_change(s, change.id, clash)
    return ChangesReport(inserted, 0, (clash,) if clash else (), rekeyed)


def _walk_in_on_server(
    s: Session, event: EventInfo, change: m.PendingChange, person: CleanPerson
) -> tuple[int | None, int, Clash | None]:
    """Insert the walk-in with its number (the server's id, 1 if inserted now, a clash)."""
    s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
    number = change.delegate_number
    row = s.scalars(select(m.Delegate).where(
        m.Delegate.event_id == event.id, m.Delegate.number == number)).first()
    if row is not None and not _same_person(row, person):  # never, with reserved blocks
        return None, 0, _walk_in_clash(event, change, person, "number_taken", _info(row))
    if row is not None:
        server_id, inserted = row.id, 0  # an earlier replay inserted them
    else:
        server_id, inserted = insert_walk_in(s, event, person, number, change.created_at).id, 1
        # Stamped now, not when made offline: other desks' pulls look for recent changes.
        s.execute(update(m.Delegate).where(m.Delegate.id == server_id)
                  .values(updated_at=clock.naive_utcnow()))
    _problems, existing = known_as(s, event, person, exclude_id=server_id)
    if existing is None:
        return server_id, inserted, None
    return server_id, inserted, _walk_in_clash(event, change, person, "same_person", existing)


def blocked_numbers(mirror: Store, event_id: int) -> frozenset[int]:
    """Walk-ins of the copy that are not (yet) on the server under their number: their
    scans must not be replayed onto whoever has that number there."""
    with mirror.read() as s:
        rows = s.execute(
            select(m.PendingChange.delegate_number, m.PendingChange.state, m.PendingChange.clash)
            .where(m.PendingChange.event_id == event_id, m.PendingChange.kind == WALK_IN,
                   m.PendingChange.state != APPLIED)
        ).all()
    return frozenset(
        n for n, state, clash in rows
        if state == PENDING or (clash and json.loads(clash)["reason"] == "number_taken")
    )


def _replay_edit(
    primary: Store, mirror: Store, event: EventInfo, change: m.PendingChange, lock
) -> ChangesReport:
    before, after = json.loads(change.before), json.loads(change.after)
    fields = [f for f in FORM_FIELDS if before.get(f) != after.get(f)]
    applied = 0
    clash: Clash | None = None
    with primary.write() as s:
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
        row = s.scalars(select(m.Delegate).where(
            m.Delegate.event_id == event.id, m.Delegate.number == change.delegate_number)).first()
        if row is None:
            clash = _edit_clash(event, change, "gone", ())
        elif any(getattr(row, f) != after[f] for f in fields):
            moved = tuple(f for f in fields if getattr(row, f) != before[f])
            if moved:
                clash = _edit_clash(event, change, "changed_meanwhile", moved, _info(row))
            else:
                clash = _apply_edit(s, event, row, after, fields, change)
                applied = int(clash is None)
    with lock(), mirror.write() as s:
        if row is not None:
            copy_row(s, row)  # the copy as the server has it now, applied or not
        settle_change(s, change.id, clash)
    return ChangesReport(0, applied, (clash,) if clash else (), ())


def _apply_edit(s: Session, event: EventInfo, row: m.Delegate, after: dict, fields: list[str],
                change: m.PendingChange) -> Clash | None:
    from checkin.core.roster.edits import DelegateEditError

    values = {f: getattr(row, f) for f in FORM_FIELDS} | {f: after[f] for f in fields}
    try:
        apply_edit(s, event, row, clean_form(event, PersonForm(**values)))
    except DelegateEditError as exc:
        return _edit_clash(event, change, "refused", tuple(p.field for p in exc.problems),
                           _info(row), problem=str(exc))
    return None


def _same_person(row: m.Delegate, person: CleanPerson) -> bool:
    return all(getattr(row, f) == getattr(person, f)
               for f in ("first_name", "last_name", "organisation", "email"))


def _info(row: m.Delegate) -> DelegateInfo:
    from checkin.core.roster.delegates import DELEGATE_COLUMNS

    return DelegateInfo(*(getattr(row, c.key) for c in DELEGATE_COLUMNS))


def copy_row(s: Session, row: m.Delegate) -> None:
    """The server's values of ``row`` on the copy's delegate of that number."""
    names = [c.key for c in m.Delegate.__table__.columns if c.key not in (
        "id", "arrived_at", "arrived_via")]
    s.execute(update(m.Delegate).where(
        m.Delegate.event_id == row.event_id, m.Delegate.number == row.number,
    ).values({n: getattr(row, n) for n in names}).execution_options(synchronize_session=False))


def _rekey(s: Session, old: int, new: int) -> None:
    """The copy's delegate ``old`` takes the server's id ``new``, with everything that
    points at it.  (The copy is SQLite: its foreign keys are checked at the commit.)"""
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    for table, column in ((m.Delegate, m.Delegate.id), (m.Scan, m.Scan.delegate_id),
                          (m.Admission, m.Admission.delegate_id),
                          (m.BadgePrint, m.BadgePrint.delegate_id)):
        s.execute(update(table).where(column == old).values({column.key: new})
                  .execution_options(synchronize_session=False))


def settle_change(s: Session, change_id: int, clash: Clash | None) -> None:
    values = {"state": APPLIED, "settled_at": clock.naive_utcnow()}
    if clash is not None:
        values = {"state": CLASH, "clash": json.dumps(_clash_json(clash))}
    s.execute(update(m.PendingChange).where(m.PendingChange.id == change_id).values(values)
              .execution_options(synchronize_session=False))


# ------------------------------------------------------------------ clashes


def _clash_json(clash: Clash) -> dict:
    keep = ("reason", "args", "message", "other", "fields")
    return {k: v for k, v in dataclasses.asdict(clash).items() if k in keep}


def clashes(mirror: Store, event_id: int) -> list[Clash]:
    """The clashes of earlier replays that nobody has dismissed yet, oldest first."""
    with mirror.read() as s:
        rows = s.scalars(
            select(m.PendingChange)
            .where(m.PendingChange.event_id == event_id, m.PendingChange.state == CLASH)
            .order_by(m.PendingChange.id)
        ).all()
        return [_clash_of(r) for r in rows]


def _clash_of(row: m.PendingChange) -> Clash:
    data = json.loads(row.clash)
    return Clash(
        row.uuid, row.kind, row.delegate_number, row.station,
        row.created_at.replace(tzinfo=dt.UTC), data["reason"], tuple(data["args"]),
        data["message"], data.get("other"), tuple(data.get("fields", ())),
    )  # fmt: skip


def dismiss(mirror: Store, change: str) -> bool:
    """A person resolved the clash: it leaves the list (the record stays)."""
    with mirror.write() as s:
        row = s.scalars(select(m.PendingChange).where(
            m.PendingChange.uuid == change, m.PendingChange.state == CLASH)).first()
        if row is None:
            return False
        row.state, row.settled_at = DISMISSED, clock.naive_utcnow()
        return True


def made_at(event: EventInfo, change: m.PendingChange) -> tuple[dt.datetime, str]:
    made = change.created_at.replace(tzinfo=dt.UTC)
    return made, f"{event.local(made):%H:%M}"


def _walk_in_clash(event: EventInfo, change: m.PendingChange, person: CleanPerson,
                   reason: str, other: DelegateInfo) -> Clash:
    made, at = made_at(event, change)
    name = f"{person.first_name} {person.last_name}".strip()
    n, station = change.delegate_number, change.station or "a desk"
    other_name = other.full_name or f"no. {other.number}"
    args = (name, str(n), station, at, other_name, str(other.number))
    if reason == "same_person":
        message = (
            f"Walk-in {name} (no. {n}), registered offline at {station} at {at}, may be "
            f"{other_name} (no. {other.number}), already registered: both are kept; "
            "check and cancel one of the two."
        )
    else:
        message = (
            f"Walk-in {name} (no. {n}), registered offline at {station} at {at}, was not "
            f"added: no. {n} is {other_name} on the server."
        )
    return Clash(change.uuid, WALK_IN, n, change.station, made, reason, args, message,
                 other=other.number)


def _edit_clash(event: EventInfo, change: m.PendingChange, reason: str, fields: tuple[str, ...],
                now: DelegateInfo | None = None, *, problem: str = "") -> Clash:
    made, at = made_at(event, change)
    n, station = change.delegate_number, change.station or "a desk"
    name = now.full_name if now is not None else ""
    who = f"{name} (no. {n})" if name else f"no. {n}"
    listed = ", ".join(f.replace("_", " ") for f in fields)
    why = {
        "gone": "no such delegate on the server",
        "changed_meanwhile": f"{listed} changed on the server meanwhile",
        "refused": problem,
    }[reason]
    message = f"The details of {who} changed offline at {station} at {at} were not saved: {why}."
    args = (who, station, at, why if reason == "refused" else listed)
    return Clash(change.uuid, EDIT, n, change.station, made, reason, args, message,
                 fields=fields)

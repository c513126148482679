"""The check-in engine: scan, manual check-in and undo, each journaled.

Every attempt — admitted, duplicate or refused — becomes one row of the append-only
``scans`` journal, written and committed (fsync'd on SQLite) before the outcome is
returned, so what the desk shows as admitted survives a crash or a power cut.

The decision "already admitted?" reads the standing admissions (``journal``) and writes
the new journal row and its projection inside one write transaction: ``BEGIN
IMMEDIATE`` on SQLite, and on PostgreSQL a row lock on the delegate (``FOR UPDATE``), so
two desks scanning the same badge in the same second give one ``admitted`` and one
``already_admitted``; the unique (delegate, scope) constraint on ``admissions`` backs it.

Exits: a door desk that counts people out passes ``action=ScanAction.EXIT`` with a
session.  An exit of someone inside journals ``exit``/``exited``; of someone not inside
(never admitted, or already out) ``exit``/``not_present``.  An entry after an exit is a
re-entry: journaled ``admitted`` again (the first admission keeps standing), not
``already_admitted``.  Presence is derived in ``presence``.

The scan path uses SQLAlchemy Core statements, not ORM objects: ``checkin scan -``
replays thousands of scans a second.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Row, func, select
from sqlalchemy.engine import Connection

from checkin.core import clock
from checkin.core.accreditation import rules
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.desk.accreditation import AccreditationDesk
from checkin.core.desk.protocol import WalkInResult
from checkin.core.desk.requests import AUTO, REASONS, CheckinError, resolve_session
from checkin.core.desk.statements import ScanStatements
from checkin.core.event import codes
from checkin.core.event.stored import event_secret, require_event
from checkin.core.roster.delegates import delegate_from_row
from checkin.core.roster.edits import EditResult, update_delegate
from checkin.core.roster.person import PersonForm
from checkin.core.roster.walkins import register_walk_in
from checkin.core.text import clean
from checkin.core.types import (
    DelegateInfo,
    DelegateStatus,
    EventInfo,
    Outcome,
    ScanAction,
    ScanResult,
    ScanSource,
    SessionInfo,
)

if TYPE_CHECKING:
    from checkin.core.desk.protocol import DeskService

_STORED_CODE_MAX = 64
__all__ = ["AUTO", "REASONS", "CheckinError", "CheckinService", "resolve_session"]


def _utcnow() -> dt.datetime:
    return clock.utcnow()


def _naive(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC).replace(tzinfo=None)


class CheckinService(AccreditationDesk):
    """Check-in for one event at one station; caches what every scan needs.

    The accreditation desk's acts (hand-outs, notes done, ID checks, entry rules and
    overrides) come from ``accreditation.AccreditationDesk``."""

    def __init__(
        self,
        store: Store,
        event: EventInfo | None = None,
        *,
        station: str = "",
        operator: str = "",
    ) -> None:
        self.store = store
        self.event = event or require_event(store)
        self.station = station
        self.operator = operator
        self._secret = event_secret(store, self.event.id)
        self._tag = codes.event_tag(self._secret)
        self._lock = not store.is_sqlite  # SQLite serialises writers with BEGIN IMMEDIATE
        self._sql = ScanStatements(self._lock)
        self.on_journal: Callable[[list[dict]], None] | None = None
        """Told the journal rows of each transaction once committed, as portable rows
        (``merge``): a desk keeps its offline copy current with its own admissions."""
        self._written = threading.local()  # this thread's transaction's rows

    # ------------------------------------------------------------------ public

    def resolve_session(self, session: str | None, now: dt.datetime) -> SessionInfo | None:
        """``None`` = venue arrival; ``"auto"`` = the session running now, if any."""
        return resolve_session(self.event, session, now)

    def scan(
        self,
        raw: str,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.SCANNER,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
        override: bool = False,
        reason: str = "",
    ) -> ScanResult:
        """One badge read.  ``action="exit"`` (with a session) counts the person out.

        ``override``: a supervisor admits the person although an entry rule refuses
        (the service's ``operator`` must be set); the journal keeps the rule and
        ``reason``."""
        return self.scan_many(
            [raw], session=session, source=source, now=now, action=action,
            override=override, reason=reason,
        )[0]

    def scan_many(
        self,
        raws: Iterable[str],
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.SCANNER,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
        override: bool = False,
        reason: str = "",
    ) -> list[ScanResult]:
        """Scans in one transaction (one fsync): for replaying a scanner log quickly.

        Nothing is returned — so nothing is shown as admitted — before the commit.
        """
        act = self._action(action, session)
        raws = list(raws)
        outcomes = []
        with self._transaction() as s:
            if self._lock:
                self._lock_in_order(s, raws)
            for raw in raws:
                when = now or _utcnow()
                sess = resolve_session(self.event, session, when)
                if act is ScanAction.EXIT and sess is None:
                    raise CheckinError("No session is running now to record an exit from.")
                outcome = self._scan(s, raw, sess, source, when, act, (override, reason))
                outcomes.append(self._with_extras(s, outcome))
        return outcomes

    def _lock_in_order(self, s: Connection, raws: list[str]) -> None:
        """PostgreSQL: take the batch's delegate locks up front, in id order.

        Locking as the scans come, two desks replaying overlapping logs would each hold
        one person and wait for the other's: a deadlock.  In id order (as merges do),
        one waits for the other instead."""
        numbers = sorted(
            {
                number  # set only when the code verified
                for raw in raws
                if (number := codes.verify(raw, self._secret, self._tag).number) is not None
            }
        )
        if numbers:
            s.execute(
                select(m.Delegate.id)
                .where(m.Delegate.event_id == self.event.id, m.Delegate.number.in_(numbers))
                .order_by(m.Delegate.id)
                .with_for_update()
            ).all()

    def check_in(
        self,
        delegate_id: int,
        *,
        session: str | None = None,
        source: ScanSource = ScanSource.MANUAL,
        now: dt.datetime | None = None,
        action: ScanAction | str = ScanAction.ENTRY,
        override: bool = False,
        reason: str = "",
    ) -> ScanResult:
        """Check a person in (or, with ``action="exit"``, out) without a badge;
        ``override`` as in ``scan``."""
        act = self._action(action, session)
        when = now or _utcnow()
        sess = resolve_session(self.event, session, when)
        if act is ScanAction.EXIT and sess is None:
            raise CheckinError("No session is running now to record an exit from.")
        with self._transaction() as s:
            delegate = self._delegate(s, self._sql.delegate_by_id, delegate_id)
            if delegate is None:
                raise CheckinError("No delegate with id %1 in this event.", delegate_id)
            if act is ScanAction.EXIT and sess is not None:  # (checked above)
                return self._with_extras(s, self._exit(s, delegate, sess, source, when, code=""))
            return self._with_extras(s, self._admit(
                s, delegate, sess, source, when, code="", override=(override, reason)
            ))

    def undo(self, scan_id: str, *, now: dt.datetime | None = None) -> ScanResult:
        """Cancel an admission by journaling an undo row that points at it."""
        when = now or _utcnow()
        with self._transaction() as s:
            target = s.execute(
                select(
                    m.Scan.id, m.Scan.delegate_id, m.Scan.session_id, m.Scan.outcome,
                    m.Scan.action,
                ).where(m.Scan.uuid == scan_id.strip(), m.Scan.event_id == self.event.id)
            ).first()
            if target is None:
                raise CheckinError("No scan %1 in this event's journal.", repr(scan_id))
            undoable = (
                (ScanAction.ENTRY.value, Outcome.ADMITTED.value),
                (ScanAction.EXIT.value, Outcome.EXITED.value),
            )
            if (target.action, target.outcome) not in undoable:
                raise CheckinError(
                    "Scan %1 was not an admission or an exit (%2); nothing to undo.",
                    scan_id, target.outcome,
                )
            # Lock the delegate (PostgreSQL) before looking for an earlier undo, so two
            # desks undoing the same scan at once cannot both pass the check.
            delegate = self._delegate(s, self._sql.delegate_by_id, target.delegate_id)
            undone = s.scalar(select(m.Scan.uuid).where(m.Scan.undoes_id == target.id))
            if undone:
                raise CheckinError("Scan %1 was already undone by %2.", scan_id, undone)
            sess = next((x for x in self.event.sessions if x.id == target.session_id), None)
            new_id, _ = self._journal(
                s,
                delegate=delegate,
                session_id=target.session_id,
                action=ScanAction.UNDO,
                source=ScanSource.MANUAL,
                outcome=Outcome.UNDONE,
                when=when,
                undoes=(target.id, scan_id.strip()),
            )
            # Another standing admission of the same scope can only exist after journals
            # were merged; recomputing this delegate from the journal covers that too.
            journal.rebuild(s, self.event.id, target.delegate_id)
            name = delegate.full_name if delegate else "?"
            what = "Exit" if target.action == ScanAction.EXIT.value else "Check-in"
            return ScanResult(
                Outcome.UNDONE, delegate, sess, new_id, when, f"{what} of {name} undone.",
            )

    def register_walk_in(
        self,
        form: PersonForm,
        *,
        session: str | None = None,
        now: dt.datetime | None = None,
    ) -> WalkInResult:
        """Register someone not on the list (``roster.walkins``), then check them in
        with the source walk-in.  Two transactions: if the check-in fails the person
        stays registered, and checking them in again is safe."""
        delegate = register_walk_in(self.store, self.event, form, now=now)
        outcome = self.check_in(delegate.id, session=session, source=ScanSource.WALK_IN, now=now)
        return WalkInResult(delegate, outcome)

    def edit_delegate(
        self, delegate_id: int, form: PersonForm, *, now: dt.datetime | None = None
    ) -> EditResult:
        """Save a delegate's details, as the Roster does (``roster.edits``)."""
        return update_delegate(self.store, self.event, delegate_id, form, now=now)

    # ----------------------------------------------------------------- internals

    @staticmethod
    def _action(action: ScanAction | str, session: str | None) -> ScanAction:
        try:
            act = ScanAction(action)
        except ValueError:
            raise CheckinError("Unknown action %1: 'entry' or 'exit'.", repr(action)) from None
        if act is ScanAction.UNDO:
            raise CheckinError("Use undo() to cancel a scan.")
        if act is ScanAction.EXIT and not session:
            raise CheckinError("Exits are counted at a session's door: give a session.")
        return act

    def _delegate(self, s: Connection, query, key: int | None) -> DelegateInfo | None:
        row = s.execute(query, {"event_id": self.event.id, "key": key}).first()
        return delegate_from_row(row) if row else None

    def _scan(
        self,
        s: Connection,
        raw: str,
        sess: SessionInfo | None,
        source: ScanSource,
        when: dt.datetime,
        action: ScanAction = ScanAction.ENTRY,
        override: tuple[bool, str] = (False, ""),
    ) -> ScanResult:
        decoded = codes.verify(raw, self._secret, self._tag)
        refuse = self._refuse if action is ScanAction.ENTRY else self._refuse_exit
        stored_code = decoded.code or clean(raw)[:_STORED_CODE_MAX]
        if decoded.verdict is codes.Verdict.WRONG_EVENT:
            return refuse(s, None, sess, source, when, stored_code, Outcome.WRONG_EVENT,
                          "wrong_event")
        number, version = decoded.number, decoded.version
        if number is None or version is None:  # Verdict.INVALID: both set only when OK
            return refuse(s, None, sess, source, when, stored_code, Outcome.INVALID,
                          "not_a_code")
        delegate = self._delegate(s, self._sql.delegate_by_number, number)
        if delegate is None:
            return refuse(
                s, None, sess, source, when, stored_code, Outcome.INVALID,
                "unknown_number", str(number),
            )
        if version > delegate.badge_version:
            return refuse(
                s, delegate, sess, source, when, stored_code, Outcome.INVALID,
                "newer_version", str(version), str(delegate.badge_version),
            )
        if version < delegate.badge_version:
            return refuse(
                s, delegate, sess, source, when, stored_code, Outcome.REVOKED,
                *self._revoked_reason(s, delegate, version),
            )
        if action is ScanAction.EXIT and sess is not None:  # (scan_many checked)
            return self._exit(s, delegate, sess, source, when, code=stored_code)
        return self._admit(s, delegate, sess, source, when, code=stored_code, override=override)

    def _revoked_reason(
        self, s: Connection, delegate: DelegateInfo, version: int
    ) -> tuple[str, ...]:
        replaced = s.execute(
            select(func.min(m.BadgePrint.printed_at)).where(
                m.BadgePrint.delegate_id == delegate.id,
                m.BadgePrint.badge_version == version + 1,
            )
        ).scalar()
        if replaced is None:
            return ("replaced",)
        local = self.event.local(replaced.replace(tzinfo=dt.UTC))
        if local.date() == self.event.date:
            return ("replaced_at", f"{local:%H:%M}")
        return ("replaced_on", f"{local:%H:%M}", f"{local:%d.%m.%Y}")

    def _admit(
        self,
        s: Connection,
        delegate: DelegateInfo,
        sess: SessionInfo | None,
        source: ScanSource,
        when: dt.datetime,
        *,
        code: str,
        override: tuple[bool, str] = (False, ""),
    ) -> ScanResult:
        if delegate.status == DelegateStatus.CANCELLED.value:
            return self._refuse(s, delegate, sess, source, when, code, Outcome.CANCELLED,
                                "cancelled")
        session_id = sess.id if sess else None
        scope = session_id or journal.VENUE
        first = s.execute(
            self._sql.standing, {"delegate_id": delegate.id, "scope": scope}
        ).first()
        where = sess.title if sess else "the venue"
        back = first is not None and sess is not None and self._is_out(s, delegate.id, sess.id)
        if first is not None and not back:
            return self._already(s, delegate, sess, source, when, code=code, first=first)
        refusal, ruled = self._entry_rule(s, delegate, sess, when, override)
        if refusal is not None:
            return self._refuse(s, delegate, sess, source, when, code, Outcome.NOT_ALLOWED,
                                refusal.reason, *refusal.args, rule=refusal.rule)
        overridden = ruled.pop("_refusal", None)
        said = rules.override_message(overridden, self.operator) if overridden else ""
        if back:
            # Back through the door after an exit: let in again, not "already".
            scan_id, _ = self._journal(
                s, delegate=delegate, session_id=session_id, action=ScanAction.ENTRY,
                source=source, outcome=Outcome.ADMITTED, when=when, code=code, extra=ruled,
            )
            return ScanResult(
                Outcome.ADMITTED, delegate, sess, scan_id, when,
                said or f"{delegate.full_name}: back in {where}.", code=code,
                rule=ruled.get("rule", ""), overridden=bool(overridden),
            )
        scan_id, row_id = self._journal(
            s, delegate=delegate, session_id=session_id, action=ScanAction.ENTRY,
            source=source, outcome=Outcome.ADMITTED, when=when, code=code, extra=ruled,
        )
        s.execute(
            self._sql.admission,
            {"event_id": self.event.id, "delegate_id": delegate.id, "scope": scope,
             "scan_id": row_id, "admitted_at": _naive(when), "source": source.value},
        )
        s.execute(
            self._sql.arrival,
            {"delegate_id": delegate.id, "when": _naive(when), "via": source.value},
        )
        return ScanResult(
            Outcome.ADMITTED, delegate, sess, scan_id, when,
            said or (f"Welcome, {delegate.full_name}." if sess is None
                     else f"{delegate.full_name}: admitted to {where}."),
            code=code, rule=ruled.get("rule", ""), overridden=bool(overridden),
        )

    def _already(
        self,
        s: Connection,
        delegate: DelegateInfo,
        sess: SessionInfo | None,
        source: ScanSource,
        when: dt.datetime,
        *,
        code: str,
        first: Row,
    ) -> ScanResult:
        """Admitted before (``first``, the standing admission): journaled, and said
        with when and where, so staff can tell a friend's badge from a second scan."""
        first_at = first.admitted_at.replace(tzinfo=dt.UTC)
        local = self.event.local(first_at).strftime("%H:%M")
        station = f", {first.station}" if first.station else ""
        where = sess.title if sess else "the venue"
        scan_id, _ = self._journal(
            s, delegate=delegate, session_id=sess.id if sess else None,
            action=ScanAction.ENTRY, source=source, outcome=Outcome.ALREADY_ADMITTED,
            when=when, code=code,
        )
        return ScanResult(
            Outcome.ALREADY_ADMITTED, delegate, sess, scan_id, when,
            f"Already checked in to {where} at {local}{station}.",
            first_scan_at=first_at, first_station=first.station, code=code,
        )

    def _is_out(self, s: Connection, delegate_id: int, session_id: int) -> bool:
        last = s.execute(
            self._sql.latest_movement, {"delegate_id": delegate_id, "session_id": session_id}
        ).first()
        return last is not None and last.action == ScanAction.EXIT.value

    def _exit(
        self,
        s: Connection,
        delegate: DelegateInfo,
        sess: SessionInfo,
        source: ScanSource,
        when: dt.datetime,
        *,
        code: str,
    ) -> ScanResult:
        """Count a person out of a session's room, if they are in it."""
        standing = s.execute(
            self._sql.standing, {"delegate_id": delegate.id, "scope": sess.id}
        ).first()
        last = s.execute(
            self._sql.latest_movement, {"delegate_id": delegate.id, "session_id": sess.id}
        ).first()
        if standing is None:
            why: tuple[str, ...] = ("never_in", delegate.full_name, sess.title)
        elif last is not None and last.action == ScanAction.EXIT.value:
            at = self.event.local(last.created_at.replace(tzinfo=dt.UTC)).strftime("%H:%M")
            why = ("already_left", delegate.full_name, sess.title, at)
        else:
            scan_id, _ = self._journal(
                s, delegate=delegate, session_id=sess.id, action=ScanAction.EXIT,
                source=source, outcome=Outcome.EXITED, when=when, code=code,
            )
            return ScanResult(
                Outcome.EXITED, delegate, sess, scan_id, when,
                f"{delegate.full_name}: left {sess.title}.", code=code,
            )
        return self._refuse_exit(s, delegate, sess, source, when, code, Outcome.NOT_PRESENT, *why)

    def _refuse_exit(self, s, delegate, sess, source, when, code, outcome, reason, *args):
        return self._refuse(
            s, delegate, sess, source, when, code, outcome, reason, *args,
            action=ScanAction.EXIT,
        )

    def _refuse(
        self, s, delegate, sess, source, when, code, outcome, reason: str, *args: str,
        action: ScanAction = ScanAction.ENTRY, rule: str = "",
    ) -> ScanResult:
        scan_id, _ = self._journal(
            s,
            delegate=delegate,
            session_id=sess.id if sess else None,
            action=action,
            source=source,
            outcome=outcome,
            when=when,
            code=code,
            extra={"rule": rule} if rule else None,
        )
        if rule:  # an entry rule's reason: an errors template (``accreditation.rules``)
            message = rules.Refusal(rule, reason, args).message
        else:
            message = REASONS[reason].format(*args)
        return ScanResult(
            outcome, delegate, sess, scan_id, when, message, code=code, reason=reason,
            args=args, rule=rule,
        )

    def _journal(
        self,
        s: Connection,
        *,
        delegate: DelegateInfo | None,
        session_id: int | None,
        action: ScanAction,
        source: ScanSource,
        outcome: Outcome,
        when: dt.datetime,
        code: str = "",
        undoes: tuple[int, str] | None = None,
        extra: dict | None = None,
    ) -> tuple[str, int]:
        """Append one row to the journal; its UUID (for people) and id (for links).

        ``undoes``: the id and UUID of the row an undo cancels; ``extra``: the
        accreditation columns (item, item_code, rule, detail)."""
        scan_uuid = str(uuid.uuid4())
        values = {
            "uuid": scan_uuid,
            "event_id": self.event.id,
            "delegate_id": delegate.id if delegate else None,
            "session_id": session_id,
            "action": action.value,
            "source": source.value,
            "outcome": outcome.value,
            "code": code,
            "station": self.station,
            "operator": self.operator,
            "created_at": _naive(when),
            "undoes_id": undoes[0] if undoes else None,
            "item": "", "item_code": "", "rule": "", "detail": "",
            **(extra or {}),
        }
        row_id = s.execute(self._sql.journal, values).scalar_one()
        if self.on_journal is not None:
            self._written.rows.append(self._portable(values, delegate, undoes))
        return scan_uuid, row_id

    def _portable(
        self, values: dict, delegate: DelegateInfo | None, undoes: tuple[int, str] | None
    ) -> dict:
        """A journal row as ``merge`` carries it: links by number, key and UUID."""
        key = next((x.key for x in self.event.sessions if x.id == values["session_id"]), None)
        row = {k: v for k, v in values.items() if k not in ("event_id", "delegate_id",
                                                            "session_id", "undoes_id")}
        return {
            **row,
            "delegate_number": delegate.number if delegate else None,
            "session_key": key,
            "undoes_uuid": undoes[1] if undoes else None,
        }

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """One write transaction; ``on_journal`` hears its rows once it is committed."""
        self._written.rows = []
        with self.store.write_conn() as s:
            yield s
        rows, self._written.rows = self._written.rows, []
        if rows and self.on_journal is not None:
            self.on_journal(rows)


if TYPE_CHECKING:

    def _a_desk_service(service: CheckinService) -> DeskService:
        """mypy: the check-in service is a ``DeskService`` (the desk holds either kind)."""
        return service

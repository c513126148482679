"""The accreditation desk's acts on the check-in service: entry rules and overrides on
the scan path, the person's note, photo and hand-outs on every result, and hand-outs,
notes done and ID checks written to the journal.

A mixin of ``service.CheckinService``: these acts use its transaction and its journal
writer, so each is one journal row with a UUID, the station, the operator and the time,
heard by ``on_journal`` (the offline desk's copy) and replayed by UUID like a scan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from checkin.core import clock
from checkin.core.accreditation import extras, handouts, notes, rules
from checkin.core.accreditation.extras import IdCheckResult
from checkin.core.accreditation.handouts import HandoutResult
from checkin.core.accreditation.journal_rows import statements
from checkin.core.accreditation.notes import NoteError, NoteResult, NoteSaved
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import presence
from checkin.core.types import (
    DelegateInfo,
    EventInfo,
    NoteInfo,
    Outcome,
    ScanAction,
    ScanResult,
    ScanSource,
    SessionInfo,
)


class AccreditationDesk:
    """Hand-outs, notes, ID checks and entry rules for ``CheckinService``."""

    if TYPE_CHECKING:
        event: EventInfo
        operator: str
        station: str
        store: Store

        _transaction: Callable[[], AbstractContextManager[Connection]]
        _journal: Callable[..., tuple[str, int]]
        _delegate: Callable[[Connection, Any, int | None], DelegateInfo | None]
        _sql: Any

    # ------------------------------------------------------------ public

    def give_handout(
        self, delegate_id: int, item: str, *, item_code: str = "",
        source: ScanSource = ScanSource.MANUAL, now: dt.datetime | None = None,
    ) -> HandoutResult:
        """Hand ``item`` (a key of the event's ``[[handouts]]``) to the person; its own
        number (a headset's) in ``item_code``.  Refused, with nothing written, when they
        hold one already, their category does not get it, or they are cancelled."""
        return self._handout(delegate_id, item, True, item_code, source, now)

    def return_handout(
        self, delegate_id: int, item: str, *, item_code: str = "",
        source: ScanSource = ScanSource.MANUAL, now: dt.datetime | None = None,
    ) -> HandoutResult:
        """The person gave ``item`` back (at any desk).  Refused when they do not hold
        it, or it is an item people keep."""
        return self._handout(delegate_id, item, False, item_code, source, now)

    def note_done(self, delegate_id: int, *, now: dt.datetime | None = None) -> NoteResult:
        """Staff dealt with the person's attention note: journaled with who and when;
        a done note no longer shows.  Raises ``NoteError`` when there is no note."""
        when = now or clock.utcnow()
        with self._transaction() as s:
            delegate = self._person(s, delegate_id)
            state = notes.note_state(s, delegate.id)
            if state is None:
                raise NoteError("%1 has no note.", delegate.full_name)
            if state.done:
                return NoteResult(delegate, state, None,
                                  f"The note of {delegate.full_name} was already done.")
            scan_id, _ = self._journal(
                s, delegate=delegate, session_id=None, action=ScanAction.NOTE_DONE,
                source=ScanSource.MANUAL, outcome=Outcome.DONE, when=when,
                extra={"detail": state.text},
            )
            done = dataclasses.replace(state, done=True, done_at=when,
                                       done_by=self.operator or self.station)
            return NoteResult(delegate, done, scan_id, f"Note of {delegate.full_name} done.")

    def get_note(self, delegate_id: int) -> NoteInfo | None:
        """The person's note as it stands (for the note editor)."""
        return notes.get_note(self.store, delegate_id)

    def set_note(
        self, delegate_id: int, text: str, *, now: dt.datetime | None = None
    ) -> NoteSaved:
        """Save (or clear, with "") the person's attention note.  Not a journal row: the
        delegate's own column, which desks' copies pull (``notes.save_note``)."""
        with self._transaction() as s:
            return notes.save_note(s, self.event, delegate_id, text, now)

    def id_checked(self, delegate_id: int, *, now: dt.datetime | None = None) -> IdCheckResult:
        """Staff checked the person's identity document: journaled with who and when."""
        when = now or clock.utcnow()
        with self._transaction() as s:
            delegate = self._person(s, delegate_id)
            if s.execute(statements().id_done, {"d": delegate.id}).first() is not None:
                return IdCheckResult(delegate, None, when,
                                     f"ID of {delegate.full_name} was checked already.")
            scan_id, _ = self._journal(
                s, delegate=delegate, session_id=None, action=ScanAction.ID_CHECK,
                source=ScanSource.MANUAL, outcome=Outcome.DONE, when=when,
            )
            return IdCheckResult(delegate, scan_id, when, f"ID of {delegate.full_name} checked.")

    # ------------------------------------------------------------ internals

    def _person(self, s: Connection, delegate_id: int) -> DelegateInfo:
        delegate = self._delegate(s, self._sql.delegate_by_id, delegate_id)
        if delegate is None:
            raise NoteError("No delegate with id %1 in this event.", delegate_id)
        return delegate

    def _handout(
        self, delegate_id: int, key: str, give: bool, item_code: str,
        source: ScanSource, now: dt.datetime | None,
    ) -> HandoutResult:
        item = handouts.require_item(self.event, key)
        when = now or clock.utcnow()
        with self._transaction() as s:
            delegate = self._person(s, delegate_id)
            current = handouts.state_of(s, self.event, delegate, item)
            refusal = handouts.decide(delegate, item, current, give)
            if refusal is not None:
                extra: tuple[str, ...] = ()
                if refusal == "already_out" and current.out_at is not None:
                    extra = (f"{self.event.local(current.out_at):%H:%M}",)
                elif refusal == "not_for_category":
                    cat = self.event.category(delegate.category)
                    extra = (cat.label if cat else delegate.category,)
                args = handouts.say(refusal, delegate, item, *extra)
                return HandoutResult(refusal, delegate, item, current, None, when,
                                     handouts.message(refusal, args), args)
            code = item_code.strip()[:64]
            scan_id, _ = self._journal(
                s, delegate=delegate, session_id=None,
                action=ScanAction.HANDOUT if give else ScanAction.RETURN, source=source,
                outcome=Outcome.DONE, when=when,
                extra={"item": item.key, "item_code": code},
            )
            status = "given" if give else "returned"
            shown = "given_code" if give and code else status
            args = handouts.say(shown, delegate, item, *((code,) if give and code else ()))
            after = handouts.state_of(s, self.event, delegate, item)
            return HandoutResult(status, delegate, item, after, scan_id, when,
                                 handouts.message(shown, args), args)

    def _present(self, s: Connection, sess: SessionInfo | None) -> int:
        """People in the session's room now: standing admissions less those out; for
        the venue (``sess`` None), everyone who has arrived — at the entrance or
        straight at a session's door — since the building has no exit desk."""
        if sess is None:
            return s.execute(
                select(func.count()).select_from(m.Delegate).where(
                    m.Delegate.event_id == self.event.id, m.Delegate.arrived_at.is_not(None))
            ).scalar() or 0
        admitted = s.execute(
            select(func.count()).select_from(m.Admission).where(
                m.Admission.event_id == self.event.id, m.Admission.scope == sess.id)
        ).scalar() or 0
        return admitted - presence.out_counts(s, self.event.id).get(sess.id, 0)

    def _entry_rule(
        self, s: Connection, delegate: DelegateInfo, sess: SessionInfo | None,
        when: dt.datetime, override: tuple[bool, str],
    ) -> tuple[rules.Refusal | None, dict]:
        """The rule that refuses this entry (None: none, or overridden) and the journal
        columns of the admission (the rule overridden, the reason)."""
        refusal = rules.check_entry(self.event, delegate, sess, when,
                                    lambda: self._present(s, sess))
        if refusal is None:
            return None, {}
        wanted, reason = override
        if not wanted:
            return refusal, {}
        if not self.operator.strip():
            raise rules.OverrideError("An override needs the name of who decides it (--operator).")
        return None, {"rule": refusal.rule, "detail": reason.strip(), "_refusal": refusal}

    def _with_extras(self, s: Connection, result: ScanResult) -> ScanResult:
        if result.delegate is None:
            return result
        more = extras.extras(s, self.event, result.delegate)
        return dataclasses.replace(
            result, note=more.note, photo=more.photo, handouts=more.handouts,
            id_check=more.id_check,
        )



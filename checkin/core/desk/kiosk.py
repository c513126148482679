"""The self check-in kiosk's decisions: check the person in, then "take your badge" or
"please see the desk" — and the cases the kiosk sent to staff, for the desks to see.

A kiosk checks people in through a ``DeskService`` like any desk (``CheckinService`` on
a SQLite file or a reachable server, ``DeskCheckin`` on a shared server, offline like a
desk), with the source ``kiosk`` on every journal row.  What staff must handle is never
explained on the kiosk's screen — a bystander could read it — only "Please see the
desk": the journal row (source ``kiosk``, its outcome) and ``kiosk_cases`` tell staff
why.  The staff cases:

* refused: cancelled registration, revoked (replaced) badge, another event's or an
  unreadable code, an entry rule (``not_allowed``);
* already checked in (a lost badge? a friend's?): journaled ``already_admitted``;
* checked in, but an attention note is open or the category asks for an identity
  check: the person is in (the dashboard's open notes show them), the badge is handed
  at the desk, so they do go there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from checkin.core.accreditation.extras import ID_DUE, id_check_state
from checkin.core.accreditation.notes import note_state
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.protocol import DeskService
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.types import DelegateInfo, EventInfo, Outcome, ScanAction, ScanResult, ScanSource

BADGE = "badge"  # checked in: print the badge, "Take your badge"
SEE_DESK = "see_desk"  # staff must handle it: "Please see the desk", no detail

# Why a case went to staff (``KioskVerdict.why``), for the desks and the logs.
WHY_NOTE = "note"
WHY_ID_CHECK = "id_check"


@dataclass(frozen=True)
class KioskVerdict:
    """What the kiosk shows after a scan or a confirmed search."""

    screen: str  # BADGE or SEE_DESK
    result: ScanResult  # the journal row's outcome (source kiosk)
    why: str  # "" for BADGE; else the outcome's value, WHY_NOTE or WHY_ID_CHECK

    @property
    def prints(self) -> bool:
        return self.screen == BADGE


def verdict(result: ScanResult) -> KioskVerdict:
    """BADGE for a plain admission; SEE_DESK for everything staff must handle."""
    if result.status is not Outcome.ADMITTED or result.delegate is None:
        return KioskVerdict(SEE_DESK, result, result.status.value)
    if result.note is not None and not result.note.done:
        return KioskVerdict(SEE_DESK, result, WHY_NOTE)
    if result.id_check == ID_DUE:
        return KioskVerdict(SEE_DESK, result, WHY_ID_CHECK)
    return KioskVerdict(BADGE, result, "")


class KioskDesk:
    """A kiosk's check-ins through ``service`` (any ``DeskService``), source kiosk."""

    def __init__(self, service: DeskService, *, session: str | None = None) -> None:
        self.service = service
        self.session = session  # None: venue arrival (no entry rules); a key; "auto"

    def scan(self, code: str, *, now: dt.datetime | None = None) -> KioskVerdict:
        """A badge code read by the scanner or the camera, or typed."""
        return verdict(
            self.service.scan(code, session=self.session, source=ScanSource.KIOSK, now=now)
        )

    def check_in(self, delegate_id: int, *, now: dt.datetime | None = None) -> KioskVerdict:
        """The person a typed search and its confirming detail found, who said "yes"."""
        return verdict(
            self.service.check_in(
                delegate_id, session=self.session, source=ScanSource.KIOSK, now=now
            )
        )


@dataclass(frozen=True)
class KioskCase:
    """A person the kiosk sent to the desk, and why (for staff only)."""

    scan_id: str
    at: dt.datetime  # aware UTC
    station: str
    outcome: str  # the journal row's outcome
    why: str  # the outcome, or WHY_NOTE for an admission with an open note
    delegate: DelegateInfo | None
    code: str


def kiosk_cases(
    store: Store, event: EventInfo, *, since: dt.datetime | None = None, limit: int = 50
) -> list[KioskCase]:
    """The kiosk's journal rows staff must handle, newest first: refusals, people
    already checked in, and admissions of people whose note is still open."""
    query = (
        select(m.Scan.uuid, m.Scan.created_at, m.Scan.station, m.Scan.outcome, m.Scan.code,
               m.Scan.delegate_id)
        .where(
            m.Scan.event_id == event.id,
            m.Scan.source == ScanSource.KIOSK.value,
            m.Scan.action == ScanAction.ENTRY.value,
        )
        .order_by(m.Scan.created_at.desc(), m.Scan.id.desc())
        .limit(limit * 4)
    )
    if since is not None:
        query = query.where(m.Scan.created_at >= since.astimezone(dt.UTC).replace(tzinfo=None))
    cases: list[KioskCase] = []
    with store.read() as s:
        for row in s.execute(query).all():
            delegate = None
            if row.delegate_id is not None:
                found = s.execute(
                    select(*DELEGATE_COLUMNS).where(m.Delegate.id == row.delegate_id)
                ).first()
                delegate = delegate_from_row(found) if found else None
            why = row.outcome
            if row.outcome == Outcome.ADMITTED.value:
                why = _admitted_why(s, event, delegate)
                if not why:
                    continue
            cases.append(KioskCase(row.uuid, row.created_at.replace(tzinfo=dt.UTC),
                                   row.station, row.outcome, why, delegate, row.code))
            if len(cases) >= limit:
                break
    return cases


def _admitted_why(s, event: EventInfo, delegate: DelegateInfo | None) -> str:
    """Why an admission at the kiosk still needs staff: WHY_NOTE, WHY_ID_CHECK or ""."""
    if delegate is None:
        return ""
    note = note_state(s, delegate.id)
    if note is not None and not note.done:
        return WHY_NOTE
    return WHY_ID_CHECK if id_check_state(s, event, delegate) == ID_DUE else ""

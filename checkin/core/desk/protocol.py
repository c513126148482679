"""What a desk checks people in through: ``DeskService``, and what it answers.

Two classes implement it — ``service.CheckinService`` (one database: the laptop's own,
or the shared server) and ``offline.DeskCheckin`` (the shared server, failing over to a
local copy when it goes away) — and the desk's controller holds either without knowing
which.  Each module checks its class against this Protocol under ``TYPE_CHECKING``, so
mypy, not a desk on the day, finds a method that drifted apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from checkin.core.accreditation.extras import IdCheckResult
from checkin.core.accreditation.handouts import HandoutResult
from checkin.core.accreditation.notes import NoteResult, NoteSaved
from checkin.core.roster.edits import EditResult
from checkin.core.roster.person import PersonForm
from checkin.core.types import (
    DelegateInfo,
    EventInfo,
    NoteInfo,
    ScanAction,
    ScanResult,
    ScanSource,
)


@dataclass(frozen=True)
class WalkInResult:
    delegate: DelegateInfo
    outcome: ScanResult  # the check-in (admitted, source walk-in)


class DeskService(Protocol):
    """Scan, check in and undo for one event at one station, each journaled; register
    a walk-in, correct a delegate's details and type their note from the desk."""

    station: str
    """Written in every journal row; the desk's settings may change it."""
    operator: str
    """Who is at the desk (journaled, may be empty)."""

    @property
    def event(self) -> EventInfo:
        """The event scans are checked against (its sessions, its time zone)."""
        ...

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
        """One badge read; ``action="exit"`` (with a session) counts the person out.

        An entry a rule refuses is ``not_allowed`` (``rule``, ``reason``, ``args``);
        ``override`` admits it all the same, journaled with ``operator`` and ``reason``
        (``accreditation.OverrideError`` without an operator)."""
        ...

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
        """A person found by name, checked in (or out) without a badge."""
        ...

    def undo(self, scan_id: str, *, now: dt.datetime | None = None) -> ScanResult:
        """Cancel an admission or an exit by journaling an undo row that points at it."""
        ...

    def register_walk_in(
        self,
        form: PersonForm,
        *,
        session: str | None = None,
        now: dt.datetime | None = None,
    ) -> WalkInResult:
        """Register someone not on the list and check them in (source walk-in).

        Raises ``roster.walkins.WalkInError`` for an invalid form or a person the desk
        already knows (``existing``: check them in instead); nothing is written then."""
        ...

    def edit_delegate(
        self, delegate_id: int, form: PersonForm, *, now: dt.datetime | None = None
    ) -> EditResult:
        """Save a delegate's details (the Roster's form).  Raises
        ``roster.edits.DelegateEditError`` or ``DelegateNotFound``; nothing written then."""
        ...

    def give_handout(
        self, delegate_id: int, item: str, *, item_code: str = "",
        source: ScanSource = ScanSource.MANUAL, now: dt.datetime | None = None,
    ) -> HandoutResult:
        """Hand an item of the event's ``[[handouts]]`` to the person (journaled; its own
        number in ``item_code``).  ``HandoutResult.ok`` False: refused, nothing written
        (already out, not for their category, cancelled).  ``HandoutError``: no such item."""
        ...

    def return_handout(
        self, delegate_id: int, item: str, *, item_code: str = "",
        source: ScanSource = ScanSource.MANUAL, now: dt.datetime | None = None,
    ) -> HandoutResult:
        """The person gave the item back (journaled); refused when not out or kept."""
        ...

    def note_done(self, delegate_id: int, *, now: dt.datetime | None = None) -> NoteResult:
        """Mark the person's attention note done (journaled with who and when).
        ``NoteError`` when they have no note; nothing written when done already."""
        ...

    def get_note(self, delegate_id: int) -> NoteInfo | None:
        """The person's note as the desk sees it (offline: its copy), for the note editor."""
        ...

    def set_note(
        self, delegate_id: int, text: str, *, now: dt.datetime | None = None
    ) -> NoteSaved:
        """Save (or clear, with "") the person's attention note.  ``NoteError`` for a note
        too long or no such person.  Offline, saved in the desk's copy (shown at once)
        and replayed later; a note someone else changed meanwhile is listed as a clash,
        not overwritten."""
        ...

    def id_checked(self, delegate_id: int, *, now: dt.datetime | None = None) -> IdCheckResult:
        """Record that staff checked the person's identity document (journaled)."""
        ...

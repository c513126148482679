"""Entry rules with reasons: which categories a session admits, when its doors open,
and a capacity that refuses once the room is full.

A pure decision (no database): the desk's service passes the person, the session, the
time and — only when the capacity rule needs it — a way to count who is in the room.
A refusal names its rule in words, as an English template with ``%1`` values
(``errors.fill``) so the app can say it in French; the rule's key goes into the journal
row (``scans.rule``) of the refusal, or of the admission an override let through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from checkin.core.errors import UserError, fill, translatable
from checkin.core.types import DelegateInfo, EventInfo, SessionInfo

CATEGORIES = "only_categories"
DOORS = "doors_open"
CAPACITY = "capacity"

# reason key -> English template; ``ScanResult.reason`` and ``args`` carry key and values.
TEMPLATES = {
    "closed_session": translatable("Closed session: %1 only."),
    "doors_not_open": translatable("Doors open at %1."),
    "session_full": translatable("Session full: %1 of %2."),
    "overridden": translatable("Admitted by override (%1): %2"),
}
RULE_OF_REASON = {
    "closed_session": CATEGORIES,
    "doors_not_open": DOORS,
    "session_full": CAPACITY,
}


class OverrideError(UserError, ValueError):
    """An override without the name of who decides it."""


@dataclass(frozen=True)
class Refusal:
    """Why an entry rule says no: the rule, the reason key and its values."""

    rule: str  # CATEGORIES, DOORS or CAPACITY
    reason: str  # a key of TEMPLATES
    args: tuple[str, ...]

    @property
    def message(self) -> str:
        """The English sentence ("Closed session: Head of delegation only.")."""
        return fill(TEMPLATES[self.reason], self.args)


def check_entry(
    event: EventInfo,
    delegate: DelegateInfo,
    session: SessionInfo | None,
    when: dt.datetime,
    present: Callable[[], int],
) -> Refusal | None:
    """The first rule of ``session`` that refuses ``delegate`` at ``when``, or None.

    Venue arrival (``session`` None) has no rules.  ``present()`` counts the people in
    the room now; it is called only for a session with a hard capacity."""
    if session is None:
        return None
    if session.only_categories and delegate.category not in session.only_categories:
        labels = [
            (event.category(k).label if event.category(k) else k)  # type: ignore[union-attr]
            for k in session.only_categories
        ]
        return Refusal(CATEGORIES, "closed_session", (", ".join(labels),))
    if session.doors_open is not None:
        opens = session.starts_at - dt.timedelta(minutes=session.doors_open)
        if when < opens:
            return Refusal(DOORS, "doors_not_open", (f"{event.local(opens):%H:%M}",))
    if session.hard_capacity and session.capacity:
        inside = present()
        if inside >= session.capacity:
            return Refusal(CAPACITY, "session_full", (str(inside), str(session.capacity)))
    return None


def override_message(refusal: Refusal, operator: str) -> str:
    """What the desk says when a supervisor lets the person in all the same."""
    return fill(TEMPLATES["overridden"], (operator, refusal.message))

"""Entry rules with reasons: which categories a session — or the venue — admits, when
its doors open, and a capacity that refuses once the room (or the building) is full.

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
    "venue_closed": translatable("Venue open today to %1 only."),
    "venue_not_open": translatable("The venue opens at %1."),
    "venue_full": translatable("Venue full: %1 of %2 people inside."),
    "overridden": translatable("Admitted by override (%1): %2"),
}
RULE_OF_REASON = {
    "closed_session": CATEGORIES,
    "doors_not_open": DOORS,
    "session_full": CAPACITY,
    "venue_closed": CATEGORIES,
    "venue_not_open": DOORS,
    "venue_full": CAPACITY,
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
    """The first rule that refuses ``delegate`` at ``when``, or None: the session's
    rules, or the venue's (``[event]``) for an arrival (``session`` None).

    The venue's categories hold at a session's door too: a person the building does
    not admit today is not let into a room of it either.  ``present()`` counts the
    people in the room (or the building) now; it is called only when a hard capacity
    is set, since counting costs a query."""
    if session is None:
        return _venue_refusal(event, delegate, when, present)
    if event.only_categories and delegate.category not in event.only_categories:
        return Refusal(CATEGORIES, "venue_closed", (_labels(event, event.only_categories),))
    if session.only_categories and delegate.category not in session.only_categories:
        return Refusal(CATEGORIES, "closed_session", (_labels(event, session.only_categories),))
    if session.doors_open is not None:
        opens = session.starts_at - dt.timedelta(minutes=session.doors_open)
        if when < opens:
            return Refusal(DOORS, "doors_not_open", (f"{event.local(opens):%H:%M}",))
    if session.hard_capacity and session.capacity:
        inside = present()
        if inside >= session.capacity:
            return Refusal(CAPACITY, "session_full", (str(inside), str(session.capacity)))
    return None


def _venue_refusal(
    event: EventInfo, delegate: DelegateInfo, when: dt.datetime, present: Callable[[], int]
) -> Refusal | None:
    """The venue's rules, in the same order as a session's: who, when, how many."""
    if event.only_categories and delegate.category not in event.only_categories:
        return Refusal(CATEGORIES, "venue_closed", (_labels(event, event.only_categories),))
    opens = event.doors_open_at
    if opens is not None and when < opens:
        return Refusal(DOORS, "venue_not_open", (f"{event.local(opens):%H:%M}",))
    if event.hard_capacity and event.capacity:
        inside = present()
        if inside >= event.capacity:
            return Refusal(CAPACITY, "venue_full", (str(inside), str(event.capacity)))
    return None


def _labels(event: EventInfo, keys: tuple[str, ...]) -> str:
    """The categories' labels ("Head of delegation, Speaker"); a key no longer defined
    is said as its key rather than dropped, so the refusal never names nobody."""
    labels = []
    for key in keys:
        category = event.category(key)
        labels.append(category.label if category else key)
    return ", ".join(labels)


def override_message(refusal: Refusal, operator: str) -> str:
    """What the desk says when a supervisor lets the person in all the same."""
    return fill(TEMPLATES["overridden"], (operator, refusal.message))

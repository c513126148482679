"""The Agenda page's draft: the event's sessions and categories as they are being edited.

Plain Python, no Qt, so what the page does to the draft (add, remove, sort, move, turn
into the core's ``EventSpec``) is tested without a window.  The page shows the draft
through the table models of ``agenda_models``; nothing is stored until Save, when
``spec()`` goes to ``core.event.agenda.update_event`` as one transaction.

Times are wall-clock times in the event's time zone on the event day, as typed; the spec
holds them in naive UTC, as the core stores them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checkin.core.event.definition import EventSpec, SessionSpec
from checkin.core.event.rules import local_time, utc_naive
from checkin.core.types import CategoryInfo, EventInfo

NEW_SESSION_START = dt.time(9, 0)  # the first session of an empty agenda
NEW_COLOUR = "#4D4D4D"  # a new category's badge colour: neutral until chosen
REGISTRATION_OPENS = dt.time(8, 0)  # offered when the event has no opening time yet


@dataclass
class SessionDraft:
    """One session row; ``key`` is "" for a session not saved yet (the core makes one)."""

    key: str
    title: str
    room: str
    start: dt.time
    end: dt.time
    capacity: int = 0  # 0: no limit
    attendance: bool = True


@dataclass
class CategoryDraft:
    """One category row; ``colour`` as ``#RRGGBB`` in capitals, as shown."""

    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class EventFields:
    """The event's own fields, as the page's form holds them."""

    name: str
    venue: str
    address: str
    date: dt.date
    timezone: str
    language: str
    capacity: int  # 0: no limit
    registration_opens: dt.time | None


def event_fields(event: EventInfo) -> EventFields:
    """The stored event's fields, with its times local to the event."""
    opens = None
    if event.registration_opens is not None:
        opens = local_time(event.registration_opens, event.timezone)
    return EventFields(
        name=event.name,
        venue=event.venue,
        address=event.address,
        date=event.date,
        timezone=event.timezone,
        language=event.language,
        capacity=event.capacity or 0,
        registration_opens=opens,
    )


@dataclass
class AgendaDraft:
    """The sessions and categories on screen, in screen order."""

    sessions: list[SessionDraft] = field(default_factory=list)
    categories: list[CategoryDraft] = field(default_factory=list)

    @classmethod
    def of(cls, event: EventInfo) -> AgendaDraft:
        """The stored event's sessions and categories, times local to the event."""
        zone = event.timezone
        return cls(
            sessions=[
                SessionDraft(
                    key=s.key, title=s.title, room=s.room,
                    start=local_time(s.starts_at, zone), end=local_time(s.ends_at, zone),
                    capacity=s.capacity or 0, attendance=s.attendance,
                )
                for s in event.sessions
            ],
            categories=[CategoryDraft(c.key, c.label, c.colour.upper()) for c in event.categories],
        )

    # ------------------------------------------------------------ sessions

    def new_session(self, title: str) -> SessionDraft:
        """A session after the latest one ends (09:00 in an empty agenda), an hour long
        but not past midnight; not yet added."""
        start = max((s.end for s in self.sessions), default=NEW_SESSION_START)
        end = dt.datetime.combine(dt.date.min, start) + dt.timedelta(hours=1)
        end_time = end.time() if end.date() == dt.date.min else dt.time(23, 59)
        return SessionDraft("", title, "", start, end_time)

    def sorted_order(self) -> list[int]:
        """The rows in start-time order (then end time; ties keep their order)."""
        return sorted(
            range(len(self.sessions)),
            key=lambda i: (self.sessions[i].start, self.sessions[i].end, i),
        )

    def session_removable(self, row: int, removable: frozenset[str]) -> bool:
        """A new session can go; a stored one only if nothing refers to it."""
        if not 0 <= row < len(self.sessions):
            return False
        key = self.sessions[row].key
        return not key or key in removable

    # ------------------------------------------------------------ categories

    def new_category(self, label: str) -> CategoryDraft:
        return CategoryDraft("", label, NEW_COLOUR)

    def category_removable(self, row: int, removable: frozenset[str]) -> bool:
        """A new category can go; a stored one only if no delegate has it."""
        if not 0 <= row < len(self.categories):
            return False
        key = self.categories[row].key
        return not key or key in removable

    # ------------------------------------------------------------ the spec

    def spec(self, fields: EventFields) -> EventSpec:
        """The draft and the event's fields as the core's ``EventSpec`` (times in UTC)."""
        tz = fields.timezone.strip()

        def utc(time: dt.time) -> dt.datetime:
            try:
                return utc_naive(fields.date, time, tz)
            except Exception:  # an unknown zone: check_spec reports it; keep times comparable
                return dt.datetime.combine(fields.date, time)

        sessions = tuple(
            SessionSpec(
                key=s.key,
                title=s.title.strip(),
                room=s.room.strip(),
                starts_at=utc(s.start),
                ends_at=utc(s.end),
                capacity=s.capacity or None,
                attendance=s.attendance,
            )
            for s in self.sessions
        )
        categories = tuple(
            CategoryInfo(key=c.key, label=c.label.strip(), colour=c.colour)
            for c in self.categories
        )
        opens = fields.registration_opens
        return EventSpec(
            name=fields.name.strip(),
            venue=fields.venue.strip(),
            address=fields.address.strip(),
            date=fields.date,
            timezone=tz,
            language=fields.language or "en",
            capacity=fields.capacity or None,
            registration_opens=utc(opens) if opens is not None else None,
            sessions=sessions,
            categories=categories,
        )

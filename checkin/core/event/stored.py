"""The event as the database holds it, read back as plain values.

A database holds one *current* event (the most recently created); codes of any other
event scan as ``wrong_event``.  Every feature starts here: the desk, the badges, the
reports and the sync all ask for the current event (``require_event`` when there must be
one) and get an ``EventInfo``, never a live ORM row; the badge secret is read apart,
only by what signs or checks codes.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.event.rules import EventError
from checkin.core.types import CategoryInfo, EventInfo, HandoutItem, SessionInfo


def _utc(naive: dt.datetime) -> dt.datetime:
    return naive.replace(tzinfo=dt.UTC)


def _session_info(s: m.Session) -> SessionInfo:
    return SessionInfo(
        id=s.id,
        key=s.key,
        title=s.title,
        room=s.room,
        starts_at=_utc(s.starts_at),
        ends_at=_utc(s.ends_at),
        capacity=s.capacity,
        attendance=s.attendance,
        only_categories=split_keys(s.only_categories),
        doors_open=s.doors_open,
        hard_capacity=bool(s.hard_capacity),
    )


def split_keys(text: str | None) -> tuple[str, ...]:
    """Category keys stored comma-separated ("head,speaker") as a tuple."""
    return tuple(k.strip() for k in (text or "").split(",") if k.strip())


def handouts_from_json(text: str | None) -> tuple[HandoutItem, ...]:
    """The event's hand-out items as stored (a JSON list); () when none or unreadable."""
    try:
        items = json.loads(text) if text else []
    except ValueError:
        return ()
    return tuple(
        HandoutItem(
            key=str(i["key"]), label=str(i.get("label") or i["key"]),
            returnable=bool(i.get("returnable", False)),
            categories=tuple(str(c) for c in i.get("categories") or ()),
        )
        for i in items if isinstance(i, dict) and i.get("key")
    )


def handouts_to_json(items: tuple[HandoutItem, ...]) -> str:
    return json.dumps([
        {"key": i.key, "label": i.label, "returnable": i.returnable,
         "categories": list(i.categories)}
        for i in items
    ], ensure_ascii=False) if items else ""


def to_info(event: m.Event) -> EventInfo:
    """The event row, its sessions (in time order) and categories, as values."""
    opens = event.registration_opens
    return EventInfo(
        id=event.id,
        uuid=event.uuid,
        name=event.name,
        venue=event.venue,
        address=event.address,
        date=event.date,
        timezone=event.timezone,
        language=event.language,
        capacity=event.capacity,
        registration_opens=_utc(opens) if opens is not None else None,
        sessions=tuple(
            _session_info(s) for s in sorted(event.sessions, key=lambda s: (s.starts_at, s.key))
        ),
        categories=tuple(
            CategoryInfo(key=c.key, label=c.label, colour=c.colour, id_check=bool(c.id_check))
            for c in event.categories
        ),
        handouts=handouts_from_json(event.handouts),
        only_categories=split_keys(event.only_categories),
        doors_open=event.doors_open,
        hard_capacity=bool(event.hard_capacity),
    )


def current_event_row(session: DbSession) -> m.Event | None:
    return session.scalars(select(m.Event).order_by(m.Event.id.desc()).limit(1)).first()


def current_event(store: Store) -> EventInfo | None:
    with store.read() as s:
        event = current_event_row(s)
        return to_info(event) if event else None


def load_event(store: Store, event_id: int) -> EventInfo | None:
    """The event as stored now (another desk may have edited it)."""
    with store.read() as s:
        event = s.get(m.Event, event_id)
        return to_info(event) if event is not None else None


def require_event(store: Store) -> EventInfo:
    info = current_event(store)
    if info is None:
        raise EventError(
            "This database has no event yet: run 'checkin event init FILE.toml' "
            "or 'checkin demo'."
        )
    return info


def event_secret(store: Store, event_id: int) -> bytes:
    with store.read() as s:
        return bytes.fromhex(s.get_one(m.Event, event_id).secret)

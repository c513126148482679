"""The event as a small JSON file, so the app can paint its Desk before the database opens.

Opening the database means importing SQLAlchemy and configuring the ORM: on a desk
laptop that is most of the start-up.  The Desk's first screen needs only the event
(its name, sessions, categories), which changes rarely, so the app keeps the event it
last opened in a file beside its settings, paints the Desk from it at once, opens the
database behind it, and rebuilds the page in the rare case the stored event differs.

Nothing personal is kept: the event's definition only, never a delegate, never the
badge secret.  Deliberately free of SQLAlchemy (``import-linter`` keeps it so): it is
on the path before the first paint.  A file that is missing, unreadable, of another
format version or of another database is simply not used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from checkin.core.types import CategoryInfo, EventInfo, HandoutItem, SessionInfo

FORMAT = 1
APP_NAME = "checkin"
CACHE_ENV = "CHECKIN_CACHE_DIR"  # tests and portable installs choose the folder


def _when(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def _session(d: dict[str, Any]) -> SessionInfo:
    return SessionInfo(
        id=int(d["id"]), key=str(d["key"]), title=str(d["title"]), room=str(d["room"]),
        starts_at=_when(d["starts_at"]), ends_at=_when(d["ends_at"]),
        capacity=d["capacity"], attendance=bool(d["attendance"]),
        only_categories=tuple(d["only_categories"]), doors_open=d["doors_open"],
        hard_capacity=bool(d["hard_capacity"]),
    )


def to_json(event: EventInfo, database: str) -> dict[str, Any]:
    """The event as JSON values, tagged with the database it came from (``key_for``)."""
    return {
        "format": FORMAT,
        "database": database,
        "id": event.id, "uuid": event.uuid, "name": event.name, "venue": event.venue,
        "address": event.address, "date": event.date.isoformat(),
        "timezone": event.timezone, "language": event.language,
        "capacity": event.capacity,
        "registration_opens": (
            event.registration_opens.isoformat() if event.registration_opens else None
        ),
        "sessions": [
            {"id": s.id, "key": s.key, "title": s.title, "room": s.room,
             "starts_at": s.starts_at.isoformat(), "ends_at": s.ends_at.isoformat(),
             "capacity": s.capacity, "attendance": s.attendance, **rules_json(s)}
            for s in event.sessions
        ],
        **lists_json(event),
        **rules_json(event),
    }


def rules_json(x: EventInfo | SessionInfo) -> dict[str, Any]:
    """The entry rules of the venue or of a session, as JSON values."""
    return {"only_categories": list(x.only_categories), "doors_open": x.doors_open,
            "hard_capacity": x.hard_capacity}


def lists_json(event: EventInfo) -> dict[str, Any]:
    """The event's categories and hand-outs as JSON values (``event show --json`` too)."""
    return {
        "categories": [
            {"key": c.key, "label": c.label, "colour": c.colour, "id_check": c.id_check}
            for c in event.categories
        ],
        "handouts": [
            {"key": h.key, "label": h.label, "returnable": h.returnable,
             "categories": list(h.categories)}
            for h in event.handouts
        ],
    }


def from_json(d: dict[str, Any], database: str) -> EventInfo | None:
    """The event stored by ``to_json`` for ``database``; None when it is for another
    database, of another format, or not well-formed."""
    if d.get("format") != FORMAT or d.get("database") != database:
        return None
    try:
        opens = d["registration_opens"]
        return EventInfo(
            id=int(d["id"]), uuid=str(d["uuid"]), name=str(d["name"]),
            venue=str(d["venue"]), address=str(d["address"]),
            date=dt.date.fromisoformat(d["date"]), timezone=str(d["timezone"]),
            language=str(d["language"]), capacity=d["capacity"],
            registration_opens=_when(opens) if opens else None,
            sessions=tuple(_session(s) for s in d["sessions"]),
            categories=tuple(CategoryInfo(**c) for c in d["categories"]),
            handouts=tuple(
                HandoutItem(h["key"], h["label"], bool(h["returnable"]),
                            tuple(h["categories"]))
                for h in d["handouts"]
            ),
            only_categories=tuple(d["only_categories"]),
            doors_open=d["doors_open"],
            hard_capacity=bool(d["hard_capacity"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def key_for(url: str) -> str:
    """The database's name in the file: a hash, so a server's password is never kept."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def path_for(url: str, folder: Path | None = None) -> Path:
    """Where the event of the database at ``url`` is kept: the user's cache folder
    (``CHECKIN_CACHE_DIR`` or platformdirs'), one small file per database."""
    if folder is None:
        chosen = os.environ.get(CACHE_ENV)
        if chosen:
            folder = Path(chosen)
        else:
            import platformdirs

            folder = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return folder / f"event-{key_for(url)[:24]}.json"


def read(path: Path, url: str) -> EventInfo | None:
    """The event kept in ``path`` for the database at ``url``, or None (never raises)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return from_json(data, key_for(url)) if isinstance(data, dict) else None


def write(path: Path, event: EventInfo, url: str) -> None:
    """Keep ``event`` in ``path`` (readable by the user only; written whole or not at
    all).  A failure is ignored: the file only saves time at the next start."""
    text = json.dumps(to_json(event, key_for(url)), ensure_ascii=False)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)

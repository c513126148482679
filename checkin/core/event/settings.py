"""Choices made in the app for one event, kept in the database with it.

The event's TOML file says what the event *is* (sessions, categories); some choices are
made on the day, in the app, by a coordinator — which people the dashboard watches —
and every desk on the same database should see them.  They live in ``event_settings``,
one JSON value per event and key; a key never written means the feature's default, so a
feature reads its value with a fallback and never needs a migration of its own.
"""

from __future__ import annotations

import json
from typing import Any

from checkin.core.db import models as m
from checkin.core.db.store import Store


def read_setting(store: Store, event_id: int, key: str) -> Any | None:
    """The value stored under ``key`` for the event, or None when never written (or
    unreadable: a hand-edited row is treated as never written, not as an error)."""
    with store.read() as s:
        row = s.get(m.EventSetting, (event_id, key))
        text = row.value if row is not None else ""
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def write_setting(store: Store, event_id: int, key: str, value: Any) -> None:
    """Store ``value`` (anything JSON can hold) under ``key``, replacing what was there."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with store.write() as s:
        row = s.get(m.EventSetting, (event_id, key))
        if row is None:
            s.add(m.EventSetting(event_id=event_id, key=key, value=text))
        else:
            row.value = text

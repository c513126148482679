"""The event as stored: the current one, by id, and none at all."""

from __future__ import annotations

import pytest

from checkin.core.event.rules import EventError
from checkin.core.event.stored import current_event, event_secret, load_event, require_event


def test_no_event_yet(store):
    assert current_event(store) is None
    with pytest.raises(EventError, match="no event yet"):
        require_event(store)


def test_the_stored_event_reads_back_as_values(store, event):
    assert require_event(store) == event == load_event(store, event.id)
    assert load_event(store, event.id + 1) is None
    assert [s.key for s in event.sessions] == ["opening", "financing", "lunch"]  # by time
    assert all(s.starts_at.tzinfo is not None for s in event.sessions)  # aware UTC
    assert len(event_secret(store, event.id)) == 32

"""The Agenda page's draft, without a window: new rows, order, and the spec it saves."""

from __future__ import annotations

import datetime as dt

from checkin.core.types import CategoryInfo, EventInfo, SessionInfo
from checkin.ui.organiser.agenda_draft import (
    AgendaDraft,
    CategoryDraft,
    EventFields,
    SessionDraft,
    event_fields,
)

UTC = dt.UTC
DAY = dt.date(2026, 11, 28)  # Geneva in winter: UTC+1


def geneva(sessions=(), categories=(), opens=None) -> EventInfo:
    return EventInfo(
        id=1, uuid="u", name="Consultation", venue="Auditorium", address="Geneva",
        date=DAY, timezone="Europe/Zurich", language="en", capacity=None,
        registration_opens=opens, sessions=tuple(sessions), categories=tuple(categories),
    )  # fmt: skip


def stored(key: str, start: tuple[int, int], end: tuple[int, int], **kw) -> SessionInfo:
    def utc(hm):
        return dt.datetime(2026, 11, 28, *hm, tzinfo=UTC)

    return SessionInfo(id=0, key=key, title=kw.get("title", key), room=kw.get("room", ""),
                       starts_at=utc(start), ends_at=utc(end), capacity=kw.get("capacity"),
                       attendance=kw.get("attendance", True))  # fmt: skip


def fields(**kw) -> EventFields:
    values = dict(name=" Consultation ", venue="", address="", date=DAY,
                  timezone="Europe/Zurich", language="en", capacity=0,
                  registration_opens=None)  # fmt: skip
    values.update(kw)
    return EventFields(**values)


def test_the_stored_event_is_shown_in_local_time_with_capital_colours():
    event = geneva(
        [stored("opening", (8, 30), (9, 0), capacity=90)],
        [CategoryInfo("press", "Press", "#ffaa00")],
        opens=dt.datetime(2026, 11, 28, 7, 0, tzinfo=UTC),
    )
    draft = AgendaDraft.of(event)
    assert draft.sessions == [
        SessionDraft("opening", "opening", "", dt.time(9, 30), dt.time(10, 0), 90, True)
    ]
    assert draft.categories == [CategoryDraft("press", "Press", "#FFAA00")]
    assert event_fields(event).registration_opens == dt.time(8, 0)
    assert event_fields(geneva()).registration_opens is None


def test_a_new_session_follows_the_latest_end_and_stops_before_midnight():
    draft = AgendaDraft()
    assert (draft.new_session("New").start, draft.new_session("New").end) == (
        dt.time(9, 0), dt.time(10, 0)
    )
    draft.sessions = [
        SessionDraft("a", "A", "", dt.time(14, 0), dt.time(16, 30)),
        SessionDraft("b", "B", "", dt.time(9, 0), dt.time(10, 0)),
    ]
    new = draft.new_session("New")
    assert (new.key, new.title, new.start, new.end) == ("", "New", dt.time(16, 30),
                                                        dt.time(17, 30))  # fmt: skip
    draft.sessions[0].end = dt.time(23, 30)
    assert draft.new_session("Late").end == dt.time(23, 59)


def test_sorted_order_is_by_start_then_end_and_keeps_ties_in_place():
    draft = AgendaDraft([
        SessionDraft("c", "C", "", dt.time(11, 0), dt.time(12, 0)),
        SessionDraft("a", "A", "", dt.time(9, 0), dt.time(10, 0)),
        SessionDraft("x", "Coffee", "", dt.time(9, 0), dt.time(9, 30)),
        SessionDraft("y", "Coffee", "", dt.time(11, 0), dt.time(12, 0)),
    ])
    assert draft.sorted_order() == [2, 1, 0, 3]


def test_only_new_rows_and_rows_nothing_refers_to_can_be_removed():
    draft = AgendaDraft(
        [SessionDraft("used", "U", "", dt.time(9), dt.time(10)),
         SessionDraft("", "New", "", dt.time(9), dt.time(10))],
        [CategoryDraft("participant", "P", "#000000"), CategoryDraft("free", "F", "#000000")],
    )  # fmt: skip
    assert not draft.session_removable(0, frozenset())
    assert draft.session_removable(1, frozenset())
    assert draft.session_removable(0, frozenset({"used"}))
    assert not draft.session_removable(5, frozenset({"used"}))
    assert not draft.category_removable(0, frozenset({"free"}))
    assert draft.category_removable(1, frozenset({"free"}))
    assert not draft.category_removable(-1, frozenset({"free"}))


def test_the_spec_is_stripped_and_in_utc():
    draft = AgendaDraft(
        [SessionDraft("", " Poster walk ", " Hall ", dt.time(17, 30), dt.time(18, 15), 0,
                      False)],
        [CategoryDraft("", " Guest ", "#336699")],
    )  # fmt: skip
    spec = draft.spec(fields(registration_opens=dt.time(8, 30), capacity=120))
    assert spec.name == "Consultation" and spec.capacity == 120
    assert spec.registration_opens == dt.datetime(2026, 11, 28, 7, 30)
    (session,) = spec.sessions
    assert (session.title, session.room, session.capacity, session.attendance) == (
        "Poster walk", "Hall", None, False
    )
    assert (session.starts_at, session.ends_at) == (
        dt.datetime(2026, 11, 28, 16, 30), dt.datetime(2026, 11, 28, 17, 15)
    )
    assert spec.categories == (CategoryInfo("", "Guest", "#336699"),)


def test_an_unknown_time_zone_keeps_the_times_as_typed_for_the_check_to_report():
    draft = AgendaDraft([SessionDraft("", "A", "", dt.time(9, 0), dt.time(10, 0))])
    spec = draft.spec(fields(timezone=" Mars/Olympus ", language=""))
    assert spec.timezone == "Mars/Olympus" and spec.language == "en"
    assert spec.sessions[0].starts_at == dt.datetime(2026, 11, 28, 9, 0)

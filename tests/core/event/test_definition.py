"""The event file: read step by step, refused with the file and the place named, and
saved in place so the secret (every printed badge) stays valid."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.event.definition import EventSpec, load_event_file, parse_event, save_event
from checkin.core.event.rules import EventError
from checkin.core.event.stored import event_secret
from tests.conftest import EVENT_DATE, SMALL_EVENT


def edited(**tables) -> dict:
    """SMALL_EVENT with some tables changed: ``event={...}`` merges, lists replace."""
    data = copy.deepcopy(SMALL_EVENT)
    for name, value in tables.items():
        if isinstance(value, dict):
            data[name].update(value)
        else:
            data[name] = value
    return data


def test_the_file_becomes_a_spec_with_its_defaults():
    data = edited(
        categories=[{"key": "staff"}, {"key": "vip", "label": "V.I.P.", "colour": "#aa00cc"}],
        sessions=[
            {"key": "late", "title": " Closing ", "start": "17:00", "end": "17:30"},
            {"key": "early", "title": "Welcome", "start": "9:00", "end": "09:30",
             "attendance": False},
        ],
    )  # fmt: skip
    spec = parse_event(data, source="f.toml")
    assert spec.date == EVENT_DATE and spec.language == "en" and spec.capacity == 100
    assert spec.registration_opens == dt.datetime(2026, 11, 28, 7, 30)  # 08:30 in Geneva
    assert [(c.key, c.label, c.colour) for c in spec.categories] == [
        ("staff", "Staff", "#4D4D4D"), ("vip", "V.I.P.", "#AA00CC")
    ]  # fmt: skip
    assert [s.key for s in spec.sessions] == ["early", "late"]  # in time order
    early, late = spec.sessions
    assert (early.attendance, early.room, early.capacity) == (False, "", None)
    assert late.title == "Closing" and late.starts_at == dt.datetime(2026, 11, 28, 16, 0)


def test_today_is_the_date_given_or_the_one_in_the_event_zone():
    data = edited(event={"date": "today"})
    assert parse_event(data, today=dt.date(2027, 3, 1)).date == dt.date(2027, 3, 1)
    assert parse_event(edited(event={"date": dt.date(2027, 1, 5)})).date == dt.date(2027, 1, 5)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "x"}, "f.toml: missing the [event] table."),
        (edited(event={"timezone": "Mars/Olympus"}), "unknown time zone 'Mars/Olympus'"),
        (edited(event={"date": "28.11.2026"}), "'date' must be YYYY-MM-DD"),
        (edited(event={"language": "de"}), "'language' must be \"en\" or \"fr\""),
        (edited(event={"registration_opens": "8h30"}), "[event]: 'registration_opens' must be"),
        (edited(event={"venue": 12}), "[event]: 'venue' must be text"),
        (edited(categories=["staff"]), "[[categories]] #1: must be a table"),
        (edited(categories=[{"key": "Staff"}]), "key 'Staff' must be lower-case"),
        (edited(categories=[{"key": "a", "colour": "blue"}]), "colour 'blue' must look like"),
        (edited(sessions=[{"key": "s", "title": "S", "start": "10:00", "end": "09:00"}]),
         "session 's': 'end' must be after 'start'"),
        (edited(sessions=[{"key": "s", "title": "S", "start": "9:00", "end": "10:00",
                           "attendance": "yes"}]), "session 's': 'attendance' must be true"),
        (edited(sessions=[{"title": "S"}]), "[[sessions]] #1: 'key' is required"),
    ],
)  # fmt: skip
def test_each_refusal_names_the_file_and_the_place(data, message):
    with pytest.raises(EventError) as caught:
        parse_event(data, source="f.toml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("f.toml: ")


_SCALARS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["", "08:30", "25:00", "Europe/Zurich", "fr", "#1f6fb2", "today", "a-b"]),
    st.integers(-2, 300), st.booleans(), st.times(), st.dates(),
    st.floats(allow_nan=False, width=16),
)  # fmt: skip


def _tables(names: str):
    return st.dictionaries(st.sampled_from(names.split()), _SCALARS)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries(
    {"event": st.one_of(_tables("name venue address date timezone language capacity "
                                "registration_opens"), _SCALARS)},
    optional={
        "categories": st.lists(st.one_of(_tables("key label colour"), _SCALARS), max_size=3),
        "sessions": st.lists(st.one_of(
            _tables("key title room start end capacity attendance"), _SCALARS), max_size=3),
    },
))  # fmt: skip
def test_any_file_gives_a_spec_or_an_event_error(data):
    try:
        spec = parse_event(data, source="f.toml", today=EVENT_DATE)
    except EventError as exc:
        assert str(exc).startswith("f.toml: ")
    else:
        assert isinstance(spec, EventSpec) and spec.name


def test_a_file_that_is_not_utf8_or_not_toml_is_refused(tmp_path):
    path = tmp_path / "event.toml"
    path.write_bytes(b'[event]\nname = "\xff"\n')
    with pytest.raises(EventError, match="not UTF-8 text"):
        load_event_file(path)
    path.write_text("[event\n", encoding="utf-8")
    with pytest.raises(EventError, match="not valid TOML"):
        load_event_file(path)
    with pytest.raises(EventError, match="cannot read the file"):
        load_event_file(tmp_path / "missing.toml")


def test_saving_again_updates_in_place_and_keeps_what_the_file_forgot(store, event):
    secret = event_secret(store, event.id)
    data = edited(event={"name": "Renamed"}, sessions=SMALL_EVENT["sessions"][:1])
    saved = save_event(store, parse_event(data))
    assert saved.id == event.id and saved.name == "Renamed"
    assert event_secret(store, event.id) == secret  # printed badges stay valid
    assert [s.key for s in saved.sessions] == ["opening", "financing", "lunch"]
    fresh = save_event(store, parse_event(data), new=True)
    assert fresh.id != event.id and event_secret(store, fresh.id) != secret

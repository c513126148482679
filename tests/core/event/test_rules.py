"""The event rules both editors share: keys, colours, languages, zones, times of day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkin.core.event import rules
from checkin.core.event.agenda import new_key

ZURICH = "Europe/Zurich"
WINTER_DAY = dt.date(2026, 11, 28)  # CET, UTC+1: no DST change that day


@given(st.integers(0, 23), st.integers(0, 59), st.booleans())
def test_times_of_day_are_read_with_or_without_a_leading_zero(hh, mm, padded):
    text = f"{hh:02d}:{mm:02d}" if padded else f"{hh}:{mm:02d}"
    assert rules.time_of_day(f" {text} ") == dt.time(hh, mm)
    assert rules.time_of_day(dt.time(hh, mm)) == dt.time(hh, mm)


@pytest.mark.parametrize("bad", ["24:00", "9:60", "9h30", "0930", "", None, 930, True])
def test_anything_else_is_not_a_time(bad):
    assert rules.time_of_day(bad) is None


@given(st.times())
def test_wall_clock_times_round_trip_through_utc(time):
    stored = rules.utc_naive(WINTER_DAY, time, ZURICH)
    assert stored.tzinfo is None
    assert stored == dt.datetime.combine(WINTER_DAY, time) - dt.timedelta(hours=1)
    assert rules.local_time(stored, ZURICH) == time


@given(st.text(max_size=80), st.sampled_from(["session", "category"]))
def test_keys_the_agenda_makes_are_keys_the_file_accepts(title, fallback):
    assert rules.is_key(new_key(title, set(), fallback))


def test_keys_colours_languages_and_zones():
    assert rules.is_key("coffee-break_2") and not rules.is_key("Coffee") and not rules.is_key("-x")
    assert not rules.is_key("a" * 65) and rules.is_key("a" * 64)
    assert rules.is_colour("#1f6fb2") and rules.is_colour(rules.DEFAULT_COLOUR)
    assert not rules.is_colour("#1F6FB") and not rules.is_colour("red")
    assert [lang for lang in ("en", "fr", "de") if rules.is_language(lang)] == ["en", "fr"]
    assert rules.is_timezone(ZURICH) and rules.is_timezone("UTC")
    assert not any(rules.is_timezone(z) for z in ("Mars/Olympus", "", "../etc", "Europe/"))

"""What a valid event value is: keys, colours, languages, time zones and times of day.

Two paths write an event: the TOML file (``definition.parse_event``, which stops at the
first problem and names the file and field) and the Agenda page (``agenda.check_spec``,
which lists every problem next to its row).  Each words its own refusals, but both ask
here what is valid, so a value one accepts the other cannot refuse.

Times are stored as naive UTC and typed as wall-clock times on the event day in the
event's time zone; ``utc_naive`` and ``local_time`` go between the two.

``EventError`` is here, at the bottom of the package, because both the file's reader
and the stored event (``stored.require_event``: no event yet) raise it.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checkin.core.errors import UserError

LANGUAGES = ("en", "fr")  # the languages badges and reports are worded in
DEFAULT_COLOUR = "#4D4D4D"  # a category's badge band when the file gives none

_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class EventError(UserError, ValueError):
    """An event definition that cannot be used (the message names the file and the
    field), or no event at all."""


def is_key(text: str) -> bool:
    """A session or category key: lower-case letters, digits, - or _ (64 at most)."""
    return _KEY.match(text) is not None


def is_colour(text: str) -> bool:
    """A badge band colour: ``#RRGGBB``."""
    return _COLOUR.match(text) is not None


def is_language(text: str) -> bool:
    return text in LANGUAGES


def is_timezone(name: str) -> bool:
    """An IANA time zone this machine knows ("Europe/Zurich")."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def time_of_day(value: object) -> dt.time | None:
    """A time as the file may give it ("08:30", "8:30" or a TOML time), or None."""
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and _TIME.match(value.strip()):
        hh, mm = value.strip().split(":")
        return dt.time(int(hh), int(mm))
    return None


def utc_naive(date: dt.date, time: dt.time, timezone: str) -> dt.datetime:
    """A local wall-clock time on the event day, as stored (naive UTC)."""
    local = dt.datetime.combine(date, time, tzinfo=ZoneInfo(timezone))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def local_time(when: dt.datetime, timezone: str) -> dt.time:
    """A stored naive-UTC time as the wall-clock time in the event's zone."""
    aware = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when
    return aware.astimezone(ZoneInfo(timezone)).time().replace(tzinfo=None)

"""The project's clock: the one place the core reads the time of day.

Services take an explicit ``now`` (aware UTC) wherever the time changes what they do
or write, so tests and replays drive time by passing it; when none is given they ask
here.  Keeping the default in one module means a test can see every use of the wall
clock with one grep, and nothing in the core depends on the day or hour it runs.
"""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    """Now, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def naive_utcnow() -> dt.datetime:
    """Now in UTC without a time zone, as the database stores times."""
    return utcnow().replace(tzinfo=None)

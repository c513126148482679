"""What a desk may ask and how it is refused: the session a scan records to, and the
English wording of the check-in engine's refusals (``REASONS``; the app words them from
the key and values a ``ScanResult`` carries).  Apart from ``service`` to keep it short.
"""

from __future__ import annotations

import datetime as dt

from checkin.core.errors import UserError
from checkin.core.types import EventInfo, SessionInfo

AUTO = "auto"


class CheckinError(UserError, ValueError):
    """A request that cannot be carried out (unknown session, nothing to undo…)."""


REASONS = {
    "wrong_event": "This badge is for another event.",
    "not_a_code": "Not a valid badge code for this event.",
    "unknown_number": "Badge number {0} is not in this desk's roster.",
    "newer_version": "This badge (version {0}) is newer than this desk's roster "
                     "(version {1}): the desk may be out of date.",
    "replaced": "This badge was replaced by a newer one: ask for the new badge.",
    "replaced_at": "This badge was replaced by a reprint at {0}: ask for the new badge.",
    "replaced_on": "This badge was replaced by a reprint at {0} on {1}: ask for the new badge.",
    "cancelled": "Registration cancelled.",
    "never_in": "{0} was not checked in to {1}.",
    "already_left": "{0} already left {1} at {2}.",
}  # fmt: skip


def resolve_session(
    event: EventInfo, session: str | None, now: dt.datetime
) -> SessionInfo | None:
    """The session a desk records to: ``None`` = venue arrival; ``"auto"`` = the session
    running ``now``, if any; else the attendance-taking session of that key."""
    if session is None or session == "":
        return None
    if session == AUTO:
        return event.session_at(now)
    found = event.session(session)
    if found is None:
        keys = ", ".join(s.key for s in event.sessions if s.attendance)
        if not keys:
            raise CheckinError("Unknown session %1; sessions: none, or 'auto'.", repr(session))
        raise CheckinError("Unknown session %1; sessions: %2, or 'auto'.", repr(session), keys)
    if not found.attendance:
        raise CheckinError("Session %1 (%2) takes no attendance.", repr(session), found.title)
    return found

"""The kiosk's search: a name or e-mail typed by the delegate, never a list of people.

At a self check-in kiosk anybody can type anything, so the kiosk must not show who else
is registered.  ``KioskSearch.find`` keeps the people a typed name or e-mail matches
*here*, in the core, under an opaque token, and returns only that token: not the
people, not even how many (an empty result gets a token too, so typing a name tells
nothing about whether that person is registered).  ``confirm`` then takes one
confirming detail — the organisation, or the first letters of the e-mail — and returns
the one person both point to, or ``None`` ("please see the desk").  Only then does the
kiosk show a name.

A token allows ``MAX_TRIES`` details and lives ``TOKEN_SECONDS``: enough for a person
who mistypes, too few to walk through the roster one organisation at a time.  The
search itself is ``sql_search`` over the given store (the database, or a desk's
offline copy), so a walk-in registered a minute ago or a cancellation is seen at once.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from checkin.core.db.store import Store
from checkin.core.desk.search import query_words
from checkin.core.desk.sql_search import search_sql
from checkin.core.text import fold
from checkin.core.types import DelegateInfo

MIN_QUERY = 2  # letters of a name (or an e-mail) before a search is made
MIN_DETAIL = 3  # letters of a confirming detail
MAX_CANDIDATES = 50  # people kept per token; a query matching more needs more letters
MAX_TRIES = 3  # confirming details per token
TOKEN_SECONDS = 300.0
MIN_SCORE = 60.0  # every typed word occurs in the person's fields (no typo guesses)


@dataclass(frozen=True)
class KioskQuery:
    """What the kiosk gets back from a typed search: a token to confirm against, and
    whether the text was too short to search (say "type more")."""

    token: str
    too_short: bool = False


@dataclass
class _Pending:
    candidates: tuple[DelegateInfo, ...]
    created: float
    tries: int = 0


class KioskSearch:
    """Typed searches kept in the core; one confirming detail picks the one person."""

    def __init__(
        self,
        store: Callable[[], Store],
        event_id: int,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store  # called each time: the database, or the offline copy
        self.event_id = event_id
        self.clock = clock
        self._pending: dict[str, _Pending] = {}

    def find(self, text: str) -> KioskQuery:
        """Keep whom ``text`` (a name, part of one, or an e-mail) matches; the token."""
        self._expire()
        words = query_words(fold(text))
        if sum(len(w) for w in words) < MIN_QUERY:
            return KioskQuery("", too_short=True)
        hits = search_sql(self.store(), self.event_id, text, MAX_CANDIDATES + 1)
        people = tuple(h.delegate for h in hits if h.score >= MIN_SCORE)
        if len(people) > MAX_CANDIDATES:
            people = ()  # too vague to narrow safely: nobody, the detail cannot match
        token = secrets.token_urlsafe(16)
        self._pending[token] = _Pending(people, self.clock())
        return KioskQuery(token)

    def confirm(self, token: str, detail: str) -> DelegateInfo | None:
        """The one person of ``token`` whose organisation or e-mail ``detail`` confirms;
        None when nobody or several do, the detail is too short, or the token is spent."""
        self._expire()
        pending = self._pending.get(token)
        if pending is None:
            return None
        pending.tries += 1
        if pending.tries >= MAX_TRIES:
            del self._pending[token]
        matches = [d for d in pending.candidates if confirms(d, detail)]
        if len(matches) != 1:
            return None
        self._pending.pop(token, None)  # confirmed: spent
        return matches[0]

    def tries_left(self, token: str) -> int:
        pending = self._pending.get(token)
        return 0 if pending is None else MAX_TRIES - pending.tries

    def forget(self, token: str = "") -> None:
        """Drop a token (the person left), or every token."""
        if token:
            self._pending.pop(token, None)
        else:
            self._pending.clear()

    def _expire(self) -> None:
        now = self.clock()
        for token in [t for t, p in self._pending.items() if now - p.created > TOKEN_SECONDS]:
            del self._pending[token]


def confirms(delegate: DelegateInfo, detail: str) -> bool:
    """Whether ``detail`` is the person's organisation (each word starting one of its
    words: "red cross" for "International Red Cross") or the start of their e-mail."""
    folded = fold(detail).strip()
    if len(folded.replace(" ", "")) < MIN_DETAIL:
        return False
    email = fold(delegate.email)
    if email and email.startswith(folded.replace(" ", "")):
        return True
    org_words = query_words(fold(delegate.organisation))
    typed = query_words(folded)
    if not typed or not org_words:
        return False
    return all(any(w.startswith(t) for w in org_words) for t in typed)

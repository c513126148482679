"""Search before the desk's index is built: the index's answers, for what SQL can find.

The desk's index is read back from the copy kept on disk (``search_store``), or built
when there is none (reading and folding the whole roster: 1–3 s at 50,000 delegates), in
the background once the desk is on screen.  Until it is ready each keystroke is
answered here, from the database, in a few milliseconds: delegates whose stored
``search_text`` (the folded first name, last name, organisation, e-mail and reference,
kept in step by every write) contains every query word: at most ``CANDIDATES`` of them
(when there are more, those where each word starts a word first), ranked by a
``SearchIndex`` over those rows alone, so scores, tiers and order are the index's.

What it cannot do: typos ("Gonzales" for González) match no ``LIKE`` and wait for the
index; with more than ``CANDIDATES`` matches (one or two letters typed at 50,000), the
best of a sample is shown until then.
"""

from __future__ import annotations

import functools

from sqlalchemy import Select, and_, bindparam, or_, select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.search import COLUMNS, SearchHit, SearchIndex, query_words
from checkin.core.text import fold

CANDIDATES = 150  # rows read per query: enough to rank well, few enough to stay fast
# What may come before a word that starts with the query word: the text's start, a space,
# the hyphen of Jean-Pierre, the apostrophe of O'Brien.
_WORD_STARTS = ("", "% ", "%-", "%'")


def search_sql(store: Store, event_id: int, text: str, limit: int = 20) -> list[SearchHit]:
    """The delegates ``text`` finds, best first, read from the database (no index)."""
    if limit <= 0 or not text.strip():
        return []
    words = query_words(fold(text))
    if not words:
        return []
    starts, inside = _statements(len(words))
    params: dict[str, object] = {"event_id": event_id}
    for i, word in enumerate(words):
        word = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"in{i}"] = f"%{word}%"
        for j, before in enumerate(_WORD_STARTS):
            params[f"w{i}_{j}"] = f"{before}{word}%"
    # Core statements on the session's connection: no ORM work per keystroke.
    with store.read() as s:
        conn = s.connection()
        rows = list(conn.execute(inside, params))
        if len(rows) >= CANDIDATES:  # a sample of many: those where each word starts one
            best = list(conn.execute(starts, params))
            seen = {row[0] for row in best}
            rows = (best + [row for row in rows if row[0] not in seen])[:CANDIDATES]
    return SearchIndex(rows).search(text, limit) if rows else []


@functools.lru_cache(maxsize=16)
def _statements(n_words: int) -> tuple[Select, Select]:
    """For ``n_words`` query words: the rows where each starts a word, and where each
    occurs anywhere (LIKE patterns as parameters; no ORDER BY, which would read every
    match to sort them: the ranking comes after)."""
    column = m.Delegate.search_text
    # "event_id + 0": a scan of the table, not of an index on event_id and a lookup per
    # row — an event is most of the table, and a LIKE '%…' reads every row anyway.
    mine = select(*COLUMNS).where(m.Delegate.event_id + 0 == bindparam("event_id"))
    inside = [column.like(bindparam(f"in{i}"), escape="\\") for i in range(n_words)]
    starts = [
        or_(*(column.like(bindparam(f"w{i}_{j}"), escape="\\") for j in range(4)))
        for i in range(n_words)
    ]
    # The cheap test first: the word-start patterns only for rows holding every word.
    return (
        mine.where(and_(*inside, *starts)).limit(CANDIDATES),
        mine.where(and_(*inside)).limit(CANDIDATES),
    )

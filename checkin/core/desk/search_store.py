"""The desk's search index kept on disk between runs, so that a start finds it ready.

Building the index folds every delegate: one to two seconds at 50,000.  After a build
its tables (``search_build``) are written to a file in the user's cache folder
(``CHECKIN_CACHE_DIR`` or platformdirs'), one per database and event; the next start
reads them back in a fraction of that.  The file holds the roster's names and e-mails:
personal data that stays on this computer, like the database it comes from.  It is
created readable by the user only (0600) and written whole (a temporary file renamed).

It is never used stale.  The file names what it was built from:

* the format of the file and how text is folded (``fold`` of a probe string), so a new
  version of the app rebuilds rather than misreads;
* the database (a hash of its URL: a server's password is never kept), the event (id,
  uuid, and a hash of its badge secret, which a purge replaces);
* the roster as it was read: its count, highest id and a checksum of every delegate's
  update time (``updated_at``, which every change to what search reads moves), from one
  aggregate query.

At the next start the same query runs.  The same answer: the kept index is the roster's
(``source`` "disk").  Another: each delegate's update time is compared with the kept
one, and the changed, new and deleted delegates are applied onto the kept index
(``search_patch``, "patched"), or past ``PATCH_LIMIT`` folded again while the others'
folding is reused ("built").  A missing, unreadable, truncated, corrupt (CRC) or older
file is simply not used.

``marshal``, not ``pickle``: the file holds plain lists, dicts, strings and bytes, and
reading it can run no code.  Large lists are written in chunks, so neither writing (in
the background, while the operator types) nor reading holds the interpreter long.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import threading
import zlib
from array import array
from pathlib import Path
from typing import Any

from sqlalchemy import String, cast, select, text
from sqlalchemy.orm import Session

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.search import COLUMNS, SearchIndex
from checkin.core.desk.search_build import Lookup, Postings, Tables, fold_rows, lookup, merge
from checkin.core.desk.search_patch import PatchedIndex
from checkin.core.event.snapshot import APP_NAME, CACHE_ENV, key_for
from checkin.core.text import fold

FORMAT = 1
MAGIC = b"checkin-search\n"
PATCH_LIMIT = 2000  # changed delegates applied onto a kept index; past it, refolded
_PROBE = "Ærø Łukasz STRASSE Straße O’Brien-Jean Nguyễn Ğ ß ǅ ﬁ"
_CHUNK = 4000  # list items per marshal record
_ID_CHUNK = 500  # ids per "IN (...)" when reading the changed delegates

# The roster's stamp: count, highest id, and a checksum of (id, update time, to the
# microsecond).  Per dialect; None elsewhere (then update times are compared one by one).
_ROSTER_SQL = {
    # julianday: to some 20 microseconds (a double); twice as quick as strftime.
    "sqlite": "CAST(julianday(updated_at) * 86400000000 AS INTEGER)",
    "postgresql": "CAST(floor(extract(epoch FROM updated_at) * 1000000) AS BIGINT)",
}


def cache_folder() -> Path:
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def path_for(store: Store, event_id: int, folder: Path | None = None) -> Path:
    """Where the index of ``event_id`` in ``store`` is kept."""
    url = store.url.render_as_string(hide_password=False)
    return (folder or cache_folder()) / f"search-{key_for(url)[:24]}-{event_id}.idx"


def open_index(
    store: Store, event_id: int, path: Path | None = None, *, use_kept: bool = True
) -> SearchIndex:
    """The event's search index: the kept one when it is the roster's, brought up to
    date when the roster changed since, else built (always, when not ``use_kept``).
    ``index.source`` says which; ``save`` keeps it for the next start."""
    path = path or path_for(store, event_id)
    with store.read() as s:
        header = _header(store, s, event_id)
        if header is None:  # no such event
            return SearchIndex([])
        kept = _read(path, header) if use_kept else None
        roster = header["roster"]  # None (another database): compared delegate by delegate
        if kept is not None and roster is not None and kept[0]["roster"] == roster:
            index = SearchIndex.from_tables(kept[1], kept[2], "disk")
            index.stamps = kept[3]
        else:
            index = _refresh(s, event_id, kept)
    index.kept_as, index.kept_at = header, path
    return index


def save(index: SearchIndex, path: Path | None = None) -> bool:
    """Keep ``index`` (from ``open_index``) for the next start, where it was looked for
    or in ``path``; False when there was nothing to do or it could not be written (the
    next start builds)."""
    header, path = index.kept_as, path or index.kept_at
    if header is None or path is None or index.source == "disk":
        return False
    if isinstance(index, PatchedIndex):
        tables, stamps = index.compact()
        found = lookup(tables)
    else:
        tables, stamps, found = index.tables, index.stamps, index.lookup
    pieces = _pieces({**header, "n": len(tables)}, tables, found, stamps)
    crc = 0
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + crc.to_bytes(4, "big"))
            f.writelines(pieces)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return False
    return True


def forget(store: Store, folder: Path | None = None) -> int:
    """Delete every kept index of ``store``'s database (after a purge); how many."""
    url = store.url.render_as_string(hide_password=False)
    removed = 0
    for path in (folder or cache_folder()).glob(f"search-{key_for(url)[:24]}-*.idx"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


# ------------------------------------------------------------------ reading the roster


def _header(store: Store, s: Session, event_id: int) -> dict[str, Any] | None:
    """What a kept index must have been built from to be used now."""
    event = s.execute(select(m.Event.uuid, m.Event.secret).where(m.Event.id == event_id)).first()
    if event is None:
        return None
    return {
        "format": FORMAT,
        "probe": fold(_PROBE),
        "order": sys.byteorder,
        "db": key_for(store.url.render_as_string(hide_password=False)),
        "event": event_id,
        "uuid": event.uuid,
        "secret": hashlib.sha256(event.secret.encode()).hexdigest()[:32],
        "roster": _roster_stamp(s, event_id),
    }


def _roster_stamp(s: Session, event_id: int) -> list[int] | None:
    """How many delegates, the highest id, and a checksum of every (id, update time);
    None: not known for this database (then update times are compared one by one)."""
    when = _ROSTER_SQL.get(s.get_bind().dialect.name)
    if when is None:
        return None
    row = s.execute(
        text(
            "SELECT count(*), coalesce(max(id), 0), coalesce(sum(("
            f"{when} % 4294967291) * (id % 1009 + 1)), 0) "
            "FROM delegates WHERE event_id = :event_id"
        ),
        {"event_id": event_id},
    ).one()
    return [int(v) for v in row]


def _stamps(s: Session, event_id: int) -> dict[int, str]:
    """Each delegate's update time, as text."""
    stmt = select(m.Delegate.id, cast(m.Delegate.updated_at, String)).where(
        m.Delegate.event_id == event_id
    )
    return dict(s.connection().execute(stmt).all())  # (Core: no ORM work per row)


def _rows(s: Session, event_id: int, ids: list[int] | None = None) -> list:
    stmt = select(*COLUMNS).where(m.Delegate.event_id == event_id).order_by(m.Delegate.id)
    conn = s.connection()
    if ids is None:
        return list(conn.execute(stmt).all())
    rows: list = []
    for start in range(0, len(ids), _ID_CHUNK):
        rows += conn.execute(stmt.where(m.Delegate.id.in_(ids[start : start + _ID_CHUNK]))).all()
    return rows


def _refresh(s: Session, event_id: int, kept: tuple | None) -> SearchIndex:
    """The index from the kept one and the delegates changed since, or from scratch.
    The update times are read before the rows: a change in between is seen next time."""
    if kept is None:
        stamps = _stamps(s, event_id)
        index = SearchIndex.from_tables(fold_rows(_rows(s, event_id)))
        index.stamps = [stamps.get(d, "") for d in index.ids]
        return index
    _, tables, found, old = kept
    stamps = _stamps(s, event_id)
    ids = tables.columns[0]
    before = dict(zip(ids, old, strict=True))
    changed = sorted(d for d, when in stamps.items() if before.get(d) != when)
    gone = before.keys() - stamps.keys()
    if not changed and not gone:  # the same roster: only its stamp was not known
        same_roster = SearchIndex.from_tables(tables, found, "disk")
        same_roster.stamps = old
        return same_roster
    rows = _rows(s, event_id, changed)
    now = {**before, **stamps}
    if len(changed) + len(gone) <= PATCH_LIMIT:
        patched: SearchIndex = PatchedIndex(tables, found, rows, gone)  # ids: grown
    else:
        stale = gone.union(changed)
        same = [i for i, d in enumerate(ids) if d not in stale]
        patched = SearchIndex.from_tables(merge(tables, same, rows))
    patched.stamps = [now.get(d, "") for d in patched.ids]
    return patched


# ------------------------------------------------------------------ the file


def _record(value: Any) -> bytes:
    """One marshalled value, after its length (marshal.load of a file reads in tiny bits)."""
    data = marshal.dumps(value)
    return len(data).to_bytes(4, "big") + data


def _pieces(header: dict, tables: Tables, found: Lookup, stamps: list[str]) -> list[bytes]:
    pieces = [_record(header)]

    def put(values: list) -> None:
        chunks = [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]
        pieces.append(_record(len(chunks)))
        pieces.extend(_record(c) for c in chunks)

    for column in tables.columns:
        put(column)
    put(tables.name_words)
    put(tables.other_words)
    put(stamps)
    pieces.append(_record((
        array("i", tables.first_ends).tobytes(), array("i", tables.name_ends).tobytes(),
        found.blob, found.starts.tobytes(), found.rank.tobytes(),
        [_postings_out(p) for p in found.fields],
    )))
    put(list(found.exact))
    put(list(found.exact.values()))
    return pieces


def _postings_out(p: Postings) -> tuple:
    return (p.lengths, p.words, {k: v.tobytes() for k, v in p.offsets.items()},
            {k: v.tobytes() for k, v in p.flat.items()})


def _postings_in(data: tuple) -> Postings:
    lengths, words, offsets, flat = data
    return Postings(lengths, words, {k: _ints(v) for k, v in offsets.items()},
                    {k: _ints(v) for k, v in flat.items()})


def _ints(data: bytes, code: str = "i") -> array:
    values = array(code)
    values.frombytes(data)
    return values


def _read(path: Path, header: dict) -> tuple[dict, Tables, Lookup, list[str]] | None:
    """What ``path`` keeps for ``header``'s database and event, or None: missing,
    unreadable, corrupt, of another format or of other data.  Never raises."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    start = len(MAGIC) + 4
    if data[: len(MAGIC)] != MAGIC:
        return None
    if zlib.crc32(memoryview(data)[start:]) != int.from_bytes(data[len(MAGIC) : start], "big"):
        return None
    try:
        return _parse(_Records(memoryview(data)[start:]), header)
    except (EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


class _Records:
    """Reads back the values of ``_record``."""

    def __init__(self, data: memoryview) -> None:
        self.data, self.at = data, 0

    def load(self) -> Any:
        size = int.from_bytes(self.data[self.at : self.at + 4], "big")
        start, self.at = self.at + 4, self.at + 4 + size
        if self.at > len(self.data):
            raise EOFError("truncated")
        return marshal.loads(self.data[start : self.at])


def _parse(f: _Records, header: dict) -> tuple[dict, Tables, Lookup, list[str]] | None:
    kept = f.load()
    if not isinstance(kept, dict):
        return None
    if any(kept.get(k) != v for k, v in header.items() if k != "roster"):
        return None

    def get() -> list:
        values: list = []
        for _ in range(f.load()):
            values += f.load()
        return values

    columns = [get() for _ in COLUMNS]
    name_words, other_words, stamps = get(), get(), get()
    first_ends, name_ends, blob, starts, rank, fields = f.load()
    exact = dict(zip(get(), get(), strict=True))
    n = kept["n"]
    texts = blob.split("\n") if n else []
    tables = Tables(columns, name_words, other_words, texts,
                    _ints(first_ends).tolist(), _ints(name_ends).tolist())
    found = Lookup((_postings_in(fields[0]), _postings_in(fields[1])), exact, blob,
                   _ints(starts, "q"), _ints(rank))
    sizes = {len(c) for c in columns} | {len(name_words), len(other_words), len(stamps),
                                         len(texts), len(name_ends) // 4, len(found.rank)}
    if sizes != {n} or len(found.starts) != n + 1:
        return None
    return kept, tables, found, stamps

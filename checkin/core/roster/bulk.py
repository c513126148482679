"""Work on 50,000 rows at once: one INSERT for many rows, and no garbage collector
walking them while they are made.

* ``insert_rows`` / ``PreparedInsert`` write rows given as columns (``ColumnRows``: no
  dict per row) all at once: the values put through each column type's own bind
  processing (each distinct value once) and the columns left out given their scalar
  defaults — what SQLAlchemy does, without its per-row bookkeeping, which cost as much
  as SQLite's own insert — then, on SQLite, one executemany of plain tuples and, on
  PostgreSQL (psycopg), one ``COPY ... FROM STDIN`` (2-3× faster than an executemany
  there, a quarter of the CPU).  Any other driver: SQLAlchemy Core's executemany.
* ``paused_gc`` holds the cyclic garbage collector off while an import runs: the
  import makes about a million small objects that live until it ends, and the collector
  would walk them again and again (a third of the import's time) to free nothing.
* ``indexes_deferred``: on SQLite, many rows going into a table that holds fewer go in
  without the table's indexes, made again from their own definitions before the
  transaction ends: one sort per index instead of a random B-tree insert per row and
  index (half the insert's time at 50,000 rows, with eight indexes on delegates), with
  a page cache large enough for the table while they are made (``larger_page_cache``).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from checkin.core.roster.row_columns import lookup_column

_LOCK = threading.Lock()
_DEPTH = 0  # blocks running with the collector held off (a GUI's worker and a CLI...)
_WAS_ENABLED = True


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees
    whatever is not in a cycle); the collector is back when the last block ends, if it
    was on when the first began."""
    global _DEPTH, _WAS_ENABLED
    with _LOCK:
        if _DEPTH == 0:
            _WAS_ENABLED = gc.isenabled()
            gc.disable()
        _DEPTH += 1
    try:
        yield
    finally:
        with _LOCK:
            _DEPTH -= 1
            if _DEPTH == 0 and _WAS_ENABLED:
                gc.enable()


REBUILD_FROM = 5000  # rows added at once (and at least as many as the table holds)


@contextmanager
def indexes_deferred(session: Session, table: Table, adding: int) -> Iterator[None]:
    """Inside the block, ``table`` (SQLite) has none of its named indexes when
    ``adding`` rows are at least ``REBUILD_FROM`` and at least the rows it holds; they
    are created again, from the SQL SQLite kept for them, when the block ends.

    All in the caller's transaction (the store BEGINs itself; SQLite's DDL is
    transactional): an error or a cancel inside the block rolls the drops back with the
    rows, and other connections never see the table without its indexes.  Unique
    constraints stay (SQLite's own indexes for them cannot be dropped), so duplicates
    are refused as before."""
    conn = session.connection()
    if adding < REBUILD_FROM or conn.dialect.name != "sqlite":
        yield
        return
    quote = conn.dialect.identifier_preparer
    held = conn.exec_driver_sql(f"SELECT count(*) FROM {quote.format_table(table)}").scalar()
    if held is None or held > adding:
        yield
        return
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL",
        (table.name,),
    ).all()
    for name, _sql in indexes:
        conn.exec_driver_sql(f"DROP INDEX {quote.quote(name)}")
    yield  # an exception propagates: the transaction is rolled back, drops included
    with larger_page_cache(session, CACHE_KIB_PER_ROW * (held + adding)):
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)


CACHE_KIB_PER_ROW = 1  # a delegate's row is about 0.5 KiB, its entries in the indexes more
CACHE_KIB_MAX = 65536


@contextmanager
def larger_page_cache(session: Session, kib: int) -> Iterator[None]:
    """SQLite's page cache of this connection at least ``kib`` KiB (at most
    ``CACHE_KIB_MAX``) inside the block, as it was after.  Making the indexes again reads
    the whole table once per index: with the default 2 MiB the pages the transaction
    wrote go to the WAL and are read back from it each time (the rebuild at 50,000 rows
    takes a fifth less with the table in the cache).  Durability is untouched: what is
    committed, and when it is synced, stays the same."""
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    wanted = -min(kib, CACHE_KIB_MAX)  # negative: a size in KiB, not in pages
    if not isinstance(before, int) or (before < 0 and before <= wanted):
        yield
        return
    conn.exec_driver_sql(f"PRAGMA cache_size = {wanted}")
    try:
        yield
    finally:
        with suppress(Exception):  # the connection broke: the error inside is the one told
            conn.exec_driver_sql(f"PRAGMA cache_size = {before}")


@dataclass(frozen=True)
class ColumnRows:
    """Rows to insert as columns: ``columns`` holds one value per row for each column,
    ``same`` one value for every row (an event id, a status, "now").  What an import
    plans its 50,000 new delegates as, without a dict per row."""

    columns: dict[str, Sequence[Any]] = field(default_factory=dict)
    same: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), ()))

    def row(self, i: int) -> dict[str, Any]:
        """Row ``i`` as a dict of every column."""
        return {**{k: v[i] for k, v in self.columns.items()}, **self.same}


class PreparedInsert:
    """``rows`` made ready for ``table`` once (values bound, defaults added, tuples
    made), then written a slice at a time (``write``): an import's chunks between which
    it reports progress and may be cancelled.

    On SQLite the values every row shares are written into the statement as literals
    (``_literal``), not bound again for each row: 14 values a row instead of 23 cut the
    driver's executemany by a third (0.50 -> 0.32 s at 50,000 delegates)."""

    def __init__(self, session: Session, table: Table, rows: ColumnRows) -> None:
        self.session, self.table, self.rows, self.count = session, table, rows, len(rows)
        self.dialect = dialect = session.get_bind().dialect
        defaults = _scalar_defaults(table, [*rows.columns, *rows.same])
        self.values: list[tuple[Any, ...]] = []
        self.sql = ""
        if not self.count or defaults is None or (dialect.name, dialect.driver) not in _FAST:
            return  # SQLAlchemy Core's executemany, from dicts
        columns = {name: _bound(dialect, table, name, v) for name, v in rows.columns.items()}
        same = {name: _bound(dialect, table, name, [v])[0]
                for name, v in {**rows.same, **defaults}.items()}  # fmt: skip
        literals = {n: _literal(v) for n, v in same.items()} if dialect.name == "sqlite" else {}
        given = {n: [v] * self.count for n, v in same.items() if literals.get(n) is None}
        columns.update(given)
        self.values = list(zip(*columns.values(), strict=True))
        fixed = {n: sql for n, sql in literals.items() if sql is not None}
        self.sql = _statement(dialect, table, list(columns), fixed)

    def __len__(self) -> int:
        return self.count

    def write(self, start: int, stop: int) -> None:
        """INSERT rows ``start`` to ``stop`` (one executemany, or one COPY)."""
        if not self.sql:
            chunk = [self.rows.row(i) for i in range(start, min(stop, self.count))]
            if chunk:
                self.session.execute(insert(self.table), chunk)
            return
        values = self.values[start:stop]
        if self.dialect.name == "sqlite":
            self.session.connection().exec_driver_sql(self.sql, values)
            return
        conn: Any = self.session.connection().connection.dbapi_connection
        with conn.cursor().copy(self.sql) as copy:
            for row in values:
                copy.write_row(row)


def insert_rows(session: Session, table: Table, rows: ColumnRows) -> None:
    """INSERT ``rows`` into ``table``, all at once."""
    prepared = PreparedInsert(session, table, rows)
    prepared.write(0, len(prepared))


_FAST = (("sqlite", "pysqlite"), ("postgresql", "psycopg"))


def _bound(dialect: Dialect, table: Table, name: str, values: Sequence[Any]) -> Sequence[Any]:
    """``values`` of column ``name`` as its type's bind processing makes them for
    ``dialect`` (each distinct value once)."""
    process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
    return values if process is None else lookup_column(values, process)


def _literal(value: Any) -> str | None:
    """``value`` (as bound for SQLite) as an SQL literal that stores exactly what binding
    it would: NULL, an integer, a text; None for anything else (it is bound)."""
    if value is None:
        return "NULL"
    if type(value) is int:
        return str(value)
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


def _scalar_defaults(table: Table, keys: list[str]) -> dict[str, Any] | None:
    """The columns not in ``keys`` that have a Python-side default, with its value;
    None if one of those defaults is computed (SQLAlchemy then inserts)."""
    found: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.key in keys or default is None:
            continue
        if not default.is_scalar:
            return None
        found[column.key] = default.arg  # type: ignore[attr-defined]
    return found


def _statement(
    dialect: Dialect, table: Table, names: list[str], fixed: dict[str, str] | None = None
) -> str:
    """SQLite: an INSERT for the driver's executemany, a parameter for each of ``names``
    and the SQL literals ``fixed`` for the others; PostgreSQL: a COPY ... FROM STDIN."""
    quote = dialect.identifier_preparer
    fixed = fixed or {}
    listed = ", ".join(quote.format_column(table.c[name]) for name in [*names, *fixed])
    if dialect.name != "sqlite":
        return f"COPY {quote.format_table(table)} ({listed}) FROM STDIN"
    marks = ", ".join(["?"] * len(names) + list(fixed.values()))
    return f"INSERT INTO {quote.format_table(table)} ({listed}) VALUES ({marks})"

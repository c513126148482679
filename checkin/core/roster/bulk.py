"""Work on 50,000 rows at once: one INSERT for many rows, and no garbage collector
walking them while they are made.

* ``insert_rows`` writes rows (dicts with the same keys) all at once: the values put
  through each column type's own bind processing and the columns left out given their
  scalar defaults — what SQLAlchemy does, without its per-row bookkeeping, which cost
  as much as SQLite's own insert — then, on SQLite, one executemany of plain tuples
  and, on PostgreSQL (psycopg), one ``COPY ... FROM STDIN`` (2-3× faster than an
  executemany there, a quarter of the CPU).  Any other driver: SQLAlchemy Core's
  executemany.
* ``paused_gc`` holds the cyclic garbage collector off while an import runs: the
  import makes about a million small objects that live until it ends, and the collector
  would walk them again and again (a third of the import's time) to free nothing.
* ``indexes_deferred``: on SQLite, many rows going into a table that holds fewer go in
  without the table's indexes, made again from their own definitions before the
  transaction ends: one sort per index instead of a random B-tree insert per row and
  index (half the insert's time at 50,000 rows, with eight indexes on delegates).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
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
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (the same keys in each) into ``table``, all at once."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    keys = list(rows[0])
    defaults = _scalar_defaults(table, keys)
    how = (dialect.name, dialect.driver)
    if defaults is None or how not in (("sqlite", "pysqlite"), ("postgresql", "psycopg")):
        session.execute(insert(table), list(rows))  # SQLAlchemy Core's executemany
        return
    names = keys + list(defaults)
    values = _processed(dialect, table, names, rows, defaults)
    if dialect.name == "sqlite":
        session.connection().exec_driver_sql(_statement(dialect, table, names), values)
        return
    cursor: Any = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(_statement(dialect, table, names)) as copy:
        for row in values:
            copy.write_row(row)


def _processed(
    dialect: Dialect, table: Table, names: list[str], rows: Sequence[dict[str, Any]],
    defaults: dict[str, Any],
) -> list[tuple[Any, ...]]:  # fmt: skip
    """The rows as tuples in the order of ``names``, each value as the column type's
    bind processing makes it for ``dialect`` (each distinct value once: one "now")."""
    keys = names[: len(names) - len(defaults)]
    columns: list[Sequence[Any]] = (
        list(zip(*map(itemgetter(*keys), rows), strict=True)) if len(keys) > 1
        else [[row[keys[0]] for row in rows]]
    )  # fmt: skip
    columns += [[value] * len(rows) for value in defaults.values()]
    for i, name in enumerate(names):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            columns[i] = lookup_column(columns[i], process)
    return list(zip(*columns, strict=True))


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


def _statement(dialect: Dialect, table: Table, names: list[str]) -> str:
    """SQLite: an INSERT for the driver's executemany; PostgreSQL: a COPY ... FROM STDIN."""
    quote = dialect.identifier_preparer
    listed = ", ".join(quote.format_column(table.c[name]) for name in names)
    if dialect.name != "sqlite":
        return f"COPY {quote.format_table(table)} ({listed}) FROM STDIN"
    marks = ", ".join("?" for _ in names)
    return f"INSERT INTO {quote.format_table(table)} ({listed}) VALUES ({marks})"

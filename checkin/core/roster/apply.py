"""Importing a delegate list: read it, plan it, and write the plan in ONE transaction.

* ``plan_import(store, event, parsed)`` compares the rows with the delegates of the
  event and returns what an import would do, without writing.
* ``import_roster(store, event, path)`` reads the file (``read.read_roster``), plans
  and applies the result in one transaction: any error refuses the whole file (unless
  ``skip_invalid``), a crash or a cancel writes nothing.

Delegates are matched by reference, then e-mail, then folded first + last name +
organisation (``identity``).  They are never deleted: with ``replace=True`` a delegate
missing from the file becomes ``cancelled`` (scans kept), and comes back ``registered``
when listed again.  Log messages carry counts only: rosters are personal data.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session as DbSession

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.roster.bulk import PreparedInsert, indexes_deferred, paused_gc
from checkin.core.roster.plan import Plan, diff
from checkin.core.roster.read import read_roster
from checkin.core.roster.report import ImportCancelled, ImportReport, ParsedRoster, RosterError
from checkin.core.roster.row_columns import folds_kept
from checkin.core.types import EventInfo

log = logging.getLogger(__name__)

CHUNK = 1000  # rows per statement: progress and cancelling between chunks


def _report(
    parsed: ParsedRoster,
    plan: Plan,
    *,
    applied: bool,
    dry_run: bool,
    started: float,
) -> ImportReport:
    return ImportReport(
        file=parsed.file,
        new=tuple(plan.new),
        updated=tuple(plan.updated),
        unchanged_count=plan.unchanged,
        cancelled=tuple(plan.cancelled),
        restored=tuple(plan.restored),
        problems=parsed.problems + tuple(plan.problems),
        skipped_rows=len(parsed.rejected),
        applied=applied,
        dry_run=dry_run,
        elapsed_s=time.perf_counter() - started,
    )


def _check_replace(parsed: ParsedRoster, replace: bool) -> None:
    if replace and not parsed.rows:
        raise RosterError(
            "%1: no valid delegate rows; refusing to cancel every delegate.", parsed.file
        )


@paused_gc()
@folds_kept()
def plan_import(
    store: Store, event: EventInfo, parsed: ParsedRoster, *, replace: bool = False
) -> ImportReport:
    """What importing ``parsed`` would do, without writing anything."""
    started = time.perf_counter()
    _check_replace(parsed, replace)
    with store.read() as s:
        plan = diff(s, event, parsed, replace)
    return _report(parsed, plan, applied=False, dry_run=True, started=started)


def _preview(
    store: Store, event: EventInfo, parsed: ParsedRoster, *, replace: bool, dry_run: bool,
    refused: bool, started: float,
) -> ImportReport:  # fmt: skip
    """The report of an import that writes nothing: a dry run, or a refused file."""
    if not refused:
        _check_replace(parsed, replace)
    with store.read() as s:
        # A refused file with no valid row at all previews no cancellations.
        plan = diff(s, event, parsed, replace and bool(parsed.rows))
    report = _report(parsed, plan, applied=False, dry_run=dry_run, started=started)
    log.info(
        "roster import %s: %d rows with errors",
        "dry run" if dry_run else "refused",
        report.skipped_rows,
    )
    return report


def _write(
    s: DbSession,
    plan: Plan,
    stop: Callable[[], None],
    progress: Callable[[int, int], None] | None,
) -> None:
    """The plan's rows, in chunks: ``stop`` between chunks may cancel it all."""
    total = len(plan.inserts) + len(plan.updates) + len(plan.cancels)
    done = 0
    if progress is not None:
        progress(0, total)
    table = cast(Table, m.Delegate.__table__)
    with indexes_deferred(s, table, len(plan.inserts)):
        inserts = PreparedInsert(s, table, plan.inserts)  # no ORM object, no dict per row
        for write, count in (
            (inserts.write, len(inserts)),
            (lambda a, b: s.execute(update(m.Delegate), plan.updates[a:b]), len(plan.updates)),
            (lambda a, b: s.execute(update(m.Delegate), plan.cancels[a:b]), len(plan.cancels)),
        ):
            for start in range(0, count, CHUNK):
                stop()
                end = min(start + CHUNK, count)
                write(start, end)
                done += end - start
                if progress is not None:
                    progress(done, total)
        stop()


@paused_gc()
@folds_kept()
def import_roster(
    store: Store,
    event: EventInfo,
    path: str | Path,
    *,
    replace: bool = False,
    dry_run: bool = False,
    skip_invalid: bool = False,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Read ``path`` and apply it to the event's delegates in one transaction.

    With errors in the file nothing is written (``applied`` False) unless
    ``skip_invalid``, which imports the valid rows.  ``dry_run`` only reports.
    Raises ``RosterError`` for a file that cannot be used, ``ImportCancelled`` when
    ``cancelled()`` returns True (nothing written).
    """
    started = time.perf_counter()
    parsed = read_roster(path, sheet=sheet, mapping=mapping, categories=event.categories)
    refused = bool(parsed.errors) and not skip_invalid
    if dry_run or refused:
        return _preview(store, event, parsed, replace=replace, dry_run=dry_run,
                        refused=refused, started=started)  # fmt: skip
    _check_replace(parsed, replace)

    def stop() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled("%1: import cancelled; nothing was changed.", parsed.file)

    stop()
    with store.write() as s:
        # Serialise imports of one event on PostgreSQL (SQLite: BEGIN IMMEDIATE does it).
        s.execute(select(m.Event.id).where(m.Event.id == event.id).with_for_update())
        plan = diff(s, event, parsed, replace)
        _write(s, plan, stop, progress)
    report = _report(parsed, plan, applied=True, dry_run=False, started=started)
    log.info(
        "roster imported: %d new, %d updated, %d unchanged, %d cancelled, %d restored, "
        "%d skipped in %.2f s",
        len(report.new),
        len(report.updated),
        report.unchanged_count,
        len(report.cancelled),
        len(report.restored),
        report.skipped_rows,
        report.elapsed_s,
    )
    return report

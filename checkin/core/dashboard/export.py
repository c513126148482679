"""Any export by kind: the one entry point for ``checkin export`` and for the app's
Event menu (run in the background there).

The kinds — the attendance table as CSV or XLSX, the donors' report, the sign-in
sheet — each live in a module of their own; this one picks one from a name or a file
extension.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checkin.core.dashboard.attendance import attendance_table, write_csv, write_xlsx
from checkin.core.dashboard.donors import write_report_pdf
from checkin.core.dashboard.files import Progress, ReportError
from checkin.core.dashboard.sign_in import DeskRange, write_sign_in_sheet
from checkin.core.db.store import Store
from checkin.core.roster.bulk import paused_gc
from checkin.core.types import EventInfo

KINDS = ("csv", "xlsx", "report", "sign-in")
_BY_SUFFIX = {".csv": "csv", ".xlsx": "xlsx", ".pdf": "report"}


def guess_kind(out: str | Path, kind: str | None = None) -> str:
    if kind:
        if kind not in KINDS:
            raise ReportError("Unknown export kind %1; one of: %2.", repr(kind), ", ".join(KINDS))
        return kind
    suffix = Path(out).suffix.lower()
    if suffix not in _BY_SUFFIX:
        raise ReportError(
            "Cannot tell the kind of export from %1: name it .csv, .xlsx or .pdf, or give "
            "--kind (%2).",
            repr(Path(out).name), ", ".join(KINDS),
        )
    return _BY_SUFFIX[suffix]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    rows: int | None  # delegates in a CSV/XLSX; None for the PDFs


def export(
    store: Store,
    event: EventInfo,
    out: str | Path,
    *,
    kind: str | None = None,
    split: Sequence[DeskRange] = (),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Any export by kind (guessed from ``out``'s extension when not given): the one
    entry point for the command line and for ``run_in_background`` in the app."""
    kind = guess_kind(out, kind)
    if split and kind != "sign-in":
        raise ReportError("A split per desk is for the sign-in sheet only.")
    # Hundreds of thousands of small objects that live until the file is written: the
    # cyclic collector would walk them again and again to free nothing (a third of a
    # 50,000-row CSV's time).
    with paused_gc():
        return _export(store, event, out, kind, split, progress, cancelled)


def _export(
    store: Store,
    event: EventInfo,
    out: str | Path,
    kind: str,
    split: Sequence[DeskRange],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> ExportResult:
    if kind in ("csv", "xlsx"):
        table = attendance_table(store, event)
        write = write_csv if kind == "csv" else write_xlsx
        path = write(table, out, progress=progress, cancelled=cancelled)
        return ExportResult(path, kind, len(table.rows))
    if kind == "report":
        return ExportResult(write_report_pdf(store, event, out), kind, None)
    path = write_sign_in_sheet(
        store, event, out, split=split, progress=progress, cancelled=cancelled
    )
    return ExportResult(path, kind, None)

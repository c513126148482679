"""The work behind the Event menu's exports, as plain functions for ``run_in_background``.

No widgets here: each function runs on a worker thread and returns a frozen dataclass.

* ``stage_export`` writes an export (``export.export``, as ``checkin export``) to a
  hidden file beside the target; the menu moves it into place on the GUI thread only
  if the job was not cancelled meanwhile, so a cancel at any moment leaves no file and
  an older file of that name intact.
* ``write_mailmerge`` (``mailmerge.write_mailmerge``, as ``checkin mailmerge``)
  remembers what the folder held, so a cancelled or failed run takes back only the
  files it wrote (``remove_new_files``).
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from checkin.core.dashboard.files import ExportCancelled, Progress, ReportError
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.types import EventInfo
from checkin.ui.widgets.messages import explain

# The writers (reportlab, the workbook, the badges) load when an export runs, on its
# worker thread: the menu that offers them is on screen from the desk's first paint.
if TYPE_CHECKING:
    from checkin.core.badges import mailmerge
    from checkin.core.dashboard.export import ExportResult
    from checkin.core.dashboard.sign_in import DeskRange

XLSX, CSV, PDF = "xlsx", "csv", "pdf"


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrganiserMenu", text)


# ---------------------------------------------------------------- work (no Qt widgets)


@dataclass(frozen=True)
class StagedExport:
    """An export written next to its target, waiting to be moved into place."""

    result: ExportResult
    staged: Path
    target: Path


def stage_export(
    store: Store,
    event: EventInfo,
    out: str | Path,
    kind: str,
    split: tuple[DeskRange, ...] = (),
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> StagedExport:
    """``export.export`` into a hidden file beside ``out`` (the caller moves it)."""
    target = Path(out)
    if target.is_dir():
        raise ReportError("%1 is a folder: give a file name.", target)
    if not target.parent.is_dir():
        raise ReportError("%1 does not exist.", target.parent)  # core's wording
    staged = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        from checkin.core.dashboard.export import export

        result = export(
            store, event, staged, kind=kind, split=split, progress=progress,
            cancelled=cancelled,
        )
        if cancelled is not None and cancelled():
            raise ExportCancelled()
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return StagedExport(result, staged, target)


@dataclass(frozen=True)
class MailMergeDone:
    report: mailmerge.MailMergeReport
    before: frozenset[Path] | None  # the folder's files before; None: it was created


def write_mailmerge(
    store: Store,
    event: EventInfo,
    folder: str | Path,
    template_key: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MailMergeDone:
    """``mailmerge.write_mailmerge``; on failure or cancel, only the files it wrote go."""
    folder = Path(folder)
    before = frozenset(folder.iterdir()) if folder.is_dir() else None
    from checkin.core.badges import mailmerge
    from checkin.core.badges.templates import load_template

    template = load_template(template_key)
    try:
        report = mailmerge.write_mailmerge(
            store, event, folder, template=template, progress=progress, cancelled=cancelled
        )
    except BaseException:
        remove_new_files(folder, before)
        raise
    return MailMergeDone(report, before)


def remove_new_files(folder: Path, before: frozenset[Path] | None) -> None:
    """Remove the files in ``folder`` that were not in ``before`` (and the folder itself
    when it did not exist before and is left empty)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if (before is None or path not in before) and path.is_file():
            path.unlink(missing_ok=True)
    if before is None:
        with contextlib.suppress(OSError):
            folder.rmdir()


def kind_for(path: str | Path) -> str:
    """csv or xlsx, from the name the file dialog gave."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return CSV
    if suffix == ".xlsx":
        return XLSX
    # Only the menu raises this one (the core never sees it), so its template is the
    # menu's own translated text; explain() finds no other translation and fills it.
    raise ReportError(_tr("%1: name the file .xlsx or .csv."), Path(path).name)


def with_filter_suffix(path: str, chosen_filter: str) -> str:
    """The path, given the chosen filter's extension if it has none of the filter's."""
    suffixes = re.findall(r"\*(\.\w+)", chosen_filter)
    if path and suffixes and Path(path).suffix.lower() not in suffixes:
        return path + suffixes[0]
    return path


def failure_text(exc: BaseException) -> str:
    """A message for the organiser: the core's own words, or what kind of failure."""
    if isinstance(exc, UserError | ValueError):  # the core's refusals, in its own words
        return explain(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return _tr("Could not write the file: %1").replace("%1", (exc.strerror or str(exc))
                                                            + where)
    return _tr("Something went wrong (%1).").replace("%1", type(exc).__name__)

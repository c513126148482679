"""The accreditation desk on the dashboard: open notes of the people in the building,
hand-outs out / returned / outstanding per item, and the end-of-day list of who still
holds what (with organisation and e-mail), as CSV or XLSX like the other exports.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from checkin.core.accreditation import handouts
from checkin.core.accreditation.handouts import HandoutCount, Holder
from checkin.core.accreditation.notes import note_state
from checkin.core.dashboard.files import ReportError, write_private
from checkin.core.dashboard.xlsx_writer import write_text_workbook
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.text import spreadsheet_safe
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo, NoteInfo

HOLDER_HEADER = ("reference", "name", "organisation", "email", "item", "item_code",
                 "state", "out_at", "returned_at")


@dataclass(frozen=True)
class OpenNote:
    """A note not yet done, of someone who arrived (in the building)."""

    delegate: DelegateInfo
    note: NoteInfo
    arrived_at: dt.datetime  # aware UTC


def open_notes(store: Store, event: EventInfo) -> list[OpenNote]:
    """People checked in at the venue whose note is not done, latest arrival first."""
    with store.read() as s:
        rows = s.execute(
            select(*DELEGATE_COLUMNS, m.Delegate.arrived_at).where(
                m.Delegate.event_id == event.id,
                m.Delegate.note != "",
                m.Delegate.arrived_at.is_not(None),
                m.Delegate.status == DelegateStatus.REGISTERED.value,
            )
        ).all()
        out = []
        for row in rows:
            note = note_state(s, row.id)
            if note is not None and not note.done:
                out.append(OpenNote(delegate_from_row(row), note,
                                    row.arrived_at.replace(tzinfo=dt.UTC)))
    out.sort(key=lambda n: n.arrived_at, reverse=True)
    return out


def handout_counts(store: Store, event: EventInfo) -> list[HandoutCount]:
    """Per item: eligible, out, returned, due and outstanding (``HandoutCount``)."""
    return handouts.counts(store, event)


def holders(store: Store, event: EventInfo, *, outstanding: bool = True) -> list[Holder]:
    """Who holds (or held) what; ``outstanding``: returnable items still out."""
    return handouts.holders(store, event, outstanding=outstanding)


def holder_cells(event: EventInfo, h: Holder) -> list[str]:
    def at(when: dt.datetime | None) -> str:
        return event.local(when).strftime("%Y-%m-%d %H:%M") if when else ""

    d = h.delegate
    return [spreadsheet_safe(v) for v in (
        d.reference, d.full_name, d.organisation, d.email, h.label, h.item_code, h.state,
        at(h.out_at), at(h.returned_at),
    )]  # fmt: skip


def write_holders(
    store: Store, event: EventInfo, out: str | Path, *, outstanding: bool = True
) -> tuple[Path, int]:
    """The holders list to ``out`` (.csv: UTF-8 with a BOM; .xlsx: a workbook); the
    path and the number of rows."""
    suffix = Path(out).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ReportError("Name the hand-outs list .csv or .xlsx, not %1.", Path(out).name)
    rows = [holder_cells(event, h) for h in holders(store, event, outstanding=outstanding)]

    def write_csv(path: Path) -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(HOLDER_HEADER)
            w.writerows(rows)

    def write_xlsx(path: Path) -> None:
        widths = [14, 28, 32, 30, 22, 10, 10, 18, 18]
        write_text_workbook(path, "Hand-outs", [list(HOLDER_HEADER), *rows], widths)

    return write_private(out, write_csv if suffix == ".csv" else write_xlsx), len(rows)

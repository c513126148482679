"""Badges printed straight to a Brother QL: choose, render, raster, send, then record.

The same choice and the same PDF as ``printing.print_badges`` (so preflight, preview and
the label agree), rendered in the ink the tape allows (red only on black/red tape),
turned into the printer's raster and sent.  The prints are recorded only once the
printer took the job: a missing printer, a wrong tape or an open cover records nothing,
and the badge can be sent again (the desk's print queue retries).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from checkin.core.badges import label_printer, raster
from checkin.core.badges.label_printer import LabelPrinter
from checkin.core.badges.printing import (
    PrintReport,
    _record,
    _render_problems,
    _to_print,
    badge_contents,
)
from checkin.core.badges.render import render_badges
from checkin.core.badges.templates import Template
from checkin.core.db.store import Store
from checkin.core.types import EventInfo


def for_printer(template: Template, printer: LabelPrinter) -> Template:
    """The template in the ink the tape can print: its own, or red on black/red tape."""
    raster.check_fits(template, printer)
    return dataclasses.replace(template, ink="red") if printer.red else template


def print_to_label_printer(
    store: Store,
    event: EventInfo,
    printer: LabelPrinter,
    *,
    template: Template,
    unprinted: bool = False,
    refs: Sequence[str] = (),
    reprint: bool = False,
    reason: str = "",
    station: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: dt.datetime | None = None,
) -> PrintReport:
    """Send the chosen badges to ``printer`` and record them; a ``PrinterError`` (and
    nothing recorded) when the printer is missing or reports a problem."""
    started = time.perf_counter()
    label_printer.check(printer)
    inked = for_printer(template, printer)
    delegates = _to_print(store, event, unprinted=unprinted, refs=refs, reprint=reprint)
    versions = {d.id: d.badge_version + 1 if reprint else d.badge_version for d in delegates}
    contents = badge_contents(store, event, inked, delegates, versions)
    pdf = io.BytesIO()
    result = render_badges(pdf, inked, contents, progress=progress, cancelled=cancelled)
    job = raster.raster_for_pdf(pdf.getvalue(), printer)
    label_printer.send(job, printer)
    printed_before = _record(
        store, event, delegates, versions, reprint=reprint, reason=reason,
        template=template.key, station=station, now=now,
    )
    return PrintReport(
        path=Path(),
        template=template.key,
        badges=result.badges,
        pages=result.pages,
        reprinted=len(delegates) if reprint else 0,
        printed_before=printed_before,
        problems=_render_problems(result),
        elapsed_s=time.perf_counter() - started,
        printer=printer.describe(),
    )

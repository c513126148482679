"""The dashboard's Accreditation tab (issue 19): open notes of the people in the
building, hand-outs out / returned / outstanding per item, and the end-of-day list of
who still holds a returnable item, with organisation and e-mail — exported as CSV or
XLSX by the core (``dashboard.accreditation.write_holders``).

Read off the GUI thread (``run_in_background``), while the tab is shown: at each of the
dashboard's live updates, never two reads at once.  The three lists share the tab
side by side in two rows, so it fits a 1280×650 window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.accreditation.handouts import HandoutCount, Holder
from checkin.core.dashboard import accreditation as core
from checkin.core.dashboard.accreditation import OpenNote
from checkin.core.db.store import Store
from checkin.core.types import EventInfo
from checkin.ui.dashboard.lists import Column, RowsModel, make_table
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.workers import Job, run_in_background


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccreditationTab", text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate("AccreditationTab", text, "", n)


@dataclass(frozen=True)
class Figures:
    notes: list[OpenNote]
    counts: list[HandoutCount]
    holders: list[Holder]


def read_figures(store: Store, event: EventInfo) -> Figures:
    """The tab's three lists (on a worker thread)."""
    return Figures(core.open_notes(store, event), core.handout_counts(store, event),
                   core.holders(store, event, outstanding=True))


def _hhmm(event: EventInfo, when: dt.datetime | None) -> str:
    return event.local(when).strftime("%H:%M") if when else "—"


def note_columns(event: EventInfo) -> list[Column]:
    return [
        Column(_tr("Name"), lambda n: n.delegate.full_name),
        Column(_tr("Organisation"), lambda n: n.delegate.organisation),
        Column(_tr("Note"), lambda n: n.note.text),
        Column(_tr("Arrived"), lambda n: _hhmm(event, n.arrived_at), lambda n: n.arrived_at),
    ]


def count_columns() -> list[Column]:
    return [
        Column(_tr("Item"), lambda c: c.label),
        Column(_tr("Out"), lambda c: str(c.out), lambda c: c.out),
        Column(_tr("Returned"), lambda c: str(c.returned), lambda c: c.returned),
        Column(_tr("Outstanding"),
               lambda c: str(c.outstanding) if c.returnable else _tr("kept"),
               lambda c: c.outstanding),
        Column(_tr("Due"), lambda c: str(c.due), lambda c: c.due),
    ]


def holder_columns(event: EventInfo) -> list[Column]:
    return [
        Column(_tr("Name"), lambda h: h.delegate.full_name),
        Column(_tr("Organisation"), lambda h: h.delegate.organisation),
        Column(_tr("E-mail"), lambda h: h.delegate.email),
        Column(_tr("Item"), lambda h: f"{h.label} {h.item_code}".strip()),
        Column(_tr("Out since"), lambda h: _hhmm(event, h.out_at), lambda h: h.out_at),
    ]


class AccreditationTab(QWidget):
    """Open notes, hand-out figures and the outstanding holders, with Export…."""

    loaded = Signal(object)  # the Figures just shown
    exported = Signal(str, int)  # path, rows

    def __init__(self, store: Store, event: EventInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.event_info = store, event
        self.job: Job | None = None
        self.note_model = RowsModel(note_columns(event), self)
        self.count_model = RowsModel(count_columns(), self)
        self.holder_model = RowsModel(holder_columns(event), self)
        self.notes_table = make_table(self.note_model, _tr("Open notes of people here"))
        self.counts_table = make_table(self.count_model, _tr("Hand-outs per item"))
        self.holders_table = make_table(self.holder_model, _tr("Still holding an item"))
        self.export_button = QPushButton(_tr("&Export…"))
        self.export_button.setToolTip(_tr("Save who still holds what as CSV or Excel"))
        self.export_button.setAccessibleName(_tr("Export who still holds what"))
        self.export_button.clicked.connect(self._ask_export)
        self.status = QLabel()
        self.titles = [QLabel() for _ in range(3)]
        for label, table in zip(self.titles, (self.notes_table, self.counts_table,
                                              self.holders_table), strict=True):
            label.setBuddy(table)
        upper = QHBoxLayout()
        upper.addLayout(self._boxed(0, self.notes_table), 3)
        upper.addLayout(self._boxed(1, self.counts_table), 2)
        bar = QHBoxLayout()
        bar.addWidget(self.titles[2], 1)
        bar.addWidget(self.status)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(upper, 1)
        layout.addLayout(bar)
        layout.addWidget(self.holders_table, 1)
        self._titles(Figures([], [], []))

    def _boxed(self, n: int, table: QWidget) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(self.titles[n])
        box.addWidget(table, 1)
        return box

    def _titles(self, f: Figures) -> None:
        notes, held = len(f.notes), len(f.holders)
        self.titles[0].setText(_trn("Open no&tes of people here: %n", notes))
        self.titles[1].setText(_tr("&Hand-outs per item"))
        self.titles[2].setText(_trn("&Still holding an item (end of day): %n", held))

    # ------------------------------------------------------------ loading

    def refresh(self) -> Job | None:
        """Read the lists again in the background (not while a read is running)."""
        if self.job is not None:
            return None
        self.job = job = run_in_background(read_figures, self.store, self.event_info,
                                           parent=self)
        job.succeeded.connect(self._show)
        job.failed.connect(self._failed)
        job.finished.connect(job.deleteLater)  # one per dashboard refresh while shown
        return job

    def refresh_if_shown(self, *_args) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def _show(self, figures: Figures) -> None:
        self.job = None
        self.note_model.set_rows(figures.notes)
        self.count_model.set_rows(figures.counts)
        self.holder_model.set_rows(figures.holders)
        self._titles(figures)
        self.loaded.emit(figures)

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.status.setText("⚠ " + first_line(exc))

    # ------------------------------------------------------------ export

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("Export who still holds what"), "still-out.xlsx",
            _tr("Excel workbook (*.xlsx);;CSV files (*.csv)"),
        )
        if path:
            self.export(path)

    def export(self, path: str) -> Job:
        """The end-of-day list to ``path`` (.csv or .xlsx), in the background."""
        self.export_button.setEnabled(False)
        job = run_in_background(core.write_holders, self.store, self.event_info, path,
                                parent=self)
        job.succeeded.connect(lambda done: self._exported(str(done[0]), done[1]))
        job.failed.connect(self._export_failed)
        return job

    def _exported(self, path: str, n: int) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(_trn("Saved: %n row(s)", n))
        self.exported.emit(path, n)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText("⚠ " + _tr("Not saved: %1").replace("%1", first_line(exc)))

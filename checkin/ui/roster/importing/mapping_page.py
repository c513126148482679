"""The wizard's columns page: which column holds each field, guessed from the header and
changed with combo boxes; every change reads the whole file again (in the background)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QVBoxLayout

from checkin.core.roster.columns import FIELDS
from checkin.core.roster.read import read_roster
from checkin.core.roster.report import ParsedRoster
from checkin.ui.roster.importing.base import PREVIEW_ROWS, Page, message, table
from checkin.ui.roster.importing.words import failure, field_label
from checkin.ui.widgets.table_models import PreviewTableModel
from checkin.ui.widgets.workers import Job, run_in_background

if TYPE_CHECKING:
    from checkin.ui.roster.importing.wizard import ImportWizard


class MappingPage(Page):
    """Which column holds each field; every change reads the file again."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr("The columns were guessed from the header; change any that is wrong.")
        )
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in FIELDS:
            box = QComboBox()
            box.setObjectName(f"map_{field}")
            box.setMinimumWidth(200)
            box.setAccessibleName(
                self.tr("Column for %1").replace("%1", field_label(field))
            )
            box.currentIndexChanged.connect(lambda _i: self._changed())
            label = QLabel(field_label(field) + ":")
            label.setBuddy(box)
            form.addRow(label, box)
            self.boxes[field] = box
        self.summary = message("mappingSummary")
        self.model = PreviewTableModel(self)
        self.table = table("mappingPreview", self.tr("Delegates as they will be read"),
                           self.model)  # fmt: skip
        grid = QGridLayout(self)
        grid.addLayout(form, 0, 0)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.table, 1)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(1, 1)
        self.job: Job | None = None
        self._filling = False

    def initializePage(self) -> None:
        preview = self.w.preview
        assert preview is not None
        self._filling = True
        for field, box in self.boxes.items():
            box.clear()
            box.addItem(self.tr("(not imported)"), "")
            for header in preview.header:
                if header:
                    box.addItem(header, header)
            box.setCurrentIndex(max(box.findData(self.w.mapping.get(field, "")), 0))
        self._filling = False
        self.reread()

    def mapping(self) -> dict[str, str]:
        return {field: box.currentData() or "" for field, box in self.boxes.items()}

    def _changed(self) -> None:
        if not self._filling:
            self.reread()

    def reread(self) -> Job:
        """Read and validate the whole file with the chosen columns (background)."""
        self.w.mapping = self.mapping()
        self.w.parsed = None
        self.summary.setText(self.tr("Reading the file with these columns…"))
        job = run_in_background(
            read_roster,
            self.w.path,
            sheet=self.w.preview.sheet if self.w.preview else None,
            mapping=self.w.mapping,
            categories=self.w.event_info.categories,
            parent=self,
        )
        mapping = dict(self.w.mapping)
        job.succeeded.connect(lambda parsed: self._read(mapping, parsed))
        job.failed.connect(lambda exc: self._failed(mapping, exc))
        self.job = job
        self.completeChanged.emit()
        return job

    def _read(self, mapping: dict[str, str], parsed: ParsedRoster) -> None:
        if mapping != self.w.mapping:
            return  # the columns changed since: a newer read is on its way
        self.w.parsed = parsed
        rows = []
        for r in parsed.rows[:PREVIEW_ROWS]:
            rows.append(
                (r.row, (r.reference, r.first_name, r.last_name, r.organisation, r.country,
                         r.email, r.category))
            )
        self.model.set_preview(
            (
                self.tr("Reference"), self.tr("First name"), self.tr("Last name"),
                self.tr("Organisation"), self.tr("Country"), self.tr("E-mail"),
                self.tr("Category"),
            ),
            rows,
        )
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr("%n row(s) can be imported, %1 with errors.", "", len(parsed.rows))
            .replace("%1", str(len(parsed.rejected)))
        )
        self.completeChanged.emit()

    def _failed(self, mapping: dict[str, str], exc: BaseException) -> None:
        if mapping != self.w.mapping:
            return
        self.model.set_preview((), ())
        self.summary.setText("⚠ " + failure(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.parsed is not None

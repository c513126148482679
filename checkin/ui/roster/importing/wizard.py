"""Import a delegate list, step by step, with the engine of ``checkin import``.

Pages: the file (read in the background: detected encoding and delimiter or sheet, the
first rows) -> the columns (each field's column, guessed, changed with combo boxes; the
file is read again on each change) -> the check (every problem with its file, row and
column; rows with errors can be skipped) -> the changes (new, updated, unchanged,
restored, and with "replace" the delegates to be cancelled) -> the import, in ONE
transaction with a progress bar and Cancel (a cancel writes nothing).

Every step calls the core's import (``roster.read.preview_roster``, ``read_roster``,
``roster.apply.plan_import``, ``import_roster``) through ``run_in_background``; the
wizard holds only their frozen results, which its pages (one module each) read and set.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard

from checkin.core.db.store import Store
from checkin.core.roster.report import FilePreview, ImportReport, ParsedRoster
from checkin.core.types import EventInfo
from checkin.ui.roster.importing.apply_page import ApplyPage
from checkin.ui.roster.importing.changes_page import ChangesPage
from checkin.ui.roster.importing.check_page import CheckPage
from checkin.ui.roster.importing.file_page import FilePage
from checkin.ui.roster.importing.mapping_page import MappingPage
from checkin.ui.widgets.reflow import fit_to_screen


class ImportWizard(QWizard):
    """Import a CSV/XLSX delegate list into the event; ``result`` is the final report."""

    def __init__(self, store: Store, event_info: EventInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import delegates"))
        self.setAccessibleName(self.tr("Import delegates"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.store = store
        self.event_info = event_info
        self.path: Path | None = None
        self.preview: FilePreview | None = None
        self.mapping: dict[str, str] = {}
        self.parsed: ParsedRoster | None = None
        self.plan: ImportReport | None = None
        self.result: ImportReport | None = None
        self.skip_invalid = False
        self.replace = False
        self.close_when_done = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.changes_page = ChangesPage(self)
        self.apply_page = ApplyPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.check_page,
            self.changes_page,
            self.apply_page,
        ):
            self.addPage(page)
        fit_to_screen(self, QSize(900, 600))  # less on a small screen

    def set_file(self, path: Path) -> None:
        """A new file: forget everything read from the previous one."""
        self.path = path
        self.preview = None
        self.mapping = {}
        self.parsed = None
        self.plan = None
        self.skip_invalid = False

    def reject(self) -> None:
        job = self.apply_page.job
        if job is not None and not job.is_finished:
            # Closing during the import: stop it, and close once it has rolled back.
            self.close_when_done = True
            self.apply_page.cancel()
            return
        super().reject()

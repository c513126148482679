"""The first start: a database with no event gets this page instead of the Desk.

It offers the demo event (created in the background, in that database), a new blank
event (then the Agenda page, to name it) or a new event and the import wizard.  Once
the event exists, ``opened`` (``app.open_event``) puts the event's pages in the shell.
Part of start-up rather than a page of the app; its words are filed with the app's
("App").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from checkin.core.db.store import Store
from checkin.core.event.definition import parse_event, save_event
from checkin.core.roster.demo import create_demo
from checkin.core.types import EventInfo
from checkin.ui.main_window import MainWindow
from checkin.ui.widgets import workers
from checkin.ui.widgets.messages import first_line


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


class FirstStartPage(QWidget):
    """Shown on a database with no event: the demo, a new event, or a roster to import."""

    demo_requested = Signal()
    create_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Welcome to checkin"))
        heading.setStyleSheet("font-size: 24pt; font-weight: bold;")
        intro = QLabel(self.tr("This database has no event yet. How would you like to start?"))
        intro.setStyleSheet("font-size: 14pt;")
        self.demo_button = QPushButton(self.tr("Open the demo event"))
        self.demo_button.setAccessibleName(self.tr("Open the demo event"))
        self.demo_button.setDefault(True)
        self.demo_button.setMinimumHeight(48)
        self.demo_button.clicked.connect(self._demo)
        self.create_button = QPushButton(self.tr("Create an event"))
        self.create_button.setAccessibleName(self.tr("Create an event"))
        self.import_button = QPushButton(self.tr("Import a roster"))
        self.import_button.setAccessibleName(self.tr("Import a roster"))
        self.create_button.clicked.connect(self.create_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.status = QLabel(
            self.tr(
                "The demo is a fictional consultation in Geneva, "
                "dated today, to try scanning and search."
            )
        )
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 12pt;")
        buttons = QHBoxLayout()
        for button in (self.demo_button, self.create_button, self.import_button):
            button.setMinimumHeight(48)
            buttons.addWidget(button)
        box = QVBoxLayout()
        box.addWidget(heading)
        box.addWidget(intro)
        box.addSpacing(16)
        box.addLayout(buttons)
        box.addSpacing(12)
        box.addWidget(self.status)
        for label in (heading, intro, self.status):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)  # a narrow window wraps the words, never cuts them
        frame = QWidget()
        frame.setMaximumWidth(820)
        frame.setLayout(box)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(frame, 8)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def _demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.status.setText(self.tr("Creating the demo event…"))
        self.demo_requested.emit()

    def demo_failed(self, message: str) -> None:
        self.demo_button.setEnabled(True)
        self.status.setText(message)


def show_first_start(
    window: MainWindow, store: Store, opened: Callable[[EventInfo], None]
) -> FirstStartPage:
    """The first-start page in ``window``; ``opened(event)`` once there is an event."""
    start = FirstStartPage()

    def new_event(then: str) -> None:
        """A blank event for today, then the Agenda (to name it) or the import wizard."""
        try:
            event = save_event(store, parse_event(blank_event()))
        except Exception as exc:  # the database: say so on the page
            start.demo_failed(_tr("The event could not be created: %1").replace(
                "%1", first_line(exc)))
            return
        opened(event)
        if then == "agenda":
            window.show_page("agenda")
            agenda = window.page("agenda")
            agenda.name_edit.selectAll()
            # After the start page (which had the focus) is deleted, not before.
            QTimer.singleShot(0, agenda.name_edit, agenda.name_edit.setFocus)
        else:
            window.show_page("roster")
            window.page("roster").open_import()

    def failed(exc: BaseException) -> None:
        message = first_line(exc)
        start.demo_failed(_tr("The demo could not be created: %1").replace("%1", message))

    def make_demo() -> None:
        job = workers.run_in_background(create_demo, store, parent=window)
        job.succeeded.connect(lambda result: opened(result.event))
        job.failed.connect(failed)

    start.demo_requested.connect(make_demo)
    start.create_requested.connect(lambda: new_event("agenda"))
    start.import_requested.connect(lambda: new_event("import"))
    window.set_pages([("start", _tr("Welcome"), start)])
    start.demo_button.setFocus()
    return start


def blank_event() -> dict:
    """A new event as the Agenda page then edits it: today, here, one category."""
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    return {
        "event": {"name": _tr("New event"), "date": "today", "timezone": zone},
        "categories": [{"key": "participant", "label": _tr("Participant"),
                        "colour": "#1F5FA8"}],
    }  # fmt: skip

"""Projector mode: the headline figures full screen, white on black, for a second screen.

No names of ordinary delegates on the wall (a projected call list is personal data in
front of a room); only counts, the current session and the watch-list alert.  Opened on
the second screen when there is one, full screen; Esc or the same key closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from checkin.core.dashboard.snapshot import Dashboard
from checkin.core.types import EventInfo
from checkin.ui.dashboard.panels import (
    FigureTile,
    FitLabel,
    SessionPanel,
    WatchBanner,
    percent,
    rescale,
)

SCALE = 2.2  # icons for a 1920 x 1080 screen; other screens scale from there (type fills)
DESIGN = (1920, 1080)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class ProjectorWindow(QWidget):
    closed = Signal()

    def __init__(self, event: EventInfo, key: QKeySequence, parent: QWidget | None = None):
        # A window of its own (no parent widget): it goes to another screen.
        super().__init__(None, Qt.WindowType.Window)
        self._owner = parent
        self.setWindowTitle(_tr("checkin — projector"))
        self.setAccessibleName(_tr("Projector view"))
        self.setObjectName("projector")
        self.setStyleSheet(
            "#projector { background: #000000; }"
            "#projector QLabel { color: #FFFFFF; }"
            "#projector #figureTile { background: #111111; border: 2px solid #FFFFFF; }"
        )
        self.name = FitLabel(bold=True)
        self.name.setText(event.name)
        # Every label fills the box its stretch gives it (``FitLabel``): the figures take
        # the screen, at 1280×720 as at 1920×1080, with no empty half below.
        self.arrived = FigureTile(_tr("Arrived"), fill=True)
        self.missing = FigureTile(_tr("Not yet arrived"), fill=True)
        self.session = SessionPanel(event, scale=SCALE, fill=True)
        self.banner = WatchBanner(scale=SCALE, fill=True)
        grid = QGridLayout()
        grid.setSpacing(24)
        grid.addWidget(self.arrived, 0, 0)
        grid.addWidget(self.missing, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 30)
        layout.setSpacing(24)
        layout.addWidget(self.name, 1)
        layout.addLayout(grid, 5)
        layout.addWidget(self.session, 5)
        layout.addWidget(self.banner, 2)
        self._keys = {Qt.Key.Key_Escape, Qt.Key(key[0].key())}

    def show_dashboard(self, dash: Dashboard) -> None:
        s = dash.stats
        self.arrived.set(f"{s.arrived} / {s.registered}", percent(s.arrived, s.registered))
        self.missing.set(str(s.not_arrived))
        self.session.show_dashboard(dash)

    def show_on_best_screen(self) -> None:
        """Full screen on a screen other than the main window's, if there is one."""
        screens = QGuiApplication.screens()
        here = self._owner.screen() if self._owner is not None else None
        other = next((x for x in screens if x is not here), None)
        target = other or here or QGuiApplication.primaryScreen()
        if target is not None:
            self.setGeometry(target.geometry())
            self.setScreen(target)
        self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Handled here rather than by shortcuts: a full-screen window on a projector
        # may not be the active window, yet the keys must close it.
        if event.key() in self._keys:
            self.close()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        factor = min(size.width() / DESIGN[0], size.height() / DESIGN[1])
        rescale(self, min(2.0, max(0.35, factor)))
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)

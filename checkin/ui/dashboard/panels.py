"""The dashboard's big figures and the current-session panel, shared with projector mode.

Large type for reading across a room; a capacity warning is said three ways (colour,
drawn icon, words), like the desk's result panel, with the same contrast-checked tones.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkin.core.dashboard.snapshot import Dashboard, SessionPresence
from checkin.core.desk.presence import CapacityLevel
from checkin.core.types import EventInfo
from checkin.ui.desk.outcome_panel import StatusIcon, Tone
from checkin.ui.widgets.plain import scaled_points


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def _trn(text: str, n: int) -> str:
    """``_tr`` for a count: "%n seat(s)" with the language's plural forms."""
    return QCoreApplication.translate("Dashboard", text, "", n)


def plain_label(points: int, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    font = QFont()
    size = scaled_points(points)
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.setProperty("basePt", size)
    return label


class FitLabel(QLabel):
    """Text as large as its box allows (projector mode): the layout gives the box (by
    stretch factors: the label asks for no size of its own), the label picks the type
    size that fills it, on one line or wrapped."""

    def __init__(self, *, bold: bool = False, wrap: bool = False) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(1, 1)
        self._bold = bold

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def hasHeightForWidth(self) -> bool:
        return False  # wrapped or not, the box comes from the layout, not the text

    def heightForWidth(self, _width: int) -> int:
        return -1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fits(self, font: QFont, width: int, height: int) -> bool:
        metrics = QFontMetrics(font)
        if self.wordWrap():
            box = metrics.boundingRect(QRect(0, 0, width, 1_000_000),
                                       int(Qt.TextFlag.TextWordWrap), self.text())
            return box.width() <= width and box.height() <= height
        return metrics.horizontalAdvance(self.text()) <= width and metrics.height() <= height

    def _fit(self) -> None:
        rect = self.contentsRect()
        if rect.height() < 6 or not self.text():
            return
        font = QFont(self.font())
        font.setBold(self._bold)
        low, high = 6, max(6, rect.height())
        while low < high:  # the largest pixel size that fits
            middle = (low + high + 1) // 2
            font.setPixelSize(middle)
            if self._fits(font, rect.width(), rect.height()):
                low = middle
            else:
                high = middle - 1
        font.setPixelSize(low)
        if font != self.font():
            self.setFont(font)


def rescale(root: QWidget, factor: float) -> None:
    """Scale every label's type and every icon by ``factor`` of its built size (projector
    mode fits whatever screen it lands on)."""
    for label in root.findChildren(QLabel):
        base = label.property("basePt")
        if base:
            font = label.font()
            font.setPointSizeF(max(6.0, base * factor))
            label.setFont(font)
    for icon in root.findChildren(StatusIcon):
        base = icon.property("baseSide")
        if base:
            side = max(16, round(base * factor))
            icon.setFixedSize(side, side)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "—"


class FigureTile(QFrame):
    """One big number with its caption above and a detail line below.  ``fill``: the
    type fills the tile, whatever its size (projector mode)."""

    def __init__(self, caption: str, *, scale: float = 1.0, fill: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("figureTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        if fill:
            self.caption, self.value, self.detail = (
                FitLabel(), FitLabel(bold=True), FitLabel()
            )
            layout.setContentsMargins(24, 12, 24, 12)
            for w, stretch in ((self.caption, 2), (self.value, 7), (self.detail, 2)):
                layout.addWidget(w, stretch)
        else:
            self.caption = plain_label(round(12 * scale))
            self.value = plain_label(round(34 * scale), bold=True, wrap=False)
            self.detail = plain_label(round(11 * scale))
            layout.setContentsMargins(14, 8, 14, 8)
            for w in (self.caption, self.value, self.detail):
                layout.addWidget(w)
        self.caption.setText(caption)
        self.setAccessibleName(caption)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleDescription(f"{value} {detail}".strip())


_LEVEL_TONE = {
    CapacityLevel.OK: Tone.IDLE,
    CapacityLevel.NEAR: Tone.WARN,
    CapacityLevel.FULL: Tone.WARN,
    CapacityLevel.OVER: Tone.STOP,
}
_LEVEL_ICON = {
    CapacityLevel.OK: "check",
    CapacityLevel.NEAR: "warn",
    CapacityLevel.FULL: "warn",
    CapacityLevel.OVER: "stop",
}


def capacity_words(x: SessionPresence) -> str:
    if x.capacity is None:
        return _tr("No capacity set for this room")
    free = x.capacity - x.present
    if x.level is CapacityLevel.OK:
        return _trn("Within capacity: %n seat(s) free", free)
    if x.level is CapacityLevel.NEAR:
        return _trn("Near capacity: only %n seat(s) free", free)
    return {
        CapacityLevel.FULL: _tr("Full: the room is at capacity"),
        CapacityLevel.OVER: _tr("Over capacity by %2: admit no one until people leave"),
    }[x.level].replace("%2", str(-free))


class SessionPanel(QFrame):
    """The session running now: present against capacity, with the warning."""

    def __init__(self, event: EventInfo, *, scale: float = 1.0, fill: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.event_info = event
        self.setObjectName("sessionPanel")
        self.setAutoFillBackground(True)
        self.setAccessibleName(_tr("Current session"))
        self.icon = StatusIcon()
        side = round(72 * scale)
        self.icon.setFixedSize(side, side)
        self.icon.setProperty("baseSide", side)
        text = QVBoxLayout()
        if fill:
            self.heading, self.title = FitLabel(), FitLabel(bold=True, wrap=True)
            self.count, self.warning = FitLabel(bold=True), FitLabel(bold=True, wrap=True)
            stretches = (2, 3, 5, 3)
        else:
            self.heading = plain_label(round(12 * scale))
            self.title = plain_label(round(18 * scale), bold=True)
            self.count = plain_label(round(30 * scale), bold=True)
            self.warning = plain_label(round(14 * scale), bold=True)
            stretches = (0, 0, 0, 0)
        self.warning.setObjectName("capacityWarning")
        self.warning.setAccessibleName(_tr("Capacity"))
        for w, stretch in zip((self.heading, self.title, self.count, self.warning),
                              stretches, strict=True):
            text.addWidget(w, stretch)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.level: CapacityLevel | None = None
        self._shown_tone: Tone | None = None
        self._tone(Tone.IDLE)

    def _tone(self, tone: Tone) -> None:
        # Only when it changes: a style sheet set re-polishes the panel and its labels,
        # and this runs at every refresh.  (A style sheet, not a palette: the projector's
        # own sheet colours every QLabel; the nearer sheet wins.)
        if tone is self._shown_tone:
            return
        self._shown_tone = tone
        self.setStyleSheet(
            f"#sessionPanel {{ background: {tone.background}; border-radius: 6px; }}"
            f"#sessionPanel QLabel {{ color: {tone.foreground}; background: transparent; }}"
        )

    def show_dashboard(self, dash: Dashboard) -> None:
        x = dash.current or dash.upcoming
        if x is None:
            self.level = None
            self.heading.setText(_tr("No session running"))
            self.title.setText(_tr("The agenda is over for today") if dash.sessions else "")
            self.count.setText("")
            self.warning.setText("")
            self.icon.set_kind("", Tone.IDLE.foreground)
            self._tone(Tone.IDLE)
            return
        start = self.event_info.local(x.starts_at).strftime("%H:%M")
        end = self.event_info.local(x.ends_at).strftime("%H:%M")
        room = f" · {x.room}" if x.room else ""
        if dash.current is None:
            self.level = None
            self.heading.setText(_tr("Next session, %1–%2").replace("%1", start)
                                 .replace("%2", end) + room)
            self.title.setText(x.title)
            self.count.setText(_tr("Starts at %1").replace("%1", start))
            self.warning.setText("")
            self.icon.set_kind("info", Tone.IDLE.foreground)
            self._tone(Tone.IDLE)
            return
        self.level = x.level
        self.heading.setText(_tr("Now, %1–%2").replace("%1", start).replace("%2", end) + room)
        self.title.setText(x.title)
        if x.capacity:
            count = _tr("In the room: %1 of %2").replace("%1", str(x.present))
            count = count.replace("%2", str(x.capacity))
        else:
            count = _tr("In the room: %1").replace("%1", str(x.present))
        self.count.setText(count)
        words = capacity_words(x)
        if x.attended != x.present:
            words += "  ·  " + _tr("%1 came in, %2 went out").replace(
                "%1", str(x.attended)).replace("%2", str(x.attended - x.present))
        self.warning.setText(words)
        tone = _LEVEL_TONE[x.level]
        self.icon.set_kind(_LEVEL_ICON[x.level], tone.foreground)
        self._tone(tone)
        self.setAccessibleDescription(f"{x.title}. {count}. {words}")


class WatchBanner(QFrame):
    """"Speaker arrived": shown when a watched person arrives; flashes, then stays."""

    def __init__(self, *, scale: float = 1.0, fill: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchBanner")
        self.setAccessibleName(_tr("Watch list alert"))
        self.icon = StatusIcon()
        side = round(40 * scale)
        self.icon.setFixedSize(side, side)
        self.icon.setProperty("baseSide", side)
        self.text: QLabel = (
            FitLabel(bold=True, wrap=True) if fill else plain_label(round(16 * scale), bold=True)
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.icon)
        row.addWidget(self.text, 1)
        self.bright = True
        self.setVisible(False)

    def set_bright(self, bright: bool) -> None:
        """Flash between two high-contrast looks (the words stay: never colour alone)."""
        self.bright = bright
        tone = Tone.WARN if bright else Tone.INFO
        self.setStyleSheet(
            f"#watchBanner {{ background: {tone.background}; border-radius: 6px; }}"
            f"#watchBanner QLabel {{ color: {tone.foreground}; background: transparent; }}"
        )
        self.icon.set_kind("info", tone.foreground)

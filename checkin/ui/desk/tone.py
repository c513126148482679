"""A result's look — background, text colour, drawn icon — and a frame that wears it.

``Tone`` is the look of one kind of result (go, warn, stop, info, idle); ``StatusIcon``
draws its icon, so no font is needed.  ``ToneFrame`` is a frame painted in a tone: a
rounded background drawn by its ``paintEvent`` and the text colour set on its palette,
which every label inside inherits.

Why not a style sheet: setting one re-polishes the frame and every widget inside it
(style rules matched again, fonts and sizes recomputed), and widgets under a style
sheet paint through the slower style-sheet style.  The desk's result panel changed its
style sheet at every scan: 4-7 ms of the GUI thread per scan, plus 3 ms more to paint
it (``benchmarks/soak_keys.py``).  A palette change and a repaint cost a fraction of
a millisecond.  Widgets that sit inside a style sheet with a ``QLabel`` colour rule
(the projector window) keep their own style sheet instead, set only when the tone
changes.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QWidget


class Tone(enum.Enum):
    """How a result looks: background, text colour and icon."""

    IDLE = ("#ECEFF1", "#1A1A1A", "")
    GO = ("#1B5E20", "#FFFFFF", "check")  # white on dark green: 7.9:1
    WARN = ("#FFC400", "#1A1A1A", "warn")  # near-black on amber: 11:1
    STOP = ("#B71C1C", "#FFFFFF", "stop")  # white on dark red: 6.6:1
    INFO = ("#37474F", "#FFFFFF", "info")  # white on blue-grey: 9.7:1

    @property
    def background(self) -> str:
        return self.value[0]

    @property
    def foreground(self) -> str:
        return self.value[1]

    @property
    def icon(self) -> str:
        return self.value[2]


class StatusIcon(QWidget):
    """A drawn icon (check, warning triangle, stop octagon, info): no font needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.colour = QColor("#FFFFFF")
        self.setFixedSize(120, 120)

    def set_kind(self, kind: str, colour: str) -> None:
        """Repainted even when unchanged: a result exactly like the last one (the same
        person read twice) changes no word, and this paint is what puts it on the
        screen again (a version that skipped it left such a result unpainted until the
        panel aged, 8 s, in the soak)."""
        self.kind, self.colour = kind, QColor(colour)
        self.setVisible(bool(kind))
        self.update()

    def paintEvent(self, _event) -> None:
        if not self.kind:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = min(self.width(), self.height())
        pen = QPen(self.colour, s * 0.09)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        box = QRectF(s * 0.08, s * 0.08, s * 0.84, s * 0.84)
        if self.kind == "check":
            p.drawEllipse(box)
            path = QPainterPath(QPointF(s * 0.28, s * 0.52))
            path.lineTo(s * 0.44, s * 0.68)
            path.lineTo(s * 0.73, s * 0.35)
            p.drawPath(path)
        elif self.kind == "warn":
            p.drawPolygon(
                QPolygonF(
                    [
                        QPointF(s / 2, s * 0.08),
                        QPointF(s * 0.94, s * 0.9),
                        QPointF(s * 0.06, s * 0.9),
                    ]
                )
            )
            p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62))
            p.drawPoint(QPointF(s / 2, s * 0.77))
        elif self.kind == "stop":
            r, c = s * 0.44, s / 2
            k = r * 0.4142  # half a side of a regular octagon of inner radius r
            pts = [(k, -r), (r, -k), (r, k), (k, r), (-k, r), (-r, k), (-r, -k), (-k, -r)]
            p.drawPolygon(QPolygonF([QPointF(c + x, c + y) for x, y in pts]))
            p.drawLine(QPointF(s * 0.3, c), QPointF(s * 0.7, c))
        else:  # info
            p.drawEllipse(box)
            p.drawLine(QPointF(s / 2, s * 0.45), QPointF(s / 2, s * 0.72))
            p.drawPoint(QPointF(s / 2, s * 0.3))
        p.end()


class ToneFrame(QFrame):
    """A frame drawn in a ``Tone``: a rounded background, text in the tone's colour."""

    def __init__(self, parent: QWidget | None = None, *, radius: float = 0) -> None:
        super().__init__(parent)
        self.radius = radius
        self.tone = Tone.IDLE
        self._background = QColor(Tone.IDLE.background)
        self.set_tone(Tone.IDLE, force=True)

    def set_tone(self, tone: Tone, *, force: bool = False) -> None:
        """Wear ``tone``: its text colour for every label inside (their palette, which
        they inherit), its background at the next paint.  Nothing when unchanged."""
        if tone is self.tone and not force:
            return
        self.tone = tone
        self._background = QColor(tone.background)
        palette = self.palette()
        foreground = QColor(tone.foreground)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, foreground)
        palette.setColor(QPalette.ColorRole.Window, self._background)
        self.setPalette(palette)
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._background)
        p.drawRoundedRect(QRectF(self.rect()), self.radius, self.radius)
        p.end()
        super().paintEvent(event)

"""Layouts that give way on a small screen instead of pushing the window off it.

A front desk gets whatever laptop is at hand: 1366×768, 1280×720, sometimes at 125 %
scaling.  A row of fixed widths (a title, a combo box as wide as its longest item, a
row of buttons) sets the window's minimum width, and past the screen's edge the last
buttons (Settings, Undo…) simply cannot be reached.  These pieces let a page shrink:

- ``FlowLayout`` lays its items in a row and wraps them onto a second row when the row
  is too narrow (at most ``rows`` rows: its minimum width is the width they need);
- ``ElidedLabel`` shows as much of a title as fits, ending with "…", and the whole
  title in its tooltip;
- ``scrolling`` puts a tall form in a scroll area, so a short window scrolls it rather
  than cutting it off;
- ``fit_to_screen`` sizes a new window or dialog to the screen it opens on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from checkin.ui.widgets.plain import tooltip


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next row when the width runs out.

    ``minimumSize`` is the narrowest width at which the items still fit in ``rows``
    rows, so a parent never squeezes them into a tall column; ``heightForWidth`` tells
    the parent how tall the wrapped rows are.
    """

    def __init__(self, parent: QWidget | None = None, *, rows: int = 2, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._rows = max(1, rows)
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # QLayout's item protocol
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)[1]

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """The narrowest width that keeps the items in ``rows`` rows (one row's height:
        the parent asks ``heightForWidth`` for the rest)."""
        shown = self._shown()
        if not shown:
            return QSize(0, 0)
        margins = self.contentsMargins()
        extra = margins.left() + margins.right()
        low = max(item.minimumSize().width() for item in shown) + extra
        high = max(low, self.sizeHint().width())
        while low < high:  # the fewest pixels that still need no more than ``rows`` rows
            middle = (low + high) // 2
            if self._arrange(QRect(0, 0, middle, 0), move=False)[0] <= self._rows:
                high = middle
            else:
                low = middle + 1
        height = max(item.minimumSize().height() for item in shown)
        return QSize(low, height + margins.top() + margins.bottom())

    # ------------------------------------------------------------ placing

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> tuple[int, int]:
        """Place (or only measure) the items in ``rect``: (rows used, height needed)."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._shown():
            width = item.sizeHint().width()
            if rows[-1] and x + self.spacing() + width > area.width():
                rows.append([])
                x = 0
            x += (self.spacing() if rows[-1] else 0) + width
            rows[-1].append(item)
        y = area.y()
        for row in rows:
            height = max((item.sizeHint().height() for item in row), default=0)
            left = area.x()
            for item in row:
                hint = item.sizeHint()
                width = min(hint.width(), area.width())
                if move:  # vertically centred in its row, like a QHBoxLayout
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(left, top), QSize(width, hint.height())))
                left += width + self.spacing()
            y += height + self.spacing()
        used = y - self.spacing() - area.y() if rows[0] else 0
        return len(rows), used + margins.top() + margins.bottom()


class ElidedLabel(QLabel):
    """A one-line label that ends with "…" when it is too narrow; ``text()`` stays the
    whole text, shown in full in the tooltip whenever it is cut."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, least: int = 120):
        super().__init__(text, parent)
        self._least = least
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(self._least, hint.width()), hint.height())

    def sizeHint(self) -> QSize:
        """Small: the title takes the room the row leaves, never room from the buttons."""
        return self.minimumSizeHint()

    def full_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin()

    def is_elided(self) -> bool:
        return self.full_width() > self.contentsRect().width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        # The text is data (an event's name): no markup read into it.
        self.setToolTip(tooltip(self.text()) if self.is_elided() else "")

    def paintEvent(self, event) -> None:
        if not self.is_elided():  # QLabel's own: no Python QStyle (~10 ms) before a frame
            super().paintEvent(event)
            return
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        self.style().drawItemText(
            painter, rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            self.palette(), self.isEnabled(), shown, self.foregroundRole(),
        )  # fmt: skip
        painter.end()


class VerticalScroll(QScrollArea):
    """A frameless scroll area that scrolls only up and down: as wide as its content
    needs, as short as ``least`` pixels (its content's height when that is less).

    The content is as tall as the view, or as its minimum when the view is shorter:
    lists in it shrink before anything scrolls.  (``widgetResizable`` would ask a
    content with wrapped labels for its *preferred* height and scroll much sooner.)
    """

    def __init__(self, content: QWidget, *, least: int = 160, parent: QWidget | None = None):
        super().__init__(parent)
        self._least = least
        self.setWidget(content)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.installEventFilter(self)

    def _bar_width(self) -> int:
        # QStyle imported here: its Python type (a hundred enums) is made on first use,
        # and the Desk's first frame, which imports this module, has none.
        from PySide6.QtWidgets import QStyle

        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def _content_minimum(self) -> QSize:
        content = self.widget()
        return content.minimumSizeHint().expandedTo(content.minimumSize())

    def minimumSizeHint(self) -> QSize:
        if self.widget() is None:
            return super().minimumSizeHint()
        inner = self._content_minimum()
        bar = self._bar_width()
        frame = 2 * self.frameWidth()
        return QSize(inner.width() + bar + frame, min(inner.height(), self._least) + frame)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        bar = self._bar_width()
        hint = content.sizeHint().expandedTo(self._content_minimum())
        return hint + QSize(bar + 2 * self.frameWidth(), 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_content()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_content()
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def _fit_content(self) -> None:
        content = self.widget()
        if content is None:
            return
        view = self.viewport().size()
        least = self._content_minimum().height()
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():  # rows that wrap need more
            least = max(least, layout.totalMinimumHeightForWidth(view.width()))
        size = QSize(view.width(), max(view.height(), least))
        if content.size() != size:
            content.resize(size)


def scrolling(content: QWidget, *, least: int = 160) -> VerticalScroll:
    """``content`` in a ``VerticalScroll``: a short window scrolls it instead of cutting
    its last fields or buttons off."""
    return VerticalScroll(content, least=least)


def fit_to_screen(widget: QWidget, wanted: QSize, *, margin: int = 48) -> QSize:
    """Resize ``widget`` to ``wanted``, or less on a screen too small for it (leaving
    ``margin`` pixels for the title bar and the task bar); returns the size given."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    size = QSize(wanted)
    if screen is not None:
        room = screen.availableGeometry().size() - QSize(margin // 3, margin)
        size = size.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))
    widget.resize(size)
    return size

"""The Desk built in parts: what a scan needs first, the rest after the first frame.

The quick start (``checkin.ui.quick_start``) paints the Desk before anything else is
loaded; every widget it does not need for a scan costs time before that frame.  So the
page builds the result panel and the search at once and hands the rest (the top bar's
controls, the recent scans, the notices) to ``Parts``, which builds one part per turn
of the event loop — keys and paints are handled in between — or all of them at once
when something needs them now.  Each part fills a room the page reserved for it, so
nothing moves when it comes.

Widgets built later come later in the focus chain; ``restore_tab_order`` puts Tab back
in the order of the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget


class Parts:
    """Build steps not run yet; ``done`` runs once, after the last."""

    def __init__(self, steps: Sequence[Callable[[], None]], done: Callable[[], None]) -> None:
        self._steps = list(steps)
        self._done = done

    def pending(self) -> bool:
        return bool(self._steps)

    def finish(self) -> None:
        """Every step left, now."""
        while self._steps:
            self._next()

    def later(self, context: QObject, then: Callable[[], object] | None = None) -> None:
        """One step per turn of the event loop, then ``then`` (dropped with ``context``)."""
        if self._steps:
            self._next()
            if self._steps:
                QTimer.singleShot(0, context, partial(self.later, context, then))
                return
        if then is not None:
            QTimer.singleShot(0, context, then)

    def _next(self) -> None:
        self._steps.pop(0)()
        if not self._steps:
            self._done()


def restore_tab_order(page: QWidget, groups: Sequence[QWidget | None]) -> None:
    """Tab through ``page``'s widgets group by group, in the order of ``groups`` (None:
    every widget in no other group), each group in its own order."""
    chain, widget = [], page.nextInFocusChain()
    while widget is not page and widget is not None and len(chain) < 1000:
        if page.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    rest = groups.index(None) if None in groups else len(groups)

    def rank(w: QWidget) -> int:
        return next((i for i, g in enumerate(groups) if g is not None and g.isAncestorOf(w)),
                    rest)

    for before, after in pairwise(sorted(chain, key=rank)):  # (sorted is stable)
        QWidget.setTabOrder(before, after)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeskPage", text)


def door_direction(changed: Callable[[str], object]) -> tuple[QLabel, QComboBox]:
    """At a session's door the desk may count people out too (presence in the room):
    the direction's label and box; ``changed`` gets "entry" or "exit"."""
    box = QComboBox()
    box.setAccessibleName(_tr("Door direction"))
    box.addItem(_tr("Coming in"), "entry")
    box.addItem(_tr("Going out"), "exit")
    box.setToolTip(_tr("At a session's door: record people coming in, or going out"))
    box.currentIndexChanged.connect(lambda i: changed(box.itemData(i)))
    label = QLabel(_tr("&Door:"))
    label.setBuddy(box)
    return label, box


def pair(label: QLabel, field: QWidget) -> QWidget:
    """A label and its field, kept together on one row when the top bar wraps."""
    widget = QWidget()
    row = QHBoxLayout(widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label)
    row.addWidget(field)
    return widget


def offline_banner() -> QLabel:
    """The banner over the Desk while the shared database cannot be reached (hidden)."""
    banner = QLabel()
    banner.setObjectName("offlineBanner")
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setWordWrap(True)
    # Amber with near-black text (11:1), an icon and words: not colour alone.
    banner.setStyleSheet(
        "background: #FFC400; color: #1A1A1A; font-size: 14pt; font-weight: bold;"
        " padding: 6px;"
    )
    banner.hide()
    return banner


class Blink(QObject):
    """``widget`` dimmed for a quarter of a second (a badge read twice: nothing new)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._end)

    def start(self) -> None:
        from PySide6.QtWidgets import QGraphicsOpacityEffect

        effect = QGraphicsOpacityEffect(self._widget)
        effect.setOpacity(0.7)
        self._widget.setGraphicsEffect(effect)
        self._timer.start()

    def _end(self) -> None:
        self._widget.setGraphicsEffect(None)

"""The result banner: a scan's answer where the person is looking, whatever page is shown.

The scanner capture records a scan on any page and with any dialog open; the Desk's big
result panel is only seen on the Desk.  Two ways to show the result were tried:

* **switch to the Desk** at each scan.  It loses what the person was doing: focus
  jumps to the Desk's search box, so the rest of what they were typing on the Roster
  or Agenda page lands there; the Roster and Badges pages reload when shown again
  (selection and scroll gone); the Dashboard stops.  And with a dialog open — the
  walk-in form, the settings, an agenda edit — the switch happens behind the dialog and
  shows nothing at all.
* **a banner in the shell**, above the pages: the page and any dialog stay exactly as
  they were, and the result shows in the same colour, icon and words as on the Desk
  (``outcome_panel.card_for`` and ``Tone``; the sound is the Desk's own, played once by
  the controller).  Chosen.

So ``ResultBanner`` shows each result on every page but the Desk, and on the Desk too
while a dialog covers it (``desk_hidden``).  It hides after the desk's result time (the
setting that also ages the result panel), when the Desk is shown, or when closed.  It
never takes the keyboard: it cannot be focused, and its labels do not select text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.desk.outcome_panel import Card
from checkin.ui.desk.tone import StatusIcon, ToneFrame
from checkin.ui.widgets.plain import scaled_points


def dialog_open() -> bool:
    """Is a dialog (modal or not) shown over the application's windows?"""
    return any(
        isinstance(widget, QDialog) and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


def desk_hidden(current_page: Callable[[], str]) -> Callable[[], bool]:
    """A test for "the Desk's result panel cannot be seen": another page, or a dialog."""
    return lambda: current_page() != "desk" or dialog_open()


class ResultBanner(ToneFrame):
    """One result in a strip: icon, heading, name, and the detail, in the result's tone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.setAccessibleName(self.tr("Scan result"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.icon = StatusIcon()
        self.icon.setFixedSize(44, 44)
        self.headline = _label(18, bold=True)
        self.detail = _label(12)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.headline)
        words.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 16, 6)
        row.setSpacing(14)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_card(self, card: Card, seconds: int = 0) -> None:
        """Show ``card``; hide it after ``seconds`` (0: until the Desk is shown)."""
        self.set_tone(card.tone)
        self.icon.set_kind(card.tone.icon, card.tone.foreground)
        name = " ".join(part for part in (card.first, card.last) if part)
        self.headline.setText(" — ".join(part for part in (card.heading, name) if part))
        detail = "  ·  ".join(part for part in (card.organisation, card.detail) if part)
        self.detail.setText(detail.replace("\n", "  "))
        self.detail.setVisible(bool(detail))
        self.setAccessibleDescription(". ".join(p for p in (self.headline.text(), detail) if p))
        self.show()
        if seconds > 0:
            self._timer.start(seconds * 1000)
        else:
            self._timer.stop()

    def offer(self, card: Card, seconds: int, hidden: Callable[[], bool]) -> bool:
        """Show ``card`` if the Desk's own panel cannot be seen; True when shown."""
        if not hidden():
            self.hide()  # the panel shows it: an older banner would contradict it
            return False
        self.show_card(card, seconds)
        return True

    def text(self) -> str:
        """What the banner says, one label a line (tests, screen readers)."""
        labels = (self.headline, self.detail)
        return "\n".join(label.text() for label in labels if label.text())


def _label(points: int, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    font = QFont()
    font.setPointSizeF(scaled_points(points))
    font.setBold(bold)
    label.setFont(font)
    return label

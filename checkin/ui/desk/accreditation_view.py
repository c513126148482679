"""What the result panel adds for the accreditation desk (issue 19): the attention note
in a band of its own, the person's photo beside the name, the hand-outs due or held,
the ID check a category asks for, and — on a refusal by an entry rule — a "Supervisor
override…" button.

Each is said in words as well as by the band's colour, and each act has a key that the
scanner capture never holds (F4 note done, F5–F7 the first three items, F8 ID checked,
Ctrl+Shift+O override: ``accreditation.KEYS``), so staff keep their hands on the
keyboard and a scan in the middle of it still arrives whole.  The buttons never take
the focus: the search box keeps it for the scanner.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checkin.core.errors import CONTEXT, fill
from checkin.core.types import EventInfo, HandoutState, Outcome, ScanResult
from checkin.ui.widgets.plain import scaled_points

NOTE_KEY, ID_KEY, OVERRIDE_KEY = "F4", "F8", "Ctrl+Shift+O"
ITEM_KEYS = ("F5", "F6", "F7")  # the event's first three items; more: the buttons

# Near-black on pale yellow (15:1): a note reads on the green, amber and red panels.
NOTE_FRAME = (2 * (3 + 10), 2 * (3 + 6))  # border and padding: width, height
NOTE_STYLE = ("#noteBand { background: #FFF59D; color: #1A1A1A; border: 3px solid #1A1A1A;"
              " border-radius: 8px; padding: 6px 10px; }")
BUTTON_STYLE = ("QPushButton { background: #FFFFFF; color: #1A1A1A; border: 2px solid #1A1A1A;"
                " border-radius: 6px; padding: 4px 10px; }"
                "QPushButton:disabled { color: #555555; }")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccreditationStrip", text)


def core_text(template: str, args: tuple[str, ...]) -> str:
    """A core template (``translatable``) in the app's language, filled."""
    return fill(QCoreApplication.translate(CONTEXT, template), args)


def item_state_text(h: HandoutState) -> str:
    """ "Hand out: Headset" in words (the button's text before its key); the state
    is in the words, the button's enabled state only follows it."""
    if h.state == "due":
        return _tr("Hand out: %1").replace("%1", h.label)
    if h.state == "out" and h.returnable:
        number = f" {h.item_code}" if h.item_code else ""
        return _tr("Take back: %1%2").replace("%1", h.label).replace("%2", number)
    if h.state == "out":
        return _tr("%1: handed out").replace("%1", h.label)
    return _tr("%1: returned").replace("%1", h.label)


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search box keeps the scanner
    button.setStyleSheet(BUTTON_STYLE)
    return button


def _fit_button(button: QPushButton, room: int) -> None:
    """Smaller type for a label too long for ``room`` (a button never wraps), down to
    9 points; never wider than the room."""
    button.setMaximumWidth(room)
    font = QFont(button.font())
    while font.pointSizeF() > 9 and QFontMetrics(font).horizontalAdvance(
            button.text()) + 32 > room:
        font.setPointSizeF(font.pointSizeF() - 1)
    button.setFont(font)


class PhotoView(QLabel):
    """The person's photo, large, beside the name (3:4, the panel's height decides)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskPhoto")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(_tr("Photo of the person"))
        self.original = QPixmap()
        self._fitted: tuple[int, QSize] | None = None  # the photo and size last scaled
        self.hide()

    def set_photo(self, data: bytes | None) -> bool:
        """Show the JPEG ``data`` (None or unreadable: no photo); True if shown."""
        self.original = QPixmap()
        if data:
            self.original.loadFromData(data)
        self.setVisible(not self.original.isNull())
        return not self.original.isNull()

    def fit(self, height: int) -> int:
        """Size to ``height`` pixels tall; returns the width taken (0: hidden)."""
        if self.original.isNull():
            return 0
        size = QSize(round(height * 3 / 4), height)
        if (self.original.cacheKey(), size) == self._fitted:
            return size.width()  # (the panel fits its type again at every scan)
        self._fitted = (self.original.cacheKey(), size)
        self.setFixedSize(size)
        self.setPixmap(self.original.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        return size.width()


class AccreditationStrip(QWidget):
    """The note band, the hand-out and ID buttons, the override button, and the words
    of the last act (``say``), under the name on the result panel."""

    note_done = Signal()
    item_clicked = Signal(str)  # the item's key
    id_checked = Signal()
    override_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setObjectName("noteBand")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # typed by people: never markup
        self.note.setWordWrap(True)
        self.note.setAccessibleName(_tr("Attention note"))
        self.note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.status = QLabel()
        self.status.setObjectName("accreditationStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons_row = QVBoxLayout()  # one a line: a label can be long
        self.buttons_row.setSpacing(4)
        self.item_buttons: dict[str, QPushButton] = {}
        self.id_button = _button("idCheckButton")
        self.id_button.clicked.connect(self.id_checked)
        self.override_button = _button("overrideButton")
        self.override_button.clicked.connect(self.override_requested)
        self.buttons_row.addWidget(self.id_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons_row.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignLeft)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.note)
        column.addLayout(self.buttons_row)
        column.addWidget(self.status)
        self.outcome: ScanResult | None = None
        self.clear()

    # ------------------------------------------------------------ showing

    def clear(self) -> None:
        self.outcome = None
        self._show_only(set())

    def _show_only(self, shown: set[QWidget]) -> None:
        """Show the parts in ``shown``, hide the others, and the strip if none: only
        those that change.  Showing a widget lays out every layout up to the window
        (the page's wrapping top bar among them), so hiding the strip and its buttons
        and showing them again at each scan cost 5-10 ms of the GUI thread."""
        for w in self._parts():
            if w.isHidden() == (w in shown):
                w.setVisible(w in shown)
        if self.isHidden() == bool(shown):
            self.setVisible(bool(shown))

    def show_for(self, outcome: ScanResult, event: EventInfo) -> None:
        """What this result adds: nothing for a badge no one holds or an undo."""
        if outcome.delegate is None or outcome.status is Outcome.UNDONE:
            self.clear()
            return
        self.outcome = outcome
        shown: set[QWidget] = set()
        note = outcome.note
        if note is not None and not note.done:
            self.note.setText(_tr("NOTE: %1  (%2: done)").replace("%1", note.text)
                              .replace("%2", NOTE_KEY))
            shown.add(self.note)
        if outcome.may_enter:  # a refusal says only why, and offers the override
            shown |= self._show_items(outcome)
            if self._show_id(outcome.id_check):
                shown.add(self.id_button)
        # (words set at each result: the language may have changed since)
        self.override_button.setText(_tr("Supervisor override… (%1)").replace("%1", OVERRIDE_KEY))
        self.override_button.setAccessibleName(_tr("Supervisor override"))
        if outcome.status is Outcome.NOT_ALLOWED:
            shown.add(self.override_button)
        self._show_only(shown)

    def _show_items(self, outcome: ScanResult) -> set[QWidget]:
        """The buttons of the hand-outs due or held (made at first need), to show."""
        shown: set[QWidget] = set()
        for n, h in enumerate(outcome.handouts):
            button = self.item_buttons.get(h.item)
            if button is None:
                button = _button(f"handout-{h.item}")
                button.clicked.connect(lambda _c=False, k=h.item: self.item_clicked.emit(k))
                self.buttons_row.insertWidget(len(self.item_buttons), button, 0,
                                              Qt.AlignmentFlag.AlignLeft)
                self.item_buttons[h.item] = button
            key = f" ({ITEM_KEYS[n]})" if n < len(ITEM_KEYS) else ""
            button.setText(item_state_text(h) + key)
            button.setAccessibleName(item_state_text(h))
            button.setEnabled(h.state == "due" or (h.state == "out" and h.returnable))
            shown.add(button)
        return shown

    def _show_id(self, state: str) -> bool:
        """The ID check the category asks for: a button while due, a tick once done;
        True if it is to be shown."""
        self.id_button.setEnabled(state == "due")
        if state == "due":
            self.id_button.setText(_tr("ID check due — ID checked (%1)").replace("%1", ID_KEY))
        else:
            self.id_button.setText(_tr("ID checked ✓"))
        self.id_button.setAccessibleName(_tr("ID checked"))
        return state in ("due", "done")

    def say(self, text: str) -> None:
        """The words of the last act ("Headset no. 42 handed out.")."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.setVisible(bool(text) or any(not w.isHidden() for w in self._parts()))

    def height_for(self, width: int) -> int:
        """The height the strip needs at ``width`` (the panel fits its type to it); the
        note band is given that height, so it is never cut."""
        margins = self.layout().contentsMargins()
        inner = max(40, width - margins.left() - margins.right())
        heights = []
        for label, frame in ((self.note, NOTE_FRAME), (self.status, (0, 0))):
            if not label.isHidden():
                # (a little narrower than the room: the layout may give the band less)
                room = QRect(0, 0, max(20, inner - frame[0] - 16), 10_000)
                metrics = QFontMetrics(label.font())
                lines = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, label.text())
                need = lines.height() + frame[1] + metrics.descent() + 4
                label.setFixedHeight(need)
                heights.append(need)
        for button in self._parts():
            if isinstance(button, QPushButton) and not button.isHidden():
                _fit_button(button, inner)
                heights.append(button.sizeHint().height())
        spacing = self.layout().spacing()
        return margins.top() + margins.bottom() + sum(heights) + spacing * len(heights)

    def _parts(self) -> list[QWidget]:
        return [self.note, self.status, self.id_button, self.override_button,
                *self.item_buttons.values()]

    def apply_scale(self, scale: float) -> None:
        """The panel's type scale: the note large, the buttons readable (set again only
        when the scale or the buttons changed: each font set relays the strip out)."""
        applied = (scale, len(self.item_buttons))
        if applied == getattr(self, "_applied", None):
            return
        self._applied = applied
        for widget, points, bold in ((self.note, 22, True), (self.status, 16, True)):
            font = QFont(widget.font())
            font.setPointSizeF(scaled_points(points * scale))
            font.setBold(bold)
            widget.setFont(font)
        for button in (self.id_button, self.override_button, *self.item_buttons.values()):
            font = QFont(button.font())
            font.setPointSizeF(scaled_points(max(11.0, 14 * scale)))
            button.setFont(font)

    def text(self) -> str:
        """What the strip says, a line each (tests, screen readers)."""
        return "\n".join(w.text() for w in self._parts()
                         if not w.isHidden() and isinstance(w, QLabel | QPushButton))

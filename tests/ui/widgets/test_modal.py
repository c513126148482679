"""``open_modal``: the input waiting when a dialog opens reaches the scanner, and no
widget (``checkin.ui.widgets.modal``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget

from checkin.ui.widgets.modal import open_modal


class Listener(QObject):
    """Like the desk's scanner: an application filter taking keys as they reach a window."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched.isWindowType():
            self.keys.append(event.text())
            return True
        return False


def test_waiting_keys_reach_the_scanner_and_clicks_no_button(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    field, button = QLineEdit(), QPushButton("Edit…")
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    clicks: list[int] = []
    button.clicked.connect(lambda *_: clicks.append(1))
    listener = Listener()
    QApplication.instance().installEventFilter(listener)
    try:
        # Waiting when the dialog opens: a scanner's key (to the window) and a second
        # click on the button that opened it (to the button).
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "A")
        QApplication.postEvent(window.windowHandle(), press)
        centre = QPointF(button.rect().center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.postEvent(button, QMouseEvent(
                kind, centre, button.mapToGlobal(centre), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        dialog = QDialog(window)
        open_modal(dialog)
        assert listener.keys == ["A"]  # read before the dialog blocked the window
        assert clicks == []  # no second dialog from a click that waited
        assert dialog.isVisible() and dialog.isModal()
        assert field.text() == ""
    finally:
        QApplication.instance().removeEventFilter(listener)
    # Once open, the gate is gone: a click reaches its button again.
    dialog.close()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [1]

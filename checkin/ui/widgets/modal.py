"""Opening a modal dialog without losing the keys typed while it was being made.

Qt drops a key the window system sends to a window that a modal dialog blocks, before
any event filter sees it — the desk's scanner (``desk.scanner``) included.  While the
GUI thread builds a dialog (the walk-in form imports its country list, the settings read
the printers: a tenth of a second, a second on a busy laptop), a scanner's keys wait,
unread, addressed to the desk's window, which still has the keyboard.  Were the dialog
opened at once, it would block that window before those keys are read, and the badge
scanned in that moment would be lost without a sound.  So the waiting input is handed
out first, while the desk's window can still take it, then the dialog opens.

Only the scanner may take it: the scanner listens to the whole application and sees a
key as it reaches a window.  Nothing goes further — to a widget, a shortcut, a button
(a double click on "Edit…" waiting there would open a second dialog; the modality used
to drop it).  A scan is recorded and shown; a person's keys typed in that moment are
lost, as they were before.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog

_INPUT = frozenset(
    t.value
    for t in (
        QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
    )
)  # fmt: skip


class _WindowsOnly(QObject):
    """Input reaches the application's filters on a window, and goes no further."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type().value in _INPUT and not watched.isWindowType()


def open_modal(dialog: QDialog) -> None:
    """``dialog.open()`` (window-modal, returns at once), after the input typed so far
    has reached the scanner."""
    app = QCoreApplication.instance()
    gate = _WindowsOnly()
    app.installEventFilter(gate)  # (the last installed is asked first)
    try:
        QCoreApplication.processEvents()
    finally:
        app.removeEventFilter(gate)
    dialog.open()

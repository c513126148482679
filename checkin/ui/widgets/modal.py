"""Opening a modal dialog without losing the keys typed while it was being made.

Qt drops a key the window system sends to a window that a modal dialog blocks, before
any event filter sees it — the desk's scanner (``desk.scanner``) included.  While the
GUI thread builds a dialog (the walk-in form imports its country list, the settings read
the printers: a tenth of a second, a second on a busy laptop), a scanner's keys wait,
unread, addressed to the desk's window, which still has the keyboard.  Were the dialog
opened at once, it would block that window before those keys are read, and the badge
scanned in that moment would be lost without a sound.  So the waiting input is handed
out first, while the desk's window can still take it: a scan is recorded and shown, a
person's keys land where the focus was; then the dialog opens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog


def open_modal(dialog: QDialog) -> None:
    """``dialog.open()`` (window-modal, returns at once), after the input typed so far.

    Callers keep their own "one at a time" guard set before this call: the input handed
    out here may ask for the same dialog again (Ctrl+N typed twice)."""
    QCoreApplication.processEvents()
    if dialog.isVisible():
        return  # (opened meanwhile by the input handed out)
    dialog.open()

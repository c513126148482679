"""Data shown as typed: a name like "<b>x</b>" must never turn bold, or into an image.

Labels and message boxes take ``Qt.TextFormat.PlainText``; tooltips have no such
switch (Qt guesses rich text from anything that looks like a tag), so a tooltip made of
data goes through ``tooltip``, which escapes it into rich text that shows it literally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # imported when a box is shown: not on the way to the first frame
    from PySide6.QtWidgets import QMessageBox

DESIGN_BASE_PT = 10.0  # the system font size the large type was designed at


def scaled_points(points: float) -> float:
    """``points`` of large type at the user's text size: someone who set a bigger system
    font gets a bigger panel too (Qt scales for the screen's DPI, not for this)."""
    base = QApplication.font().pointSizeF()
    return points * (base / DESIGN_BASE_PT if base > 0 else 1.0)


def tooltip(text: str) -> str:
    return QtGui.Qt.convertFromPlainText(text) if text else ""


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box whose text is never read as markup (file names, names, errors)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box

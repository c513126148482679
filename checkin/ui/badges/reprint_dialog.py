"""Reprinting asks why, and says plainly that the badges people hold stop working."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ReprintDialog(QDialog):
    """Why the badges are reprinted; says plainly that the old badges stop working."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reprint badges"))
        self.setAccessibleName(self.tr("Reprint badges"))
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        warning = QLabel(
            self.tr(
                "⚠ Reprinting %n badge(s) revokes the badge these people hold now: it will "
                "be refused at the door (“revoked”). Only their new badge will work.", "",
                len(names),
            )
        )
        warning.setWordWrap(True)
        who = QLabel(shown)
        who.setTextFormat(Qt.TextFormat.PlainText)
        who.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reprintReason")
        self.reason.setAccessibleName(self.tr("Reason for the reprint"))
        self.reason.setPlaceholderText(self.tr("e.g. lost, name misspelt, damaged"))
        self.reason.setMaxLength(200)
        form = QFormLayout()
        label = QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason)
        form.addRow(label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Re&print"))
        ok.setAccessibleName(self.tr("Reprint and revoke the old badges"))
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.buttons)


def ask_reason(names: Sequence[str], parent: QWidget | None) -> str | None:
    """The reason typed for reprinting these people's badges; None if cancelled."""
    dialog = ReprintDialog(names, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.text().strip() or None

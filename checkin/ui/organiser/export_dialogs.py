"""The two small questions some exports ask before the file dialog.

* ``SplitDialog`` — one sign-in list for everyone, or one per desk by the last name's
  first letter ("A-K, L-Z"), checked as typed with the very parser the command line
  uses (``sign_in.parse_split``), so the message is the same and OK waits for a valid
  split.
* ``TemplateDialog`` — the badge template for badges sent by e-mail (A6 by default: a
  page a delegate can print at home or show on a phone).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checkin.core.badges.templates import list_templates
from checkin.core.dashboard.files import ReportError
from checkin.core.dashboard.sign_in import parse_split
from checkin.ui.widgets.messages import explain
from checkin.ui.widgets.translations import template_description, template_title

DEFAULT_MAIL_TEMPLATE = "a6"
_SPLIT_PREFIX = re.compile(r"^--split\s*:\s*")  # \s: also the no-break spaces


class SplitDialog(QDialog):
    """Ask for the per-desk split of the sign-in sheets (empty: one list)."""

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(self.tr("Sign-in sheets"))
        self.setAccessibleName(self.tr("Sign-in sheets"))
        intro = QLabel(
            self.tr(
                "Paper lists for the desks, kept ready in case a laptop dies. Leave the "
                "split empty for one list, or give one range of last-name initials per "
                "desk, e.g. A-K, L-Z."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.split_edit = QLineEdit(text)
        self.split_edit.setObjectName("splitEdit")
        self.split_edit.setAccessibleName(self.tr("Split per desk"))
        self.split_edit.setPlaceholderText(self.tr("e.g. A-K, L-Z (empty: one list)"))
        self.problem = QLabel()
        self.problem.setObjectName("splitProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the split"))
        form = QFormLayout()
        label = QLabel(self.tr("&Split per desk:"))
        label.setBuddy(self.split_edit)
        form.addRow(label, self.split_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Choose the file…"))
        self.ok_button.setAccessibleName(self.tr("Choose where to save the sign-in sheets"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.split_edit.textChanged.connect(self._check)
        self._check()

    def problem_text(self) -> str:
        """Empty when the split is valid; else what is wrong, in the CLI's words."""
        try:
            parse_split(self.split_edit.text())
        except ReportError as exc:
            # The message names the CLI option; the dialog's field needs no such prefix
            # (a translation may put a no-break space before the colon).
            return _SPLIT_PREFIX.sub("", explain(exc), count=1)
        return ""

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText("✗ " + problem if problem else "")
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.problem_text():
            return
        super().accept()

    def split_text(self) -> str:
        return self.split_edit.text().strip()


def ask_split(parent: QWidget | None) -> str | None:
    """The split typed (maybe empty), or None when the organiser cancelled."""
    dialog = SplitDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.split_text()


class TemplateDialog(QDialog):
    """Ask which badge template the e-mailed badges use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("Badges by e-mail"))
        self.setAccessibleName(self.tr("Badges by e-mail"))
        intro = QLabel(
            self.tr(
                "One badge PDF and one QR code image per registered delegate, named by "
                "reference, and mailmerge.csv for your mail program. checkin sends no "
                "e-mail itself."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.template_box = QComboBox()
        self.template_box.setAccessibleName(self.tr("Badge template"))
        for t in list_templates():
            self.template_box.addItem(template_title(t), t.key)
            self.template_box.setItemData(
                self.template_box.count() - 1, template_description(t),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.template_box.setCurrentIndex(
            max(self.template_box.findData(DEFAULT_MAIL_TEMPLATE), 0)
        )
        form = QFormLayout()
        label = QLabel(self.tr("&Template:"))
        label.setBuddy(self.template_box)
        form.addRow(label, self.template_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Choose the folder…"))
        ok.setAccessibleName(self.tr("Choose the folder for the badges"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def template_key(self) -> str:
        return str(self.template_box.currentData())


def ask_template(parent: QWidget | None) -> str | None:
    """The template key chosen, or None when the organiser cancelled."""
    dialog = TemplateDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.template_key()

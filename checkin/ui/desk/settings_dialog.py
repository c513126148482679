"""The desk settings dialog (Ctrl+, on the desk): station, mode, scanner, sound, how long a
result is shown, printing on arrival, lock PIN, language.

The dialog only collects and checks; on OK it holds the new ``DeskSettings``
(``settings()``) and the ``DeskController`` saves and applies them.  A new PIN is typed
twice and turned into a salted hash here: the PIN itself never leaves the dialog.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checkin.ui.desk.settings import (
    DEFAULT_PRINTER,
    PIN_MAX,
    RESULT_SECONDS_MAX,
    DeskSettings,
    hash_pin,
    is_label_printer,
    valid_pin,
)
from checkin.ui.widgets.translations import LANGUAGES

LABEL = "@label"  # the printer combo's "Brother QL" entry: the address is in its own row


class SettingsDialog(QDialog):
    """Edit ``current``; ``modes`` are the desk's mode choices as ``(text, data)``."""

    def __init__(
        self,
        current: DeskSettings,
        modes: list[tuple[str, str | None]],
        parent: QWidget | None = None,
        *,
        templates: list[tuple[str, str]] = (),  # (key, name) of the badge templates
        printers: list[str] = (),  # installed printers
    ) -> None:
        super().__init__(parent)
        self.current = current
        self._result: DeskSettings | None = None
        self.setWindowTitle(self.tr("Desk settings"))
        self.setAccessibleName(self.tr("Desk settings"))
        self._build_desk_fields(current, modes)
        self._build_printing(current, templates, printers)
        self._build_pin(current)
        language_note = self._build_language(current)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #a00000;")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()

        box = QVBoxLayout(self)
        box.addLayout(self._form(language_note))
        box.addWidget(self.problem)
        box.addWidget(self._buttons())
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.station.setFocus()

    # ------------------------------------------------------------ building

    def _build_desk_fields(
        self, current: DeskSettings, modes: list[tuple[str, str | None]]
    ) -> None:
        """Station, mode, the scanner's suffix and sound."""
        self.station = QLineEdit(current.station)
        self.station.setAccessibleName(self.tr("Station name"))
        self.station.setMaxLength(60)
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Check-in mode"))
        for text, data in modes:
            self.mode.addItem(text, data)
        row = next((i for i, (_t, d) in enumerate(modes) if d == current.mode), 0)
        self.mode.setCurrentIndex(row)
        self.suffix = QComboBox()
        self.suffix.setAccessibleName(self.tr("Key the scanner sends after the code"))
        self.suffix.addItem(self.tr("Enter"), "enter")
        self.suffix.addItem(self.tr("Tab"), "tab")
        self.suffix.addItem(self.tr("None"), "none")
        self.suffix.setCurrentIndex(max(0, self.suffix.findData(current.scanner_suffix)))
        self.sound = QCheckBox(self.tr("Play a &sound for each result"))
        self.sound.setAccessibleName(self.tr("Play a sound for each result"))
        self.sound.setChecked(current.sound)
        self.result_seconds = QSpinBox()
        self.result_seconds.setRange(0, RESULT_SECONDS_MAX)
        self.result_seconds.setSuffix(self.tr(" s"))
        self.result_seconds.setSpecialValueText(self.tr("Never"))
        self.result_seconds.setAccessibleName(
            self.tr("Seconds before the result goes back to Ready (0: never)")
        )
        self.result_seconds.setToolTip(
            self.tr("The next person in the queue should not read the previous one's result")
        )
        self.result_seconds.setValue(current.result_seconds)

    def _build_printing(
        self, current: DeskSettings, templates: list[tuple[str, str]], printers: list[str]
    ) -> None:
        """Printing on arrival: on or off, the printer and the badge template."""
        self.print_on_arrival = QCheckBox(self.tr("&Print the badge at first check-in"))
        self.print_on_arrival.setAccessibleName(self.tr("Print the badge at first check-in"))
        self.print_on_arrival.setToolTip(
            self.tr("For events that print badges on arrival: anyone admitted whose badge "
                    "was never printed gets one.")
        )
        self.print_on_arrival.setChecked(current.print_on_arrival)
        self.printer = QComboBox()
        self.printer.setAccessibleName(self.tr("Printer for badges on arrival"))
        self.printer.addItem(self.tr("None: make the PDF and offer to print it"), "")
        self.printer.addItem(self.tr("The default printer of this computer"), DEFAULT_PRINTER)
        names = list(printers)
        label = is_label_printer(current.printer)
        if current.printer and current.printer not in names and not label:
            names.append(current.printer)  # kept, and reported missing when used
        for name in names:
            self.printer.addItem(name, name)
        self.printer.addItem(self.tr("Brother QL label printer, no driver (below)"), LABEL)
        self._build_label_printer(current)
        chosen = LABEL if label else current.printer
        self.printer.setCurrentIndex(max(0, self.printer.findData(chosen)))
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Badge template for badges on arrival"))
        for key, name in templates:
            self.template.addItem(name, key)
        if self.template.findData(current.arrival_template) < 0:
            self.template.addItem(current.arrival_template, current.arrival_template)
        self.template.setCurrentIndex(self.template.findData(current.arrival_template))
        self.print_on_arrival.toggled.connect(self.printer.setEnabled)
        self.print_on_arrival.toggled.connect(self.template.setEnabled)
        self.print_on_arrival.toggled.connect(lambda _on: self._label_enabled())
        self.printer.currentIndexChanged.connect(lambda _i: self._label_enabled())
        self.printer.setEnabled(current.print_on_arrival)
        self.template.setEnabled(current.print_on_arrival)
        self._label_enabled()

    def _build_label_printer(self, current: DeskSettings) -> None:
        """A Brother QL: its address (found on USB, or typed), model and tape."""
        from checkin.core.badges import label_printer

        found = label_printer.discover()
        address = current.printer if is_label_printer(current.printer) else ""
        self.label_address = QComboBox()
        self.label_address.setEditable(True)
        self.label_address.setAccessibleName(self.tr("Label printer address"))
        self.label_address.setToolTip(
            self.tr("usb://… (found on USB), tcp://HOST for a network printer, or "
                    "file:///dev/usb/lp0")
        )
        for uri in dict.fromkeys([*([address] if address else []), *found]):
            self.label_address.addItem(uri)
        self.label_address.setCurrentText(address or (found[0] if found else "tcp://"))
        self.label_model = QComboBox()
        self.label_model.setAccessibleName(self.tr("Label printer model"))
        self.label_model.addItems(label_printer.models())
        self.label_model.setCurrentText(current.printer_model)
        self.label_tape = QComboBox()
        self.label_tape.setAccessibleName(self.tr("Tape in the label printer"))
        for key, words in (
            ("62", self.tr("62 mm continuous (DK-22205)")),
            ("62x100", self.tr("62 x 100 mm labels (DK-11202)")),
            ("62red", self.tr("62 mm black and red (DK-22251)")),
        ):
            self.label_tape.addItem(words, key)
        self.label_tape.setCurrentIndex(max(0, self.label_tape.findData(current.printer_label)))
        self.label_check = QPushButton(self.tr("Chec&k"))
        self.label_check.setAccessibleName(self.tr("Ask the label printer how it is"))
        self.label_check.setAutoDefault(False)
        self.label_check.clicked.connect(self.check_label_printer)
        self.label_status = QLabel()
        self.label_status.setWordWrap(True)
        self.label_status.setTextFormat(Qt.TextFormat.PlainText)
        self.label_status.setAccessibleName(self.tr("Label printer status"))
        self.label_status.hide()  # until the printer was asked
        self.label_row = QWidget()
        column = QVBoxLayout(self.label_row)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.label_address, 2)
        row.addWidget(self.label_model, 1)
        row.addWidget(self.label_tape, 1)
        row.addWidget(self.label_check)
        column.addLayout(row)
        column.addWidget(self.label_status)

    def check_label_printer(self) -> None:
        """Ask the printer (in the background) and say how it is: ready, or the problem."""
        from checkin.core.badges.label_printer import LabelPrinter, read_status
        from checkin.ui.widgets.messages import explain
        from checkin.ui.widgets.workers import run_in_background

        printer = LabelPrinter(self.label_address.currentText().strip(),
                               self.label_model.currentText(), self.label_tape.currentData())
        self.label_status.setText(self.tr("Asking the printer…"))
        self.label_status.show()
        job = run_in_background(read_status, printer, parent=self)

        def answered(status) -> None:
            if status.ready:
                self.label_status.setText(self.tr("Ready."))
            else:
                self.label_status.setText(" ".join(explain(p) for p in status.problems))

        job.succeeded.connect(answered)
        job.failed.connect(lambda exc: self.label_status.setText(explain(exc)))

    def _label_enabled(self) -> None:
        on = self.print_on_arrival.isChecked() and self.printer.currentData() == LABEL
        self.label_row.setEnabled(on)

    def _build_pin(self, current: DeskSettings) -> None:
        """The lock PIN: whether one is set, a new one typed twice, or none."""
        self.pin_state = QLabel(
            self.tr("A lock PIN is set.") if current.lock_pin_hash else self.tr("No lock PIN.")
        )
        digits = QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX}}}"), self)
        self.pin = QLineEdit()
        self.pin_again = QLineEdit()
        for field, name in (
            (self.pin, self.tr("New lock PIN")),
            (self.pin_again, self.tr("New lock PIN again")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setValidator(digits)
            field.setAccessibleName(name)
            field.setPlaceholderText(self.tr("4 to 8 digits"))
        self.clear_pin = QCheckBox(self.tr("&Remove the lock PIN"))
        self.clear_pin.setAccessibleName(self.tr("Remove the lock PIN"))
        self.clear_pin.setVisible(bool(current.lock_pin_hash))
        self.clear_pin.toggled.connect(self._clear_toggled)

    def _build_language(self, current: DeskSettings) -> QLabel:
        """The app's language (at the next start); the note that says so is returned."""
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the app"))
        self.language.addItem(self.tr("System"), "")
        for code, name in LANGUAGES:  # in their own words, never translated
            self.language.addItem(name, code)
        if self.language.findData(current.language) < 0:
            self.language.addItem(current.language, current.language)
        self.language.setCurrentIndex(self.language.findData(current.language))
        language_note = QLabel(self.tr("The language changes at the next start."))
        language_note.setWordWrap(True)
        language_note.setTextFormat(Qt.TextFormat.PlainText)
        return language_note

    def _form(self, language_note: QLabel) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("S&tation name:"), self.station)
        form.addRow(self.tr("&Mode:"), self.mode)
        form.addRow(self.tr("Scanner &ends codes with:"), self.suffix)
        form.addRow("", self.sound)
        form.addRow(self.tr("Clear the result &after:"), self.result_seconds)
        form.addRow("", self.print_on_arrival)
        form.addRow(self.tr("Pr&inter:"), self.printer)
        form.addRow(self.tr("Label p&rinter:"), self.label_row)
        form.addRow(self.tr("&Badge:"), self.template)
        form.addRow(self.tr("Lock:"), self.pin_state)
        form.addRow(self.tr("&New PIN:"), self.pin)
        form.addRow(self.tr("PIN a&gain:"), self.pin_again)
        form.addRow("", self.clear_pin)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", language_note)
        return form

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName(self.tr("Save the settings"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _clear_toggled(self, on: bool) -> None:
        for field in (self.pin, self.pin_again):
            field.setEnabled(not on)
            if on:
                field.clear()

    def problems(self) -> str:
        """What stops OK, in words ("" when nothing)."""
        if not self.station.text().strip():
            return self.tr("The station needs a name.")
        address = self.label_address.currentText().strip()
        if self.label_row.isEnabled() and not is_label_printer(address):
            return self.tr("The label printer's address starts with usb://, tcp:// or file://.")
        pin, again = self.pin.text(), self.pin_again.text()
        if self.clear_pin.isChecked() or not (pin or again):
            return ""
        if not valid_pin(pin):
            return self.tr("The PIN must be 4 to 8 digits.")
        if pin != again:
            return self.tr("The two PINs are not the same.")
        return ""

    def try_accept(self) -> None:
        problem = self.problems()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if problem:
            return
        pin_hash = self.current.lock_pin_hash
        if self.clear_pin.isChecked():
            pin_hash = ""
        elif self.pin.text():
            pin_hash = hash_pin(self.pin.text())
        self._result = replace(
            self.current,
            station=self.station.text().strip(),
            mode=self.mode.currentData(),
            scanner_suffix=self.suffix.currentData(),
            sound=self.sound.isChecked(),
            result_seconds=self.result_seconds.value(),
            print_on_arrival=self.print_on_arrival.isChecked(),
            printer=(self.label_address.currentText().strip()
                     if self.printer.currentData() == LABEL else self.printer.currentData()),
            printer_model=self.label_model.currentText(),
            printer_label=self.label_tape.currentData(),
            arrival_template=self.template.currentData(),
            lock_pin_hash=pin_hash,
            language=self.language.currentData(),
        )
        self.pin.clear()
        self.pin_again.clear()
        self.accept()

    def settings(self) -> DeskSettings | None:
        """The new settings once OK was accepted, else None."""
        return self._result

"""The Desk controller's settings and lock: the station, mode, scanner suffix, sound
and lock state from ``DeskSettings``, saved to a ``QSettings`` when one is given.

Ctrl+, opens the ``SettingsDialog`` (not while locked); OK saves and applies at once.
Ctrl+L locks when a PIN is set, or asks for the PIN when locked; ``locked_changed``
tells the shell.  A part of ``DeskController`` (a mixin: the same object, attributes and
signals; split from controller.py by responsibility), its words filed under the
controller's translation context.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSettings, Qt

from checkin.ui.desk import badge_files
from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.lock import UnlockDialog
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.desk.settings import DeskSettings
from checkin.ui.desk.settings_dialog import SettingsDialog
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.modal import open_modal
from checkin.ui.widgets.translations import template_title

log = logging.getLogger("checkin.ui.desk.controller")


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeskController", text)


class SettingsAndLock:
    """``DeskController``'s settings dialog, saved settings and lock."""

    def use_settings(
        self,
        settings: DeskSettings,
        qsettings: QSettings | None = None,
        detector: ScanDetector | None = None,
    ) -> None:
        """Start from ``settings`` (saved to ``qsettings`` on change), driving ``detector``."""
        self.qsettings = qsettings
        if detector is not None:
            self.detector = detector
        self._apply(settings)

    def apply_settings(self, settings: DeskSettings) -> None:
        """New settings from the dialog: saved, and in use from the next scan."""
        self._store(settings)
        self._apply(settings)

    @property
    def locked(self) -> bool:
        return self.settings.locked

    def open_settings(self) -> SettingsDialog | None:
        """The settings dialog (one at a time; never while locked)."""
        if self.locked:
            return None
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return self.settings_dialog
        dialog = SettingsDialog(
            self.settings,
            self.view.modes(),
            self.view,
            templates=[(t.key, template_title(t)) for t in badge_files.templates()],
            printers=_printers(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.finished.connect(lambda _r: self._settings_closed(dialog))
        self.settings_dialog = dialog
        open_modal(dialog)
        return dialog

    def toggle_lock(self) -> UnlockDialog | None:
        """Ctrl+L: lock (when a PIN is set), or ask for the PIN when locked."""
        if self.locked:
            return self.ask_unlock()
        if not self.settings.lock_pin_hash:
            self.view.show_notice(
                _tr("No lock PIN"),
                _tr("Set a lock PIN in the desk settings (Ctrl+,) to lock the desk."),
            )
            return None
        self.lock()
        return None

    def lock(self) -> None:
        if self.settings.lock_pin_hash and not self.locked:
            if self.settings_dialog is not None:
                self.settings_dialog.reject()
            self._store(replace(self.settings, locked=True))
            self._apply_lock()

    def ask_unlock(self) -> UnlockDialog | None:
        if not self.locked:
            return None
        if self.unlock_dialog is not None:
            self.unlock_dialog.raise_()
            self.unlock_dialog.activateWindow()
            return self.unlock_dialog
        dialog = UnlockDialog(self.settings.lock_pin_hash, self.pin_attempts, self.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._unlocked)
        dialog.finished.connect(lambda _r: self._unlock_closed(dialog))
        self.unlock_dialog = dialog
        open_modal(dialog)
        return dialog

    def _unlocked(self) -> None:
        self._store(replace(self.settings, locked=False))
        self._apply_lock()

    def _unlock_closed(self, dialog: UnlockDialog) -> None:
        if self.unlock_dialog is dialog:
            self.unlock_dialog = None
        self.view.focus_search()

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        new = dialog.settings()
        if new is not None:
            self.apply_settings(new)

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        if self.settings_dialog is dialog:
            self.settings_dialog = None
        self.view.focus_search()

    def _apply(self, settings: DeskSettings) -> None:
        if settings.locked and not settings.lock_pin_hash:
            settings = replace(settings, locked=False)  # no PIN: nothing could unlock it
        self.settings = settings
        self.station = settings.station
        self.service.station = settings.station
        self.view.set_station(settings.station)
        if self.detector is not None:
            self.detector.suffix = settings.scanner_suffix  # type: ignore[assignment]
        self.sounds.enabled = settings.sound
        self.view.set_sound(settings.sound)
        self.view.set_result_seconds(settings.result_seconds)
        arrival = self.arrival_printer
        arrival.enabled = settings.print_on_arrival
        arrival.printer_name = settings.printer
        arrival.printer_model, arrival.printer_label = (settings.printer_model,
                                                         settings.printer_label)
        arrival.template_key = settings.arrival_template
        arrival.station = settings.station
        self._applying = True
        try:
            self.view.set_mode(settings.mode)
            self.mode = self.view.mode_box.currentData()
        finally:
            self._applying = False
        self._apply_lock()

    def _apply_lock(self) -> None:
        self.view.set_lock_state(self.locked, bool(self.settings.lock_pin_hash))
        self.locked_changed.emit(self.locked)

    def _store(self, settings: DeskSettings) -> None:
        self.settings = settings
        if self.qsettings is None:
            return
        try:
            desk_settings.save(self.qsettings, settings)
        except Exception as exc:  # a read-only profile: the desk still works
            log.error("desk settings could not be saved: %s", type(exc).__qualname__)
            self.view.show_error(
                _tr("The settings could not be saved; they apply until the app closes.")
                + "\n\n"
                + first_line(exc)
            )


def _printers() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())

"""Desk settings remembered per machine: station, mode, scanner suffix, sound, how long a
result stays on the panel, printing badges on arrival, lock, and the app's language.

Stored in a ``QSettings`` — by default the user's ``checkin``/``checkin`` settings,
injectable (tests use an ``IniFormat`` file).  Nothing saved means what the desk did
before settings existed: station from ``$CHECKIN_STATION`` or the computer's name,
venue arrival, Enter after each code, sound on, a result shown for 8 seconds, no
printing on arrival, unlocked, the system's language.  The language is kept under
``ui/language`` (checkin.ui.widgets.translations), outside the desk group: it is read
before any window exists, and applies at next start.

The lock PIN is never stored, only ``"salt_hex$hash_hex"`` (PBKDF2-SHA256, 200,000
rounds, 16-byte random salt).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass

from PySide6.QtCore import QSettings, QSysInfo

from checkin.ui.desk.scanner import SUFFIXES
from checkin.ui.widgets import translations

PIN_ROUNDS = 200_000
RESULT_SECONDS, RESULT_SECONDS_MAX = 8, 600
PIN_MIN, PIN_MAX = 4, 8

_GROUP = "desk"
DEFAULT_PRINTER = "@default"
LABEL_SCHEMES = ("usb://", "tcp://", "file://")


def is_label_printer(printer: str) -> bool:
    """A Brother QL address rather than an office printer's name."""
    return printer.startswith(LABEL_SCHEMES)


@dataclass(frozen=True)
class DeskSettings:
    station: str
    mode: str | None = None  # None: venue arrival; a session key; "auto"
    scanner_suffix: str = "enter"
    sound: bool = True
    result_seconds: int = RESULT_SECONDS  # a result goes back to "Ready" after; 0: never
    print_on_arrival: bool = False  # print the badge at first check-in (never printed)
    # The printer for that: "" none (offer the PDF), DEFAULT_PRINTER (the system's
    # default), a Qt printer's name, or a Brother QL's address (usb://, tcp://, file://)
    printer: str = ""
    printer_model: str = "QL-700"  # a Brother QL's model, as brother_ql names it
    printer_label: str = "62"  # the tape in it: 62, 62x100, 62red
    arrival_template: str = "a6"  # the badge template for that
    lock_pin_hash: str = ""
    locked: bool = False  # the desk was locked when last closed
    language: str = ""  # "": the system's; "en", "fr"… (applies at the next start)


def default_station() -> str:
    """$CHECKIN_STATION, else the computer's name."""
    return os.environ.get("CHECKIN_STATION") or QSysInfo.machineHostName() or "Desk"


def default_qsettings() -> QSettings:
    """This machine's (this user's) settings for checkin."""
    return QSettings("checkin", "checkin")


def load(qsettings: QSettings) -> DeskSettings:
    """The saved settings, with the defaults for anything missing or unreadable."""
    language = translations.saved_language(qsettings)
    qsettings.beginGroup(_GROUP)
    try:
        station = str(qsettings.value("station", "") or "").strip() or default_station()
        mode = str(qsettings.value("mode", "") or "") or None
        suffix = str(qsettings.value("scanner_suffix", "enter") or "enter")
        if suffix not in SUFFIXES:
            suffix = "enter"
        pin_hash = str(qsettings.value("lock_pin_hash", "") or "")
        if not _well_formed(pin_hash):
            pin_hash = ""
        return DeskSettings(
            station=station,
            mode=mode,
            scanner_suffix=suffix,
            sound=_bool(qsettings.value("sound", True)),
            result_seconds=_seconds(qsettings.value("result_seconds", RESULT_SECONDS)),
            print_on_arrival=_bool(qsettings.value("print_on_arrival", False)),
            printer=str(qsettings.value("printer", "") or ""),
            printer_model=str(qsettings.value("printer_model", "QL-700") or "QL-700"),
            printer_label=str(qsettings.value("printer_label", "62") or "62"),
            arrival_template=str(qsettings.value("arrival_template", "a6") or "a6"),
            lock_pin_hash=pin_hash,
            locked=_bool(qsettings.value("locked", False)) and bool(pin_hash),
            language=language,
        )
    finally:
        qsettings.endGroup()


def save(qsettings: QSettings, settings: DeskSettings) -> None:
    qsettings.beginGroup(_GROUP)
    try:
        qsettings.setValue("station", settings.station)
        qsettings.setValue("mode", settings.mode or "")
        qsettings.setValue("scanner_suffix", settings.scanner_suffix)
        qsettings.setValue("sound", bool(settings.sound))
        qsettings.setValue("result_seconds", int(settings.result_seconds))
        qsettings.setValue("print_on_arrival", bool(settings.print_on_arrival))
        qsettings.setValue("printer", settings.printer)
        qsettings.setValue("printer_model", settings.printer_model)
        qsettings.setValue("printer_label", settings.printer_label)
        qsettings.setValue("arrival_template", settings.arrival_template)
        qsettings.setValue("lock_pin_hash", settings.lock_pin_hash)
        qsettings.setValue("locked", bool(settings.locked))
    finally:
        qsettings.endGroup()
    translations.save_language(qsettings, settings.language)
    qsettings.sync()
    if qsettings.status() != QSettings.Status.NoError:
        raise OSError(f"the settings file {qsettings.fileName()} could not be written")


def _bool(value: object) -> bool:
    if isinstance(value, str):  # IniFormat gives "true" / "false" back
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _seconds(value: object) -> int:
    try:
        seconds = int(str(value).strip())
    except ValueError:
        return RESULT_SECONDS
    return min(max(seconds, 0), RESULT_SECONDS_MAX)


# -- the lock PIN ----------------------------------------------------------------------


def valid_pin(pin: str) -> bool:
    return PIN_MIN <= len(pin) <= PIN_MAX and pin.isascii() and pin.isdigit()


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, PIN_ROUNDS)
    return f"{salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    if not _well_formed(stored):
        return False
    salt_hex, hash_hex = stored.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt_hex), PIN_ROUNDS)
    return hmac.compare_digest(digest.hex(), hash_hex)


def _well_formed(stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 2 or not all(parts):
        return False
    try:
        bytes.fromhex(parts[0])
        bytes.fromhex(parts[1])
    except ValueError:
        return False
    return True

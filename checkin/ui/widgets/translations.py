"""The app's language: our own ``checkin_<lang>.qm`` plus Qt's ``qtbase_<lang>.qm``.

Qt's file matters as much as ours: without it a French desk would still show "Cancel" on
every QMessageBox, "Next"/"Back" in the import wizard and English file dialogs.  Qt's file
is loaded only when ours is, so the app is never half in one language, half in another.

The choice is remembered per machine under ``ui/language`` ("" = follow the system) and
read at start-up: Qt has no clean way to re-translate widgets that already exist, so a
change applies at the next start.  The same locale becomes ``QLocale``'s default, so
dates, times and numbers shown through QLocale follow the language too.

Translations live in ``resources/translations`` (see scripts/update_translations.py).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from checkin.core.resources import resource

KEY = "ui/language"
DEFAULT = "en"  # the language of the source strings: needs no file

# The languages offered in the settings, in their own words (not translated: someone who
# cannot read the current language must still find theirs).
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("fr", "Français"))

_installed: list[QTranslator] = []
_CODE = re.compile(r"[a-z]{2,3}(_[A-Za-z]{2,4})*")


def install(app: QCoreApplication, language: str | None) -> str:
    """Translate ``app`` into ``language`` ("fr", "fr_CH"…; None or "": the system's).

    Replaces what an earlier call installed.  Returns the language in use: its two- or
    three-letter code, or "en" when there is no translation for the one asked for.
    """
    remove(app)
    locale = _locale(language)
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    if not ours.load(locale, "checkin", "_", str(resource("translations"))):
        return DEFAULT
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt)
        _installed.append(qt)
    return ours.language().replace("-", "_").split("_")[0] or DEFAULT


def _locale(language: str | None) -> QLocale:
    """The system's locale when it speaks ``language`` (French chosen in Geneva: fr_CH
    dates and numbers, not fr_FR), else the language's main one."""
    system = QLocale.system()
    if not language:
        return system
    wanted = QLocale(language)
    if "_" not in language and wanted.language() == system.language():
        return system
    return wanted


def remove(app: QCoreApplication) -> None:
    """Back to the source language (English); the default locale is left as it is."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def saved_language(qsettings: QSettings) -> str:
    """The language chosen on this machine, "" for the system's (also when unreadable)."""
    value = str(qsettings.value(KEY, "") or "").strip()
    return value if _CODE.fullmatch(value) else ""


def save_language(qsettings: QSettings, language: str) -> None:
    qsettings.setValue(KEY, language or "")

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
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from checkin.core.resources import resource

if TYPE_CHECKING:  # the badge machinery is not loaded for the desk's first paint
    from checkin.core.badges.templates import Template

KEY = "ui/language"
DEFAULT = "en"  # the language of the source strings: needs no file

# The languages offered in the settings, in their own words (not translated: someone who
# cannot read the current language must still find theirs).
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("fr", "Français"))

_installed: list[QTranslator] = []
_language = [DEFAULT]  # what install() gave: the UI's language (see language())
_CODE = re.compile(r"[a-z]{2,3}(_[A-Za-z]{2,4})*")


def install(app: QCoreApplication, language: str | None) -> str:
    """Translate ``app`` into ``language`` ("fr", "fr_CH"…; None or "": the system's).

    Replaces what an earlier call installed.  Returns the language in use: its two- or
    three-letter code, or "en" when there is no translation for the one asked for.
    """
    remove(app)
    locale = _locale(language)
    QLocale.setDefault(locale)
    folder = str(resource("translations"))
    ours = QTranslator(app)
    if not ours.load(locale, "checkin", "_", folder) or _base(ours.language()) == DEFAULT:
        _english(app, folder)
        return DEFAULT
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt)
        _installed.append(qt)
    _language[0] = _base(ours.language()) or DEFAULT
    return _language[0]


def _base(code: str) -> str:
    return code.replace("-", "_").split("_")[0]


def _english(app: QCoreApplication, folder: str) -> None:
    """English needs no translation but its plural forms: ``checkin_en.qm`` holds only
    the ``%n`` entries ("1 person", "2 people"), so no "(s)" shows."""
    plurals = QTranslator(app)
    if plurals.load(f"checkin_{DEFAULT}", folder):
        app.installTranslator(plurals)
        _installed.append(plurals)


def install_english(app: QCoreApplication) -> None:
    """English, the source language, with its plural forms (what ``install`` does for
    "en"), leaving the default locale alone: for tests and tools."""
    remove(app)
    _english(app, str(resource("translations")))


def installed() -> bool:
    """Whether any translator of ours is in (English plurals count)."""
    return bool(_installed)


def language() -> str:
    """The UI's language ("en", "fr"): what country names and the like on screen follow
    (badges and reports follow the event's language instead)."""
    return _language[0]


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
    """Back to the source language (English) with no translator at all (not even the
    English plural forms); the default locale is left as it is."""
    _language[0] = DEFAULT
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


TEMPLATES = "BadgeTemplate"  # the shipped templates' words (scripts/update_translations.py)


def template_title(template: Template) -> str:
    """A badge template's title in the UI's language (its key never changes); a template
    of one's own, not shipped, shows its title as written."""
    return QCoreApplication.translate(TEMPLATES, template.title)


def template_description(template: Template) -> str:
    return QCoreApplication.translate(TEMPLATES, template.description)


def saved_language(qsettings: QSettings) -> str:
    """The language chosen on this machine, "" for the system's (also when unreadable)."""
    value = str(qsettings.value(KEY, "") or "").strip()
    return value if _CODE.fullmatch(value) else ""


def save_language(qsettings: QSettings, language: str) -> None:
    qsettings.setValue(KEY, language or "")

"""The French translation: complete, consistent with the code, compiled, and really used.

The .ts checks read the committed file; the staleness checks run the same lupdate and
lrelease as scripts/update_translations.py, into tmp_path, so a new ``tr()`` string with
no French, or a .ts edited without recompiling, fails here rather than at a desk."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.outcome_panel import Tone
from checkin.ui.widgets import translations
from tests.ui.conftest import open_settings

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "update_translations.py"
TS = ROOT / "resources" / "translations" / "checkin_fr.ts"
QM = ROOT / "resources" / "translations" / "checkin_fr.qm"

EN_TS = ROOT / "resources" / "translations" / "checkin_en.ts"
EN_QM = ROOT / "resources" / "translations" / "checkin_en.qm"

PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w+\}")
ACCEL = re.compile(r"&(?!&)(\w)")


def _script():
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name"), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _keys(path: Path) -> set[tuple[str, str, str]]:
    return {
        (context, message.findtext("source"), message.findtext("comment") or "")
        for context, message in _messages(path)
    }


def test_every_entry_is_translated_with_its_placeholders_and_one_accelerator():
    messages = _messages(TS)
    assert len(messages) > 700
    problems = []
    for context, message in messages:
        source = message.findtext("source")
        where = f"{context}: {source!r}"
        kind = message.find("translation").get("type")
        if kind is not None:
            problems.append(f"{where} is {kind}")
            continue
        forms = _forms(message)
        if message.get("numerus") == "yes" and len(forms) != 2:  # French: 1, and more
            problems.append(f"{where} has {len(forms)} plural forms, not 2")
        for text in forms:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            if sorted(set(PLACEHOLDER.findall(source))) != sorted(
                set(PLACEHOLDER.findall(text))
            ):
                problems.append(f"{where}: placeholders differ in {text!r}")
            if len(ACCEL.findall(source)) != len(ACCEL.findall(text)):
                problems.append(f"{where}: accelerators differ in {text!r}")
    assert not problems, "\n".join(problems)


def test_french_adds_no_accelerator_clash_english_does_not_have():
    """Within one context, two French strings share an Alt+letter only when their English
    sources do too (the same button in two states, or two dialogs of one class)."""
    by_context = defaultdict(list)
    for context, message in _messages(TS):
        source = ACCEL.findall(message.findtext("source"))
        if source:
            french = [ACCEL.findall(text)[0].casefold() for text in _forms(message)]
            by_context[context].append((message.findtext("source"), source[0].casefold(), french))
    clashes = []
    for context, entries in by_context.items():
        for i, (source_a, letter_a, french_a) in enumerate(entries):
            for source_b, letter_b, french_b in entries[i + 1 :]:
                if set(french_a) & set(french_b) and letter_a != letter_b:
                    clashes.append(f"{context}: {source_a!r} and {source_b!r}")
    assert not clashes, "\n".join(clashes)


def test_french_typography():
    """No plain space before : ; ? ! and no straight quotes (U+00A0 / U+202F and « »),
    but as many straight quotes as the English where it quotes a command to type."""
    bad = []
    for context, message in _messages(TS):
        source = message.findtext("source")
        for text in _forms(message):
            if re.search(r" [:;?!]|[“”]|« | »", text) or text.count('"') != source.count('"'):
                bad.append(f"{context}: {text!r}")
    assert not bad, "\n".join(bad)


def test_the_compiled_qm_is_the_ts_compiled(tmp_path):
    fresh = tmp_path / "checkin_fr.qm"
    _script().lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), (
        "resources/translations/checkin_fr.qm is stale: run scripts/update_translations.py"
    )


def test_the_ts_has_every_string_of_the_code(tmp_path):
    copy = tmp_path / "checkin_fr.ts"
    shutil.copy(TS, copy)
    _script().lupdate(copy)
    before, after = _keys(TS), _keys(copy)
    new = sorted(after - before)
    gone = sorted(before - after)
    assert not new, f"strings with no French (run scripts/update_translations.py): {new}"
    assert not gone, f"strings no longer in the code (run the script): {gone}"


def test_helpers_like_tr_of_a_module_are_found():
    """``_tr("Welcome")`` in outcome_panel.py is filed under its real context."""
    assert ("OutcomePanel", "Welcome", "") in _keys(TS)
    assert ("App", "Roster", "") in _keys(TS)


def test_french_translates_qt_dialogs_dates_and_the_desk(french, desk_app, qtbot):
    assert french == "fr"
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "checkin",
        "?",
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") == "Annuler"
    assert "novembre" in QLocale().toString(QDate(2026, 11, 28), QLocale.FormatType.LongFormat)
    desk = desk_app.desk
    assert desk.walk_in_button.text() == "&Inscription sur place…"
    assert desk.check_in_button.text() == "&Enregistrer l’arrivée"
    assert desk_app.window.windowTitle().endswith("— checkin")
    desk_app.scan(desk_app.codes["Sigrid"])
    assert desk.panel.tone is Tone.GO
    assert desk.panel.heading.text() == "Bienvenue"  # through outcome_panel's _tr helper


def test_english_comes_back_when_the_translators_are_removed(qapp):
    locale = QLocale()
    try:
        assert translations.install(qapp, "fr") == "fr"
        assert QCoreApplication.translate("DeskPage", "&Lock") == "&Verrouiller"
        translations.remove(qapp)
        assert QCoreApplication.translate("DeskPage", "&Lock") == "&Lock"
        assert translations.install(qapp, "de") == "en"  # no German: English, no Qt German
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        translations.remove(qapp)
        QLocale.setDefault(locale)


def test_language_is_saved_under_ui_language(tmp_path):
    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert translations.saved_language(qsettings) == ""
    translations.save_language(qsettings, "fr")
    assert translations.saved_language(qsettings) == "fr"
    assert qsettings.value("ui/language") == "fr"
    qsettings.setValue("ui/language", "../../etc")  # hand-edited nonsense: the system's
    assert translations.saved_language(qsettings) == ""


def test_language_is_chosen_in_the_desk_settings(desk_app, qtbot):
    dialog = open_settings(desk_app, qtbot)
    assert dialog.language.accessibleName()
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
        "",
        "en",
        "fr",
    ]
    assert dialog.language.currentData() == ""
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert desk_settings.load(desk_app.qsettings()).language == "fr"
    assert translations.saved_language(desk_app.qsettings()) == "fr"
    assert QApplication.translate("DeskPage", "&Lock") == "&Lock"  # at the next start only
    dialog = open_settings(desk_app, qtbot)
    assert dialog.language.currentData() == "fr"


def test_the_cores_messages_are_shown_in_french(qapp):
    from checkin.core.db.store import StoreError
    from checkin.ui.widgets.messages import explain, first_line

    exc = StoreError("%1 does not exist.", "/tmp/x.sqlite")
    locale = QLocale()
    try:
        translations.install(qapp, "fr")
        assert explain(exc) == "/tmp/x.sqlite n’existe pas."
        assert first_line(ValueError("")) == "ValueError"  # no words: the kind of error
        translations.remove(qapp)
        assert explain(exc) == "/tmp/x.sqlite does not exist."
    finally:
        translations.remove(qapp)
        QLocale.setDefault(locale)


# ---------------------------------------------------------------- English plural forms


def test_english_has_only_plural_entries_all_finished_without_s_in_brackets():
    messages = _messages(EN_TS)
    assert len(messages) > 20
    problems = []
    for context, message in messages:
        source = message.findtext("source")
        where = f"{context}: {source!r}"
        if message.get("numerus") != "yes":
            problems.append(f"{where} is not a plural entry")
        if message.find("translation").get("type") is not None:
            problems.append(f"{where} is unfinished")
            continue
        forms = _forms(message)
        if len(forms) != 2:
            problems.append(f"{where} has {len(forms)} forms, not 2 (one, other)")
        for text in forms:
            if "(s)" in text or "%n" not in text:
                problems.append(f"{where}: {text!r}")
    assert not problems, "\n".join(problems)


def test_english_plurals_cover_every_plural_string_of_the_code(tmp_path):
    copy = tmp_path / "checkin_en.ts"
    shutil.copy(EN_TS, copy)
    _script().lupdate(copy, "en")
    assert _keys(copy) == _keys(EN_TS), "run scripts/update_translations.py"
    fresh = tmp_path / "checkin_en.qm"
    _script().lrelease(EN_TS, fresh)
    assert fresh.read_bytes() == EN_QM.read_bytes(), "checkin_en.qm is stale: run the script"


def test_every_french_plural_is_also_an_english_plural():
    plural_fr = {
        (context, message.findtext("source"))
        for context, message in _messages(TS)
        if message.get("numerus") == "yes"
    }
    plural_en = {(context, message.findtext("source")) for context, message in _messages(EN_TS)}
    assert plural_fr and plural_fr == plural_en


def test_english_fill_drops_or_pluralises_s_in_brackets():
    script = _script()
    assert script.english_plurals("%n badge(s) on %n page(s)") == (
        "%n badge on %n page", "%n badges on %n pages")
    assert script.english_plurals("%n person(s) ticked.") == (
        "%n person ticked.", "%n people ticked.")


def test_english_app_says_1_person_and_2_people(qapp):
    locale = QLocale()
    try:
        assert translations.install(qapp, "en") == "en"
        assert translations.language() == "en"
        assert QCoreApplication.translate("WhoBox", "%n person(s) ticked.", "", 1) == (
            "1 person ticked.")
        assert QCoreApplication.translate("WhoBox", "%n person(s) ticked.", "", 2) == (
            "2 people ticked.")
        assert QCoreApplication.translate("WhoBox", "%n person(s) ticked.", "", 0) == (
            "0 people ticked.")
        assert translations.install(qapp, "fr") == "fr"
        assert translations.language() == "fr"
        # French: the singular for 0 and 1
        assert QCoreApplication.translate("RosterPage", "%n delegate(s)", "", 0) == "0 personne"
        assert QCoreApplication.translate("RosterPage", "%n delegate(s)", "", 1) == "1 personne"
        assert QCoreApplication.translate("RosterPage", "%n delegate(s)", "", 2) == (
            "2 personnes")
    finally:
        translations.remove(qapp)
        QLocale.setDefault(locale)
    assert translations.language() == "en"


def test_shipped_badge_templates_have_french_titles(qapp):
    from checkin.core.badges.templates import list_templates

    locale = QLocale()
    try:
        translations.install(qapp, "fr")
        titles = {t.key: translations.template_title(t) for t in list_templates()}
        descriptions = [translations.template_description(t) for t in list_templates()]
    finally:
        translations.remove(qapp)
        QLocale.setDefault(locale)
    assert titles["a6"] == "Badge A6 (105 x 148 mm), un par page"
    english = {t.key: t.title for t in list_templates()}
    assert all(titles[key] != english[key] for key in english), titles
    english_descriptions = {t.description for t in list_templates()}
    assert not english_descriptions & set(descriptions)

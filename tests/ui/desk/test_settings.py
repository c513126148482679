"""Desk settings remembered per machine (an IniFormat file here), the settings dialog
applied to the running desk, and lock mode with its PIN, on the real demo database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from checkin.ui.app import build_window
from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.lock import MAX_TRIES, UnlockDialog
from checkin.ui.desk.outcome_panel import Tone
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.desk.settings import DeskSettings, hash_pin, verify_pin
from tests.ui.conftest import burst, journal, open_settings, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
PIN = "97531"


def ini(path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def set_pin(app, pin: str = PIN) -> None:
    app.controller.apply_settings(replace(app.controller.settings, lock_pin_hash=hash_pin(pin)))


def unlock_dialog(app, qtbot) -> UnlockDialog:
    qtbot.keyClick(app.desk.search_box, Qt.Key.Key_L, CTRL)
    dialog = app.controller.unlock_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def try_pin(dialog: UnlockDialog, qtbot, pin: str) -> None:
    dialog.pin.clear()
    type_text(dialog.pin, pin)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_settings_round_trip_through_an_ini_file(tmp_path):
    path = tmp_path / "s.ini"
    saved = DeskSettings(
        station="Hall B",
        mode="opening",
        scanner_suffix="tab",
        result_seconds=0,
        lock_pin_hash=hash_pin("1234"),
        locked=True,
    )
    desk_settings.save(ini(path), saved)
    assert desk_settings.load(ini(path)) == saved
    desk_settings.save(ini(path), replace(saved, mode=None, lock_pin_hash="", locked=True))
    again = desk_settings.load(ini(path))
    assert again.mode is None
    assert not again.locked  # locked without a PIN could never be unlocked


def test_nothing_saved_keeps_the_old_behaviour(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKIN_STATION", "Side door")
    assert desk_settings.load(ini(tmp_path / "none.ini")) == DeskSettings(
        station="Side door", mode=None, scanner_suffix="enter"
    )


def test_pin_hash_is_salted_and_verified():
    stored = hash_pin("2468")
    salt, digest = stored.split("$")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert hash_pin("2468") != stored  # a new salt every time
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("2468", "garbage")


def test_dialog_changes_station_mode_and_suffix_of_the_running_desk(desk_app, qtbot):
    dialog = open_settings(desk_app, qtbot)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    for widget in (
        dialog.station,
        dialog.mode,
        dialog.suffix,
        dialog.pin,
        dialog.pin_again,
    ):
        assert widget.accessibleName()
    assert [dialog.mode.itemData(i) for i in range(dialog.mode.count())] == [
        data for _text, data in desk_app.desk.modes()
    ]
    dialog.station.clear()
    type_text(dialog.station, "Hall B")
    dialog.mode.setCurrentIndex(dialog.mode.findData("opening"))
    dialog.suffix.setCurrentIndex(dialog.suffix.findData("tab"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert desk_app.controller.settings_dialog is None
    assert desk_app.detector.suffix == "tab"
    assert desk_app.controller.service.station == "Hall B"
    assert desk_app.desk.mode_box.currentData() == "opening"
    assert "Hall B" in desk_app.desk.station_label.text()
    burst(desk_app.qwindow, desk_app.codes["Sigrid"] + "\t", 1000)
    assert desk_app.desk.panel.tone is Tone.GO
    assert desk_app.desk.panel.detail.text() == "Admitted to Opening remarks"
    assert journal(desk_app.store, desk_app.ids["Sigrid"])[-1][3] == "Hall B"
    saved = desk_settings.load(desk_app.qsettings())
    assert (saved.station, saved.mode, saved.scanner_suffix) == ("Hall B", "opening", "tab")


def test_dialog_sets_how_long_a_result_stays(desk_app, qtbot):
    dialog = open_settings(desk_app, qtbot)
    spin = dialog.result_seconds
    assert spin.value() == 8 and spin.accessibleName()
    spin.setValue(0)
    assert spin.text() == "Never"  # 0: the result stays until the next one
    spin.setValue(15)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert desk_app.desk.panel.age_seconds == 15
    assert desk_settings.load(desk_app.qsettings()).result_seconds == 15


def test_a_bad_result_time_in_the_file_is_the_default(tmp_path):
    path = tmp_path / "s.ini"
    settings = ini(path)
    settings.setValue("desk/result_seconds", "soon")
    settings.sync()
    assert desk_settings.load(ini(path)).result_seconds == 8
    settings.setValue("desk/result_seconds", -3)
    settings.sync()
    assert desk_settings.load(ini(path)).result_seconds == 0


def test_empty_station_and_bad_pins_are_refused_in_words(desk_app, qtbot):
    dialog = open_settings(desk_app, qtbot)
    dialog.station.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.text() == "The station needs a name."
    type_text(dialog.station, "Desk 2")
    type_text(dialog.pin, "12")
    type_text(dialog.pin_again, "12")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "The PIN must be 4 to 8 digits."
    type_text(dialog.pin, "34")
    type_text(dialog.pin_again, "35")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "The two PINs are not the same."
    assert dialog.isVisible()
    assert desk_app.controller.settings.station == "Desk 1"


def test_pin_is_stored_only_as_a_salted_hash(desk_app, qtbot):
    dialog = open_settings(desk_app, qtbot)
    type_text(dialog.pin, PIN)
    type_text(dialog.pin_again, PIN)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = desk_settings.load(desk_app.qsettings()).lock_pin_hash
    assert stored and PIN not in stored and verify_pin(PIN, stored)
    assert PIN not in Path(desk_app.settings_path).read_text()
    assert desk_app.desk.lock_button.isVisible()  # a PIN is set: the Lock button shows
    # …and it can be removed again
    dialog = open_settings(desk_app, qtbot)
    dialog.clear_pin.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert desk_settings.load(desk_app.qsettings()).lock_pin_hash == ""
    assert not desk_app.desk.lock_button.isVisible()


def test_ctrl_l_without_a_pin_says_how(desk_app, qtbot):
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_L, CTRL)
    assert not desk_app.controller.locked
    assert desk_app.desk.panel.heading.text() == "No lock PIN"


def test_lock_hides_nav_and_settings_while_the_desk_keeps_working(desk_app, qtbot):
    window, desk = desk_app.window, desk_app.desk
    set_pin(desk_app)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.current_page() == "roster"
    qtbot.mouseClick(window._buttons.button(0), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.lock_button, Qt.MouseButton.LeftButton)
    assert desk_app.controller.locked
    assert not window.nav.isVisible()
    assert not desk.settings_button.isVisible()
    assert desk.lock_label.isVisible()
    assert desk.lock_button.text().replace("&", "") == "Unlock…"
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Comma, CTRL)
    assert desk_app.controller.settings_dialog is None
    assert desk_app.controller.open_settings() is None
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.current_page() == "desk"
    # scanning, search + check-in and undo still work
    desk_app.scan(desk_app.codes["Sigrid"])
    assert desk.panel.tone is Tone.GO
    type_text(desk.search_box, "lukasz")
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Return)
    assert desk.panel.first.text() == "Łukasz"
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Z, CTRL)
    assert desk.panel.heading.text() == "Check-in undone"
    assert desk.walk_in_button.isVisible() and desk.walk_in_button.isEnabled()
    assert desk_settings.load(desk_app.qsettings()).locked


def test_wrong_pin_is_refused_and_the_right_one_unlocks(desk_app, qtbot):
    set_pin(desk_app)
    desk_app.controller.lock()
    dialog = unlock_dialog(desk_app, qtbot)
    assert dialog.pin.accessibleName() and dialog.unlock_button.accessibleName()
    try_pin(dialog, qtbot, "1111")
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Wrong PIN.")
    assert desk_app.controller.locked and not desk_app.window.nav.isVisible()
    try_pin(dialog, qtbot, PIN)
    assert desk_app.controller.unlock_dialog is None
    assert not desk_app.controller.locked
    assert desk_app.window.nav.isVisible()
    assert desk_app.desk.settings_button.isVisible()
    assert not desk_settings.load(desk_app.qsettings()).locked
    assert QApplication.focusWidget() is desk_app.desk.search_box


def test_five_wrong_pins_mean_a_thirty_second_wait(desk_app, qtbot):
    set_pin(desk_app)
    desk_app.controller.lock()
    now = [100.0]
    desk_app.controller.pin_attempts.clock = lambda: now[0]
    dialog = unlock_dialog(desk_app, qtbot)
    for _ in range(MAX_TRIES):
        try_pin(dialog, qtbot, "0000")
    assert dialog.message.text() == "Too many wrong PINs. Try again in 30 seconds."
    assert not dialog.pin.isEnabled() and not dialog.unlock_button.isEnabled()
    dialog.reject()  # closing and reopening does not reset the wait
    now[0] += 20
    dialog = unlock_dialog(desk_app, qtbot)
    assert dialog.message.text() == "Too many wrong PINs. Try again in 10 seconds."
    now[0] += 10
    dialog.refresh()  # what the one-second ticker does
    assert dialog.pin.isEnabled() and dialog.unlock_button.isEnabled()
    try_pin(dialog, qtbot, PIN)
    assert not desk_app.controller.locked


def test_lock_survives_a_rebuilt_window(desk_app, qtbot):
    set_pin(desk_app)
    desk_app.controller.lock()
    desk_app.window.close()
    detector = ScanDetector()
    try:
        window = build_window(desk_app.store, detector=detector, settings=desk_app.qsettings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        controller = window.findChild(DeskController)
        assert controller is not None
        qtbot.waitUntil(lambda: controller.index is not None)
        assert controller.locked
        assert not window.nav.isVisible()
        assert not controller.view.settings_button.isVisible()
        assert controller.service.station == "Desk 1"
    finally:
        detector.uninstall()

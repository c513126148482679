"""A sound per desk result: which one, mute, remembered; the shipped WAV files themselves."""

from __future__ import annotations

import wave
from array import array

import pytest
from PySide6.QtCore import Qt

from checkin.core.resources import resource
from checkin.core.types import Outcome
from checkin.ui.desk import settings as desk_settings
from checkin.ui.desk.sounds import KINDS, sound_for
from tests.ui.conftest import KEY_CLICK_GAP


@pytest.fixture
def heard(desk_app):
    sounds: list[str] = []
    desk_app.controller.sounds.played.connect(sounds.append)
    return sounds


@pytest.mark.parametrize("kind", KINDS)
def test_each_sound_is_a_short_clean_mono_clip(kind):
    with wave.open(str(resource("sounds", f"{kind}.wav"))) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 44_100)
        frames = w.readframes(w.getnframes())
        seconds = w.getnframes() / w.getframerate()
    samples = array("h", frames)
    assert 0.15 <= seconds <= 0.5  # heard, and over before the next person steps up
    peak = max(abs(s) for s in samples)
    assert 0.1 * 32767 < peak < 0.5 * 32767  # audible, never at full scale next to ears
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # faded: no click


def test_each_result_has_its_own_sound_and_undo_none():
    assert sound_for(Outcome.ADMITTED) == "admitted"
    assert sound_for(Outcome.ALREADY_ADMITTED) == "already"
    refusals = (Outcome.REVOKED, Outcome.CANCELLED, Outcome.WRONG_EVENT, Outcome.INVALID)
    assert {sound_for(s) for s in refusals} == {"refused"}
    assert sound_for(Outcome.UNDONE) is None


def test_scans_sound_admitted_already_refused(desk_app, heard):
    code = desk_app.codes["Sigrid"]
    desk_app.scan(code, start=1000)
    desk_app.clock.now += 5000
    desk_app.scan(code, start=1000 + KEY_CLICK_GAP)
    desk_app.scan("NOTABADGE123", start=1000 + 2 * KEY_CLICK_GAP)
    assert heard == ["admitted", "already", "refused"]
    desk_app.controller.undo(desk_app.desk.recent.scans[-1].scan_id)
    assert heard == ["admitted", "already", "refused"]  # an undo is silent


def test_the_sound_button_mutes_and_is_remembered(desk_app, qtbot, heard):
    desk = desk_app.desk
    assert desk.sound_button.isChecked() and "on" in desk.sound_button.text()
    qtbot.mouseClick(desk.sound_button, Qt.MouseButton.LeftButton)
    assert not desk.sound_button.isChecked()
    assert desk.sound_button.text().replace("&", "") == "Sound: off"  # said in words
    assert "muted" in desk.sound_button.accessibleName()
    desk_app.scan(desk_app.codes["Sigrid"])
    assert heard == []
    assert desk.panel.heading.text() == "Welcome"  # the result still shows
    assert desk_settings.load(desk_app.qsettings()).sound is False


def test_sound_off_in_the_settings_dialog_applies_to_the_desk(desk_app, qtbot, heard):
    dialog = desk_app.controller.open_settings()
    assert dialog is not None and dialog.sound.isChecked()
    dialog.sound.setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not desk_app.desk.sound_button.isChecked()
    desk_app.scan("NOTABADGE123")
    assert heard == []
    assert desk_settings.load(desk_app.qsettings()).sound is False

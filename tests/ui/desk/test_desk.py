"""The Desk page on a real demo database: scans through the real ScanDetector, search,
manual check-in, undo and refusals, as front-desk staff meet them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select, update

from checkin.core.db import models as m
from checkin.ui.desk.outcome_panel import Tone
from tests.ui.conftest import KEY_CLICK_GAP, journal, type_text

BADGE_CODE = "Badge code — press Enter to check in"


def says_badge_code(desk) -> bool:
    return desk.search_status.isVisible() and desk.search_status.text() == BADGE_CODE


def test_opens_ready_to_scan_with_focus_in_the_search_box(desk_app):
    assert desk_app.window.current_page() == "desk"
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    assert QApplication.focusWidget() is desk_app.desk.search_box
    assert desk_app.desk.search_box.accessibleName()
    assert desk_app.desk.panel.tone is Tone.IDLE


def test_scanner_burst_in_the_search_box_admits_and_journals(desk_app):
    desk = desk_app.desk
    desk.search_box.setFocus()
    desk_app.scan(desk_app.codes["Łukasz"])
    panel = desk.panel
    assert panel.tone is Tone.GO
    assert panel.heading.text() == "Welcome"
    assert panel.first.text() == "Łukasz"
    assert panel.last.text() == "Wróblewski"
    assert "Poland" in panel.facts.text()
    assert desk.search_box.text() == ""  # the code did not land in the search box
    rows = journal(desk_app.store, desk_app.ids["Łukasz"])
    assert rows == [("entry", "admitted", "scanner", "Desk 1")]
    assert "Łukasz Wróblewski" in desk.recent.data(desk.recent.index(0))


def test_second_scan_after_the_debounce_is_amber_with_the_first_time(desk_app):
    code = desk_app.codes["Sigrid"]
    desk_app.scan(code, start=1000)
    first = desk_app.desk.recent.scans[0]
    desk_app.clock.now += 5000  # past the one-second debounce
    desk_app.scan(code, start=1000 + KEY_CLICK_GAP)
    panel = desk_app.desk.panel
    assert panel.tone is Tone.WARN
    assert panel.heading.text() == "Already checked in"
    assert panel.detail.text() == f"Already checked in at {first.time}, Desk 1"
    outcomes = [r[1] for r in journal(desk_app.store, desk_app.ids["Sigrid"])]
    assert outcomes == ["admitted", "already_admitted"]


def test_the_same_code_within_a_second_is_ignored(desk_app):
    code = desk_app.codes["Sigrid"]
    desk_app.scan(code, start=1000)
    desk_app.clock.now += 300  # a badge left under the scanner
    desk_app.scan(code, start=1000 + KEY_CLICK_GAP)
    assert desk_app.desk.panel.tone is Tone.GO
    assert len(journal(desk_app.store, desk_app.ids["Sigrid"])) == 1
    assert desk_app.desk.recent.rowCount() == 1


def test_junk_code_is_red_not_a_valid_badge(desk_app):
    desk_app.scan("NOTABADGE123")
    panel = desk_app.desk.panel
    assert panel.tone is Tone.STOP
    assert panel.heading.text() == "Not a valid badge"
    assert "NOTABADGE123" in panel.detail.text()
    assert panel.first.isHidden()
    assert journal(desk_app.store)[-1][:2] == ("entry", "invalid")


def test_replaced_badge_is_refused(desk_app):
    with desk_app.store.write() as s:
        s.execute(
            update(m.Delegate)
            .where(m.Delegate.id == desk_app.ids["Sigrid"])
            .values(badge_version=2)
        )
    desk_app.scan(desk_app.codes["Sigrid"])  # the version-1 code
    panel = desk_app.desk.panel
    assert panel.tone is Tone.STOP
    assert panel.heading.text() == "Badge replaced"
    assert "new badge" in panel.detail.text()
    assert panel.first.text() == "Sigrid"
    assert journal(desk_app.store, desk_app.ids["Sigrid"])[-1][1] == "revoked"


def test_search_down_enter_checks_lukasz_in(desk_app, qtbot):
    desk = desk_app.desk
    type_text(desk.search_box, "lukasz")
    assert desk.results.rowCount() >= 1
    assert desk.results.people[0].first_name == "Łukasz"
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Return)
    assert desk.panel.tone is Tone.GO
    assert desk.panel.first.text() == "Łukasz"
    assert journal(desk_app.store, desk_app.ids["Łukasz"]) == [
        ("entry", "admitted", "manual", "Desk 1")
    ]
    assert desk.search_box.text() == ""  # ready for the next person


def test_escape_clears_the_search(desk_app, qtbot):
    desk = desk_app.desk
    type_text(desk.search_box, "Wrób")
    assert desk.results.rowCount() >= 1
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Escape)
    assert desk.search_box.text() == ""
    assert desk.results.rowCount() == 0


def test_ctrl_z_undoes_the_last_admission(desk_app, qtbot):
    desk = desk_app.desk
    desk_app.scan(desk_app.codes["Łukasz"])
    assert desk.undo_button.isEnabled()
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.panel.heading.text() == "Check-in undone"
    assert desk.panel.first.text() == "Łukasz"
    rows = journal(desk_app.store, desk_app.ids["Łukasz"])
    assert [r[:2] for r in rows] == [("entry", "admitted"), ("undo", "undone")]
    assert "undone" in desk.recent.data(desk.recent.index(0))
    assert not desk.undo_button.isEnabled()


def test_undo_is_refused_politely(desk_app, qtbot):
    desk = desk_app.desk
    desk_app.scan("NOTABADGE123")
    desk.undo_button.setEnabled(True)  # even if it could be clicked
    qtbot.mouseClick(desk.undo_button, Qt.MouseButton.LeftButton)
    assert desk.panel.heading.text() == "Nothing to undo"
    # The core's refusal (already undone elsewhere) is a notice too, not a traceback.
    desk_app.scan(desk_app.codes["Sigrid"], start=5000)
    scan_id = desk.recent.scans[0].scan_id
    desk_app.controller.undo(scan_id)
    assert desk_app.controller.undo(scan_id) is None
    assert desk.panel.heading.text() == "Not possible"
    assert "already undone" in desk.panel.detail.text()


def test_a_name_with_markup_shows_literally(desk_app):
    with desk_app.store.write() as s:
        s.execute(
            update(m.Delegate)
            .where(m.Delegate.id == desk_app.ids["Sigrid"])
            .values(first_name="<b>x</b>")
        )
    desk_app.scan(desk_app.codes["Sigrid"])
    first = desk_app.desk.panel.first
    assert first.text() == "<b>x</b>"
    assert first.textFormat() == Qt.TextFormat.PlainText


def test_session_mode_passes_the_session(desk_app):
    desk = desk_app.desk
    desk.mode_box.setCurrentIndex(desk.mode_box.findData("opening"))
    desk_app.scan(desk_app.codes["Sigrid"])
    assert desk.panel.tone is Tone.GO
    assert desk.panel.detail.text() == "Admitted to Opening remarks"
    with desk_app.store.read() as s:
        session_id = s.scalar(select(m.Scan.session_id).order_by(m.Scan.id.desc()))
    assert session_id == desk_app.event.session("opening").id


def test_a_door_desk_counts_people_out_and_back_in(desk_app):
    desk = desk_app.desk
    assert not desk.direction_box.isVisible()  # venue arrival: always coming in
    desk.mode_box.setCurrentIndex(desk.mode_box.findData("opening"))
    assert desk.direction_box.isVisible()
    code = desk_app.codes["Sigrid"]
    desk_app.scan(code, start=1000)
    desk.direction_box.setCurrentIndex(desk.direction_box.findData("exit"))
    desk_app.clock.now += 5000
    desk_app.scan(code, start=1000 + KEY_CLICK_GAP)
    assert desk.panel.tone is Tone.INFO and desk.panel.heading.text() == "Goodbye"
    assert desk.panel.detail.text() == "Left Opening remarks"
    assert desk.recent.data(desk.recent.index(0)).endswith("Left")  # in words, listed
    assert desk.recent.undoable(0)  # an exit counted by mistake can be undone
    desk_app.clock.now += 5000
    desk_app.scan(desk_app.codes["Łukasz"], start=1000 + 2 * KEY_CLICK_GAP)
    assert desk.panel.tone is Tone.WARN and desk.panel.heading.text() == "Not in the room"
    desk.direction_box.setCurrentIndex(desk.direction_box.findData("entry"))
    desk_app.clock.now += 5000
    desk_app.scan(code, start=1000 + 3 * KEY_CLICK_GAP)
    assert desk.panel.tone is Tone.GO  # back in: admitted again, not "already"
    outcomes = [r[:2] for r in journal(desk_app.store, desk_app.ids["Sigrid"])]
    assert outcomes == [("entry", "admitted"), ("exit", "exited"), ("entry", "admitted")]
    desk.mode_box.setCurrentIndex(desk.mode_box.findData(None))
    assert desk.direction_box.currentData() == "entry" and not desk.direction_box.isVisible()


def test_the_code_printed_on_the_badge_typed_by_hand_checks_in(desk_app, qtbot):
    desk = desk_app.desk
    code = desk_app.codes["Sigrid"]
    printed = " ".join(code[i : i + 4] for i in range(0, 16, 4)).lower()  # "rt00 1g01 …"
    type_text(desk.search_box, printed[:-1])
    assert not says_badge_code(desk)
    type_text(desk.search_box, printed[-1])
    assert says_badge_code(desk)
    assert desk.results.rowCount() == 0
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Return)
    assert desk.panel.tone is Tone.GO and desk.panel.first.text() == "Sigrid"
    assert journal(desk_app.store, desk_app.ids["Sigrid"]) == [
        ("entry", "admitted", "typed", "Desk 1")
    ]
    assert desk.search_box.text() == ""  # ready for the next person
    assert not says_badge_code(desk)


@pytest.mark.parametrize(
    ("row", "separator"),
    [({}, "-"), (dict(zip("1234567890", "&é\"'(-è_çà", strict=True)), " ")],
    ids=["hyphens", "french-keyboard"],
)
def test_a_typed_code_with_hyphens_or_on_a_french_keyboard(desk_app, qtbot, row, separator):
    desk = desk_app.desk
    code = desk_app.codes["Łukasz"]
    groups = ("".join(row.get(c, c) for c in code[i : i + 4]) for i in (0, 4, 8, 12))
    type_text(desk.search_box, separator.join(groups).lower())
    assert says_badge_code(desk)
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Enter)
    assert desk.panel.first.text() == "Łukasz"
    assert journal(desk_app.store, desk_app.ids["Łukasz"])[0][2] == "typed"


def test_a_name_is_not_a_code(desk_app):
    desk = desk_app.desk
    type_text(desk.search_box, "Sigrid")
    assert desk.results.rowCount() >= 1
    assert not says_badge_code(desk)


def test_the_result_ages_to_ready_and_the_recent_scans_keep_it(desk_app, qtbot):
    from dataclasses import replace

    panel = desk_app.desk.panel
    assert panel.age_seconds == 8  # the default
    desk_app.controller.apply_settings(replace(desk_app.controller.settings, result_seconds=1))
    desk_app.scan(desk_app.codes["Sigrid"])
    assert panel.tone is Tone.GO
    qtbot.waitUntil(lambda: panel.tone is Tone.IDLE, timeout=3000)
    assert panel.heading.text() == "Ready — next person"
    assert panel.first.isHidden()
    assert "Sigrid" in desk_app.desk.recent.data(desk_app.desk.recent.index(0))


def test_a_result_time_of_zero_never_ages(desk_app):
    from dataclasses import replace

    panel = desk_app.desk.panel
    desk_app.controller.apply_settings(replace(desk_app.controller.settings, result_seconds=0))
    desk_app.scan(desk_app.codes["Sigrid"])
    assert panel.tone is Tone.GO
    assert not panel._age.isActive()


def test_a_failed_scan_is_red_and_said_in_a_notice(desk_app, monkeypatch):
    desk = desk_app.desk
    desk_app.scan(desk_app.codes["Sigrid"])
    assert desk.panel.tone is Tone.GO

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(desk_app.controller.service, "scan", broken)
    desk_app.clock.now += 5000
    desk_app.scan(desk_app.codes["Łukasz"], start=1000 + KEY_CLICK_GAP)
    assert desk.panel.tone is Tone.STOP  # never the previous person's green "Welcome"
    assert desk.panel.heading.text() == "Not recorded"
    (notice,) = desk.notices.notices
    assert "disk full" in notice.words()
    assert QApplication.activeModalWidget() is None

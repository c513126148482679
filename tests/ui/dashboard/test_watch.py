"""The watch list chosen by the coordinator: the dialog, what the list shows, kept per event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from checkin.core.dashboard.watch import DEFAULT, load_watch
from checkin.core.desk.service import CheckinService
from checkin.ui.dashboard.page import DashboardPage
from tests.conftest import T0, badge_code, insert_delegates

NOW = T0 + dt.timedelta(hours=1)


def make_page(qtbot, store, event) -> DashboardPage:
    page = DashboardPage(store, event, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1280, 650)
    page.show()
    page.start()
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=10_000)
    page.tabs.setCurrentIndex(page.watch_tab)
    return page


def names(page: DashboardPage) -> list[str]:
    return [p.last_name for p in page.watch_model.rows]


def open_dialog(qtbot, page: DashboardPage):
    with qtbot.waitSignal(page.choose_button.clicked, timeout=1_000):
        qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    dialog = page.watch_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.index is not None, timeout=10_000)
    return dialog


def people(store, event) -> None:
    insert_delegates(store, event, [
        {"number": 1, "last_name": "Arnaud", "category": "speaker"},
        {"number": 2, "last_name": "Bakker", "category": "press"},
        {"number": 3, "last_name": "Chen", "first_name": "Wei", "organisation": "ICVA"},
        {"number": 4, "last_name": "Diallo", "category": "press"},
    ])


def test_choose_a_category_then_reopen_remembered(qtbot, store, event):
    people(store, event)
    page = make_page(qtbot, store, event)
    assert names(page) == ["Arnaud"]  # speakers and VIPs until someone chooses
    assert "Speaker" in page.watch_hint.text()
    dialog = open_dialog(qtbot, page)
    assert dialog.boxes["speaker"].isChecked() and not dialog.boxes["press"].isChecked()
    assert dialog.boxes["press"].accessibleName() == "Watch every Press"
    dialog.boxes["speaker"].setChecked(False)
    dialog.boxes["press"].setChecked(True)
    with qtbot.waitSignal(page.watch_saved, timeout=5_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: names(page) == ["Bakker", "Diallo"], timeout=5_000)
    assert load_watch(store, event.id).categories == ("press",)
    assert "Press" in page.watch_hint.text() and "Speaker" not in page.watch_hint.text()
    again = open_dialog(qtbot, page)  # reopened: the choice is remembered
    assert again is not dialog
    assert again.boxes["press"].isChecked() and not again.boxes["speaker"].isChecked()
    again.reject()


def test_a_person_found_by_name_from_the_keyboard(qtbot, store, event):
    people(store, event)
    page = make_page(qtbot, store, event)
    dialog = open_dialog(qtbot, page)
    assert dialog.search.isEnabled()
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "chen")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # adds the first hit, not OK
    assert dialog.isVisible()
    assert dialog.chosen.count() == 1 and "CHEN Wei" in dialog.chosen.item(0).text()
    dialog.chosen.setCurrentRow(0)
    qtbot.keyClick(dialog.chosen, Qt.Key.Key_Delete)
    assert dialog.chosen.count() == 0
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.watch_saved, timeout=5_000):
        dialog.accept()
    qtbot.waitUntil(lambda: names(page) == ["Arnaud", "Chen"], timeout=5_000)
    assert load_watch(store, event.id).numbers == (3,)


def test_people_added_to_the_list_raise_no_alert_but_a_new_arrival_does(qtbot, store, event):
    people(store, event)
    desk = CheckinService(store, event, station="Desk 1", operator="test")
    desk.scan(badge_code(store, 4), now=T0 + dt.timedelta(minutes=5))  # Diallo, long ago
    page = make_page(qtbot, store, event)
    alerts = []
    page.watch_arrived.connect(alerts.append)
    dialog = open_dialog(qtbot, page)
    dialog.boxes["press"].setChecked(True)
    with qtbot.waitSignal(page.watch_saved, timeout=5_000):
        dialog.accept()
    qtbot.waitUntil(lambda: "Diallo" in names(page), timeout=5_000)
    assert alerts == [] and not page.banner.isVisible()
    desk.scan(badge_code(store, 2), now=NOW)  # Bakker (press) arrives now
    qtbot.waitUntil(lambda: bool(alerts), timeout=5_000)
    assert [p.last_name for p in alerts] == ["Bakker"]


def test_the_default_is_restored_by_one_button(qtbot, store, event):
    people(store, event)
    page = make_page(qtbot, store, event)
    dialog = open_dialog(qtbot, page)
    dialog.boxes["speaker"].setChecked(False)
    dialog.buttons.button(dialog.buttons.StandardButton.RestoreDefaults).click()
    assert dialog.boxes["speaker"].isChecked()
    with qtbot.waitSignal(page.watch_saved, timeout=5_000):
        dialog.accept()
    assert load_watch(store, event.id).categories == ("speaker",)  # no "vip" in this event
    assert DEFAULT.categories == ("speaker", "vip")

"""A scan is recorded and its result seen whatever has the focus: with the walk-in form,
the settings or the unlock dialog open, and on every page (the result banner), on the
real demo database through the real scanner capture."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from checkin.ui.desk.banner import ResultBanner
from checkin.ui.desk.outcome_panel import Tone
from checkin.ui.desk.settings import hash_pin
from tests.ui.conftest import KEY_CLICK_GAP, burst, journal, open_settings, type_text
from tests.ui.desk.test_walkin import fill, open_dialog, walkin_refs

PAGES = ["dashboard", "roster", "badges", "agenda"]


def banner_of(app) -> ResultBanner:
    banner = app.window.banner
    assert isinstance(banner, ResultBanner)
    return banner


def scan_into(window_widget, code: str, start: int = 1000) -> None:
    handle = window_widget.windowHandle()
    assert handle is not None
    burst(handle, code + "\r", start)


def test_a_scan_with_the_walk_in_form_open_leaves_the_form_alone(desk_app, qtbot):
    dialog = open_dialog(desk_app, qtbot)
    fill(dialog, first_name="Ola", last_name="Nordmann", organisation="NRC", country="Norway")
    dialog.fields.completer.popup().hide()  # the country's list, opened by the typing
    assert dialog.ok_button.isEnabled()  # Enter would register Ola
    dialog.last_name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.last_name)
    scan_into(dialog, desk_app.codes["Sigrid"])
    assert journal(desk_app.store, desk_app.ids["Sigrid"]) == [
        ("entry", "admitted", "scanner", "Desk 1")
    ]
    # The form: as it was, still open, focus where it was, no walk-in registered.
    assert dialog.isVisible() and desk_app.controller.walk_in_dialog is dialog
    assert (dialog.first_name.text(), dialog.last_name.text()) == ("Ola", "Nordmann")
    assert QApplication.focusWidget() is dialog.last_name
    assert walkin_refs(desk_app.store) == []
    # The result shows above the pages, the form covering the Desk's panel.
    banner = banner_of(desk_app)
    assert banner.isVisible() and banner.tone is Tone.GO
    assert banner.headline.text() == "Welcome — Sigrid Aasland-Øverby"
    assert desk_app.desk.panel.tone is Tone.GO  # and on the panel behind the form
    dialog.reject()


def test_a_scan_with_the_settings_open_keeps_the_station_name(desk_app, qtbot):
    dialog = open_settings(desk_app, qtbot)
    dialog.station.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.station)
    scan_into(dialog, desk_app.codes["Łukasz"])
    assert dialog.station.text() == "Desk 1" and dialog.isVisible()
    assert QApplication.focusWidget() is dialog.station
    assert journal(desk_app.store, desk_app.ids["Łukasz"]) == [
        ("entry", "admitted", "scanner", "Desk 1")
    ]
    assert banner_of(desk_app).isVisible()
    dialog.reject()
    assert desk_app.controller.settings.station == "Desk 1"


def test_a_scan_with_the_unlock_dialog_open_types_no_pin(desk_app, qtbot):
    controller = desk_app.controller
    controller.apply_settings(replace(controller.settings, lock_pin_hash=hash_pin("97531")))
    controller.lock()
    dialog = controller.ask_unlock()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    scan_into(dialog, desk_app.codes["Sigrid"])
    assert dialog.pin.text() == "" and dialog.isVisible()
    assert controller.locked
    assert journal(desk_app.store, desk_app.ids["Sigrid"])[0][1] == "admitted"
    dialog.reject()


@pytest.mark.parametrize("page", PAGES)
def test_a_scan_on_another_page_shows_on_the_banner(desk_app, qtbot, page):
    window, banner = desk_app.window, banner_of(desk_app)
    assert not banner.isVisible()
    window.show_page(page)
    desk_app.scan(desk_app.codes["Sigrid"])
    assert window.current_page() == page  # the page stays; nothing of it is lost
    assert banner.isVisible() and banner.tone is Tone.GO
    assert banner.headline.text() == "Welcome — Sigrid Aasland-Øverby"
    assert banner.accessibleDescription().startswith("Welcome — Sigrid")
    assert banner.focusPolicy() == Qt.FocusPolicy.NoFocus
    desk_app.clock.now += 5000
    desk_app.scan(desk_app.codes["Sigrid"], start=1000 + KEY_CLICK_GAP)
    assert banner.tone is Tone.WARN and banner.headline.text().startswith("Already checked in")
    desk_app.clock.now += 5000
    desk_app.scan("NOTABADGE123", start=1000 + 2 * KEY_CLICK_GAP)
    assert banner.tone is Tone.STOP and "Not a valid badge" in banner.text()
    window.show_page("desk")  # the panel says it all there
    assert not banner.isVisible()
    assert desk_app.desk.panel.heading.text() == "Not a valid badge"


def test_no_banner_on_the_desk_itself(desk_app):
    desk_app.scan(desk_app.codes["Sigrid"])
    assert desk_app.desk.panel.tone is Tone.GO
    assert not banner_of(desk_app).isVisible()


def test_the_banner_sounds_like_the_desk_once(desk_app, qtbot):
    played = []
    desk_app.controller.sounds.played.connect(played.append)
    desk_app.controller.sounds._effects.setdefault("admitted", _Silent())
    desk_app.window.show_page("roster")
    desk_app.scan(desk_app.codes["Sigrid"])
    assert played == ["admitted"]


class _Silent:
    def play(self) -> None:
        pass


def test_an_incomplete_scan_on_another_page_asks_for_the_badge_again(desk_app, qtbot):
    desk_app.window.show_page("dashboard")
    handle = desk_app.qwindow
    with qtbot.waitSignal(desk_app.detector.incomplete, timeout=3000):
        burst(handle, desk_app.codes["Sigrid"][:9], 1000)
    banner = banner_of(desk_app)
    assert banner.isVisible() and banner.tone is Tone.WARN
    assert banner.headline.text() == "Incomplete scan — scan again"
    assert journal(desk_app.store) == []  # nothing recorded


def test_the_banner_hides_after_the_result_time(desk_app, qtbot):
    controller = desk_app.controller
    controller.apply_settings(replace(controller.settings, result_seconds=1))
    desk_app.window.show_page("agenda")
    desk_app.scan(desk_app.codes["Sigrid"])
    banner = banner_of(desk_app)
    assert banner.isVisible()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)


def test_typing_on_another_page_is_not_taken(desk_app, qtbot):
    desk_app.window.show_page("agenda")
    agenda = desk_app.window.page("agenda")
    agenda.name_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is agenda.name_edit)
    before = agenda.name_edit.text()
    burst(desk_app.qwindow, "Day", 1000, gap=150)
    qtbot.waitUntil(lambda: agenda.name_edit.text() == before + "Day")
    assert not banner_of(desk_app).isVisible()
    type_text(agenda.name_edit, "")  # (nothing else typed)


def test_a_scan_with_the_watch_list_dialog_open_leaves_its_search_alone(desk_app, qtbot):
    """A dialog added this round (Dashboard ▸ Watch list ▸ Choose…), its search field
    focused and half typed: the scan is recorded, the field keeps what was typed."""
    from tests.ui.dashboard.test_watch import open_dialog

    window = desk_app.window
    window.show_page("dashboard")
    page = window.page("dashboard")
    dialog = open_dialog(qtbot, page)
    qtbot.waitExposed(dialog)
    dialog.search.setFocus()
    type_text(dialog.search, "Arn")
    scan_into(dialog, desk_app.codes["Sigrid"])
    assert dialog.search.text() == "Arn" and dialog.isVisible()
    assert journal(desk_app.store, desk_app.ids["Sigrid"])[0][1] == "admitted"
    assert banner_of(desk_app).isVisible()
    dialog.reject()

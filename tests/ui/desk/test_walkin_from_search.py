"""The walk-in form from the keyboard: Tab takes the country offered, and "No one found"
leads on to a walk-in with what was typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from checkin.core.roster.person import PersonForm, form_from_search
from checkin.ui.desk.walkin_dialog import WalkInDialog
from tests.ui.conftest import type_text


def open_dialog(app, qtbot) -> WalkInDialog:
    qtbot.keyClick(app.desk.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = app.controller.walk_in_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def press(widget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))


def test_tab_takes_the_first_country_offered_and_moves_on(desk_app, qtbot):
    dialog = open_dialog(desk_app, qtbot)
    dialog.country.setFocus()
    type_text(dialog.country, "switz")
    popup = dialog.fields.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    press(popup, Qt.Key.Key_Tab)
    assert dialog.country.text() == "Switzerland"
    assert not popup.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.email)
    assert not dialog.problem_labels["country"].isVisible()


def test_tab_takes_the_highlighted_country(desk_app, qtbot):
    dialog = open_dialog(desk_app, qtbot)
    dialog.country.setFocus()
    type_text(dialog.country, "guinea")  # Equatorial Guinea, Guinea, Guinea-Bissau, Papua…
    popup = dialog.fields.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(names) > 2
    popup.setCurrentIndex(model.index(2, 0))
    press(popup, Qt.Key.Key_Tab)
    assert dialog.country.text() == names[2]


def test_shift_tab_takes_it_and_goes_back(desk_app, qtbot):
    dialog = open_dialog(desk_app, qtbot)
    dialog.country.setFocus()
    type_text(dialog.country, "kenya")
    popup = dialog.fields.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    press(popup, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.country.text() == "Kenya"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.organisation)


def test_no_one_found_offers_a_walk_in_with_the_name_typed(desk_app, qtbot):
    desk = desk_app.desk
    assert not desk.no_one_button.isVisible()
    type_text(desk.search_box, "Zainab Okonkwo-Whitfield")
    qtbot.waitUntil(desk.no_one_button.isVisible)
    assert desk.search_status.text() == "No one found."
    assert desk.no_one_button.accessibleName()
    # From the search box, Tab reaches the button and Enter presses it.
    desk.search_box.setFocus()
    qtbot.keyClick(desk.search_box, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.no_one_button)
    qtbot.keyClick(desk.no_one_button, Qt.Key.Key_Return)
    dialog = desk_app.controller.walk_in_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert (dialog.first_name.text(), dialog.last_name.text()) == ("Zainab",
                                                                   "Okonkwo-Whitfield")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.organisation)


def test_no_one_found_with_an_email_fills_the_email(desk_app, qtbot):
    desk = desk_app.desk
    type_text(desk.search_box, "nobody@nowhere.example")
    qtbot.waitUntil(desk.no_one_button.isVisible)
    desk.no_one_button.click()
    dialog = desk_app.controller.walk_in_dialog
    assert dialog is not None
    assert dialog.email.text() == "nobody@nowhere.example"
    assert dialog.first_name.text() == ""


def test_someone_found_hides_the_offer(desk_app, qtbot):
    desk = desk_app.desk
    type_text(desk.search_box, "qqqqzzzz")
    qtbot.waitUntil(desk.no_one_button.isVisible)
    desk.search_box.clear()
    type_text(desk.search_box, "sigrid")
    qtbot.waitUntil(lambda: not desk.no_one_button.isVisible())
    assert desk.results.rowCount() >= 1


def test_what_was_typed_as_a_form():
    assert form_from_search("Ana Ruiz") == PersonForm("Ana", "Ruiz")
    assert form_from_search("Ruiz, Ana María") == PersonForm("Ana María", "Ruiz")
    assert form_from_search("Okafor") == PersonForm("", "Okafor")
    assert form_from_search(" ana@x.org ") == PersonForm("", "", email="ana@x.org")
    assert form_from_search("   ") == PersonForm("", "")


def test_tab_still_works_when_the_completer_replaces_its_list(desk_app, qtbot):
    """Qt may give the completer a new list; the Tab filter follows it."""
    from PySide6.QtWidgets import QListView

    dialog = open_dialog(desk_app, qtbot)
    completer = dialog.fields.completer
    completer.setPopup(QListView())
    dialog.country.setFocus()
    type_text(dialog.country, "keny")
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    press(popup, Qt.Key.Key_Tab)
    assert dialog.country.text() == "Kenya"


def test_tab_reaching_the_field_with_the_list_open_takes_it_too(desk_app, qtbot):
    """The scanner capture gives keys it held back to the field itself."""
    dialog = open_dialog(desk_app, qtbot)
    dialog.country.setFocus()
    type_text(dialog.country, "norw")
    popup = dialog.fields.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    press(dialog.country, Qt.Key.Key_Tab)
    assert dialog.country.text() == "Norway"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.email)

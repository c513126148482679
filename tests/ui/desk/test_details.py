"""Edit details… at the desk: F2 on the person found opens the Roster's form, saved
through the desk's service; the desk then finds them under their new name.  (Offline,
on a shared server: tests/ui/desk/test_offline.py.)"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.roster.delegates import get_delegate
from tests.ui.conftest import type_text


def find(app, qtbot, text: str, found: bool = True) -> None:
    """Type a search; the first person found is selected."""
    app.desk.search_box.setText(text)
    qtbot.waitUntil(lambda: (app.desk.results.rowCount() > 0) == found)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app.desk.search_box)


def f2(app, qtbot):
    qtbot.keyClick(app.desk.search_box, Qt.Key.Key_F2)
    dialog = app.controller.details.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_f2_edits_the_person_found_and_the_desk_finds_the_new_name(desk_app, qtbot):
    app = desk_app
    app.desk.search_box.setFocus()
    find(app, qtbot, "Sigrid")
    dialog = f2(app, qtbot)
    assert dialog.delegate.id == app.ids["Sigrid"]
    dialog.last_name.clear()
    type_text(dialog.last_name, "Haugen")
    with qtbot.waitSignal(app.controller.details.saved) as saved:
        dialog.save_button.click()
    assert saved.args[0].changed == ("last_name",)
    qtbot.waitUntil(lambda: app.controller.details.dialog is None)
    with app.store.read() as s:
        assert s.get(m.Delegate, app.ids["Sigrid"]).last_name == "Haugen"
    assert "Haugen" in app.desk.panel.detail.text()
    # The index is rebuilt in the background: the new name is found.
    app.window.activateWindow()
    qtbot.waitUntil(lambda: bool(app.controller.index.search("Haugen", 5)), timeout=10_000)


def test_an_e_mail_someone_else_has_is_shown_on_the_form_nothing_saved(desk_app, qtbot):
    app = desk_app
    with app.store.read() as s:
        taken = s.scalar(select(m.Delegate.email).where(m.Delegate.id == app.ids["Ingrid"]))
    app.desk.search_box.setFocus()
    find(app, qtbot, "Sigrid")
    dialog = f2(app, qtbot)
    dialog.email.clear()
    type_text(dialog.email, taken)
    dialog.save_button.click()
    assert dialog.isVisible() and "Ingrid" in dialog.problem_labels["email"].text()
    with app.store.read() as s:
        assert s.get(m.Delegate, app.ids["Sigrid"]).email != taken
    dialog.reject()


def test_nothing_found_or_a_locked_desk_opens_nothing(desk_app, qtbot):
    app = desk_app
    app.desk.search_box.setFocus()
    find(app, qtbot, "nobody by this name", found=False)
    qtbot.keyClick(app.desk.search_box, Qt.Key.Key_F2)
    assert app.controller.details.dialog is None
    app.controller.settings = replace(app.controller.settings, locked=True, lock_pin_hash="x")
    assert app.controller.details.open(get_delegate(app.store, app.ids["Sigrid"])) is None


def test_the_edit_button_opens_the_same_form(desk_app, qtbot):
    """For people who do not know F2: a named button beside Check in."""
    app = desk_app
    app.desk.search_box.setFocus()
    find(app, qtbot, "Sigrid")
    button = app.desk.edit_button
    assert button.accessibleName() == "Edit the details of the selected person"
    button.click()
    dialog = app.controller.details.dialog
    assert dialog is not None and dialog.delegate.id == app.ids["Sigrid"]
    dialog.reject()

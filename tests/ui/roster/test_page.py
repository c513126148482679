"""The Roster page on the demo event: model, filter, sort, edit, cancel and restore."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from checkin.core.db import models as m
from checkin.core.desk.service import CheckinService
from checkin.core.event.stored import current_event
from checkin.core.roster.delegates import get_delegate
from checkin.ui.roster.page import RosterPage
from checkin.ui.widgets.table_models import NO, YES, RosterTableModel

NAME = RosterTableModel.NAME_COL


@pytest.fixture
def page(qtbot, demo_store):
    event_info = current_event(demo_store)
    roster = RosterPage(demo_store, event_info)
    qtbot.addWidget(roster)
    roster.resize(1200, 700)
    roster.show()
    qtbot.waitUntil(lambda: roster.index is not None)
    return roster


def names(page: RosterPage) -> list[str]:
    model = page.model
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def column(page: RosterPage, col: int) -> list[str]:
    model = page.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def select(qtbot, page: RosterPage, delegate_id: int) -> None:
    assert page.select_delegate(delegate_id)
    assert page.current_delegate().id == delegate_id


def find_id(page: RosterPage, first_name: str) -> int:
    return next(r[0] for r in page.model.rows if r[3] == first_name)


def test_model_passes_the_model_tester(qtmodeltester, page):
    assert page.model.rowCount() == 86
    qtmodeltester.check(page.model, force_py=True)
    page.table.sortByColumn(RosterTableModel.ORGANISATION_COL, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(page.model, force_py=True)


def test_all_delegates_shown_sorted_by_last_name(page):
    assert page.count_label.text() == "86 delegates"
    model = page.model
    lasts = [model.delegate_at(r).last_name for r in range(model.rowCount())]
    from checkin.core.text import fold

    assert [fold(x) for x in lasts] == sorted(fold(x) for x in lasts)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Reference"
    assert set(column(page, RosterTableModel.ARRIVED_COL)) == {"Not yet"}
    assert set(column(page, RosterTableModel.PRINTED_COL)) == {"Not printed"}


def test_filter_box_uses_the_desk_search(qtbot, page):
    lukasz = next(r for r in page.model.rows if r[3].startswith("Ł"))
    page.filter_edit.setText("lukasz")  # no accent, as typed at the desk
    qtbot.waitUntil(lambda: page.model.rowCount() < 86)
    assert lukasz[3] + " " + lukasz[4] in names(page)
    assert "of 86 delegates shown" in page.count_label.text()
    page.filter_edit.setText("")
    qtbot.waitUntil(lambda: page.model.rowCount() == 86)


def test_combo_filters_narrow_the_rows(qtbot, demo_store, page):
    category = page.event_info.categories[1]
    page.category_box.setCurrentIndex(page.category_box.findData(category.key))
    expected = sum(1 for r in page.model.rows if r[8] == category.key)
    assert 0 < page.model.rowCount() == expected
    assert set(column(page, RosterTableModel.CATEGORY_COL)) == {category.label}
    page.category_box.setCurrentIndex(0)

    org = page.organisation_box.itemData(1)
    page.organisation_box.setCurrentIndex(1)
    assert set(column(page, RosterTableModel.ORGANISATION_COL)) == {org}
    page.organisation_box.setCurrentIndex(0)

    code, name = page.model.countries()[0]
    page.country_box.setCurrentIndex(page.country_box.findData(code))
    assert set(column(page, RosterTableModel.COUNTRY_COL)) == {name}
    page.country_box.setCurrentIndex(0)

    # Arrived / printed: check one person in and mark another printed, then reload.
    event_info = page.event_info
    arrived = find_id(page, page.model.delegate_at(0).first_name)
    CheckinService(demo_store, event_info).check_in(arrived)
    printed = page.model.delegate_at(1).id
    with demo_store.write() as s:
        s.get(m.Delegate, printed).printed_at = dt.datetime(2026, 11, 27, 16, 5)
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    page.arrived_box.setCurrentIndex(page.arrived_box.findData(YES))
    assert [page.model.delegate_at(r).id for r in range(page.model.rowCount())] == [arrived]
    assert page.model.index(0, RosterTableModel.ARRIVED_COL).data()[:2].isdigit()
    page.arrived_box.setCurrentIndex(page.arrived_box.findData(NO))
    assert page.model.rowCount() == 85
    page.arrived_box.setCurrentIndex(0)
    page.printed_box.setCurrentIndex(page.printed_box.findData(YES))
    assert page.model.rowCount() == 1
    assert page.model.index(0, RosterTableModel.PRINTED_COL).data() == "Printed 2026-11-27 17:05"


def test_sort_by_column_both_ways(page):
    page.table.sortByColumn(RosterTableModel.REFERENCE_COL, Qt.SortOrder.AscendingOrder)
    refs = column(page, RosterTableModel.REFERENCE_COL)
    assert refs == sorted(refs, key=str.lower)
    page.table.sortByColumn(RosterTableModel.REFERENCE_COL, Qt.SortOrder.DescendingOrder)
    assert column(page, RosterTableModel.REFERENCE_COL) == refs[::-1]


def test_markup_in_a_name_is_shown_as_text(qtbot, demo_store, page):
    target = page.model.delegate_at(0)
    with demo_store.write() as s:
        s.get(m.Delegate, target.id).first_name = "<b>Bold</b>"
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    row = page.model.row_of(target.id)
    assert page.model.index(row, NAME).data().startswith("<b>Bold</b>")


def test_edit_with_a_validation_error_then_success(qtbot, demo_store, page):
    target = page.model.delegate_at(3)
    other = page.model.delegate_at(4)
    select(qtbot, page, target.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.first_name.text() == target.first_name

    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "not-an-address")
    assert not dialog.save_button.isEnabled()
    assert "Invalid e-mail address" in dialog.problem_labels["email"].text()

    # Valid to the form, refused by the database: the address of someone else.
    dialog.email.setText(other.email)
    dialog._edited("email")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Already the e-mail of" in dialog.problem_labels["email"].text()
    assert get_delegate(demo_store, target.id).email == target.email

    dialog.email.setText("new.address@example.org")
    dialog._edited("email")
    dialog.last_name.setText("Ñúñez-Ortiz")
    dialog._edited("last_name")
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = get_delegate(demo_store, target.id)
    assert (saved.email, saved.last_name) == ("new.address@example.org", "Ñúñez-Ortiz")
    assert page.message_label.text().startswith("✓ Saved")
    row = page.model.row_of(target.id)
    assert page.model.index(row, NAME).data().endswith("Ñúñez-Ortiz")
    page.filter_edit.setText("nunez ortiz")
    page.apply_filter()
    assert [page.model.delegate_at(r).id for r in range(page.model.rowCount())] == [target.id]


def test_delete_asks_then_cancels_and_restore_brings_back(qtbot, demo_store, page):
    target = page.model.delegate_at(0)
    select(qtbot, page, target.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert target.first_name in box.text()
    # "Keep" first: nothing changes.
    keep = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.NoRole)
    keep.click()
    assert get_delegate(demo_store, target.id).status == "registered"

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = page.confirm_box
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole)
    yes.click()
    assert get_delegate(demo_store, target.id).status == "cancelled"
    row = page.model.row_of(target.id)
    assert page.model.index(row, RosterTableModel.STATUS_COL).data() == "Cancelled"
    assert page.model.index(row, RosterTableModel.STATUS_COL).data(
        Qt.ItemDataRole.DecorationRole
    ) is not None
    assert page.message_label.text().startswith("✗ Cancelled")
    assert not page.cancel_button.isEnabled() and page.restore_button.isEnabled()

    page.status_box.setCurrentIndex(page.status_box.findData("cancelled"))
    assert [page.model.delegate_at(r).id for r in range(page.model.rowCount())] == [target.id]

    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert get_delegate(demo_store, target.id).status == "registered"
    assert page.message_label.text().startswith("✓ Restored")


def test_ctrl_f_goes_to_the_filter_box(qtbot, page):
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.filter_edit.hasFocus)


def test_controls_have_accessible_names(page):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView

    for kind in (QComboBox, QLineEdit, QPushButton, QTableView):
        for widget in page.findChildren(kind):
            if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
                continue
            assert widget.accessibleName(), widget.objectName() or widget.text()


def test_renaming_someone_whose_badge_was_printed_asks_for_a_reprint(qtbot, demo_store, page):
    target = page.model.delegate_at(0)
    with demo_store.write() as s:
        s.get(m.Delegate, target.id).printed_at = dt.datetime(2026, 11, 27, 16, 5)
    select(qtbot, page, target.id)
    dialog = page.edit_current()
    dialog.first_name.setText("Renamed")
    dialog._edited("first_name")
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text().startswith("⚠ Saved Renamed")
    assert "reprint" in page.message_label.text()

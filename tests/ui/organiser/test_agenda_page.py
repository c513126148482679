from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QColor

from checkin.core.event.stored import current_event, require_event
from checkin.ui.organiser.agenda import AgendaPage
from checkin.ui.organiser.agenda_models import ATTENDANCE, CAPACITY, END, START, TITLE

EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def page(qtbot, demo_store):
    page = AgendaPage(demo_store, require_event(demo_store))
    qtbot.addWidget(page)
    page.show()
    return page


def row_of(page: AgendaPage, title: str) -> int:
    model = page.sessions_model
    return next(r for r in range(model.rowCount()) if model.index(r, TITLE).data() == title)


def session(page: AgendaPage, row: int, col: int):
    """A cell of the sessions table."""
    return page.sessions_model.index(row, col)


def category(page: AgendaPage, row: int, col: int):
    """A cell of the categories table."""
    return page.categories_model.index(row, col)


def edit(index, value, role=EDIT) -> None:
    """What a cell's editor does when it commits."""
    assert index.model().setData(index, value, role)


def save(qtbot, page: AgendaPage):
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.event_changed, timeout=10_000) as saved:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def test_shows_the_stored_event_with_local_times(page, demo_store):
    event = require_event(demo_store)
    assert page.name_edit.text() == event.name
    assert page.timezone_box.currentText() == "Europe/Zurich"
    row = row_of(page, "Opening remarks")
    assert session(page, row, START).data(EDIT) == QTime(9, 30)
    assert session(page, row, END).data(EDIT) == QTime(10, 0)
    assert not page.save_button.isEnabled()  # nothing changed yet
    assert not page.problems_label.isVisible()


def test_edit_a_session_time_and_capacity_then_save(qtbot, page, demo_store):
    row = row_of(page, "Opening remarks")
    edit(session(page, row, END), QTime(10, 15))
    edit(session(page, row, CAPACITY), 90)
    assert page.status_label.text() == "Unsaved changes."
    info = save(qtbot, page)
    opening = info.session("opening")
    assert info.local(opening.ends_at).time() == dt.time(10, 15)
    assert opening.capacity == 90
    stored = current_event(demo_store)
    assert stored.session("opening").capacity == 90
    assert stored.local(stored.session("opening").ends_at).time() == dt.time(10, 15)
    assert page.status_label.text() == "Saved."
    assert not page.save_button.isEnabled()


def test_add_a_session_without_attendance(qtbot, page, demo_store):
    before = len(require_event(demo_store).sessions)
    page.add_session_button.click()
    row = page.sessions_table.currentIndex().row()
    edit(session(page, row, TITLE), "Poster walk")
    edit(session(page, row, START), QTime(17, 30))
    edit(session(page, row, END), QTime(18, 15))
    edit(session(page, row, ATTENDANCE), Qt.CheckState.Unchecked, CHECK)
    assert session(page, row, ATTENDANCE).data() == "no"  # in words, not only a tick
    info = save(qtbot, page)
    assert len(info.sessions) == before + 1
    poster = info.session("poster-walk")
    assert poster is not None and poster.attendance is False
    assert info.local(poster.starts_at).time() == dt.time(17, 30)
    assert info.sessions[-1].key == "poster-walk"  # kept in time order


def test_end_before_start_names_the_session_and_blocks_save(qtbot, page, demo_store):
    row = row_of(page, "Opening remarks")
    edit(session(page, row, END), QTime(9, 0))
    assert not page.save_button.isEnabled()
    assert page.problems_label.isVisible()
    text = page.problems_label.text()
    assert f"Session {row + 1} “Opening remarks”: the end must be after the start." in text
    cell = session(page, row, END)
    icon, tip = cell.data(Qt.ItemDataRole.DecorationRole), cell.data(Qt.ItemDataRole.ToolTipRole)
    assert not icon.isNull() and "end must be after" in tip
    page.save()  # Ctrl+S with problems does nothing
    assert current_event(demo_store) == require_event(demo_store)
    assert current_event(demo_store).session("opening").ends_at.hour == 9  # 10:00 Geneva
    edit(session(page, row, END), QTime(10, 0))
    assert not page.problems_label.isVisible()


def test_category_colour_change_is_saved_and_shown_as_swatch_and_hex(qtbot, page, demo_store):
    model = page.categories_model
    row = next(r for r in range(model.rowCount()) if category(page, r, 1).data() == "Press")
    page.categories_table.setCurrentIndex(category(page, row, 0))
    page.choose_colour = lambda current, parent: QColor("#ffaa00")
    page.colour_button.click()
    assert category(page, row, 0).data() == "#FFAA00"
    assert not category(page, row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    info = save(qtbot, page)
    assert info.category("press").colour == "#FFAA00"
    assert current_event(demo_store).category("press").colour == "#FFAA00"


def test_a_category_in_use_cannot_be_removed_but_a_new_one_can(qtbot, page):
    table = page.categories_model
    # participant: demo delegates have it
    page.categories_table.setCurrentIndex(category(page, 0, 1))
    assert not page.remove_category_button.isEnabled()
    assert "cannot be removed" in page.remove_category_button.toolTip()
    page.add_category_button.click()
    assert page.remove_category_button.isEnabled()
    count = table.rowCount()
    page.remove_category_button.click()
    assert table.rowCount() == count - 1


def test_revert_discards_edits(qtbot, page):
    page.name_edit.setText("Something else")
    assert page.revert_button.isEnabled()
    page.revert_button.click()
    assert page.name_edit.text() == page.event_info.name
    assert not page.save_button.isEnabled()


def test_refresh_shows_edits_made_elsewhere_but_keeps_unsaved_ones(qtbot, page, demo_store):
    import dataclasses

    from checkin.core.event.agenda import spec_from_info, update_event

    event = require_event(demo_store)
    update_event(demo_store, event.id, dataclasses.replace(spec_from_info(event), venue="Hall B"))
    page.refresh()
    assert page.venue_edit.text() == "Hall B"
    page.name_edit.setText("Draft name")
    update_event(demo_store, event.id, dataclasses.replace(spec_from_info(event), venue="Hall C"))
    page.refresh()
    assert page.name_edit.text() == "Draft name" and page.venue_edit.text() == "Hall B"


def test_a_time_cell_is_edited_from_the_keyboard_with_a_24_hour_editor(qtbot, page):
    from PySide6.QtWidgets import QTimeEdit

    table = page.sessions_table
    row = row_of(page, "Lunch")
    table.setFocus()
    table.setCurrentIndex(session(page, row, START))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QTimeEdit)
    assert editor is not None and editor.displayFormat() == "HH:mm"
    assert editor.time() == QTime(12, 45)
    editor.setTime(QTime(13, 0))
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the editor's data queued
    qtbot.waitUntil(lambda: session(page, row, START).data(EDIT) == QTime(13, 0))
    assert page.save_button.isEnabled()

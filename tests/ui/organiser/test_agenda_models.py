"""The Agenda page's table models: edits reach the draft, and only edits say "edited"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt, QTime
from PySide6.QtGui import QIcon

from checkin.ui.organiser.agenda_draft import AgendaDraft, CategoryDraft, SessionDraft
from checkin.ui.organiser.agenda_models import (
    ATTENDANCE,
    CAPACITY,
    COLOUR,
    END,
    LABEL,
    START,
    TITLE,
    CategoriesModel,
    SessionsModel,
)

EDIT, CHECK = Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def draft() -> AgendaDraft:
    return AgendaDraft(
        [SessionDraft("lunch", "Lunch", "", dt.time(12, 45), dt.time(14, 0)),
         SessionDraft("opening", "Opening", "Room A", dt.time(9, 30), dt.time(10, 0), 90)],
        [CategoryDraft("participant", "Participant", "#1F5FA8"),
         CategoryDraft("press", "Press", "#FFAA00")],
    )  # fmt: skip


@pytest.fixture
def sessions(qapp, draft) -> SessionsModel:
    model = SessionsModel(["Start", "End", "Title", "Room", "Capacity", "Attendance"])
    model.set_draft(draft)
    return model


@pytest.fixture
def categories(qapp, draft) -> CategoriesModel:
    model = CategoriesModel(["Colour", "Name"])
    model.set_draft(draft)
    return model


def test_cells_show_the_draft(sessions):
    cell = sessions.index
    assert (sessions.rowCount(), sessions.columnCount()) == (2, 6)
    assert cell(1, START).data(EDIT) == QTime(9, 30)
    assert cell(1, CAPACITY).data() == 90 and cell(1, TITLE).data() == "Opening"
    assert cell(0, ATTENDANCE).data() == "yes"
    assert cell(0, ATTENDANCE).data(CHECK) == Qt.CheckState.Checked
    assert sessions.headerData(END, Qt.Orientation.Horizontal) == "End"
    assert not sessions.flags(cell(0, ATTENDANCE)) & Qt.ItemFlag.ItemIsEditable
    assert sessions.flags(cell(0, ATTENDANCE)) & Qt.ItemFlag.ItemIsUserCheckable


def test_an_edit_reaches_the_draft_and_says_so_once(qtbot, sessions, draft):
    with qtbot.waitSignal(sessions.edited):
        assert sessions.setData(sessions.index(0, END), QTime(14, 15))
    assert draft.sessions[0].end == dt.time(14, 15)
    with qtbot.assertNotEmitted(sessions.edited):
        sessions.setData(sessions.index(0, END), QTime(14, 15))  # the same: no change
    with qtbot.waitSignal(sessions.edited):
        sessions.setData(sessions.index(0, ATTENDANCE), Qt.CheckState.Unchecked.value, CHECK)
    assert draft.sessions[0].attendance is False
    assert sessions.index(0, ATTENDANCE).data() == "no"
    sessions.setData(sessions.index(1, CAPACITY), 0)
    assert draft.sessions[1].capacity == 0


def test_marks_put_a_warning_and_the_words_on_the_cell_without_an_edit(qtbot, sessions):
    warning = QIcon.fromTheme("dialog-warning")
    with qtbot.assertNotEmitted(sessions.edited):
        sessions.set_marks({(0, END): "the end must be after the start"}, warning)
    assert sessions.index(0, END).data(Qt.ItemDataRole.ToolTipRole) == (
        "the end must be after the start"
    )
    assert sessions.index(0, START).data(Qt.ItemDataRole.ToolTipRole) is None
    sessions.set_marks({}, warning)
    assert sessions.index(0, END).data(Qt.ItemDataRole.DecorationRole) is None


def test_reorder_moves_rows_and_what_points_at_them(sessions, draft):
    opening = QPersistentModelIndex(sessions.index(1, TITLE))
    sessions.reorder(draft.sorted_order())
    assert [s.key for s in draft.sessions] == ["opening", "lunch"]
    assert opening.row() == 0 and opening.data() == "Opening"


def test_rows_are_added_and_removed(sessions, draft):
    row = sessions.append(draft.new_session("New session"))
    assert row == 2 and sessions.rowCount() == 3
    assert sessions.index(2, START).data(EDIT) == QTime(14, 0)
    sessions.remove(0)
    assert [s.key for s in draft.sessions] == ["opening", ""]
    sessions.remove(7)  # not a row: nothing
    assert sessions.rowCount() == 2


def test_a_category_colour_is_a_swatch_and_its_hex_code(categories, draft):
    colour = categories.index(1, COLOUR)
    assert colour.data() == "#FFAA00"
    assert not colour.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert colour.data(Qt.ItemDataRole.AccessibleTextRole) == "colour #FFAA00"
    assert not categories.flags(colour) & Qt.ItemFlag.ItemIsEditable
    assert not categories.setData(colour, "#000000")  # only through the colour dialog
    categories.set_colour(1, "#00aa55")
    assert draft.categories[1].colour == "#00AA55"
    assert categories.setData(categories.index(1, LABEL), "Media")
    assert draft.categories[1].label == "Media"


def test_a_category_moves_up_and_down_one_row_at_a_time(categories, draft):
    press = QPersistentModelIndex(categories.index(1, LABEL))
    assert categories.move(1, 0)
    assert [c.key for c in draft.categories] == ["press", "participant"]
    assert press.row() == 0
    assert categories.move(0, 1) and press.row() == 1
    assert not categories.move(1, 2) and not categories.move(0, 2)

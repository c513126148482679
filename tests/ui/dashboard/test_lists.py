"""The dashboard's list model: rows taken out in place when people arrive, sorting."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QApplication

from checkin.ui.dashboard.lists import Column, RowsModel, make_table, removed_runs


@given(st.lists(st.booleans(), max_size=60))
def test_removed_runs_rebuild_the_new_list(keep):
    old = list(range(len(keep)))
    new = [x for x, k in zip(old, keep, strict=True) if k]
    runs = removed_runs(old, new, most=len(old) + 1)
    assert runs is not None
    rebuilt = list(old)
    for first, last in reversed(runs):
        del rebuilt[first : last + 1]
    assert rebuilt == new
    assert all(b[0] > a[1] + 1 for a, b in itertools.pairwise(runs))  # runs merged


@given(st.lists(st.booleans(), max_size=40), st.data())
def test_removed_runs_refuse_someone_added(keep, data):
    old = list(range(len(keep)))
    new = [x for x, k in zip(old, keep, strict=True) if k]
    new.insert(data.draw(st.integers(0, len(new))), -1)  # back on the list
    assert removed_runs(old, new) is None


@given(st.integers(2, 40), st.data())
def test_removed_runs_refuse_a_new_order(n, data):
    old = list(range(n))
    i = data.draw(st.integers(0, n - 2))
    j = data.draw(st.integers(i + 1, n - 1))
    new = list(old)
    new[i], new[j] = new[j], new[i]  # sorted differently meanwhile
    assert removed_runs(old, new) is None


def test_too_many_runs_means_a_reset():
    old = list(range(20))
    assert removed_runs(old, old[::2], most=5) is None
    assert removed_runs(old, old[::2], most=10) == [(i, i) for i in range(1, 20, 2)]
    assert removed_runs(old, old) == []


@pytest.fixture
def table(qtbot):
    """A list of names in a small table on screen: (model, view)."""
    model = RowsModel([Column("Name", str)])
    view = make_table(model, "People")
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    return model, view


def test_rows_taken_out_keep_the_selection_and_do_not_reset(table):
    model, view = table
    rows = [f"Person {i:03d}" for i in range(200)]
    model.set_rows(rows)
    chosen = model.index(120, 0)
    view.selectionModel().setCurrentIndex(
        chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(chosen)
    top = view.verticalScrollBar().value()
    assert top > 0
    resets, removed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))

    new = rows[:3] + rows[5:150] + rows[151:]  # three people arrived, one below
    model.set_rows(new, presorted=True, base=model.rows, removed=removed_runs(model.rows, new))
    assert model.rows == new and resets == [] and removed == [(150, 150), (3, 4)]
    current = view.selectionModel().currentIndex()
    assert current.data() == "Person 120" and current.row() == 118
    assert view.verticalScrollBar().value() == top  # not thrown back to the top

    # A base the model no longer holds (sorted meanwhile): a reset, rows as given.
    stale = model.rows
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_rows(new[1:], presorted=False, base=stale, removed=[(0, 0)])
    assert resets == [1] and model.rows[0] == "Person 199" and len(model.rows) == 196


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_rows_taken_out_below_the_screen_repaint_nothing(qtbot, table):
    model, view = table
    rows = [f"Person {i:03d}" for i in range(300)]
    model.set_rows(rows)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    paints = Paints()
    view.viewport().installEventFilter(paints)
    # Paint what the first load left dirty now, so that a paint queued before the count
    # starts (late on a loaded machine) is not counted as the removal's; the columns
    # sized to the first rows stretch now rather than on the header's delayed timer.
    view.horizontalHeader().resizeSections()
    QApplication.processEvents()
    view.viewport().repaint()
    paints.count = 0
    bar = view.verticalScrollBar()
    before = bar.maximum()

    far = rows[:250] + rows[252:]  # two people far below arrived
    model.set_rows(far, presorted=True, base=model.rows, removed=removed_runs(model.rows, far))
    qtbot.waitUntil(lambda: bar.maximum() == before - 2)  # the layout ran
    assert paints.count == 0  # nothing on screen changed: nothing painted
    assert view.rowAt(0) == 0 and model.index(0, 0).data() == "Person 000"

    near = far[1:]  # the first one on screen arrived: the rows shown move up
    model.set_rows(near, presorted=True, base=model.rows, removed=removed_runs(model.rows, near))
    qtbot.waitUntil(lambda: paints.count > 0)
    assert model.index(0, 0).data() == "Person 001"

"""The recent-scans list: newest on top, twenty rows, and the Undo button following
the row that is current — also once the list is full and its rows change in place."""

from __future__ import annotations

from checkin.core.types import Outcome
from checkin.ui.desk.lists import RECENT_MAX, RecentModel, RecentScan


def _scan(n: int, status: Outcome = Outcome.ADMITTED) -> RecentScan:
    return RecentScan(f"s{n}", "08:30", f"Person {n}", status)


def test_newest_first_and_twenty_kept(qtbot):
    model = RecentModel()
    inserted = []
    model.rowsInserted.connect(lambda *_a: inserted.append(1))
    for n in range(RECENT_MAX + 5):
        model.add(_scan(n))
    assert model.rowCount() == RECENT_MAX
    assert [s.scan_id for s in model.scans[:2]] == [f"s{RECENT_MAX + 4}", f"s{RECENT_MAX + 3}"]
    assert model.scans[-1].scan_id == "s5"  # the five oldest dropped
    assert len(inserted) == RECENT_MAX  # full: rows change in place, none inserted
    assert "Person 24" in model.data(model.index(0))


def test_undo_follows_the_newest_row_once_the_list_is_full(desk_app, qtbot):
    page = desk_app.desk
    for n in range(RECENT_MAX):
        page.recent.add(_scan(n))
    page.recent_view.setCurrentIndex(page.recent.index(0))
    assert page.undo_button.isEnabled()  # an admission: undoable
    page.recent.add(_scan(99, Outcome.INVALID))  # a refusal now on the current row
    assert page.recent_view.currentIndex().row() == 0
    assert not page.undo_button.isEnabled()
    page.recent.add(_scan(100))
    assert page.undo_button.isEnabled()

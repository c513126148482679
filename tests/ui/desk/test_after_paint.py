"""Sight of the result first (issue 18): a scan's row is in the recent list at once, but
the list repaints only once the result panel has painted; the panel's words are laid out
without laying out the whole window again; and the scan is over for the dashboard once
the result is on the screen (``widgets.foreground``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from checkin.ui.widgets.foreground import foreground


class Counter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, QEvent.Type]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Paint):
            self.seen.append((type(watched).__name__, event.type()))
        return False

    def laid_out(self) -> set[str]:
        return {name for name, kind in self.seen if kind == QEvent.Type.LayoutRequest}

    def painted(self, name: str) -> bool:
        return (name, QEvent.Type.Paint) in self.seen


def test_the_recent_list_repaints_after_the_panel(desk_app, qtbot):
    desk = desk_app.desk
    desk_app.scan(desk_app.codes["Sigrid"])
    assert "Sigrid" in desk.recent.data(desk.recent.index(0))  # the row: at once
    assert desk.recent_view.currentIndex().row() == 0  # (Undo works on it)
    assert not desk.recent_view.updatesEnabled()  # its repaint: held for the panel
    qtbot.waitUntil(desk.recent_view.updatesEnabled, timeout=2000)
    qtbot.waitUntil(lambda: foreground().remaining() == 0, timeout=2000)  # scan over


def test_the_hold_ends_even_if_the_panel_never_paints(desk_app, qtbot):
    desk = desk_app.desk
    desk.panel.hide()  # (another page, a minimised window: no paint comes)
    desk_app.scan(desk_app.codes["Sigrid"])
    assert not desk.recent_view.updatesEnabled()
    qtbot.waitUntil(desk.recent_view.updatesEnabled, timeout=2000)


def test_a_result_lays_out_the_panel_not_the_window(desk_app, qtbot, qapp):
    desk = desk_app.desk
    desk_app.scan(desk_app.codes["Sigrid"])
    qtbot.waitUntil(desk.recent_view.updatesEnabled, timeout=2000)
    counter = Counter()
    qapp.installEventFilter(counter)
    try:
        desk_app.scan(desk_app.codes["Nasra"])  # other words, other lengths
        qtbot.waitUntil(lambda: counter.painted("OutcomePanel"), timeout=2000)
    finally:
        qapp.removeEventFilter(counter)
    assert desk.panel.first.text() == "Nasra"
    laid_out = counter.laid_out()
    # (other pages built meanwhile may lay the window out; the Desk page is not)
    assert "DeskPage" not in laid_out, laid_out
    assert "OutcomePanel" in laid_out or "QWidget" in laid_out  # its words were

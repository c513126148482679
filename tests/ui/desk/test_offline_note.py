"""A note typed at a desk whose shared server went away (issue 19): the desk's "Edit
details…" keeps the note field (not the photo), saves it through the desk's service into
its copy, the next scan shows it, and the replay takes it to the server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from checkin.core.accreditation import notes
from checkin.core.db.store import Store
from tests.ui.conftest import burst
from tests.ui.desk.test_offline import shared_desk  # noqa: F401  (the fixture)

TYPED = "Speaker: send to the green room at 10:45"


def test_a_note_typed_offline_shows_at_once_and_reaches_the_server(qtbot, server, shared_desk):  # noqa: F811
    app = shared_desk
    desk, controller = app.desk, app.controller
    server.stop()
    desk.search_box.setText("Rachel Nakamura-Holt")  # the demo's speaker with a note
    qtbot.waitUntil(lambda: desk.results.rowCount() == 1, timeout=10_000)
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.search_box)
    qtbot.keyClick(desk.search_box, Qt.Key.Key_F2)
    editor = controller.details.dialog
    assert editor is not None and editor.accreditation is not None
    part = editor.accreditation
    assert part.note.text() == "Speaker: send to the green room"
    assert not part.take_button.isVisible()  # a photo would not travel back
    assert "Offline" in part.photo_status.text()
    part.note.setText(TYPED)
    editor.save_button.click()
    assert not editor.isVisible()
    assert not controller.service.online and controller.service.pending_changes == 1

    app.window.activateWindow()
    burst(app.window.windowHandle(), app.code["Rachel"] + "\r", 1000)
    qtbot.waitUntil(lambda: desk.panel.extra.note.isVisible(), timeout=10_000)
    assert TYPED in desk.panel.extra.note.text()

    with qtbot.waitSignal(app.connection.replayed, timeout=20_000) as replayed:
        server.start()
    report = replayed.args[0]
    assert (report.changes.notes, report.clashes) == (1, ())
    store = Store(app.url)
    try:
        assert notes.get_note(store, app.ids["Rachel"]).text == TYPED
    finally:
        store.close()


def test_a_note_the_server_changed_meanwhile_is_listed_in_words(desk_app):
    import datetime as dt
    from types import SimpleNamespace

    from checkin.core.desk.pending import Clash

    at = dt.datetime(2026, 11, 28, 8, 43, tzinfo=dt.UTC)
    clash = Clash("u3", "note", 7, "Desk B", at, "changed_meanwhile",
                  ("Sigrid Olsen (no. 7)", "Desk B", "09:43", "Collect visa letter",
                   "Wheelchair: seat reserved, row A"), "English", fields=("note",))
    desk_app.controller.show_replay(SimpleNamespace(duplicates=(), clashes=(clash,)))
    (notice,) = desk_app.desk.notices.notices
    assert notice.words().splitlines() == [
        "Back online: 1 change made offline needs a look.",
        "The note of Sigrid Olsen (no. 7) typed offline at Desk B at 09:43 was not saved: "
        "the note changed on the server meanwhile (now \u201cCollect visa letter\u201d; "
        "typed: \u201cWheelchair: seat reserved, row A\u201d).",
    ]

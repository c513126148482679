"""The shell (pages, Ctrl+1…5, F11), the first start on an empty database, and main()."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from checkin.core.db.store import open_store
from checkin.core.event.stored import current_event
from checkin.ui import app as app_module
from checkin.ui.app import build_window
from checkin.ui.dashboard.page import DashboardPage
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.first_start import FirstStartPage
from checkin.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def test_opens_on_desk_and_ctrl_digits_switch_pages(desk_app, qtbot):
    window = desk_app.window
    assert window.current_page() == "desk"
    assert window.nav.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.current_page() == "dashboard"
    assert isinstance(window.page("dashboard"), DashboardPage)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert window.current_page() == "agenda"
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.current_page() == "desk"
    assert QApplication.focusWidget() is desk_app.desk.search_box


def test_nav_buttons_have_names_and_switch(desk_app, qtbot):
    window = desk_app.window
    buttons = window._buttons.buttons()
    assert [b.text() for b in buttons] == ["Desk", "Dashboard", "Roster", "Badges", "Agenda"]
    assert all(b.accessibleName() for b in buttons)
    qtbot.mouseClick(buttons[3], Qt.MouseButton.LeftButton)
    assert window.current_page() == "badges"


def test_f11_toggles_full_screen(desk_app, qtbot):
    window = desk_app.window
    assert not window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen()


def test_first_start_offers_the_demo_and_lands_on_the_desk(qtbot, tmp_path):
    store = open_store(str(tmp_path / "empty.sqlite"))
    detector = ScanDetector()
    try:
        window = build_window(store, station="Desk 1", detector=detector)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.current_page() == "start"
        assert not window.nav.isVisible()
        start = window.page("start")
        assert isinstance(start, FirstStartPage)
        assert start.demo_button.text() == "Open the demo event"
        qtbot.mouseClick(start.demo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.current_page() == "desk", timeout=10_000)
        controller = window.findChild(DeskController)
        assert controller is not None
        qtbot.waitUntil(lambda: controller.index is not None)
        event = current_event(store)
        assert event is not None and controller.event_info.name == event.name
        assert QApplication.focusWidget() is controller.view.search_box
    finally:
        detector.uninstall()
        store.close()


def first_start(qtbot, store, detector) -> tuple[MainWindow, FirstStartPage]:
    window = build_window(store, station="Desk 1", detector=detector)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    start = window.page("start")
    assert isinstance(start, FirstStartPage)
    return window, start


def test_first_start_creates_an_event_and_lands_on_its_agenda(qtbot, tmp_path):
    store = open_store(str(tmp_path / "empty.sqlite"))
    detector = ScanDetector()
    try:
        window, start = first_start(qtbot, store, detector)
        qtbot.mouseClick(start.create_button, Qt.MouseButton.LeftButton)
        assert window.current_page() == "agenda"
        event = current_event(store)
        assert event is not None and event.name == "New event"
        assert [c.label for c in event.categories] == ["Participant"]
        agenda = window.page("agenda")
        assert agenda.name_edit.text() == "New event"
        qtbot.waitUntil(lambda: QApplication.focusWidget() is agenda.name_edit)  # to rename
        assert window.nav.isVisible()  # every page is there now
    finally:
        detector.uninstall()
        store.close()


def test_first_start_import_opens_the_wizard(qtbot, tmp_path):
    store = open_store(str(tmp_path / "empty.sqlite"))
    detector = ScanDetector()
    try:
        window, start = first_start(qtbot, store, detector)
        qtbot.mouseClick(start.import_button, Qt.MouseButton.LeftButton)
        assert window.current_page() == "roster"
        roster = window.page("roster")
        qtbot.waitUntil(lambda: roster.wizard is not None and roster.wizard.isVisible())
        roster.wizard.reject()
    finally:
        detector.uninstall()
        store.close()


def test_main_opens_the_desk_and_returns_zero(qtbot, demo_store, monkeypatch):
    seen = []

    def fake_exec(_app) -> int:
        # main()'s own event loop is replaced: a nested exec() + quit() would leave the
        # test's QApplication unable to deliver queued signals to later tests.
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        for w in windows:
            seen.append((w.current_page(), w.focusWidget() is w.page("desk").search_box))
            # Nothing but the Desk before the first paint: no index, no other page yet.
            seen.append((w.findChild(DeskController).index_job, w.built_page("dashboard")))
            w.close()
            w.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.main(str(demo_store.path), False) == 0
    assert seen == [("desk", True), (None, None)]


def test_main_reports_an_unopenable_database(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    shown = []
    monkeypatch.setattr(
        app_module, "_ask_way_out", lambda text, choices, latest: shown.append(text) or "quit"
    )
    assert app_module.main(str(bad), False) == app_module.EXIT_DB
    assert shown and "Traceback" not in shown[0]
    assert "is not a checkin database or is damaged" in shown[0]


def test_a_damaged_database_is_replaced_by_its_newest_backup(qtbot, demo_store, tmp_path):
    from checkin.core.db.backup import backup

    path = demo_store.path
    backup(path)
    demo_store.close()
    with open(path, "r+b") as f:  # a crash of the disk, not of checkin
        f.seek(4096)
        f.write(b"\xde\xad" * 8192)
    offered = []

    def ask(text, choices, latest):
        offered.append((text, choices, latest))
        return "restore"

    store = app_module.open_or_explain(str(path), ask=ask)
    assert store is not None
    try:
        text, choices, latest = offered[0]
        assert choices == ["restore", "read-only"]
        assert str(latest) in text  # the message names the backup to restore
        assert current_event(store) is not None  # the restored data
        kept = list((path.parent / "backups").glob("*before-restore*"))
        assert len(kept) == 1  # the damaged file is kept, not destroyed
    finally:
        store.close()


def test_a_database_can_be_opened_read_only_to_look_and_export(qtbot, demo_store):
    from checkin.core.db.store import StoreError

    path = str(demo_store.path)
    demo_store.close()
    store = app_module.open_or_explain(path, read_only=True, ask=lambda *a: "quit")
    assert store is not None and store.read_only
    try:
        assert current_event(store) is not None
        from checkin.core.desk.service import CheckinService

        service = CheckinService(store, station="RO")
        try:
            service.scan("NOTABADGE123")
            raise AssertionError("a read-only store wrote a scan")
        except StoreError as exc:
            assert "read-only" in str(exc)
    finally:
        store.close()


def test_a_database_that_cannot_be_opened_is_explained_in_french(qapp, tmp_path):
    from PySide6.QtCore import QLocale

    from checkin.ui.widgets import translations

    bad = tmp_path / "not-a-database.sqlite"
    bad.write_bytes(b"this is a spreadsheet, not a database" * 200)
    offered = []
    locale = QLocale()
    try:
        translations.install(qapp, "fr")
        store = app_module.open_or_explain(
            str(bad), ask=lambda text, *_: offered.append(text) or "quit"
        )
    finally:
        translations.remove(qapp)
        QLocale.setDefault(locale)
    assert store is None
    assert "n’est pas une base de données checkin ou elle est endommagée" in offered[0]
    assert str(bad) in offered[0] and "damaged" not in offered[0]


def test_a_banner_sits_between_the_navigation_and_the_pages(qtbot):
    from PySide6.QtWidgets import QLabel, QWidget

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_pages([("one", "One", QWidget()), ("two", "Two", QWidget())])
    first, second = QLabel("first"), QLabel("second")
    window.set_banner(first)
    window.set_banner(second)  # in place of the first, not beside it
    column = window.centralWidget().layout()
    assert [column.itemAt(i).widget() for i in range(column.count())] == [
        window.nav, second, window.stack
    ]
    assert window.banner is second

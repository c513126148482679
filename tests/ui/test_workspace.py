"""The pages together: what one page changes, the others show."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime

from checkin.ui.badges.page import BadgesPage
from checkin.ui.organiser.agenda import AgendaPage
from checkin.ui.organiser.agenda_models import END, TITLE
from checkin.ui.roster.page import RosterPage


def test_workspace_pages_are_real_pages_reached_by_keyboard(desk_app, qtbot):
    window = desk_app.window
    assert isinstance(window.page("roster"), RosterPage)
    assert isinstance(window.page("badges"), BadgesPage)
    assert isinstance(window.page("agenda"), AgendaPage)
    # Nothing read for pages the desk does not show: no start-up load landing among the
    # first scans (at 50,000 delegates each is a 100-150 ms apply on the GUI thread).
    roster, badges = window.page("roster"), window.page("badges")
    assert roster.load_job is None and roster.model.rowCount() == 0
    assert badges.choices == []
    qtbot.keyClick(desk_app.desk.search_box, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "roster"
    qtbot.waitUntil(lambda: roster.model.rowCount() == 86)  # loaded when shown
    window.show_page("badges")
    qtbot.waitUntil(lambda: len(badges.choices) == 86)


def test_an_agenda_edit_reaches_the_desk_and_the_title(desk_app, qtbot):
    window = desk_app.window
    window.show_page("agenda")
    agenda = window.page("agenda")
    agenda.name_edit.setText("Consultation humanitaire")
    model = agenda.sessions_model
    row = next(
        r for r in range(model.rowCount()) if model.index(r, TITLE).data() == "Closing remarks"
    )
    model.setData(model.index(row, TITLE), "Clôture")
    model.setData(model.index(row, END), QTime(17, 45), Qt.ItemDataRole.EditRole)
    with qtbot.waitSignal(agenda.event_changed, timeout=10_000):
        qtbot.mouseClick(agenda.save_button, Qt.MouseButton.LeftButton)
    assert desk_app.desk.title_label.text() == "Consultation humanitaire"
    assert window.windowTitle().startswith("Consultation humanitaire")
    assert desk_app.controller.event_info.name == "Consultation humanitaire"
    # The desk offers the session by its new title, and its engine knows the new times.
    modes = [text for text, _key in desk_app.desk.modes()]
    assert "Clôture" in modes and "Closing remarks" not in modes
    closing = next(s for s in desk_app.controller.service.event.sessions if s.title == "Clôture")
    assert desk_app.event.local(closing.ends_at).time().strftime("%H:%M") == "17:45"
    window.show_page("desk")
    desk_app.scan(desk_app.codes["Sigrid"])
    assert desk_app.desk.panel.heading.text() == "Welcome"


def test_a_badge_problem_opens_the_delegate_form_on_the_roster(desk_app, qtbot):
    window = desk_app.window
    badges = window.page("badges")
    badges.fix_requested.emit(desk_app.ids["Sigrid"])
    assert window.current_page() == "roster"
    roster = window.page("roster")
    qtbot.waitUntil(lambda: roster.dialog is not None)
    assert roster.current_delegate().id == desk_app.ids["Sigrid"]


def test_a_roster_edit_is_searchable_back_at_the_desk(desk_app, qtbot):
    from checkin.core.roster.edits import update_delegate
    from checkin.core.roster.person import PersonForm

    window = desk_app.window
    window.show_page("roster")
    roster = window.page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 86)
    update_delegate(
        desk_app.store, desk_app.event, desk_app.ids["Sigrid"],
        PersonForm("Sigrid", "Zyxwvuts", "Norwegian People's Aid", "NO"),
    )
    roster.changed.emit(desk_app.ids["Sigrid"])
    window.show_page("desk")
    controller = desk_app.controller
    qtbot.waitUntil(
        lambda: controller.index is not None
        and any(h.delegate.last_name == "Zyxwvuts" for h in controller.index.search("zyxwvuts"))
    )


def test_the_app_backs_up_and_says_so_in_the_status_bar(desk_app, qtbot):
    from checkin.ui.app import start_backups

    auto = start_backups(desk_app.window, desk_app.store)
    assert auto.is_active
    with qtbot.waitSignal(auto.backed_up, timeout=20_000) as done:
        auto.backup_now()
    assert done.args[0].path.exists()
    assert done.args[0].path.parent == desk_app.store.path.parent / "backups"
    assert desk_app.window.statusBar().currentMessage().startswith("Backed up at ")
    auto.stop()
    assert not auto.is_active


def test_the_event_menu_is_there_and_hidden_when_locked(desk_app, qtbot):
    from checkin.ui.organiser.menu import OrganiserMenu

    window = desk_app.window
    menu = window.findChild(OrganiserMenu)
    assert menu is not None
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Event" in titles
    menu.set_locked(True)
    assert not any(a.isVisible() for a in window.menuBar().actions() if a.text() == "&Event")


def test_the_dashboard_is_live_only_while_shown_and_follows_the_agenda(desk_app, qtbot):
    from checkin.ui.dashboard.page import DashboardPage

    window = desk_app.window
    dashboard = window.page("dashboard")
    assert not dashboard.feed._timer.isActive()  # hidden: reads nothing
    window.show_page("dashboard")
    assert dashboard.feed._timer.isActive()
    with qtbot.waitSignal(dashboard.feed.updated, timeout=10_000):
        desk_app.scan(desk_app.codes["Sigrid"])
    window.show_page("agenda")
    assert not dashboard.feed._timer.isActive()
    agenda = window.page("agenda")
    agenda.name_edit.setText("Consultation humanitaire")
    with qtbot.waitSignal(agenda.event_changed, timeout=10_000):
        qtbot.mouseClick(agenda.save_button, Qt.MouseButton.LeftButton)
    rebuilt = window.page("dashboard")
    assert isinstance(rebuilt, DashboardPage) and rebuilt is not dashboard
    assert rebuilt.event_info.name == "Consultation humanitaire"
    window.show_page("dashboard")
    assert rebuilt.feed._timer.isActive()


def test_the_desk_index_is_rebuilt_after_an_import_not_after_a_mere_visit(desk_app, qtbot):
    window, controller = desk_app.window, desk_app.controller
    roster = window.page("roster")
    before = controller.index
    window.show_page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 86)
    window.show_page("desk")
    assert controller.index is before  # nothing changed: no 3-second rebuild at 50k
    window.show_page("roster")
    wizard = roster.open_import()
    wizard.reject()  # the wizard was used: the list may have changed
    window.show_page("desk")
    qtbot.waitUntil(lambda: controller.index is not before)

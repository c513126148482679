"""Notices on the Desk: what happens by itself (back online, a problem, a badge ready) is
said above the panel without a dialog and without taking the keyboard."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from checkin.ui.desk.notices import MAX_NOTICES
from checkin.ui.desk.outcome_panel import Tone
from tests.ui.conftest import type_text

AT = dt.datetime(2026, 11, 28, 8, 41, tzinfo=dt.UTC)  # 09:41 in Geneva


def duplicate(app, first: str, station1: str, station2: str, session=None):
    """A person admitted twice while apart (the fields the desk reads of merge.Duplicate)."""
    person = next(
        e for e in _delegates(app) if e.first_name == first
    )
    return SimpleNamespace(
        delegate=person, session=session, first_station=station1, second_station=station2,
        first_at=AT, second_at=AT + dt.timedelta(minutes=3),
    )


def _delegates(app):
    from checkin.core.roster.delegates import list_delegates

    return [e.delegate for e in list_delegates(app.store, app.event)]


def test_a_problem_is_a_notice_not_a_dialog(desk_app, qtbot):
    desk = desk_app.desk
    type_text(desk.search_box, "Sig")
    desk.show_error("The settings could not be saved.\n\nPermission denied")
    assert QApplication.activeModalWidget() is None
    assert desk.findChildren(QMessageBox) == []
    (notice,) = desk.notices.notices
    assert notice.isVisible() and notice.tone is Tone.WARN
    assert notice.words() == "The settings could not be saved.\nPermission denied"
    assert notice.accessibleName() == "The settings could not be saved."
    # The keyboard stayed where it was: the operator goes on typing.
    assert QApplication.focusWidget() is desk.search_box
    type_text(desk.search_box, "rid")
    assert desk.search_box.text() == "Sigrid"
    # Its close button: named, reached with Tab, never by itself.
    close = notice.close_button
    assert close.accessibleName() == "Close this notice"
    assert close.focusPolicy() == Qt.FocusPolicy.TabFocus
    close.setFocus()
    close.click()
    assert desk.notices.notices == [] and not desk.notices.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.search_box)


def test_notices_stack_newest_first_and_the_oldest_go(desk_app):
    bar = desk_app.desk.notices
    for n in range(MAX_NOTICES + 2):
        bar.add(f"Notice {n}")
    assert bar.texts() == [f"Notice {n}" for n in reversed(range(2, MAX_NOTICES + 2))]


def test_back_online_from_two_desks(desk_app):
    report = SimpleNamespace(
        duplicates=(duplicate(desk_app, "Sigrid", "Desk 1", "Desk 2"),), clashes=()
    )
    desk_app.controller.show_replay(report)
    (notice,) = desk_app.desk.notices.notices
    assert QApplication.activeModalWidget() is None
    assert notice.heading.text() == "Back online: 1 person checked in twice."
    assert notice.text.text() == (
        "Sigrid Aasland-Øverby (no. 80) was checked in at two desks that could not see "
        "each other: Desk 1 at 09:41, Desk 2 at 09:44."
    )


def test_back_online_from_the_same_desk(desk_app):
    opening = desk_app.event.session("opening")
    report = SimpleNamespace(
        duplicates=(
            duplicate(desk_app, "Sigrid", "Desk 1", "Desk 1"),
            duplicate(desk_app, "Łukasz", "Desk 1", "Desk 1", opening),
        ),
        clashes=(),
    )
    desk_app.controller.show_replay(report)
    (notice,) = desk_app.desk.notices.notices
    assert notice.heading.text() == "Back online: 2 people checked in twice."
    lines = notice.text.text().splitlines()
    assert lines[0] == (
        "Sigrid Aasland-Øverby (no. 80) was checked in twice at Desk 1, at 09:41 and at 09:44."
    )
    assert lines[1].startswith("Łukasz Wróblewski (no. ")
    assert lines[1].endswith(
        "was checked in twice to Opening remarks at Desk 1, at 09:41 and at 09:44."
    )
    assert "two desks" not in notice.words()


def test_nothing_twice_no_notice(desk_app):
    desk_app.controller.show_replay(SimpleNamespace(duplicates=(), clashes=()))
    assert desk_app.desk.notices.notices == []


def test_back_online_in_french(desk_app, french):
    report = SimpleNamespace(
        duplicates=(duplicate(desk_app, "Sigrid", "Desk 1", "Desk 2"),), clashes=()
    )
    desk_app.controller.show_replay(report)
    (notice,) = desk_app.desk.notices.notices
    assert notice.heading.text().startswith("De nouveau en ligne")
    assert "deux postes" in notice.text.text()


def test_changes_the_server_could_not_take_are_listed_back_online(desk_app):
    """A walk-in registered offline who may be someone already there, and an edit the
    server's copy overtook: one notice, each in words, the desk keeps the keyboard."""
    from checkin.core.desk.pending import Clash

    walk_in = Clash("u1", "walk_in", 901, "Desk B", AT, "same_person",
                    ("Ana Lima", "901", "Desk B", "09:41", "Ana Lima", "12"),
                    "English", other=12)
    edit = Clash("u2", "edit", 7, "Desk B", AT, "changed_meanwhile",
                 ("Sigrid Olsen (no. 7)", "Desk B", "09:43", "organisation"),
                 "English", fields=("organisation",))
    report = SimpleNamespace(duplicates=(), clashes=(walk_in, edit))
    desk_app.controller.show_replay(report)
    (notice,) = desk_app.desk.notices.notices
    assert notice.tone is Tone.WARN
    assert notice.words().splitlines() == [
        "Back online: 2 changes made offline need a look.",
        "Walk-in Ana Lima (no. 901), registered offline at Desk B at 09:41, may be Ana Lima "
        "(no. 12), already registered: both are kept; check and cancel one of the two.",
        "The details of Sigrid Olsen (no. 7) changed offline at Desk B at 09:43 were not "
        "saved: organisation changed on the server meanwhile.",
    ]
    assert QApplication.activeModalWidget() is None

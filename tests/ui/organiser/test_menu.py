"""The Event menu: every export, the paper ticks, backups, restore and purge, run from a
real window on the demo database, with the file dialogs replaced and the files read
back."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
import threading
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton
from sqlalchemy import func, select

from checkin.core.dashboard.files import ReportError
from checkin.core.db import backup
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.service import CheckinService
from checkin.core.event.stored import current_event
from checkin.core.roster.delegates import list_delegates
from checkin.core.types import ScanSource
from checkin.ui.organiser.autobackup import AutoBackup
from checkin.ui.organiser.export_dialogs import SplitDialog, TemplateDialog
from checkin.ui.organiser.menu import OrganiserMenu
from checkin.ui.organiser.paper_dialog import PaperDialog, split_refs
from checkin.ui.organiser.purge_dialog import PurgeDialog
from checkin.ui.widgets import workers

POSIX = os.name == "posix"
ZURICH = ZoneInfo("Europe/Zurich")
DAY = dt.date(2026, 11, 28)
JOB_TIMEOUT = 60_000


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    w.resize(900, 600)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def menu(window, demo_store):
    organiser = OrganiserMenu(window, demo_store, current_event(demo_store))
    organiser.opened = []
    organiser.open_folder = organiser.opened.append
    yield organiser
    workers.wait_all(10_000)


def at(hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute), tzinfo=ZURICH).astimezone(dt.UTC)


def admit(store, event, first_names: list[str] | None = None, count: int = 0) -> list:
    """Check some demo delegates in at the desk; returns their roster entries."""
    entries = list_delegates(store, event)
    chosen = (
        [e for e in entries if e.delegate.first_name in first_names]
        if first_names else entries[:count]
    )
    service = CheckinService(store, event, station="Desk 1")
    for e in chosen:
        service.check_in(e.delegate.id, now=at(8, 45))
    return chosen


def run(qtbot, menu, action) -> None:
    with qtbot.waitSignal(menu.job_finished, timeout=JOB_TIMEOUT):
        action.trigger()


def message_text(menu) -> str:
    assert menu.message is not None
    return menu.message.text()


def no_leftovers(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".")]


def pdf_text(path: Path) -> str:
    with path.open("rb") as f:
        return "\n".join(page.extract_text() for page in PdfReader(f).pages)


# ---------------------------------------------------------------- the menu itself


def test_the_menu_lists_every_action_reachable_from_the_keyboard(window, menu):
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Event" in titles
    names = [a.objectName() for a in menu.actions]
    assert names == [
        "exportAttendance", "donorsReport", "signInSheets", "badgesByEmail", "paperTicks",
        "importPhotos", "backUpNow", "restoreBackup", "openKiosk", "purgePersonalData",
    ]
    for action in menu.actions:
        assert "&" in action.text() and action.toolTip() and action.isEnabled()
    assert menu.export_action.shortcut().toString() == "Ctrl+E"
    assert menu.paper_action.shortcut().toString() == "Ctrl+T"
    assert menu.backup_action.shortcut().toString() == "Ctrl+B"
    assert menu.purge_action.shortcut().isEmpty()  # no shortcut to the irreversible


def test_locked_hides_the_menu_and_its_shortcuts(qtbot, window, menu, tmp_path):
    asked = []
    menu.ask_save_path = lambda *args: asked.append(args) or ""
    menu.set_locked(True)
    assert not menu.menu.menuAction().isVisible()
    assert all(not a.isEnabled() and not a.isVisible() for a in menu.actions)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert asked == [] and not menu.menu.isVisible()
    assert menu.enter_paper_ticks() is None and menu.purge_personal_data() is None
    menu.set_locked(False)
    assert menu.menu.menuAction().isVisible()
    assert all(a.isEnabled() and a.isVisible() for a in menu.actions)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1  # Ctrl+E asks where to export
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(menu.menu.isVisible)
    menu.menu.close()


def test_in_the_app_the_desk_lock_hides_the_menu(qtbot, desk_app):
    """Wired as app.py should wire it: the desk's lock drives the menu."""
    from checkin.ui.desk.settings import hash_pin

    controller = desk_app.controller
    organiser = OrganiserMenu(desk_app.window, desk_app.store, controller.event_info)
    controller.locked_changed.connect(organiser.set_locked)
    organiser.set_locked(controller.locked)
    assert organiser.menu.menuAction().isVisible()
    controller.apply_settings(replace(controller.settings, lock_pin_hash=hash_pin("97531")))
    controller.lock()
    assert organiser.is_locked() and not organiser.menu.menuAction().isVisible()
    assert not any(a.isEnabled() for a in organiser.actions)
    workers.wait_all(10_000)


# ---------------------------------------------------------------- exports


def test_export_attendance_as_csv(qtbot, menu, demo_store, tmp_path):
    arrived = admit(demo_store, menu.event_info, count=2)
    out = tmp_path / "attendance.csv"
    asked = []
    menu.ask_save_path = lambda title, default, filters: asked.append(filters) or str(out)
    run(qtbot, menu, menu.export_action)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["reference", "first_name", "last_name"]
    assert len(rows) == 1 + 86
    by_ref = {r[0]: r for r in rows[1:]}
    for entry in arrived:
        row = by_ref[entry.delegate.reference]
        assert row[2] == entry.delegate.last_name
        assert row[8].startswith("2026-11-28T08:45") and row[10] == "Desk 1"
    assert "*.xlsx" in asked[0][0] and "*.csv" in asked[0][1]  # workbook first
    if POSIX:
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert no_leftovers(tmp_path)
    text = message_text(menu)
    assert "86 delegates" in text and str(out) in text
    menu.message.findChild(QPushButton, "openFolderButton").click()
    assert menu.opened == [tmp_path]


def test_export_attendance_as_xlsx(qtbot, menu, demo_store, tmp_path):
    admit(demo_store, menu.event_info, ["Sigrid"])
    out = tmp_path / "attendance.xlsx"
    menu.ask_save_path = lambda *_: str(out)
    run(qtbot, menu, menu.export_action)
    workbook = load_workbook(out, read_only=True)
    try:
        rows = list(workbook["Attendance"].values)
    finally:
        workbook.close()
    assert rows[0][0] == "reference" and len(rows) == 87
    sigrid = next(r for r in rows if r[1] == "Sigrid")
    assert sigrid[2] == "Aasland-Øverby" and sigrid[10] == "Desk 1"


def test_the_file_dialog_type_decides_the_kind():
    from checkin.ui.organiser.export_jobs import kind_for, with_filter_suffix

    assert with_filter_suffix("/x/attendance", "CSV, UTF-8 (*.csv)") == "/x/attendance.csv"
    assert with_filter_suffix("/x/a.xlsx", "Excel workbook (*.xlsx)") == "/x/a.xlsx"
    assert with_filter_suffix("", "PDF (*.pdf)") == ""
    assert kind_for("/x/a.CSV") == "csv" and kind_for("a.xlsx") == "xlsx"
    with pytest.raises(ReportError, match=r"\.xlsx or \.csv"):
        kind_for("a.txt")


def test_donors_report_has_counts_and_no_names(qtbot, menu, demo_store, tmp_path):
    admit(demo_store, menu.event_info, count=5)
    out = tmp_path / "report.pdf"
    menu.ask_save_path = lambda *_: str(out)
    run(qtbot, menu, menu.report_action)
    text = pdf_text(out)
    assert "attendance report" in text
    assert "Aasland" not in text  # counts only
    assert str(out) in message_text(menu)


def test_sign_in_sheets_one_list_per_desk(qtbot, menu, tmp_path):
    out = tmp_path / "sheets.pdf"
    menu.ask_split = lambda: "A-K, L-Z"
    menu.ask_save_path = lambda *_: str(out)
    run(qtbot, menu, menu.sheets_action)
    text = pdf_text(out)
    assert "desk A–K" in text and "desk L–Z" in text
    assert "IOMNGO-0080" in text  # Aasland-Øverby, on the first desk's list
    assert "Sign-in sheets written" in message_text(menu)


def test_the_split_is_checked_as_typed(qtbot):
    dialog = SplitDialog()
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()  # empty: one list
    dialog.split_edit.setText("K-A")
    assert not dialog.ok_button.isEnabled()
    assert "runs backwards" in dialog.problem.text()
    dialog.split_edit.setText("A-M, K-Z")
    assert "overlap" in dialog.problem.text() and not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() != SplitDialog.DialogCode.Accepted
    dialog.split_edit.setText("A-K, L-Z")
    assert dialog.ok_button.isEnabled() and dialog.problem.text() == ""
    assert dialog.split_text() == "A-K, L-Z"


def test_badges_by_email_fill_the_folder(qtbot, menu, tmp_path):
    folder = tmp_path / "mail"
    menu.ask_template = lambda: "a6"
    menu.ask_folder = lambda title, start: str(folder)
    run(qtbot, menu, menu.mail_action)
    names = sorted(p.name for p in folder.iterdir())
    assert "mailmerge.csv" in names
    assert len([n for n in names if n.endswith(".pdf")]) == 86
    assert len([n for n in names if n.endswith(".png")]) == 86
    with (folder / "mailmerge.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["first_name", "last_name", "email", "pdf", "png"] and len(rows) == 87
    assert Path(rows[1][3]).is_file()
    text = message_text(menu)
    assert "86 badges" in text
    menu.message.findChild(QPushButton, "openFolderButton").click()
    assert menu.opened == [folder]


def test_the_template_dialog_offers_every_template(qtbot):
    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    assert dialog.template_key() == "a6"
    assert dialog.template_box.count() >= 5


def test_a_cancelled_export_leaves_no_file(qtbot, menu, tmp_path):
    out = tmp_path / "attendance.xlsx"
    menu.ask_save_path = lambda *_: str(out)
    with qtbot.waitSignal(menu.job_finished, timeout=JOB_TIMEOUT):
        menu.export_action.trigger()
        assert menu.progress_dialog is not None and menu.progress_dialog.isVisible()
        menu.progress_dialog.cancel_button.click()
    assert not out.exists()
    assert no_leftovers(tmp_path)
    assert "Cancelled" in message_text(menu)
    assert menu.export_action.isEnabled()


def test_a_cancelled_pdf_keeps_the_older_file(qtbot, menu, tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the older report")
    menu.ask_save_path = lambda *_: str(out)
    with qtbot.waitSignal(menu.job_finished, timeout=JOB_TIMEOUT):
        menu.report_action.trigger()
        menu.progress_dialog.cancel()
    assert out.read_bytes() == b"the older report"
    assert no_leftovers(tmp_path)


def test_a_cancelled_mail_merge_takes_back_only_its_files(qtbot, menu, tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    menu.ask_template = lambda: "a6"
    menu.ask_folder = lambda *_: str(folder)
    with qtbot.waitSignal(menu.job_finished, timeout=JOB_TIMEOUT):
        menu.mail_action.trigger()
        menu.progress_dialog.cancel_button.click()
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert "Cancelled" in message_text(menu)


def test_an_export_into_a_missing_folder_says_where(qtbot, menu, tmp_path):
    out = tmp_path / "nowhere" / "attendance.csv"
    menu.ask_save_path = lambda *_: str(out)
    run(qtbot, menu, menu.export_action)
    text = message_text(menu)
    assert text.startswith("⚠") and "does not exist" in text and "nowhere" in text
    assert menu.message.icon() == QMessageBox.Icon.Warning


def test_one_job_at_a_time(qtbot, menu, tmp_path):
    menu.ask_save_path = lambda *_: str(tmp_path / "a.csv")
    with qtbot.waitSignal(menu.job_finished, timeout=JOB_TIMEOUT):
        menu.export_action.trigger()
        assert not any(a.isEnabled() for a in menu.actions)
        menu.report_action.trigger()  # disabled: nothing happens
    assert not (tmp_path / "report.pdf").exists()
    assert all(a.isEnabled() for a in menu.actions)


# ---------------------------------------------------------------- paper ticks


def test_split_refs_accepts_lines_spaces_and_commas():
    assert split_refs("A-1\nA-2, A-3;A-4  #5\n\nA-1") == ["A-1", "A-2", "A-3", "A-4", "#5"]


def test_paper_ticks_record_the_known_and_list_the_unknown(qtbot, menu, demo_store):
    event = menu.event_info
    entries = list_delegates(demo_store, event)
    ticked = [e.delegate for e in entries[:3]]
    [already] = admit(demo_store, event, [entries[3].delegate.first_name])
    menu.paper_action.trigger()
    dialog = menu.dialog
    assert isinstance(dialog, PaperDialog) and dialog.isVisible()
    dialog.refs_edit.setPlainText(
        f"{ticked[0].reference}\n{ticked[1].reference}, NOPE-1 #{ticked[2].number}"
        f" {already.delegate.reference} #9999"
    )
    dialog.set_time(9, 10)
    dialog.station_edit.setText("Paper A–K")
    with qtbot.waitSignal(dialog.previewed, timeout=JOB_TIMEOUT):
        dialog.check()
    lines = [dialog.lines_list.item(i).text() for i in range(dialog.lines_list.count())]
    assert lines[0].startswith("✓ " + ticked[0].reference) and "will be recorded" in lines[0]
    assert lines[2].startswith("✗ NOPE-1") and "unknown" in lines[2]
    assert "already checked in at 08:45" in lines[4]
    assert "unknown" in lines[5]
    assert "3 to record" in dialog.summary.text()
    assert "2 unknown" in dialog.summary.text()
    assert dialog.record_button.isEnabled()
    with (
        qtbot.waitSignal(menu.data_changed, timeout=JOB_TIMEOUT),
        qtbot.waitSignal(dialog.recorded, timeout=JOB_TIMEOUT) as recorded,
    ):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    result = recorded.args[0]
    assert set(result.admitted) == {ticked[0].reference, ticked[1].reference,
                                    f"#{ticked[2].number}"}
    assert result.already == (already.delegate.reference,)
    report = dialog.result_label.text()
    assert "Recorded 3 arrival" in report and "09:10" in report and "Paper A–K" in report
    assert "NOPE-1" in report and "#9999" in report
    arrived = {e.delegate.id: e.arrived_at for e in list_delegates(demo_store, event)}
    for d in ticked:
        assert arrived[d.id] == at(9, 10)
    assert arrived[already.delegate.id] == at(8, 45)  # left alone
    with demo_store.read() as s:
        stations = s.scalars(
            select(m.Scan.station).where(m.Scan.source == ScanSource.IMPORT.value)
        ).all()
    assert stations == ["Paper A–K"] * 3
    # The list then shows them checked in, and a second entry records nothing.
    with qtbot.waitSignal(dialog.previewed, timeout=JOB_TIMEOUT):
        pass
    assert "0 to record" in dialog.summary.text()
    assert not dialog.record_button.isEnabled()


def test_paper_ticks_for_a_session(qtbot, menu, demo_store):
    event = menu.event_info
    d = list_delegates(demo_store, event)[10].delegate
    dialog = menu.enter_paper_ticks()
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("opening"))
    dialog.set_time(9, 40)
    dialog.refs_edit.setPlainText(d.reference)
    with qtbot.waitSignal(dialog.previewed, timeout=JOB_TIMEOUT):
        dialog.check()
    with qtbot.waitSignal(dialog.recorded, timeout=JOB_TIMEOUT) as recorded:
        dialog.record()
    assert recorded.args[0].session == "opening"
    assert "to session Opening remarks at 09:40" in dialog.result_label.text()
    session = event.session("opening")
    with demo_store.read() as s:
        scopes = s.scalars(
            select(m.Admission.scope).where(m.Admission.delegate_id == d.id)
        ).all()
    assert session.id in scopes


def test_a_preview_overtaken_by_typing_is_not_used(qtbot, menu):
    dialog = menu.enter_paper_ticks()
    dialog.refs_edit.setPlainText("IOMNGO-0001")
    previews = []
    dialog.previewed.connect(previews.append)
    dialog.check()
    dialog.refs_edit.setPlainText("IOMNGO-0001 IOMNGO-0002")  # while it runs
    qtbot.waitUntil(lambda: bool(previews), timeout=JOB_TIMEOUT)
    assert [line.ref for line in previews[-1].lines] == ["IOMNGO-0001", "IOMNGO-0002"]
    assert dialog.preview is previews[-1]
    dialog.reject()


def test_paper_ticks_need_a_station(qtbot, menu):
    dialog = menu.enter_paper_ticks()
    dialog.refs_edit.setPlainText("IOMNGO-0001")
    with qtbot.waitSignal(dialog.previewed, timeout=JOB_TIMEOUT):
        dialog.check()
    assert dialog.record_button.isEnabled()
    dialog.station_edit.setText("  ")
    assert not dialog.record_button.isEnabled()
    assert "station" in dialog.result_label.text()


# ---------------------------------------------------------------- backups


def test_back_up_now_into_the_backups_folder(qtbot, menu, demo_store):
    folder = backup.backups_dir(demo_store.path)
    menu.ask_folder = lambda title, start: str(folder)
    run(qtbot, menu, menu.backup_action)
    [copy] = list(folder.glob("*.sqlite"))
    assert copy.name.startswith("desk-")  # rotated name, like the automatic ones
    assert str(copy) in message_text(menu) and "integrity checked" in message_text(menu)
    menu.message.findChild(QPushButton, "openFolderButton").click()
    assert menu.opened == [folder]


def test_back_up_now_into_another_folder(qtbot, menu, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    menu.ask_folder = lambda *_: str(usb)
    run(qtbot, menu, menu.backup_action)
    [copy] = list(usb.glob("*.sqlite"))
    with Store("sqlite:///" + str(copy)) as s, s.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Delegate)) == 86


def test_restore_replaces_the_database_and_closes_the_app(qtbot, window, menu, demo_store):
    auto = AutoBackup(demo_store.path, parent=window)  # as app.start_backups makes it
    auto.start()
    saved = backup.backup(demo_store.path).path
    admit(demo_store, menu.event_info, count=3)  # after the backup: undone by the restore
    confirmations, closing = [], []
    menu.ask_open_path = lambda title, start, filters: str(saved)
    menu.confirm_restore = lambda text: confirmations.append(text) or True
    menu.quit_app = closing.append
    assert menu.restore_backup()
    [question] = confirmations
    assert str(demo_store.path) in question and str(saved) in question
    assert "kept as a backup" in question and "closes" in question
    [farewell] = closing
    assert "start it again" in farewell and "before-restore" in farewell
    with Store("sqlite:///" + str(demo_store.path)) as s, s.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Scan)) == 0
    kept = list(backup.backups_dir(demo_store.path).glob("*before-restore*"))
    assert len(kept) == 1
    assert not auto.is_active  # no automatic copy while the app closes


def test_restore_refused_while_another_desk_has_the_database_open(
    qtbot, window, menu, demo_store
):
    auto = AutoBackup(demo_store.path, parent=window)
    auto.start()
    saved = backup.backup(demo_store.path).path
    closing = []
    menu.ask_open_path = lambda *_: str(saved)
    menu.confirm_restore = lambda text: True
    menu.quit_app = closing.append
    other = Store("sqlite:///" + str(demo_store.path))  # another desk
    try:
        with other.read() as s:
            s.scalar(select(func.count()).select_from(m.Delegate))
        assert not menu.restore_backup()
    finally:
        other.close()
    assert closing == []
    text = message_text(menu)
    assert "in use" in text and "Nothing was changed" in text
    # The app carries on with its database, backed up as before.
    assert len(list_delegates(demo_store, menu.event_info)) == 86
    assert auto.is_active


@pytest.mark.parametrize(("language", "said"), [
    ("en", ("is not a SQLite database or is damaged", "Nothing was changed.")),
    ("fr", ("n’est pas une base de données SQLite ou elle est endommagée",
            "Rien n’a été modifié.")),  # the core's template and the menu's own words
])
def test_restore_of_a_damaged_file_changes_nothing(
    qtbot, menu, demo_store, tmp_path, request, language, said
):
    if language == "fr":
        request.getfixturevalue("french")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    menu.ask_open_path = lambda *_: str(junk)
    menu.confirm_restore = lambda text: True
    menu.quit_app = lambda text: pytest.fail("must not close")
    assert not menu.restore_backup()
    text = message_text(menu)
    assert f"{junk} {said[0]} (" in text and said[1] in text
    assert len(list_delegates(demo_store, menu.event_info)) == 86


@pytest.mark.parametrize(("language", "said"), [
    ("en", ("back it up with pg_dump", "pg_restore")),
    ("fr", ("sauvegardez-la avec pg_dump", "restaurez-la avec pg_restore")),
])
def test_backups_on_postgresql_point_to_pg_dump(qtbot, menu, request, language, said):
    if language == "fr":
        request.getfixturevalue("french")
    menu.store = SimpleNamespace(path=None)
    menu.ask_folder = lambda *_: pytest.fail("no folder to ask for")
    menu.back_up_now()
    assert said[0] in message_text(menu)
    assert "'pg_dump -Fc -f checkin.dump DBNAME'" in message_text(menu)
    assert not menu.restore_backup()
    assert said[1] in message_text(menu)


def test_restore_not_confirmed_does_nothing(qtbot, menu, demo_store):
    saved = backup.backup(demo_store.path).path
    menu.ask_open_path = lambda *_: str(saved)
    menu.confirm_restore = lambda text: False
    assert not menu.restore_backup()
    assert len(list_delegates(demo_store, menu.event_info)) == 86


# ---------------------------------------------------------------- purge


def _counts(store, event):
    with store.read() as s:
        arrived = s.scalar(
            select(func.count()).where(m.Delegate.event_id == event.id,
                                       m.Delegate.arrived_at.is_not(None))
        )
        orgs = s.scalar(select(func.count(func.distinct(m.Delegate.organisation))))
        names = s.scalar(select(func.count()).where(m.Delegate.last_name != ""))
    return arrived, orgs, names


def test_purge_refuses_the_wrong_name_and_purges_with_the_right_one(
    qtbot, window, menu, demo_store
):
    event = menu.event_info
    auto = AutoBackup(demo_store.path, parent=window)
    auto.start()
    admit(demo_store, event, count=4)
    backup.backup(demo_store.path)
    before = _counts(demo_store, event)
    assert before[2] == 86
    menu.purge_action.trigger()
    dialog = menu.dialog
    assert isinstance(dialog, PurgeDialog) and dialog.isVisible()
    assert str(backup.backups_dir(demo_store.path)) in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.status))
    )
    dialog.name_edit.setText("IOM consultation")
    assert not dialog.purge_button.isEnabled()
    assert "does not match" in dialog.status.text()
    with qtbot.waitSignal(dialog.refused):
        dialog.purge_now()
    assert _counts(demo_store, event) == before  # nothing changed
    dialog.name_edit.setText("iom-ngo humanitarian consultation")  # case and dash forgiven
    assert dialog.purge_button.isEnabled()
    with qtbot.waitSignal(dialog.purged, timeout=JOB_TIMEOUT) as purged:
        qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    report = purged.args[0]
    assert report.delegates == 86 and len(report.backups_removed) == 1
    arrived, orgs, names = _counts(demo_store, event)
    assert (arrived, orgs) == before[:2] and names == 0  # counts kept, names gone
    assert not list(backup.backups_dir(demo_store.path).glob("*.sqlite"))
    assert "Personal data removed from 86 delegates" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.cancel_button.text() == "Close")
    assert auto.is_active  # held during the purge, running again after


def test_the_purge_asks_for_the_current_event_name(qtbot, menu):
    menu.set_event_info(replace(menu.event_info, name="Renamed meeting"))
    dialog = menu.purge_personal_data()
    dialog.name_edit.setText("IOM-NGO Humanitarian Consultation")
    assert not dialog.purge_button.isEnabled()
    dialog.name_edit.setText("renamed meeting")
    assert dialog.purge_button.isEnabled()
    dialog.reject()


def test_purge_is_not_offered_while_a_job_runs(qtbot, menu, demo_store):
    gate = threading.Event()
    job = workers.run_in_background(gate.wait, 30)
    try:
        menu.menu.aboutToShow.emit()
        assert not menu.purge_action.isEnabled()
        assert menu.export_action.isEnabled()
        assert menu.purge_personal_data() is None
        assert "Wait for the running task" in message_text(menu)
    finally:
        with qtbot.waitSignal(job.finished, timeout=JOB_TIMEOUT):
            gate.set()
    menu.menu.aboutToShow.emit()
    assert menu.purge_action.isEnabled()


def test_the_purge_dialog_itself_refuses_while_a_job_runs(qtbot, menu, demo_store):
    dialog = menu.purge_personal_data()
    dialog.name_edit.setText(menu.event_info.name)
    gate = threading.Event()
    job = workers.run_in_background(gate.wait, 30)
    try:
        with qtbot.waitSignal(dialog.refused) as refused:
            dialog.purge_now()
        assert "still running" in refused.args[0]
    finally:
        with qtbot.waitSignal(job.finished, timeout=JOB_TIMEOUT):
            gate.set()
    assert _counts(demo_store, menu.event_info)[2] == 86

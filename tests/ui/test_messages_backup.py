"""Backup and restore refusals from the core reach a French organiser in French (issue 9):
core template -> ``explain`` -> the Event menu's message, with the shipped translation."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMainWindow

from checkin.core.event import current_event
from checkin.ui import workers
from checkin.ui.autobackup import AutoBackup
from checkin.ui.export_dialogs import SplitDialog
from checkin.ui.organiser_menu import OrganiserMenu


@pytest.fixture
def menu(qtbot, demo_store):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    organiser = OrganiserMenu(window, demo_store, current_event(demo_store))
    organiser.open_folder = lambda folder: None
    yield organiser
    workers.wait_all(10_000)


def test_a_damaged_backup_is_refused_in_french(french, qtbot, menu, tmp_path: Path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    menu.ask_open_path = lambda *_: str(junk)
    menu.confirm_restore = lambda text: True
    menu.quit_app = lambda text: pytest.fail("must not close")
    assert not menu.restore_backup()
    text = menu.message.text()
    assert f"{junk} n’est pas une base de données SQLite ou elle est endommagée (" in text
    assert "Rien n’a été modifié." in text  # the menu's own words, from the app's .qm
    assert "is not a SQLite database" not in text and "Nothing was changed" not in text


def test_a_failed_automatic_backup_is_reported_in_french(french, qtbot, tmp_path):
    auto = AutoBackup(tmp_path / "gone.sqlite", interval_min=60)
    with qtbot.waitSignal(auto.failed, timeout=10_000) as got:
        auto.backup_now()
    assert got.args[0] == f"Aucune base de données à l’emplacement {tmp_path / 'gone.sqlite'}."
    workers.wait_all(5000)


def test_postgresql_backups_point_to_pg_dump_in_french(french, qtbot, menu):
    menu.store = SimpleNamespace(path=None)
    menu.ask_folder = lambda *_: pytest.fail("no folder to ask for")
    menu.back_up_now()
    text = menu.message.text()
    assert "sauvegardez-la avec pg_dump" in text and "'pg_dump -Fc -f checkin.dump DBNAME'" in text
    assert "back it up" not in text


def test_the_split_dialog_drops_the_option_name_in_french_too(french, qtbot):
    dialog = SplitDialog(None)
    qtbot.addWidget(dialog)
    dialog.split_edit.setText("Z-A")
    assert dialog.problem_text() == "'Z-A' est à l’envers."
    assert not dialog.ok_button.isEnabled()

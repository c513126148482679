"""Backup and split refusals from the core reach a French organiser in French (issue 9),
with the shipped translation (the Event menu's are in test_organiser_menu.py)."""

from __future__ import annotations

from checkin.ui.organiser.autobackup import AutoBackup
from checkin.ui.organiser.export_dialogs import SplitDialog
from checkin.ui.widgets import workers


def test_a_failed_automatic_backup_is_reported_in_french(french, qtbot, tmp_path):
    auto = AutoBackup(tmp_path / "gone.sqlite", interval_min=60)
    with qtbot.waitSignal(auto.failed, timeout=10_000) as got:
        auto.backup_now()
    assert got.args[0] == f"Aucune base de données à l’emplacement {tmp_path / 'gone.sqlite'}."
    workers.wait_all(5000)


def test_the_split_dialog_drops_the_option_name_in_french_too(french, qtbot):
    dialog = SplitDialog(None)
    qtbot.addWidget(dialog)
    dialog.split_edit.setText("Z-A")
    assert dialog.problem_text() == "'Z-A' est à l’envers."
    assert not dialog.ok_button.isEnabled()

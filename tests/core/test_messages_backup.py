"""Backup, restore, sync, offline, purge and mail-merge refusals carry an English
template and its values (issue 9).

The app translates the template (checkin/ui/widgets/messages.py); the command line, the logs
and these tests read ``str(exc)``, which must stay the English sentence it always was.
"""

from __future__ import annotations

import errno
import json
import pickle
import sys
import zipfile
from pathlib import Path

import pytest

from checkin.core.badges import mailmerge
from checkin.core.db import backup
from checkin.core.desk import offline
from checkin.core.errors import UserError
from checkin.core.roster import purge
from checkin.core.sync import bundle as sync
from tests.conftest import insert_delegates

ROOT = Path(__file__).resolve().parents[2]


def _script():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return update_translations


def test_every_class_is_a_user_error_and_keeps_its_old_base():
    for cls in (backup.BackupError, backup.PostgresBackupError, backup.RestoreRefused,
                sync.SyncError, offline.OfflineError, purge.PurgeError,
                mailmerge.MailMergeError):
        assert issubclass(cls, UserError), cls
    # The UI and the CLI test these bases.
    assert issubclass(sync.SyncError, ValueError)
    assert issubclass(purge.PurgeError, ValueError)
    assert issubclass(mailmerge.MailMergeError, ValueError)
    assert issubclass(offline.OfflineError, RuntimeError)
    assert issubclass(backup.RestoreRefused, backup.BackupError)


def test_every_raise_site_is_readable_by_the_translation_script():
    u = _script()
    _calls, blind = u.core_messages(u.core_sources())
    assert blind == []
    templates = {text for _context, text in _calls}
    assert backup.PG_MESSAGE in templates
    assert "%1 is in use (the app or another desk has it open); close it and try again." \
        in templates
    assert "Restore failed: %1 (%2)." in templates  # kept aside in a table
    assert ("%1: written by a newer checkin (unknown scan fields: %2). Update checkin on "
            "this station first.") in templates


def test_a_damaged_backup_names_the_file_and_reads_as_before(tmp_path, store, event):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backup.BackupError) as caught:
        backup.restore(junk, store.path, force=True)
    exc = caught.value
    assert exc.template == "%1 is not a SQLite database or is damaged (%2)."
    assert exc.values[0] == str(junk)
    assert str(exc) == f"{junk} is not a SQLite database or is damaged ({exc.values[1]})."
    assert exc.values[1]  # sqlite's own words, as a value


def test_a_refused_restore_says_where_the_copy_goes(tmp_path, store, event):
    saved = backup.backup(store.path).path
    with pytest.raises(backup.RestoreRefused) as caught:
        backup.restore(saved, store.path)
    exc = caught.value
    folder = backup.backups_dir(store.path)
    assert exc.template == "%1 exists: add --force to replace it (it is kept as a backup in %2)."
    assert exc.values == (str(store.path), str(folder))
    assert str(exc) == (
        f"{store.path} exists: add --force to replace it (it is kept as a backup in {folder})."
    )


def test_a_full_disk_is_one_template_per_action_with_the_system_words(
    tmp_path, store, event, monkeypatch
):
    def full(source, dest):
        raise OSError(errno.ENOSPC, "No space left on device", str(dest))

    monkeypatch.setattr(backup, "_copy", full)
    with pytest.raises(backup.BackupError) as caught:
        backup.backup(store.path, tmp_path / "copy.sqlite")
    exc = caught.value
    assert exc.template == "Backup failed: %1 (%2)."
    assert str(exc) == f"Backup failed: No space left on device ({tmp_path / 'copy.sqlite'})."
    assert not (tmp_path / "copy.sqlite").exists()


def test_postgresql_backups_point_to_pg_dump():
    with pytest.raises(backup.PostgresBackupError) as caught:
        backup.sqlite_path("postgresql+psycopg://u@h/db")
    assert caught.value.template == backup.PG_MESSAGE
    assert caught.value.values == ()
    assert str(caught.value) == backup.PG_MESSAGE


def test_errors_survive_pickling_with_their_template(tmp_path):
    exc = backup.BackupError("No database at %1.", tmp_path / "x.sqlite")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is backup.BackupError
    assert (back.template, back.values, str(back)) == (
        exc.template, exc.values, f"No database at {tmp_path / 'x.sqlite'}."
    )


def _rewrite(good: Path, bad: Path, name: str, change) -> None:
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for part in src.namelist():
            data = src.read(part).decode()
            dst.writestr(part, change(data) if part == name else data)


def test_a_damaged_sync_line_gives_file_part_and_line_as_values(tmp_path, store, event):
    insert_delegates(store, event, [{}, {}, {}])
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    sync.export_bundle(store, good)

    def wrong_number(data: str) -> str:
        lines = data.splitlines()
        row = json.loads(lines[1])
        row["badge_version"] = "two"
        lines[1] = json.dumps(row)
        return "\n".join(lines) + "\n"

    _rewrite(good, bad, "delegates.jsonl", wrong_number)
    with pytest.raises(sync.SyncError) as caught:
        sync.import_bundle(store, bad)
    exc = caught.value
    assert exc.template == "%1: %2, line %3: %4 %5 is not a whole number."
    assert exc.values == (str(bad), "delegates.jsonl", "2", "badge_version", "'two'")
    assert str(exc) == f"{bad}: delegates.jsonl, line 2: badge_version 'two' is not a whole number."


def test_a_sync_file_from_a_newer_checkin_names_the_kind_of_field(tmp_path, store, event):
    good, bad = tmp_path / "good.zip", tmp_path / "newer.zip"
    sync.export_bundle(store, good)

    def newer(data: str) -> str:
        manifest = json.loads(data)
        manifest["scan_columns"].append("mood")
        return json.dumps(manifest)

    _rewrite(good, bad, "manifest.json", newer)
    with pytest.raises(sync.SyncError) as caught:
        sync.import_bundle(store, bad)
    assert caught.value.template.startswith("%1: written by a newer checkin (unknown scan")
    assert str(caught.value) == (
        f"{bad}: written by a newer checkin (unknown scan fields: mood). Update checkin on "
        "this station first."
    )


def test_a_mail_merge_into_a_file_says_so(tmp_path):
    afile = tmp_path / "badges"
    afile.write_text("x")
    with pytest.raises(mailmerge.MailMergeError) as caught:
        mailmerge._private_folder(afile)
    assert caught.value.template == "%1 exists and is not a folder."
    assert str(caught.value) == f"{afile} exists and is not a folder."

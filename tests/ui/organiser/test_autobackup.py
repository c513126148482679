"""Automatic backups: on a timer, off the GUI thread, and a last one on stop()."""

from __future__ import annotations

import pytest

from checkin.core.db.backup import BackupResult
from checkin.ui.organiser.autobackup import AutoBackup
from checkin.ui.widgets import workers


@pytest.fixture(autouse=True)
def no_leftover_jobs():
    yield
    workers.cancel_all()
    assert workers.wait_all(5000)


def test_timer_backs_up_in_the_background_and_stop_makes_a_last_copy(qtbot, store, event,
                                                                    db_path):
    auto = AutoBackup(db_path, interval_min=0.001)  # 60 ms
    assert auto.enabled
    with qtbot.waitSignal(auto.backed_up, timeout=10_000) as got:
        auto.start()
    first = got.args[0]
    assert isinstance(first, BackupResult) and first.path.is_file()
    assert first.path.parent == db_path.parent / "backups"
    assert auto.is_active
    qtbot.waitUntil(lambda: not auto.is_running, timeout=10_000)
    with qtbot.waitSignal(auto.backed_up, timeout=1000) as last:
        result = auto.stop()
    assert not auto.is_active
    assert result is last.args[0] and result.path.is_file() and result.path != first.path
    assert auto.last is result


def test_a_tick_while_a_copy_runs_is_skipped(qtbot, store, event, db_path):
    auto = AutoBackup(db_path, interval_min=60)
    job = auto.backup_now()
    assert job is not None
    assert auto.backup_now() is None  # the first is still running (or its result queued)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    auto.stop(final=False)


def test_failure_is_reported_as_a_message(qtbot, tmp_path):
    auto = AutoBackup(tmp_path / "gone.sqlite", interval_min=60)
    with qtbot.waitSignal(auto.failed, timeout=10_000) as got:
        auto.backup_now()
    assert "No database at" in got.args[0]
    with qtbot.waitSignal(auto.failed, timeout=1000):
        assert auto.stop() is None


def test_postgresql_has_no_automatic_backup(qtbot):
    auto = AutoBackup(None)
    auto.start()
    assert not auto.enabled and not auto.is_active
    assert auto.backup_now() is None and auto.stop() is None

"""The command groups as ``checkin.cli`` assembles them: the sub-commands in the order of
``checkin --help``, the exit status of each core error, and what a command loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import checkin.cli as cli
from checkin.cli import common
from checkin.core.badges.mailmerge import MailMergeError
from checkin.core.badges.printing import PrintError
from checkin.core.badges.templates import TemplateError
from checkin.core.dashboard.files import ReportError
from checkin.core.db.backup import BackupError, PostgresBackupError, RestoreRefused
from checkin.core.db.store import StoreError
from checkin.core.desk.service import CheckinError
from checkin.core.errors import UserError
from checkin.core.event.rules import EventError
from checkin.core.roster.purge import PurgeError
from checkin.core.roster.report import RosterError
from checkin.core.sync.bundle import SyncError

HEAVY = ("reportlab", "openpyxl", "PySide6", "qrcode", "pypdf")


def _subcommands(parser) -> list[str]:
    (action,) = [a for a in parser._actions if a.dest == "command"]
    return list(action.choices)


def test_every_command_in_the_order_of_the_help():
    assert _subcommands(cli.build_parser()) == [
        "demo", "event", "import", "list", "search", "scan", "undo", "stats", "badges",
        "templates", "export", "paper-arrivals", "mailmerge", "backup", "restore", "purge",
        "sync",
    ]


def test_every_error_in_the_tables_is_a_user_error():
    """``_user_error_status`` looks at the tables only for a UserError."""
    classes = [cls for table in cli._ERROR_TABLES for cls, _ in table()]
    assert len(classes) >= 13
    assert all(issubclass(cls, UserError) for cls in classes)


@pytest.mark.parametrize(
    ("cls", "status"),
    [
        (EventError, common.EXIT_USAGE),
        (CheckinError, common.EXIT_USAGE),
        (TemplateError, common.EXIT_USAGE),
        (PrintError, common.EXIT_USAGE),
        (RosterError, common.EXIT_REFUSED),
        (StoreError, common.EXIT_DATABASE),
        (ReportError, common.EXIT_USAGE),
        (MailMergeError, common.EXIT_USAGE),
        (PurgeError, common.EXIT_USAGE),
        (PostgresBackupError, common.EXIT_USAGE),
        (RestoreRefused, common.EXIT_USAGE),
        (BackupError, common.EXIT_DATABASE),
        (SyncError, common.EXIT_USAGE),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else str(v),
)
def test_exit_status_of_each_user_error(cls, status):
    assert cli._user_error_status(cls("%1 went wrong", "it")) == status


def test_other_errors_are_bugs():
    assert cli._user_error_status(ValueError("no")) is None
    assert cli._user_error_status(UserError("a refusal no command expects")) is None


def _loaded_after(code: str, tmp_path) -> list[str]:
    """The heavy libraries a child process has loaded after running ``code``."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path)}
    env.pop("CHECKIN_DB", None)
    script = (
        "import contextlib, io, json, sys\n"
        "from checkin.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        f"    {code}\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def test_the_help_loads_no_heavy_library(tmp_path):
    assert _loaded_after("import checkin.cli as c; c.build_parser().format_help()", tmp_path) == []


def test_a_scan_and_its_refusal_load_no_pdf_spreadsheet_or_qt(tmp_path):
    db = tmp_path / "cli.sqlite"
    code = (
        f"db = {str(db)!r}; main(['--db', db, 'demo']); "
        "main(['--db', db, 'scan', 'NOT-A-BADGE']); "
        "main(['--db', db, 'scan', '--session', 'nope', 'NOT-A-BADGE'])"
    )
    assert _loaded_after(code, tmp_path) == []

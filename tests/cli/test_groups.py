"""The command groups as ``checkin.cli`` assembles them: the sub-commands in the order of
``checkin --help``, the exit status of each core error, and what a command loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import checkin.cli as cli
from checkin.cli import common
from checkin.core.badges.label_printer import PrinterError
from checkin.core.badges.mailmerge import MailMergeError
from checkin.core.badges.printing import PrintError
from checkin.core.badges.templates import TemplateError
from checkin.core.dashboard.files import ReportError
from checkin.core.db.backup import BackupError, PostgresBackupError, RestoreRefused
from checkin.core.db.store import StoreError
from checkin.core.desk.offline import OfflineError
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
        "demo", "event", "import", "list", "search", "scan", "undo", "kiosk", "note",
        "handout", "photos", "replay", "stats", "badges", "templates", "printers", "export",
        "paper-arrivals", "mailmerge", "backup", "restore", "purge", "sync",
    ]


def test_every_error_in_the_tables_is_a_user_error():
    """``_user_error_status`` looks at the tables only for a UserError."""
    classes = [cls for table in cli._ERROR_TABLES for cls, _ in table()]
    assert len(classes) >= 14
    assert all(issubclass(cls, UserError) for cls in classes)


@pytest.mark.parametrize(
    ("cls", "status"),
    [
        (EventError, common.EXIT_USAGE),
        (CheckinError, common.EXIT_USAGE),
        (TemplateError, common.EXIT_USAGE),
        (PrintError, common.EXIT_USAGE),
        (PrinterError, common.EXIT_REFUSED),
        (RosterError, common.EXIT_REFUSED),
        (StoreError, common.EXIT_DATABASE),
        (OfflineError, common.EXIT_DATABASE),
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


@pytest.mark.parametrize("debug", ["", "1"])
def test_a_server_gone_mid_command_is_exit_3_never_a_bug(monkeypatch, capsys, debug):
    """A command whose server goes away half-way (here ``stats``) says so, exit 3."""
    from sqlalchemy.exc import OperationalError

    from checkin.cli import stats

    def gone(args):
        raise OperationalError("SELECT count(*) FROM scans", {}, Exception(
            "server closed the connection unexpectedly\n\tThis probably means the server "
            "terminated abnormally"))

    monkeypatch.setattr(stats, "cmd_stats", gone)
    monkeypatch.setenv("CHECKIN_DEBUG", debug)
    assert cli.main(["--db", "postgresql+psycopg://desk@db.invalid/checkin", "stats"]) == 3
    err = capsys.readouterr().err
    assert err == ("checkin: the database server cannot be reached (server closed the "
                   "connection unexpectedly).\n")


def test_the_help_lists_every_exit_status():
    help_text = cli.build_parser().format_help()
    epilog = help_text[help_text.index("exit status:"):]
    listed = [int(line.split()[0]) for line in epilog.splitlines()[1:]
              if line.strip() and line.split()[0].isdigit()]
    assert listed == [status for status, _ in common.EXIT_CODES]
    assert set(listed) == {common.EXIT_OK, common.EXIT_REFUSED, common.EXIT_USAGE,
                           common.EXIT_DATABASE, common.EXIT_NO_DISPLAY,
                           common.EXIT_UNEXPECTED,
                           common.EXIT_INTERRUPTED}


def test_the_readme_tables_the_same_exit_statuses():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("**Exit status**"):].split("\n\n")[1]
    rows = [line.split("|")[1:3] for line in table.splitlines()[2:]]
    assert [int(status.strip(" `")) for status, _ in rows] == [
        status for status, _ in common.EXIT_CODES
    ]
    # The same words as the help, give or take the README's markup.
    for (_, meaning), (_, row) in zip(common.EXIT_CODES, rows, strict=True):
        first = meaning.split(",")[0].split("(")[0].strip()
        assert first in row.replace("`", ""), (first, row)


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

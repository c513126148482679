"""The ``checkin`` command: parse, call a core service, print text or JSON.

One module per command group, each adding its own sub-commands (``register``) and
naming the core's errors its commands may raise (``user_errors``); this module lists
them, builds the parser and turns errors into exit statuses.

Exit statuses are listed once, in ``common.EXIT_CODES`` (shown by ``checkin --help``).
A database server that went away is exit 3 with a sentence, never an "unexpected
error"; no traceback reaches the user unless ``CHECKIN_DEBUG=1`` is set.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from checkin import __version__
from checkin.cli import common
from checkin.cli.common import (
    EXIT_DATABASE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNEXPECTED,
    Commands,
    ErrorTable,
    UsageError,
)
from checkin.core.errors import UserError

__all__ = ["build_parser", "main"]

# In the order of ``checkin --help``.  Imported when a parser is built, not before:
# ``checkin`` alone opens the app, whose start-up has no use for them (``_app_only``).
_GROUP_NAMES = ("event", "roster", "desk", "kiosk", "accreditation", "offline", "stats",
                "badges", "data", "sync")


def _group(name: str):
    return importlib.import_module(f"checkin.cli.{name}")


def _table(name: str) -> Callable[[], ErrorTable]:
    return lambda: _group(name).user_errors()


# Tried in this order when a command fails; the first class that matches gives the exit
# status.  The tables import their classes only then, so that ``checkin scan`` does not
# load the PDF machinery just to be able to report a badge template error.
_ERROR_TABLES: tuple[Callable[[], ErrorTable], ...] = (
    common.user_errors,
    *(_table(name) for name in
      ("desk", "accreditation", "offline", "roster", "badges", "data", "sync")),
)


def cmd_none(args: argparse.Namespace) -> int:
    """No command: the desktop app (Qt is imported only here, never for a command) —
    unless it cannot show a window here: then a sentence and the fix, not Qt's abort."""
    from checkin.cli.display import problem

    said = problem()
    if said is not None:
        print(said, file=sys.stderr)
        return common.EXIT_NO_DISPLAY
    from checkin.ui.launch import main as run_app

    return run_app(args.db, args.demo, read_only=args.read_only)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkin",
        description="Conference check-in: roster, signed QR badges, scanning, headcounts.",
        epilog=common.exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    from checkin.cli.selftest import SelfTestAction

    parser.add_argument("--self-test", action=SelfTestAction)
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="SQLite file or database URL (default: $CHECKIN_DB, then the "
                             "per-user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="use the demo event in a database of its own")
    parser.add_argument("--read-only", action="store_true",
                        help="open a SQLite file without writing to it (to look at and "
                             "export from a file that cannot be written)")
    parser.set_defaults(func=cmd_none)
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    for name in _GROUP_NAMES:
        _group(name).register(commands)
    return parser


def _app_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The app's options when ``argv`` asks for the app and nothing else (``--db X``,
    ``--demo``, ``--read-only``); None for anything else, which the full parser reads.
    Building that parser imports every command's module: time the Desk, opening, does
    not have to wait for."""
    db, demo, read_only = None, False, False
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--demo":
            demo = True
        elif arg == "--read-only":
            read_only = True
        elif arg == "--db" and args and not args[0].startswith("-"):
            db = args.pop(0)
        elif arg.startswith("--db=") and len(arg) > 5:
            db = arg[5:]
        else:
            return None
    return argparse.Namespace(db=db, demo=demo, read_only=read_only, command=None,
                              func=cmd_none)


def _user_error_status(exc: Exception) -> int | None:
    """The exit status of an error meant for the user; None for a bug."""
    if not isinstance(exc, UserError):  # every class in the tables is one
        return None
    for table in _ERROR_TABLES:
        for cls, status in table():
            if isinstance(exc, cls):
                return status
    return None


def _unreachable(exc: Exception) -> str | None:
    """What the driver said, when ``exc`` means the database server is not there."""
    if "sqlalchemy" not in sys.modules:  # no database was touched
        return None
    from checkin.core.desk.offline import is_unreachable

    if not is_unreachable(exc):
        return None
    said = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return said[0] if said else type(exc).__name__


def _reconfigure_streams() -> None:
    """Pipes and files get UTF-8 whatever the locale (Windows would pick cp1252 and fail
    on "Łukasz"); a console keeps its own encoding, with a fallback glyph."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    _reconfigure_streams()
    args = _app_only(sys.argv[1:] if argv is None else argv)
    parser = None
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        (parser or build_parser()).error(str(exc))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head`: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        status = _user_error_status(exc)
        if status is not None:
            print(f"checkin: {exc}", file=sys.stderr)
            return status
        said = _unreachable(exc)
        if said is not None:
            print(f"checkin: the database server cannot be reached ({said}).", file=sys.stderr)
            return EXIT_DATABASE
        if os.environ.get("CHECKIN_DEBUG"):
            raise
        print(f"checkin: unexpected error ({type(exc).__name__}: {exc}). "
              "Run again with CHECKIN_DEBUG=1 for details.", file=sys.stderr)
        return EXIT_UNEXPECTED
    return EXIT_OK

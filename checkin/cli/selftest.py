"""``checkin --self-test``: prove that this installation works, headless, in seconds.

Built for the frozen app (PyInstaller), where a missing data file, Qt plugin or hidden
import only shows when the code that needs it runs: the steps walk the morning's path
end to end — a database created by the bundled Alembic migrations, the demo event from
the bundled files, a badge rendered with the bundled fonts and template, its QR code
read back from the pixels, the code scanned at a desk — and then build the desktop
window offscreen with every UI module imported, so an excluded Qt part is caught too.

Only what a desk needs to scan and record can fail the test.  Sound and the webcam are
optional parts (QtMultimedia needs the PulseAudio client library on Linux; the app runs
without them, silent, scanning with a USB scanner): when one is missing its step says
``warning`` with the reason, and the test still passes.

Everything happens in a temporary folder: the user's database and settings are never
touched.  One line per step; "self-test passed" and exit 0, or the failed step with
the reason and exit 1 (``CHECKIN_DEBUG=1`` adds the traceback).  Nothing here imports
Qt until the desktop step, so the steps before it also run where Qt cannot load.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from checkin.core.types import Outcome
from checkin.core.wording import plural

EXIT_PASSED, EXIT_FAILED = 0, 1
STATION = "self-test"
DPI = 200  # a desk scanner sees a printed badge at about this resolution


class SelfTestFailure(Exception):
    """A step ran but its result is wrong; the message says what was expected."""


@dataclass
class _Context:
    folder: Path
    store: Any = None
    event: Any = None
    delegate: Any = None
    pdf: Path | None = None
    code: str = ""


def _database(ctx: _Context) -> str:
    from checkin.core.db.store import open_store

    ctx.store = open_store(str(ctx.folder / "self-test.sqlite"))
    info = ctx.store.info()
    return f"new SQLite database in a temporary folder, schema {info.revision}"


def _demo(ctx: _Context) -> str:
    from checkin.core.roster.demo import create_demo

    result = create_demo(ctx.store)
    count = len(result.report.new) if result.report else 0
    if not result.created or count == 0:
        raise SelfTestFailure("the demo event was not created with its delegates")
    ctx.event = result.event
    return (f"demo event with {plural(count, 'delegate', 'delegates')}, "
            f"{plural(len(ctx.event.sessions), 'session', 'sessions')}")


def _badge(ctx: _Context) -> str:
    from checkin.core.badges.printing import print_badges, select_delegates
    from checkin.core.badges.templates import load_template

    ctx.delegate = select_delegates(ctx.store, ctx.event)[0]
    ctx.pdf = ctx.folder / "badge.pdf"
    report = print_badges(
        ctx.store, ctx.event, ctx.pdf, template=load_template("a6"),
        refs=[ctx.delegate.reference], station=STATION,
    )
    if report.badges != 1 or not ctx.pdf.is_file():
        raise SelfTestFailure(f"expected 1 badge in {ctx.pdf.name}, got {report.badges}")
    return (f"badge {ctx.delegate.reference} on template a6: "
            f"{plural(report.pages, 'page', 'pages')}, "
            f"{ctx.pdf.stat().st_size // 1024} KiB PDF")


def _decode(ctx: _Context) -> str:
    import pypdfium2 as pdfium
    import zxingcpp

    from checkin.core.desk.frames import BADGE_FORMAT

    pdf = pdfium.PdfDocument(str(ctx.pdf))
    try:
        page = pdf[0]
        bitmap = page.render(scale=DPI / 72, grayscale=True)
        try:
            if bitmap.n_channels != 1:
                raise SelfTestFailure(f"expected a grey page, got {bitmap.n_channels} channels")
            pixels = bytes(bitmap.buffer)  # kept alive: the view does not own it
            view = zxingcpp.ImageView(
                pixels, bitmap.width, bitmap.height, zxingcpp.ImageFormat.Lum, bitmap.stride
            )
            found = zxingcpp.read_barcodes(view, formats=BADGE_FORMAT)
        finally:
            bitmap.close()
            page.close()
    finally:
        pdf.close()
    texts = [b.text for b in found]
    if len(texts) != 1:
        raise SelfTestFailure(f"expected one QR code on the page at {DPI} dpi, found {len(texts)}")
    ctx.code = texts[0]
    return f"QR code read back from the page at {DPI} dpi: {ctx.code}"


def _scan(ctx: _Context) -> str:
    from checkin.core.desk.service import CheckinService

    desk = CheckinService(ctx.store, ctx.event, station=STATION)
    outcome = desk.scan(ctx.code)
    if outcome.status is not Outcome.ADMITTED:
        raise SelfTestFailure(f"expected admitted, got {outcome.status.value}: {outcome.message}")
    if outcome.delegate is None or outcome.delegate.number != ctx.delegate.number:
        raise SelfTestFailure("the code admitted someone other than the badge's delegate")
    again = desk.scan(ctx.code)
    if again.status is not Outcome.ALREADY_ADMITTED:
        raise SelfTestFailure(f"a second scan should be already admitted, got {again.status.value}")
    return (f"{ctx.delegate.reference} {outcome.status.value} at desk '{STATION}', "
            f"a second scan {again.status.value}")


def _import_ui() -> int:
    """Import every UI module (a hidden import left out of a frozen build fails here);
    how many there are."""
    import importlib
    import pkgutil

    if "PySide6.QtWidgets" not in sys.modules:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless: no screen is needed
        # No sound server or video acceleration where a self-test runs: not news.
        os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

    import checkin.ui

    modules = sorted(
        info.name
        for info in pkgutil.walk_packages(checkin.ui.__path__, "checkin.ui.")
        if not info.ispkg
    )
    for name in modules:
        importlib.import_module(name)
    if len(modules) < 5:
        raise SelfTestFailure(f"only {len(modules)} UI modules found in this installation")
    return len(modules)


def _desktop(ctx: _Context) -> str:
    """Qt, offscreen: every UI module, the translations, and the window on the demo
    event."""
    modules = _import_ui()

    import PySide6
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from checkin.core.resources import resource
    from checkin.ui.app import application, build_window
    from checkin.ui.widgets import workers

    platforms = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and not any(
        platforms.glob("*qoffscreen*")
    ):  # else Qt aborts the whole process, with no step to name
        raise SelfTestFailure(f"Qt's offscreen platform plugin is not in {platforms}")
    app = application()
    qm_files = sorted(resource("translations").glob("*.qm"))
    broken = [p.name for p in qm_files if not QTranslator(app).load(str(p))]
    if broken:
        raise SelfTestFailure("translations that do not load: " + ", ".join(broken))
    window = build_window(ctx.store, station=STATION)
    try:
        try:
            window.page("desk")
        except ValueError:
            raise SelfTestFailure("the window has no Desk page") from None
    finally:
        window.close()
        window.deleteLater()
        workers.cancel_all()
        workers.wait_all(5000)
    return (f"Qt {PySide6.__version__} ({app.platformName()}): {modules} UI modules, "
            f"{plural(len(qm_files), 'translation', 'translations')}, the window opens on "
            "the Desk")


def _sound(ctx: _Context) -> str:
    """The desk's three sounds load (QtMultimedia); optional."""
    from checkin.ui.desk.sounds import KINDS, SoundBoard

    board = SoundBoard()
    try:
        if board.unavailable:
            raise SelfTestFailure(board.unavailable + " The desk works silently.")
    finally:
        board.deleteLater()
    return f"{plural(len(KINDS), 'desk sound', 'desk sounds')} loaded"


def _camera(ctx: _Context) -> str:
    """Webcam scanning: QtMultimedia and its media backend (FFmpeg); optional."""
    from checkin.ui.desk.camera import CameraScanner

    scanner = CameraScanner()
    try:
        if not scanner.available:
            raise SelfTestFailure(scanner.unavailable + " Scan with a USB scanner.")
        from PySide6.QtMultimedia import QMediaPlayer

        player = QMediaPlayer()
        available = player.isAvailable()
        player.deleteLater()
        if not available:
            raise SelfTestFailure("Qt Multimedia has no media backend (its FFmpeg plugin did "
                                  "not load), so the webcam cannot scan; scan with a USB "
                                  "scanner.")
        cameras = len(scanner.available_cameras())
    finally:
        scanner.deleteLater()
    return f"media backend, {plural(cameras, 'camera', 'cameras')} connected"


STEPS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("database", _database),
    ("demo event", _demo),
    ("badge", _badge),
    ("QR decode", _decode),
    ("scan", _scan),
    ("desktop", _desktop),
    ("sound", _sound),
    ("camera", _camera),
)
OPTIONAL = frozenset({"sound", "camera"})
"""Steps whose failure is a warning: the desk scans and records without them."""


def _where() -> str:
    if getattr(sys, "frozen", False):
        return f"frozen build in {Path(sys.executable).resolve().parent}"
    return f"Python {sys.version.split()[0]} at {sys.executable}"


def _attempt(name: str, step: Callable[[_Context], str], ctx: _Context,
             say: Callable[[str], None]) -> bool:
    """Run one step and say how it went; did it work?"""
    started = time.perf_counter()
    try:
        detail = step(ctx)
    except Exception as exc:
        reason = str(exc).strip() or type(exc).__name__
        if not isinstance(exc, SelfTestFailure):
            reason = f"{type(exc).__name__}: {reason}"
        say(f"{'warning' if name in OPTIONAL else 'FAILED '} {name}: {reason}")
        if os.environ.get("CHECKIN_DEBUG"):
            traceback.print_exc()
        return False
    ms = (time.perf_counter() - started) * 1000
    say(f"ok      {name}: {detail} ({ms:.0f} ms)")
    return True


def run(out: TextIO | None = None) -> int:
    """Run every step in order, stopping at the first failure of a step the desk needs;
    the exit status."""
    from checkin import __version__

    def say(line: str) -> None:
        stream = out or sys.stdout
        if stream is not None:  # a windowed app on Windows has no console
            stream.write(line + "\n")
            stream.flush()

    say(f"checkin {__version__} self-test ({_where()})")
    missing = []
    with tempfile.TemporaryDirectory(prefix="checkin-selftest-", ignore_cleanup_errors=True) as tmp:
        ctx = _Context(folder=Path(tmp))
        try:
            for name, step in STEPS:
                if _attempt(name, step, ctx, say):
                    continue
                if name not in OPTIONAL:
                    say(f"self-test failed at step '{name}'")
                    return EXIT_FAILED
                missing.append(name)
        finally:
            if ctx.store is not None:
                ctx.store.close()
    if missing:
        say(f"self-test passed, without {' and '.join(missing)}: the desk scans and records "
            "without them")
    else:
        say("self-test passed")
    return EXIT_PASSED


class SelfTestAction(argparse.Action):
    """``--self-test`` on the command line: like ``--version``, runs at once and exits."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        kwargs.setdefault("help", "check this installation headless, in a temporary "
                                  "folder (exit 0 when it works)")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        parser.exit(run())

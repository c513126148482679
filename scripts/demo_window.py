"""The real window on a throwaway demo database, for the screenshot scripts.

Each ``make_*_images.py`` that shows the Desk needs the same start: the app (translated
with ``--lang``), a demo event in a temporary folder, a desk settings file naming
"Desk 1", the window at 1280x740 and its search index ready.  Kept here once so the
scripts differ only in what they show.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow

from checkin.core.db.store import open_store
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.demo import create_demo
from checkin.ui.app import application, build_window
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.settings import DeskSettings, save


@dataclass
class DemoWindow:
    app: QApplication
    window: QMainWindow
    controller: DeskController
    codes: dict[str, str]  # first name -> badge code
    tmp: Path
    out: Path
    suffix: str  # "-fr" with --lang fr, "" in English

    def settle(self, until: Callable[[], object] = lambda: True, seconds: float = 30) -> None:
        """Run the event loop until ``until()`` holds (or ``seconds`` pass)."""
        deadline = time.monotonic() + seconds
        while True:
            for _ in range(20):
                self.app.processEvents()
            if until() or time.monotonic() > deadline:
                return
            time.sleep(0.05)

    def save(self, widget, name: str) -> None:
        widget.grab().save(str(self.out / f"{name}{self.suffix}.png"))


def arguments(description: str) -> argparse.Namespace:
    """``[--lang fr] [OUT_DIR]``, the same for every screenshot script."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("out", nargs="?", default="docs/images")
    parser.add_argument("--lang", default="")
    return parser.parse_args()


@contextmanager
def demo_window(args: argparse.Namespace) -> Iterator[DemoWindow]:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    if args.lang:
        from checkin.ui.widgets import translations

        translations.install(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "desk.sqlite"))
        event = create_demo(store).event
        codes = {e.delegate.first_name: e.code for e in list_delegates(store, event)}
        ini = str(Path(tmp) / "desk.ini")
        save(QSettings(ini, QSettings.Format.IniFormat), DeskSettings(station="Desk 1"))
        window = build_window(store, settings=QSettings(ini, QSettings.Format.IniFormat))
        window.resize(1280, 740)
        window.show()
        controller = window.findChild(DeskController)
        demo = DemoWindow(app, window, controller, codes, Path(tmp), out,
                          f"-{args.lang}" if args.lang else "")
        demo.settle(lambda: controller.index is not None)
        try:
            yield demo
        finally:
            window.close()
            store.close()

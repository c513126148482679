"""The floor under the soak's keystroke-to-result: the same typing into a bare Qt window.

``soak_keys.py`` times a Return press to the Desk's result panel painted.  How much of
that is the app, and how much the machine (two shared cores, an offscreen platform, the
Python interpreter itself)?  This window does nothing but what any Qt program must to
answer a scanner: it takes the same key events from ``bench_desk.Driver`` on its
``QWindow``, and on Return puts the name for the code typed on a label, which Qt then
paints — no database, no layout of a real panel, no dashboard.  Its percentiles, taken
before and after the soak in the same process, are the baseline the soak's figures are
a ratio of: a p99.9 the bare window cannot reach here, the Desk cannot either.

With a ``Journal`` the bare window also does the one thing the Desk's design keeps on
the scan path whatever its code: each Return commits a row to a SQLite file as the
store does (WAL, ``synchronous=FULL``, the checkpoints on the store's own
``Checkpointer`` thread) before the name goes up.  That is the durable floor: no
SQLAlchemy, no queries, no panel — what a result shown only once it is durable costs on
this machine, and so the least the Desk's tail can be here.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace

from bench_desk import Clock, Driver
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from checkin.core.db.store import Checkpointer

SCANS_PER_S = 7  # the soak's rhythm: 5 ms a key, 50 ms between scans


class Journal:
    """One row per scan, committed as the store commits a scan (``_set_sqlite_pragmas``:
    WAL, ``synchronous=FULL``, no automatic checkpoint; the store's ``Checkpointer``
    copies the WAL back after the commits)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "wal_autocheckpoint = 0"):
            self.conn.execute("PRAGMA " + pragma)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS scans (id INTEGER PRIMARY KEY, code TEXT, at REAL)"
        )
        self.checkpointer = Checkpointer(path)

    def write(self, code: str) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO scans (code, at) VALUES (?, ?)", (code, time.time()))
        self.conn.execute("COMMIT")
        self.checkpointer.written()

    def close(self) -> None:
        self.checkpointer.stop()
        self.conn.close()


class BareDesk(QWidget):
    """A window with one label; Return shows the name of the code typed since the last
    (once it is committed, given a ``journal``)."""

    def __init__(self, names: dict[str, str], journal: Journal | None = None) -> None:
        super().__init__()
        self.names, self.journal = names, journal
        self.panel = QLabel(self)  # the label Driver watches paint
        self._name = ""
        self.panel.first = SimpleNamespace(text=lambda: self._name)  # read back by Driver
        QVBoxLayout(self).addWidget(self.panel)
        self._typed: list[str] = []
        self.resize(1280, 720)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return event.type() == QEvent.Type.KeyRelease
        assert isinstance(event, QKeyEvent)
        if event.key() == Qt.Key.Key_Return:
            code = "".join(self._typed)
            if self.journal is not None:
                self.journal.write(code)
            self._name = self.names.get(code, "")
            self.panel.setText(f"{self._name}\n{code}")  # two people may share a name
            self._typed.clear()
        elif event.text():
            self._typed.append(event.text())
        return True


def bare_baseline(
    people: list[tuple[str, str]], seconds: float, journal: Journal | None = None
) -> list[float]:
    """The round trips (s) of ``seconds`` of scans of ``people`` into a ``BareDesk``."""
    scans = [people[i % len(people)] for i in range(max(20, round(seconds * SCANS_PER_S)))]
    desk = BareDesk(dict(people), journal)
    desk.show()
    handle = desk.windowHandle()
    handle.installEventFilter(desk)
    QTest.qWaitForWindowExposed(desk)
    driver = Driver(desk, SimpleNamespace(view=desk), Clock(), scans, warmup=10)
    try:
        driver.run()
    finally:
        driver.dispose()
        handle.removeEventFilter(desk)
        desk.close()
        desk.deleteLater()
    if driver.mismatches:
        raise RuntimeError(f"the bare window painted {driver.mismatches} wrong names")
    return driver.roundtrip

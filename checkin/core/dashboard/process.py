"""The dashboard's refresh in a worker process of its own, so the GUI never waits on it.

Why a process and not a thread: a refresh at a big event is mostly Python work (rows
turned into frozen values, lists built, garbage collected) and holds the GIL while it
runs.  On a thread of the GUI process the GUI thread then waits for the GIL at every
Python call it makes while painting: 15-55 ms stalls measured at 50,000 delegates.  A
child process has a GIL of its own; the GUI process only sends a small request and
unpickles the answer.

One long-lived child per live feed, started with the "spawn" method (never fork a
process that runs Qt): it opens its own ``Store`` on the same database once, then
answers ``Request``s with finished ``Dashboard``s until it reads ``None`` or its pipe
closes (the parent exited or was killed: the child never outlives it).  It keeps its
previous snapshot to reuse the call list, as ``compute_dashboard`` does in one
process, and then does not send that list again (or, after a few arrivals, only the
ids in order and the people new to it): the parent keeps its copy.

Unpickling is one C call that holds the GIL throughout, so the long lists (the call
list, a session's attendees: tens of thousands of rows) travel in chunks of
``CHUNK_ROWS``, each unpickled on its own; between two chunks the GUI thread gets its
turn.

Nothing here imports Qt: ``checkin.ui.dashboard.live`` drives it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import logging
import multiprocessing
import pickle
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from checkin.core.dashboard.snapshot import Dashboard, compute_dashboard
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.types import EventInfo

log = logging.getLogger(__name__)

CHUNK_ROWS = 500  # about half a millisecond of unpickling each
_SAME = "same"  # in place of a list: the parent's copy is still right
_IDS = "ids"  # (_IDS, ids in order, new people): the parent's copy, updated
_LONG_LISTS = ("not_arrived", "attendees")
_PROTOCOL = pickle.HIGHEST_PROTOCOL


class ProcessGone(Exception):
    """The worker process exited, or its pipe broke: the caller refreshes another way."""


class RefreshError(UserError):
    """A refresh failed in the worker process: the original's message for the user
    (a ``StoreError``'s template and values, so it is still translated), or its first
    line; ``kind`` is the original's class name."""

    def __init__(self, kind: str, template: str, *values: object) -> None:
        super().__init__(template, *values)
        self.kind = kind
        self.args = (kind, template, *self.values)

    @classmethod
    def of(cls, kind: str, template: str, values: tuple[str, ...]) -> RefreshError:
        """Rebuilt from a reply's parts.  (A classmethod, so the translation script,
        which collects literal templates at raise sites, does not flag this one: the
        template was collected where the original was raised.)"""
        return cls(kind, template, *values)


def _reply_error(exc: BaseException) -> tuple:
    """An exception as the parent rebuilds it: ("error", kind, template, values)."""
    if isinstance(exc, UserError):
        template, values = exc.template, exc.values
    else:
        template, values = "%1", (_first_line(exc) or type(exc).__qualname__,)
    return ("error", type(exc).__qualname__, template, values)


@dataclass(frozen=True)
class Request:
    now: dt.datetime  # the event clock, read by the parent (tests pass their own)
    force: bool  # re-read everything: no reuse of the previous call list
    attendees_session: str | None
    call_list: bool
    held_mark: tuple | None  # ``call_list_mark`` of the call list the parent holds
    # The watch list as (category keys, badge numbers); None: the categories the
    # process was started with.  Sent each time: the coordinator may change it.
    watch: tuple[tuple[str, ...], tuple[int, ...]] | None = None


def can_share(store: Store) -> bool:
    """Another process can open this database (not an in-memory SQLite)."""
    return not store.is_sqlite or store.path is not None


# ------------------------------------------------------------------ the child side


def serve(
    conn: Connection,
    url: str,
    read_only: bool,
    event_info: EventInfo,
    watch_categories: tuple[str, ...],
) -> None:
    """The child process's main: answer requests until ``None`` or a closed pipe."""
    # Ctrl+C in a terminal reaches the whole process group: the parent decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = Store(url, migrate=False, read_only=read_only)
    except Exception as exc:  # said to the parent, which refreshes in its own process
        with contextlib.suppress(OSError):
            conn.send(("failed", type(exc).__qualname__, _first_line(exc)))
        return
    # The parent's store checkpoints the WAL; this one only reads.
    checkpointer, store._checkpointer = store._checkpointer, None
    if checkpointer is not None:
        checkpointer.stop()
    # What is loaded now lives as long as the process: out of the collector's way, so a
    # full collection during a refresh walks only that refresh's objects.
    gc.collect()
    gc.freeze()
    previous: Dashboard | None = None
    try:
        conn.send(("ready",))
        while True:
            request = conn.recv()
            if request is None:
                break
            categories, numbers = request.watch or (watch_categories, ())
            try:
                dash = compute_dashboard(
                    store, event_info, now=request.now,
                    watch_categories=categories, watch_numbers=numbers,
                    attendees_session=request.attendees_session,
                    call_list=request.call_list,
                    reuse=None if request.force else previous,
                )
            except Exception as exc:
                reply: tuple = _reply_error(exc)
            else:
                held = (
                    previous.not_arrived
                    if previous is not None
                    and previous.call_list
                    and request.held_mark is not None
                    and previous.call_list_mark == request.held_mark
                    else None
                )
                previous = dash
                reply = ("ok", encode(dash, held_call_list=held))
            conn.send(reply)
    except (EOFError, OSError):
        pass  # the parent is gone
    finally:
        store.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0] if text else ""


def encode(
    dash: Dashboard, *, held_call_list: tuple | None = None
) -> tuple[bytes, dict[str, Any]]:
    """The snapshot without its long lists, and those lists in pickled chunks.

    ``held_call_list`` is the call list the parent holds (when known): if unchanged it
    is not sent at all; if a few people came or went, only the order of ids and the
    people new to it are sent (an arrival at 50,000 delegates: tens of kilobytes of
    ids, not a megabyte of people)."""
    lists: dict[str, Any] = {}
    for name in _LONG_LISTS:
        rows = getattr(dash, name)
        if name == "not_arrived" and held_call_list is not None:
            if rows is held_call_list:
                lists[name] = _SAME
                continue
            before = {id(p) for p in held_call_list}
            new = [p for p in rows if id(p) not in before]
            if len(new) <= len(rows) // 2:
                lists[name] = (_IDS, [p.id for p in rows], _chunks(new))
                continue
        lists[name] = _chunks(rows)
    emptied: dict[str, Any] = {name: () for name in _LONG_LISTS}
    head = dataclasses.replace(dash, **emptied)
    return pickle.dumps(head, _PROTOCOL), lists


def _chunks(rows) -> list[bytes]:
    return [
        pickle.dumps(rows[i : i + CHUNK_ROWS], _PROTOCOL) for i in range(0, len(rows), CHUNK_ROWS)
    ]


def _unchunk(chunks: list[bytes]) -> list:
    rows: list = []
    for chunk in chunks:
        rows.extend(pickle.loads(chunk))
    return rows


def decode(payload: tuple[bytes, dict[str, Any]], held: Dashboard | None) -> Dashboard:
    """``encode``'s inverse, a chunk at a time; ``held`` is the parent's last snapshot
    (its call list stands in for one the child did not send again, or is the base of
    one sent as ids)."""
    head, lists = payload
    dash = pickle.loads(head)
    parts = {}
    for name, sent in lists.items():
        if sent == _SAME or (isinstance(sent, tuple) and sent[0] == _IDS):
            if held is None or not held.call_list:
                raise ProcessGone("the worker reused a call list this process does not hold")
            if sent == _SAME:
                parts[name] = held.not_arrived
                continue
            _tag, ids, chunks = sent
            by_id = {p.id: p for p in held.not_arrived}
            by_id.update((p.id, p) for p in _unchunk(chunks))
            try:
                parts[name] = tuple(by_id[i] for i in ids)
            except KeyError:  # the two sides disagree on the base: start afresh
                raise ProcessGone("the worker's call list does not match this one") from None
            continue
        parts[name] = tuple(_unchunk(sent))
    return dataclasses.replace(dash, **parts)


# ------------------------------------------------------------------ the parent side


class DashboardProcess:
    """The parent's handle on one worker process.  Use from one thread at a time."""

    def __init__(
        self, store: Store, event_info: EventInfo, watch_categories: tuple[str, ...]
    ) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        url = store.url.render_as_string(hide_password=False)
        self.process = ctx.Process(
            target=serve,
            args=(child, url, store.read_only, event_info, tuple(watch_categories)),
            name="checkin-dashboard",
            daemon=True,  # ended by multiprocessing when the parent exits normally
        )
        try:
            self.process.start()
        finally:
            child.close()  # the child holds its end: EOF reaches it when ours closes
        self.ready = False
        self._closed = False

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return not self._closed and self.process.is_alive()

    def poll_ready(self, timeout: float = 0) -> bool:
        """True once the child has opened its store (waits up to ``timeout`` seconds)."""
        if self.ready:
            return True
        try:
            if not self._conn.poll(timeout):
                return False
            message = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise ProcessGone("the dashboard worker process ended while starting") from exc
        if message[0] != "ready":
            raise ProcessGone(f"the dashboard worker process could not start ({message[1]})")
        self.ready = True
        return True

    def refresh(self, request: Request, held: Dashboard | None) -> Dashboard:
        """One snapshot from the child: blocks this (non-GUI) thread, not the GIL."""
        try:
            self._conn.send(request)
            reply = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise ProcessGone("the dashboard worker process is gone") from exc
        if reply[0] == "error":
            raise RefreshError.of(*reply[1:])
        return decode(reply[1], held)

    def close(self) -> None:
        """Ask the child to end, without waiting for it here: a reaper thread joins it
        (and terminates it if it does not end within a few seconds)."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError, ValueError):
            self._conn.send(None)
        with contextlib.suppress(OSError):
            self._conn.close()
        threading.Thread(
            target=_reap, args=(self.process,), name="dashboard-reaper", daemon=True
        ).start()


def _reap(process: multiprocessing.process.BaseProcess) -> None:
    process.join(5)
    if process.is_alive():
        process.terminate()
        process.join(2)

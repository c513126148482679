"""Run core work off the GUI thread, with progress and cancel; results come back on it.

The shape follows Anki's ``aqt.operations``: the UI hands a plain function (a core
service such as ``import_roster`` or ``render_badges``) to ``run_in_background`` and
gets a ``Job`` whose signals all fire on the GUI thread, so slots may touch widgets.

How the pieces talk
    The function runs on a worker thread of a private ``QThreadPool``.  It reports
    through a small relay ``QObject`` that only emits; the ``Job`` (a GUI-thread
    object) receives those emissions through *queued* connections and re-emits its
    public signals.  So the worker never emits a signal of an object the GUI thread may
    be deleting (a ``Job`` dies with its ``parent``), and Qt drops pending deliveries
    to a deleted ``Job`` by itself.

Progress
    ``progress=True`` passes ``progress=callable(done, total)``.  Core services call it
    as often as they like; at most one call per ``PROGRESS_INTERVAL_S`` (20 a second)
    is forwarded, plus the first, any ``done == total`` and, before the result, the
    last one if it was held back, so a bar always ends where the function left it.

Cancel
    ``cancellable=True`` passes ``cancelled=callable() -> bool``, which turns true after
    ``Job.cancel()`` (or when the job's ``parent`` is destroyed).  What a cancelled job
    reports is up to the function: the core services raise their own exception
    (``ImportCancelled``, ``RenderCancelled``), which arrives through ``failed`` like
    any other; a function that returns anyway reports ``succeeded``.  Check
    ``Job.is_cancelled`` in the ``failed`` slot to say "cancelled" rather than "error".
    A job cancelled before a worker thread picked it up still runs: the function sees
    ``cancelled()`` true at its first check.

Errors
    Exceptions are caught in the worker, logged (function name, exception type and
    file:line of each frame; never the message or source text, which may quote a
    delegate's name) and delivered through ``failed``.  Nothing is raised into Qt.

Lifetime
    Running jobs are kept in a module-level set until their ``finished`` has been
    delivered, so a caller may drop its reference.  Once it has, a job with a parent is
    deleted (``deleteLater``, from the event loop), not kept until its parent dies; so
    connect a job's signals to bound methods or to lambdas holding parented objects: a
    lambda that held the last reference to a parentless widget would free it then.
    ``wait_all()`` (after ``cancel_all()``) is for application shutdown.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)

T = TypeVar("T")

PROGRESS_INTERVAL_S = 0.05
"""Minimum time between two progress reports that reach the GUI thread."""

_running: set[Job] = set()
_parents_held: dict[int, QObject] = {}  # see _release
_pool_instance: QThreadPool | None = None


def _pool() -> QThreadPool:
    global _pool_instance
    if _pool_instance is None:
        _pool_instance = QThreadPool()
        _pool_instance.setObjectName("checkin-jobs")
    return _pool_instance


class _Relay(QObject):
    """Emits from the worker thread; has no slots, so any thread may delete it."""

    progress = Signal(int, int)
    done = Signal(bool, object)  # ok, return value or exception


class Job(QObject):
    """One background task; every signal is delivered on the GUI thread."""

    progressed = Signal(int, int)
    """``(done, total)``, throttled to about 20 a second."""
    succeeded = Signal(object)
    """The function's return value."""
    failed = Signal(object)
    """The exception the function raised (never raised into Qt)."""
    finished = Signal()
    """Always last, after ``succeeded`` or ``failed``."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._cancel = threading.Event()
        self._done = False
        self._relay: QObject | None = None

    def cancel(self) -> None:
        """Ask the function to stop; it sees ``cancelled()`` true at its next check."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """``cancel()`` was called (or the parent went away)."""
        return self._cancel.is_set()

    @property
    def is_finished(self) -> bool:
        """``finished`` has been emitted."""
        return self._done

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(bool, object)
    def _on_done(self, ok: bool, value: object) -> None:
        try:
            (self.succeeded if ok else self.failed).emit(value)
        finally:
            self._done = True
            self.finished.emit()
            # Dropped from the event loop, not from inside this slot: the last
            # reference may go, and an object must not be deleted in its own slot.
            # (a plain function, not a bound method: the job may be deleted by then)
            QTimer.singleShot(0, functools.partial(_release, self))


def _release(job: Job) -> None:
    """Done and said so: forgotten here, and deleted if it has a parent (which would
    otherwise keep it, its relay and its connections until the parent dies: a page
    refreshing every few seconds all day).  A parentless job goes with its last Python
    reference.  Its Python attributes (``is_finished``, ``is_cancelled``) still answer
    afterwards; its signals do not."""
    _running.discard(job)
    if not isValid(job):  # (its owner deleted it already)
        return
    parent = job.parent()
    if parent is None:
        return
    # A lambda connected to the job may hold the last reference to its parent (a page
    # made in a test, no window above it): freed with the job's connections, it would
    # delete the parent, and so the job, from inside the job's own deletion.  So the
    # parent is held here until the job is gone, and let go from the event loop.
    key = id(job)
    _parents_held[key] = parent
    job.destroyed.connect(functools.partial(_let_go, key))
    job.deleteLater()


def _let_go(key: int, *_args: object) -> None:
    QTimer.singleShot(0, functools.partial(_parents_held.pop, key, None))


class _Task:
    """The worker-thread side of a job: calls the function and reports."""

    def __init__(
        self,
        job: Job,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        self.name = job.objectName()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.cancel_flag = job._cancel
        self.relay = _Relay()
        self.relay.progress.connect(job._on_progress, Qt.ConnectionType.QueuedConnection)
        self.relay.done.connect(job._on_done, Qt.ConnectionType.QueuedConnection)
        self._sent_at = float("-inf")
        self._pending: tuple[int, int] | None = None

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._sent_at >= PROGRESS_INTERVAL_S:
            self._sent_at = now
            self._pending = None
            self.relay.progress.emit(int(done), int(total))
        else:
            self._pending = (int(done), int(total))

    def cancelled(self) -> bool:
        return self.cancel_flag.is_set()

    def run(self) -> None:
        relay = self.relay
        try:
            value = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # delivered, never raised into Qt's thread pool
            self._log(exc)
            ok, value = False, exc
        else:
            ok = True
        finally:
            if self._pending is not None:
                relay.progress.emit(*self._pending)
                self._pending = None
            # Drop references the function's arguments hold before the GUI sees done.
            self.fn, self.args, self.kwargs = _noop, (), {}
        relay.done.emit(ok, value)

    def _log(self, exc: BaseException) -> None:
        # Where, not what: file, line and function of each frame, no source text.
        frames = "\n".join(
            f"  {f.filename}:{f.lineno} in {f.name}"
            for f in traceback.extract_tb(exc.__traceback__)
        )
        if self.cancel_flag.is_set():
            log.info("job %s stopped on cancel (%s)", self.name, type(exc).__qualname__)
        else:
            log.error("job %s failed with %s\n%s", self.name, type(exc).__qualname__, frames)


def _noop(*_args: Any, **_kwargs: Any) -> None:
    return None


def run_in_background(
    fn: Callable[..., T],
    *args: Any,
    progress: bool = False,
    cancellable: bool = False,
    parent: QObject | None = None,
    **kwargs: Any,
) -> Job:
    """Call ``fn(*args, **kwargs)`` on a worker thread and return its ``Job``.

    With ``progress`` the function also gets ``progress=callable(done, total)``; with
    ``cancellable`` it gets ``cancelled=callable() -> bool``.  Connect to the job's
    signals right away: they are delivered from the event loop, so none can be missed
    between this call and the next line.  Call from the GUI thread.
    """
    name = getattr(fn, "__qualname__", None) or type(fn).__name__
    job = Job(name, parent)
    task = _Task(job, fn, args, kwargs)
    if progress:
        task.kwargs["progress"] = task.progress
    if cancellable:
        task.kwargs["cancelled"] = task.cancelled
    job._relay = task.relay  # so the relay is usually deleted on the GUI thread
    # A job dies with its parent (a page closing): its function should stop too.  The
    # lambda holds the flag, not the job, so the connection keeps nothing alive.
    flag = job._cancel
    job.destroyed.connect(lambda *_: flag.set())
    _prune()
    _running.add(job)
    _pool().start(task.run)
    return job


def _prune() -> None:
    """Forget jobs deleted with their parent: their ``finished`` never comes."""
    _running.difference_update([job for job in _running if not isValid(job)])


def running_jobs() -> list[Job]:
    """Jobs whose ``finished`` has not been delivered yet."""
    _prune()
    return [job for job in _running if not job.is_finished]


def cancel_all() -> None:
    """Ask every running job to stop (application shutdown)."""
    for job in list(_running):
        job._cancel.set()


def wait_all(timeout_ms: int = -1) -> bool:
    """Block until every job's function has returned; False on timeout.

    For application shutdown, usually after ``cancel_all()``.  The jobs' signals are
    still queued afterwards: they are delivered if the event loop runs again.
    """
    return _pool().waitForDone(timeout_ms)

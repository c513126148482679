"""A long list read a page at a time: the call list and a session's attendees.

The table holds the rows it has shown, not the whole list: the first ``PAGE_ROWS``
when it opens, the next page when the view scrolls near the end (Qt's
``canFetchMore``/``fetchMore``), all sorted by the database
(``checkin.core.dashboard.pages``).  When the data moved (the live feed refreshed)
``reload()`` reads the rows held again, in one statement, and applies only the
difference: people who left the list are taken out (the view keeps its scroll
position and selection), rows new at the end are added, changed rows repainted; a
new order or a new session resets the table.

Every read runs on a worker thread (``run_in_background``); at most one at a time,
a reload asked for meanwhile runs after it.  ``loaded`` fires after each read applied.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from checkin.core.dashboard.pages import PAGE_ROWS, Order
from checkin.ui.dashboard.lists import Column, ColumnsModel, removed_runs
from checkin.ui.widgets.workers import Job, run_in_background

_Index = QModelIndex | QPersistentModelIndex

# read(order, offset, limit, after) -> rows, on a worker thread: for the next page,
# ``after`` is the last row held (the database walks on from it, keyset, instead of
# counting ``offset`` rows again: the last page of 35,000 names by OFFSET took 83-138 ms
# at 50k, after its row before 24-33 ms); None for the first page and re-reads.
Reader = Callable[[Order, int, int, Any], Sequence[Any]]


class PagedModel(ColumnsModel):
    """Read-only rows fetched a page at a time, in the order the database sorts them.

    ``sort_keys[i]``: the ``pages`` sort key of column ``i``; ``ranks[i]`` (optional):
    a callable giving ``Order.ranks`` for a column shown as something else than its
    stored value (a country's name, a category's label).  ``default`` is the order when
    no column is chosen.  Nothing is read until ``set_reader``."""

    loaded = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        sort_keys: Sequence[str],
        default: str,
        *,
        ranks: dict[int, Callable[[], tuple[tuple[str, int], ...]]] | None = None,
        page_rows: int = PAGE_ROWS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._sort_keys = list(sort_keys)
        self._ranks = ranks or {}
        self._default = default
        self.page_rows = page_rows
        self.order = Order(default)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._reader: Reader | None = None
        self._more = False  # the last read filled its page: there may be more rows
        self._job: Job | None = None
        self._reading: tuple[str, int, int, int] = ("reset", 0, 0, 0)  # the running read
        self._queued: str | None = None  # "reset" or "reload", after the running read
        self._generation = 0  # a new order or reader: older reads are dropped
        self.reads = 0  # reads applied (tests, benchmarks)

    # ------------------------------------------------------------------ the source

    def set_reader(self, reader: Reader | None) -> None:
        """Read from ``reader`` (None: nothing); the table starts again at the top."""
        self._reader = reader
        self._generation += 1
        if reader is None:
            self.beginResetModel()
            self.rows, self._more = [], False
            self.endResetModel()
            return
        self._request("reset")

    @property
    def busy(self) -> bool:
        return self._job is not None or self._queued is not None

    def reload(self) -> None:
        """The data moved: read the rows held again (at least a page)."""
        if self._reader is not None:
            self._request("reload")

    # ------------------------------------------------------------------ Qt's model

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and self._job is None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request("more")

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the database: the table starts again at the top, in that order."""
        if column < 0:
            self._sort, self.order = None, Order(self._default)
        else:
            self._sort = (column, order)
            ranks = self._ranks.get(column)
            self.order = Order(
                self._sort_keys[column],
                descending=order == Qt.SortOrder.DescendingOrder,
                ranks=ranks() if ranks else (),
            )
        self._generation += 1
        if self._reader is not None:
            self._request("reset")

    # ------------------------------------------------------------------ reading

    def _request(self, kind: str) -> None:
        if self._job is not None:
            # A reset wins over a reload; "more" is asked again by the view.
            if kind == "reset" or (self._queued is None and kind == "reload"):
                self._queued = kind
            return
        assert self._reader is not None
        held = len(self.rows)
        after = None
        if kind == "more":
            offset, limit = held, self.page_rows
            after = self.rows[-1] if self.rows else None
        else:
            offset, limit = 0, max(self.page_rows, held if kind == "reload" else 0)
        self._reading = (kind, self._generation, offset, limit)
        job = run_in_background(self._reader, self.order, offset, limit, after, parent=self)
        self._job = job
        # Bound methods, not a lambda holding the model: a job (the model's child)
        # holding its parent alive would destroy the model from inside the job's own
        # deletion, once nothing else holds the model (a crash seen in the tests).
        job.succeeded.connect(self._succeeded)
        job.finished.connect(self._finished)

    def _succeeded(self, rows: Sequence[Any]) -> None:
        kind, generation, offset, limit = self._reading
        self._got(kind, generation, offset, limit, list(rows))

    def _finished(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            # Parented to the model, a job would live as long as the table: a re-read
            # at every refresh, all day, would pile them up.
            job.deleteLater()
        queued, self._queued = self._queued, None
        if queued is not None and self._reader is not None:
            self._request(queued)

    def _got(self, kind: str, generation: int, offset: int, limit: int, rows: list) -> None:
        if generation != self._generation:  # another order or source since
            if self._queued is None:
                self._queued = "reset"
            return
        self._more = len(rows) == limit
        if kind == "more":
            if offset == len(self.rows) and rows:
                self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
                self.rows = self.rows + rows
                self.endInsertRows()
        elif kind == "reload":
            self._apply_reload(rows)
        else:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
        self.reads += 1
        self.loaded.emit()

    def _apply_reload(self, new: list) -> None:
        """The rows held, read again: take out who left, add who is new at the end,
        repaint what changed; reset only when the order itself moved."""
        old = self.rows
        if new == old:
            return
        kept = {_key(r) for r in new}
        survivors = [r for r in old if _key(r) in kept]
        prefix = new[: len(survivors)]
        if [_key(r) for r in survivors] != [_key(r) for r in prefix]:
            self.beginResetModel()
            self.rows = new
            self.endResetModel()
            return
        runs = removed_runs(old, survivors) or []
        rows = list(old)
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del rows[first : last + 1]
            self.rows = rows
            self.endRemoveRows()
        self.rows = prefix  # the same people, their values as read now
        if prefix != survivors and prefix:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(prefix) - 1, len(self.columns) - 1))
        extra = new[len(prefix):]
        if extra:
            self.beginInsertRows(QModelIndex(), len(prefix), len(new) - 1)
            self.rows = new
            self.endInsertRows()


def _key(row: Any) -> int:
    """A row's identity: the delegate's id (``Person`` and ``AttendeeRow`` both)."""
    return row.id

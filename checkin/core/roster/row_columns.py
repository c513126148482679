"""A list's rows as columns: what 50,000 rows are checked as, without a call per cell.

Row by row, every cell costs a few Python calls; here each mapped column is cut out of
the rows in one pass (``pick_columns``), cleaned all at once when the whole column is
already clean and otherwise once per distinct value (``clean_column``: first names,
organisations and countries repeat), and a value's lookup (a country code, a category
key, a folded name) is asked once per distinct value (``lookup_column``).  Each gives
exactly what ``text.clean`` and the per-row functions give row by row (property tests
compare them).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from operator import itemgetter
from typing import Any, TypeVar, cast

from checkin.core.roster.field_rules import fold_value
from checkin.core.text import clean

Column = Sequence[str]
R = TypeVar("R", bound=tuple)


def pick_columns(rows: Sequence[Sequence[str]], picks: Sequence[int]) -> list[Column]:
    """Column ``c`` of every row for each ``c`` in ``picks`` ("" where a row is too short,
    and a column of "" for a pick of -1)."""
    count = len(rows)
    used = sorted({c for c in picks if c >= 0})
    if not count or not used:
        return [[""] * count for _ in picks]
    if min(map(len, rows)) > used[-1]:  # the usual list: every row reaches every column
        getter = itemgetter(*used)
        cut: list[Column] = (
            list(zip(*map(getter, rows), strict=True)) if len(used) > 1
            else [list(map(getter, rows))]
        )  # fmt: skip
    else:
        cut = [[cells[c] if c < len(cells) else "" for cells in rows] for c in used]
    by_pick = dict(zip(used, cut, strict=True))
    return [by_pick[c] if c >= 0 else [""] * count for c in picks]


def already_clean(values: Column) -> bool:
    """Whether ``clean`` leaves every value as it is: printable, NFC, no double or
    outer spaces.  One look at the values joined by a printable separator."""
    joined = "|".join(values)
    return (
        joined.isprintable()
        and "  " not in joined
        and " |" not in joined
        and "| " not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
        and (joined.isascii() or unicodedata.is_normalized("NFC", joined))
    )


def clean_column(values: Column) -> Column:
    """``[clean(v) for v in values]``, cleaning each distinct value once."""
    if already_clean(values):
        return values
    return lookup_column(values, clean)


def fold_column(values: Column) -> list[str]:
    """``[fold_value(v) for v in values]``: for a clean ASCII column (e-mails,
    references) that is each value in lower case, else each distinct value folded
    (``fold_values``)."""
    if "".join(values).isascii() and already_clean(values):
        return list(map(str.lower, values))
    return fold_values(values)


# Each value's fold, kept while an import runs (``folds_kept``): the import folds the
# names twice, for the list's own duplicates (``identity.name_keys``) and for the new
# delegates' sort and search keys (``plan``); the second time is then one dict look-up
# a row.  (``fold_value``'s cache holds 65,536 values, fewer than 50,000 people's first
# names, last names and organisations can be: read in order, it would keep none.)
_KEPT: dict[str, str] | None = None
_KEPT_DEPTH = 0
_KEPT_LOCK = threading.Lock()


@contextmanager
def folds_kept() -> Iterator[None]:
    """Inside the block (nested, or in two threads at once), ``fold_values`` keeps every
    value's fold; they are dropped when the last block ends."""
    global _KEPT, _KEPT_DEPTH
    with _KEPT_LOCK:
        if _KEPT_DEPTH == 0:
            _KEPT = {}
        _KEPT_DEPTH += 1
    try:
        yield
    finally:
        with _KEPT_LOCK:
            _KEPT_DEPTH -= 1
            if _KEPT_DEPTH == 0:
                _KEPT = None


def fold_values(values: Column) -> list[str]:
    """``[fold_value(v) for v in values]``, each distinct value folded once (once per
    import inside ``folds_kept``)."""
    kept = _KEPT
    if kept is None:
        return lookup_column(values, fold_value)
    try:
        return list(map(kept.__getitem__, values))  # every value folded before
    except KeyError:
        new = [v for v in dict.fromkeys(values) if v not in kept]
        kept.update(zip(new, map(fold_value, new), strict=True))
        return list(map(kept.__getitem__, values))


def lookup_column(values: Column, lookup: Callable[[str], str]) -> list[str]:
    """``[lookup(v) for v in values]``, asking once per distinct value."""
    distinct = dict.fromkeys(values)
    found = dict(zip(distinct, map(lookup, distinct), strict=True))  # no loop in Python
    return list(map(found.__getitem__, values))


def records(kind: type[R], *columns: Iterable[Any]) -> list[R]:
    """``[kind(*values) for values in zip(*columns)]`` for a named tuple ``kind``, each
    made from C (``tuple.__new__``: every field must be given, defaults are not used)."""
    make = cast(Callable[[Iterable[Any]], R], partial(tuple.__new__, kind))
    return list(map(make, zip(*columns, strict=True)))

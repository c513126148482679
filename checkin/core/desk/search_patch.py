"""A kept search index brought up to date without rebuilding its roster-wide tables.

When the roster changed a little since the index was kept on disk (``search_store``),
folding the changed delegates again is quick, but rebuilding the postings, the
substring text and the order at equal score from every delegate is not (a few tenths of
a second at 50,000).  ``PatchedIndex`` answers at once instead, from the kept tables
plus the changes:

* a changed or deleted delegate is *stale* in the kept postings and text: those entries
  are skipped (a deleted delegate's slot stays, unused);
* the changed and new delegates' words are in small postings of their own, searched
  alongside;
* the order at equal score is updated by inserting the changed and new delegates in it.

The answers are exactly a fresh build's: every count the search uses to choose its way
(``_prefix_count``, ``_holders``) leaves the stale entries out, so the same way is taken
(``tests/core/desk/test_search_store.py`` compares them on random rosters).  The kept
file is then written again in full, in the background (``search_store.save``).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence

from checkin.core.desk.search import SearchIndex, _holding, _ranges
from checkin.core.desk.search_build import (
    Lookup,
    Postings,
    Tables,
    add_exact,
    exact_slots,
    fold_rows,
    quick_fold,
)
from checkin.core.types import DelegateStatus

_CANCELLED = DelegateStatus.CANCELLED.value


def _sort_key(tables: Tables, i: int) -> tuple:
    """As ``search_build.lookup``'s order: registered first, last name, first name, number."""
    text, f, n = tables.texts[i], tables.first_ends[i], tables.name_ends[i]
    cancelled = tables.columns[9][i] == _CANCELLED
    return (cancelled, text[f + 1 : n], text[:f], tables.columns[1][i] or 0, i)


def _exact_keys(tables: Tables, i: int) -> set[str]:
    return {quick_fold(tables.columns[7][i]), quick_fold(tables.columns[2][i])} - {""}


class PatchedIndex(SearchIndex):
    """A kept index (``tables``, ``found``) and the delegates changed since: ``rows`` (new
    or edited, in the order of ``search.COLUMNS``) and ``gone`` (ids deleted)."""

    def __init__(
        self, tables: Tables, found: Lookup, rows: Sequence[Sequence], gone: set[int]
    ) -> None:
        self._set(tables, found, "patched")
        slot_of = {d: i for i, d in enumerate(tables.columns[0])}
        self._stale: set[int] = {slot_of[d] for d in gone if d in slot_of}
        self._gone = set(self._stale)
        # The kept words of stale entries: taken off the kept postings' counts.
        self._stale_words: list[str] = []
        order = sorted(range(len(tables)), key=found.rank.__getitem__)
        self._exact = dict(found.exact)  # not the kept one's: changed here
        self._overlay: list[int] = []
        for slot in self._stale:
            self._forget(slot)
        fresh = fold_rows(rows)
        for j in range(len(fresh)):
            known = slot_of.get(fresh.columns[0][j])
            if known is None:
                slot = len(tables)
                _append(tables, fresh, j)
            else:
                slot = known
                self._stale.add(slot)
                self._forget(slot)
                _replace(tables, fresh, j, slot)
            self._overlay.append(slot)
            for key in _exact_keys(tables, slot):
                add_exact(self._exact, key, slot)
        self._rerank(order)
        words = [(tables.name_words[i], tables.other_words[i]) for i in self._overlay]
        self._extra = tuple(
            _sparse(Postings.of([w[k] for w in words]), self._overlay) for k in (0, 1)
        )

    def _forget(self, slot: int) -> None:
        """Take the kept entry ``slot`` out of the exact lookup; count its words as stale."""
        tables = self.tables
        self._stale_words += tables.name_words[slot].split() + tables.other_words[slot].split()
        for key in _exact_keys(tables, slot):
            slots = [i for i in exact_slots(self._exact.get(key)) if i != slot]
            if len(slots) > 1:
                self._exact[key] = tuple(slots)
            elif slots:
                self._exact[key] = slots[0]
            else:
                self._exact.pop(key, None)

    def _rerank(self, order: list[int]) -> None:
        """Move the changed delegates to their place in ``order``; add the new ones."""
        moved = set(self._overlay) - self._gone
        order = [i for i in order if i not in moved]
        for slot in self._overlay:
            bisect.insort(order, slot, key=lambda i: _sort_key(self.tables, i))
        self._rank = array("i", sorted(range(len(order)), key=order.__getitem__))

    def __len__(self) -> int:
        return len(self.tables) - len(self._gone)

    # ------------------------------------------------------- kept + changes

    def _prefix_count(self, token: str) -> int:
        kept = super()._prefix_count(token)
        extra = sum(end - start for p in self._extra for _, start, end in _ranges(p, token))
        return kept + extra - sum(1 for w in self._stale_words if w.startswith(token))

    def _prefix_groups(self, token: str) -> list[tuple[float, Sequence[int]]]:
        stale = self._stale
        groups: list[tuple[float, Sequence[int]]] = [
            (q, [i for i in d if i not in stale]) for q, d in super()._prefix_groups(token)
        ]
        for weight, postings in zip((1.0, self._fields[1][0]), self._extra, strict=True):
            for length, start, end in _ranges(postings, token):
                quality = weight * (0.5 + 0.5 * len(token) / length)
                groups.append((quality, list(postings.flat[length][start:end])))
        groups.sort(key=lambda g: -g[0])
        return groups

    def _holders(self, word: str) -> Sequence[int]:
        kept = [i for i in super()._holders(word) if i not in self._stale]
        return [*kept, *_holding(self._extra[1], word), *_holding(self._extra[0], word)]

    def _name_vocabulary(self) -> set[str]:
        words = super()._name_vocabulary()
        words.update(w for ws in self._extra[0].words.values() for w in ws)
        return words

    def _containing(self, token: str) -> list[int]:
        stale, texts = self._stale, self.tables.texts
        kept = [i for i in super()._containing(token) if i not in stale]
        return list(dict.fromkeys(kept + [i for i in self._overlay if token in texts[i]]))

    def compact(self) -> tuple[Tables, list[str]]:
        """The tables without the deleted delegates, and their stamps (to keep on disk)."""
        keep = [i for i in range(len(self.tables)) if i not in self._gone]
        return _select(self.tables, keep), [self.stamps[i] for i in keep]


def _sparse(postings: Postings, slots: list[int]) -> Postings:
    """``postings`` of the changed delegates only, numbered as in the whole index."""
    for length, flat in postings.flat.items():
        postings.flat[length] = array("i", (slots[k] for k in flat))
    return postings


def _append(tables: Tables, fresh: Tables, j: int) -> None:
    for column, values in zip(tables.columns, fresh.columns, strict=True):
        column.append(values[j])
    for name in ("name_words", "other_words", "texts", "first_ends", "name_ends"):
        getattr(tables, name).append(getattr(fresh, name)[j])


def _replace(tables: Tables, fresh: Tables, j: int, slot: int) -> None:
    for column, values in zip(tables.columns, fresh.columns, strict=True):
        column[slot] = values[j]
    for name in ("name_words", "other_words", "texts", "first_ends", "name_ends"):
        getattr(tables, name)[slot] = getattr(fresh, name)[j]


def _select(tables: Tables, keep: list[int]) -> Tables:
    def pick(values: list) -> list:
        return [values[i] for i in keep]

    return Tables(
        [pick(c) for c in tables.columns], pick(tables.name_words), pick(tables.other_words),
        pick(tables.texts), pick(tables.first_ends), pick(tables.name_ends),
    )

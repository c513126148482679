"""Accent-, case- and typo-tolerant delegate lookup for the desk.

``SearchIndex.build`` reads one event's delegates with a single Core select and keeps
their folded words (see :func:`checkin.core.text.fold`) in memory; ``search`` then answers
in milliseconds, so the desk can search as the operator types.  The tables are made by
``search_build``; the desk keeps them on disk between runs (``search_store``) and, when
delegates changed since, searches the kept tables plus the changes (``search_patch``).

Ranking, best first (``SearchHit.score``, 0–100):

* 100 — the query is exactly a delegate's reference or e-mail address: only those
  delegates are returned (a reference or address identifies someone);
* 80–99 — every query word starts a word of the first name, last name, organisation,
  e-mail or reference ("mar sch" finds Maria Schmidt); whole words score higher than
  starts of words, and name words higher than the other fields;
* 60 or 70 — every query word occurs inside those fields (70 when inside the name);
* below 60 — typo-tolerant: every query word starts a word or is close to a word of the
  name or organisation (rapidfuzz ``ratio`` >= 75 for query words of three letters or
  more): "Gonzales" finds González, "Lucasz" finds Łukasz.  A query close to nothing
  returns nothing.

A tier is searched only when the ones above it found fewer than ``limit`` delegates, and
the typo tier for a query of several words only when the others found nobody.  At
equal score, registered delegates come before cancelled ones, then by last name, first
name and number.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk.search_build import (
    WORD,
    Lookup,
    Postings,
    Tables,
    exact_slots,
    fold_rows,
    lookup,
    name_words,
    quick_fold,
)
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.text import fold
from checkin.core.types import DelegateInfo

EXACT_SCORE = 100.0
FUZZY_CUTOFF = 75.0  # rapidfuzz ratio for a word to count as a typo of a query word
FUZZY_MIN_LENGTH = 3  # shorter query words only match as the start of a word

_PREFIX_BASE, _PREFIX_SPAN = 80.0, 19.0
_SUBSTRING_NAME, _SUBSTRING_OTHER = 70.0, 60.0
_FUZZY_SPAN = 59.0
_OTHER_WEIGHT = 0.75  # a word of the organisation, e-mail or reference, vs. the name
# Checking one candidate delegate against a query word costs about as much as this many
# postings put into a dict in bulk: the choice between the two ways of intersecting.
_CHECK_COST = 60
_SCAN_ALL = 2000  # substring matches past which testing every delegate is cheaper
_GOOD_START = 300  # candidates few enough to check one by one without looking further

_AFTER_ALL = chr(0x10FFFF)  # sorts after every character a word can hold

# The columns an index reads, in the order SearchIndex(rows) expects them.
COLUMNS = DELEGATE_COLUMNS


@dataclass(frozen=True)
class SearchHit:
    delegate: DelegateInfo
    score: float


def query_words(query: str) -> list[str]:
    """The distinct words of a folded query, less the lone letters of punctuated chunks:
    "o'brien" searches "brien" (a lone "o" would match every "org" address)."""
    words = []
    for chunk in query.split(" "):
        found = WORD.findall(chunk)
        if len(found) > 1 and any(len(w) > 1 for w in found):
            found = [w for w in found if len(w) > 1]
        words.extend(found)
    return list(dict.fromkeys(words))


def _prefix_quality(token: str, words: list[str], weight: float) -> float:
    """Best quality of ``token`` as the start of one of the sorted ``words``, in (0, 1]:
    1 for a whole name word, less for the start of a longer word; 0 if none."""
    best = 0.0
    j = bisect.bisect_left(words, token)
    while j < len(words) and words[j].startswith(token):
        best = max(best, weight * (0.5 + 0.5 * len(token) / len(words[j])))
        j += 1
    return best


def _ranges(postings: Postings, token: str) -> list[tuple[int, int, int]]:
    """(word length, start, end) of the delegates of the words starting with ``token``."""
    found = []
    for length in postings.lengths[bisect.bisect_left(postings.lengths, len(token)) :]:
        words = postings.words[length]
        lo = bisect.bisect_left(words, token)
        hi = bisect.bisect_left(words, token + _AFTER_ALL, lo)
        if lo < hi:
            offsets = postings.offsets[length]
            found.append((length, offsets[lo], offsets[hi]))
    return found


def _holding(postings: Postings, word: str) -> Sequence[int]:
    """The delegates holding exactly ``word``."""
    words = postings.words.get(len(word))
    if words is None:
        return ()
    j = bisect.bisect_left(words, word)
    if j == len(words) or words[j] != word:
        return ()
    offsets = postings.offsets[len(word)]
    return postings.flat[len(word)][offsets[j] : offsets[j + 1]]


class SearchIndex:
    """An in-memory index of one event's delegates: a snapshot, rebuild after changes.

    ``source`` says where it came from: "built" (folded from rows), "disk" (kept by
    ``search_store`` and the roster unchanged since) or "patched" (kept, and the
    delegates changed since folded again).
    """

    def __init__(self, rows: Iterable[Sequence]) -> None:
        """``rows``: tuples in the order of :data:`COLUMNS`."""
        self._set(fold_rows(rows))

    @classmethod
    def from_tables(cls, tables: Tables, found: Lookup | None = None,
                    source: str = "built") -> SearchIndex:
        index = cls.__new__(cls)
        index._set(tables, found, source)
        return index

    def _set(self, tables: Tables, found: Lookup | None = None, source: str = "built") -> None:
        self.tables = tables
        self.lookup = found or lookup(tables)
        self.source = source
        self.stamps: list[str] = []  # per delegate, when read (search_store: kept on disk)
        self.kept_as: dict | None = None  # what it was read from (search_store)
        self.kept_at: Path | None = None  # the file it is kept in (search_store)
        self._names, self._others = tables.name_words, tables.other_words
        self._fields = ((1.0, self.lookup.fields[0]), (_OTHER_WEIGHT, self.lookup.fields[1]))
        self._exact, self._rank = self.lookup.exact, self.lookup.rank
        self._blob, self._starts = self.lookup.blob, self.lookup.starts
        # Only the typo tier needs these: made at its first use.
        self._fuzzy_by_length: dict[int, list[str]] | None = None
        self._fuzzy_windows: dict[int, list[str]] = {}
        self._fuzzy_words: dict[int, tuple[str, ...]] = {}

    @property
    def ids(self) -> list[int]:
        """The delegates' ids, in the index's order."""
        return self.tables.columns[0]

    @classmethod
    def build(cls, store: Store, event_id: int) -> SearchIndex:
        stmt = select(*COLUMNS).where(m.Delegate.event_id == event_id).order_by(m.Delegate.id)
        with store.read() as s:
            return cls(s.execute(stmt).all())

    def __len__(self) -> int:
        return len(self.tables)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        if limit <= 0 or not text:
            return []
        query = fold(text)
        exact = exact_slots(self._exact.get(query))
        if exact:
            return self._hits(dict.fromkeys(exact, EXACT_SCORE), limit)
        tokens = query_words(query)
        if not tokens:
            return []
        # Rarest word first: its candidates are the fewest to check against the others.
        counts = {t: self._prefix_count(t) for t in tokens}
        tokens.sort(key=counts.__getitem__)
        scores: dict[int, float] = {}
        self._prefix(tokens, counts, scores, limit)
        if len(scores) < limit:
            self._substring(tokens, scores)
        # Typos are looked for when the words typed so far find nobody, or when a single
        # word finds too few ("schmitt" should also offer Schmidt).  A query of several
        # words that already finds people is precise: the desk needs those, now.
        if len(scores) < limit and (not scores or len(tokens) == 1):
            self._fuzzy(tokens, counts, scores)
        return self._hits(scores, limit)

    # ------------------------------------------------------------------ tiers

    def _prefix_count(self, token: str) -> int:
        return sum(end - start for _, p in self._fields for _, start, end in _ranges(p, token))

    def _prefix_groups(self, token: str) -> list[tuple[float, Sequence[int]]]:
        """(quality, delegates) for the words starting with ``token``, best first."""
        groups: list[tuple[float, Sequence[int]]] = []
        for weight, postings in self._fields:
            for length, start, end in _ranges(postings, token):
                quality = weight * (0.5 + 0.5 * len(token) / length)  # as _prefix_quality
                groups.append((quality, postings.flat[length][start:end]))
        groups.sort(key=lambda g: -g[0])
        return groups

    def _prefix_best(self, token: str) -> dict[int, float]:
        """Delegate -> best prefix quality of ``token`` among their words."""
        best: dict[int, float] = {}
        for quality, delegates in reversed(self._prefix_groups(token)):
            best.update(dict.fromkeys(delegates, quality))
        return best

    def _quality(self, i: int, token: str) -> float:
        return max(
            _prefix_quality(token, self._names[i].split(), 1.0),
            _prefix_quality(token, self._others[i].split(), _OTHER_WEIGHT),
        )

    def _prefix(
        self, tokens: list[str], counts: dict[str, int], scores: dict[int, float], limit: int
    ) -> None:
        if len(tokens) == 1:
            # A delegate's score is that of the best group it is in: walk the groups best
            # first and stop at the end of the group that reaches the limit.
            found, previous = 0, None
            for quality, delegates in self._prefix_groups(tokens[0]):
                if found >= limit and quality != previous:
                    return
                score = _PREFIX_BASE + _PREFIX_SPAN * quality
                for i in delegates:
                    if i not in scores:
                        scores[i] = score
                        found += 1
                previous = quality
            return
        first = self._prefix_best(tokens[0])
        rest, n = tokens[1:], len(tokens)
        if len(first) * _CHECK_COST * len(rest) < sum(counts[t] for t in rest):
            for i, total in first.items():
                for token in rest:
                    quality = self._quality(i, token)
                    if not quality:
                        break
                    total += quality
                else:
                    scores[i] = _PREFIX_BASE + _PREFIX_SPAN * total / n
            return
        best = [first, *(self._prefix_best(t) for t in rest)]
        for i in set(first).intersection(*best[1:]):
            scores[i] = _PREFIX_BASE + _PREFIX_SPAN * sum(b[i] for b in best) / n

    def _containing(self, token: str) -> list[int]:
        """The delegates whose text contains ``token``."""
        blob, starts = self._blob, self._starts
        found: list[int] = []
        pos = blob.find(token)
        while pos >= 0:
            if len(found) > _SCAN_ALL:
                return [i for i, text in enumerate(self.tables.texts) if token in text]
            i = bisect.bisect_right(starts, pos) - 1
            found.append(i)
            pos = blob.find(token, starts[i + 1])
        return found

    def _substring(self, tokens: list[str], scores: dict[int, float]) -> None:
        longest = max(tokens, key=len)
        others = [t for t in tokens if t != longest]
        full, name_ends = self.tables.texts, self.tables.name_ends
        for i in self._containing(longest):
            if i in scores or not all(t in full[i] for t in others):
                continue
            name = full[i][: name_ends[i]]
            in_name = all(t in name for t in tokens)
            scores[i] = _SUBSTRING_NAME if in_name else _SUBSTRING_OTHER

    def _close_words(self, token: str) -> list[tuple[str, float]]:
        """Name and organisation words close to ``token`` (rapidfuzz ratio), worst first."""
        if len(token) < FUZZY_MIN_LENGTH:
            return []
        from rapidfuzz import fuzz, process  # only for typos: not on the desk's first paint

        vocabulary = self._vocabulary_for(len(token))
        close = process.extract(
            token, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        )
        return sorted(((word, ratio) for word, ratio, _ in close), key=lambda wr: wr[1])

    def _vocabulary_for(self, size: int) -> list[str]:
        """The words a query word of ``size`` letters may be a typo of (cached by size)."""
        cached = self._fuzzy_windows.get(size)
        if cached is None:
            stretch = (200.0 - FUZZY_CUTOFF) / FUZZY_CUTOFF
            cached = [
                word
                for length, words in sorted(self._fuzzy_vocabulary().items())
                if size / stretch <= length <= size * stretch
                for word in words
            ]
            self._fuzzy_windows[size] = cached
        return cached

    def _fuzzy_vocabulary(self) -> dict[int, list[str]]:
        """The words typos may match, sorted, by length: those of the names and of the
        organisations.

        Close words are looked for among words of a similar length only: a ratio of at
        least FUZZY_CUTOFF is impossible past a length ratio of (200 - cutoff) / cutoff.
        Numbers are left out: a typo in a number is another number.
        """
        if self._fuzzy_by_length is None:
            words = self._name_vocabulary()
            for org in set(self.tables.columns[5]):
                words.update(name_words(quick_fold(org)))
            by_length: dict[int, list[str]] = {}
            for word in sorted(words):
                if not word.isdigit():
                    by_length.setdefault(len(word), []).append(word)
            self._fuzzy_by_length = by_length
        return self._fuzzy_by_length

    def _name_vocabulary(self) -> set[str]:
        """Every word of a name."""
        return {w for words in self._fields[0][1].words.values() for w in words}

    def _holders(self, word: str) -> Sequence[int]:
        """The delegates holding exactly ``word`` (in the name or another field)."""
        return [*_holding(self._fields[1][1], word), *_holding(self._fields[0][1], word)]

    def _fuzzy_words_of(self, i: int) -> tuple[str, ...]:
        """The words of delegate ``i`` a typo may match: the name's, the organisation's."""
        words = self._fuzzy_words.get(i)
        if words is None:
            org = name_words(quick_fold(self.tables.columns[5][i]))
            words = self._fuzzy_words[i] = tuple(set(self._names[i].split()).union(org))
        return words

    def _typo_matches(self, token: str, close: list[tuple[str, float]]) -> dict[int, float]:
        """Delegate -> 100 if ``token`` starts one of their words, else the best ratio
        of their ``close`` words."""
        found: dict[int, float] = {}
        for word, ratio in close:
            found.update(dict.fromkeys(self._holders(word), ratio))
        for _, delegates in self._prefix_groups(token):
            found.update(dict.fromkeys(delegates, 100.0))
        return found

    def _typo_score(self, i: int, token: str) -> float:
        if self._quality(i, token):
            return 100.0
        if len(token) < FUZZY_MIN_LENGTH:
            return 0.0
        from rapidfuzz import fuzz, process

        best = process.extractOne(
            token, self._fuzzy_words_of(i), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        return best[1] if best else 0.0

    def _fuzzy(self, tokens: list[str], counts: dict[str, int], scores: dict[int, float]) -> None:
        long_tokens = [t for t in tokens if len(t) >= FUZZY_MIN_LENGTH]
        if not long_tokens:
            return  # prefixes only: the prefix tier found all there is
        # Start from the long query word with the fewest matches; finding a word's close
        # words costs a pass over the vocabulary, so stop looking at a good enough one.
        close: dict[str, list[tuple[str, float]]] = {}
        sizes = dict(counts)
        for token in long_tokens:  # rarest prefixes first
            close[token] = self._close_words(token)
            sizes[token] += sum(
                len(self._holders(w)) for w, _ in close[token]
            )
            if sizes[token] <= _GOOD_START:
                break
        start = min(close, key=sizes.__getitem__)
        first = self._typo_matches(start, close[start])
        if not first:
            return
        rest, n = [t for t in tokens if t != start], 100.0 * len(tokens)
        if len(first) * _CHECK_COST * len(rest) < sum(sizes[t] for t in rest):
            for i in first.keys() - scores.keys():
                total = first[i]
                for token in rest:
                    got = self._typo_score(i, token)
                    if not got:
                        break
                    total += got
                else:
                    scores[i] = _FUZZY_SPAN * total / n
            return
        per_token = [first]
        for token in rest:
            if token not in close:
                close[token] = self._close_words(token)
            per_token.append(self._typo_matches(token, close[token]))
        for i in set(first).intersection(*per_token).difference(scores):
            scores[i] = _FUZZY_SPAN * sum(found[i] for found in per_token) / n

    def _hits(self, scores: dict[int, float], limit: int) -> list[SearchHit]:
        rank = self._rank
        top = heapq.nsmallest(limit, ((-s, rank[i], i) for i, s in scores.items()))
        hits = []
        for neg_score, _, i in top:
            hits.append(SearchHit(delegate_from_row(self.tables.row(i)), round(-neg_score, 3)))
        return hits


def search(store: Store, event_id: int, text: str, limit: int = 20) -> list[SearchHit]:
    """Build an index and search it once (the command line; the desk keeps an index)."""
    return SearchIndex.build(store, event_id).search(text, limit)

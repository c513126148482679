"""Accent-, case- and typo-tolerant delegate lookup for the desk.

``SearchIndex.build`` reads one event's delegates with a single Core select and keeps
their folded words (see :func:`checkin.core.text.fold`) in memory; ``search`` then answers
in milliseconds, so the desk can search as the operator types.

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
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.text import fold
from checkin.core.types import DelegateInfo, DelegateStatus

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

_WORD = re.compile(r"\w+")
_AFTER_ALL = chr(0x10FFFF)  # sorts after every character a word can hold

# The columns an index reads, in the order SearchIndex(rows) expects them.
COLUMNS = DELEGATE_COLUMNS


@dataclass(frozen=True)
class SearchHit:
    delegate: DelegateInfo
    score: float


def _name_words(folded: str) -> list[str]:
    """Words of a name or organisation, plus each chunk with its punctuation dropped:
    "o'brien" -> "o", "brien", "obrien"; "jean-pierre" -> "jean", "pierre", "jeanpierre"."""
    words = _WORD.findall(folded)
    for chunk in folded.split(" "):
        joined = "".join(_WORD.findall(chunk))
        if joined and joined != chunk:
            words.append(joined)
    return words


def query_words(query: str) -> list[str]:
    """The distinct words of a folded query, less the lone letters of punctuated chunks:
    "o'brien" searches "brien" (a lone "o" would match every "org" address)."""
    words = []
    for chunk in query.split(" "):
        found = _WORD.findall(chunk)
        if len(found) > 1 and any(len(w) > 1 for w in found):
            found = [w for w in found if len(w) > 1]
        words.extend(found)
    return list(dict.fromkeys(words))


def _prefix_quality(token: str, words: tuple[str, ...], weight: float) -> float:
    """Best quality of ``token`` as the start of one of the sorted ``words``, in (0, 1]:
    1 for a whole name word, less for the start of a longer word; 0 if none."""
    best = 0.0
    j = bisect.bisect_left(words, token)
    while j < len(words) and words[j].startswith(token):
        best = max(best, weight * (0.5 + 0.5 * len(token) / len(words[j])))
        j += 1
    return best


class _Postings:
    """Words of one weight (name or other fields) -> delegates, grouped by word length.

    For each length: the sorted distinct words and the delegates holding them as one flat
    list with offsets, so the words starting with a prefix are one slice.
    """

    def __init__(self, postings: dict[str, list[int]]) -> None:
        by_length: dict[int, list[str]] = {}
        for word in postings:
            by_length.setdefault(len(word), []).append(word)
        self.lengths = sorted(by_length)
        self.words: dict[int, list[str]] = {}
        self.offsets: dict[int, list[int]] = {}
        self.flat: dict[int, list[int]] = {}
        for length, words in by_length.items():
            words.sort()
            offsets, flat = [0], []
            for word in words:
                flat.extend(postings[word])
                offsets.append(len(flat))
            self.words[length], self.offsets[length], self.flat[length] = words, offsets, flat

    def ranges(self, token: str) -> list[tuple[int, int, int]]:
        """(word length, start, end) of the delegates of the words starting with ``token``."""
        found = []
        for length in self.lengths[bisect.bisect_left(self.lengths, len(token)) :]:
            words = self.words[length]
            lo = bisect.bisect_left(words, token)
            hi = bisect.bisect_left(words, token + _AFTER_ALL, lo)
            if lo < hi:
                offsets = self.offsets[length]
                found.append((length, offsets[lo], offsets[hi]))
        return found


def _fuzzy_by_length(words_of: list[tuple[str, ...]]) -> dict[int, list[str]]:
    """The words typos may match, sorted, by length.

    Close words are looked for among words of a similar length only: a ratio of at least
    FUZZY_CUTOFF is impossible past a length ratio of (200 - cutoff) / cutoff.  Numbers
    are left out: a typo in a number is another number.
    """
    by_length: dict[int, list[str]] = {}
    for word in sorted({w for words in words_of for w in words}):
        if not word.isdigit():
            by_length.setdefault(len(word), []).append(word)
    return by_length


class SearchIndex:
    """An in-memory index of one event's delegates: a snapshot, rebuild after changes."""

    def __init__(self, rows: Iterable[Sequence]) -> None:
        """``rows``: tuples in the order of :data:`COLUMNS`."""
        self._rows: list[tuple] = []
        self._name_text: list[str] = []
        self._full_text: list[str] = []
        # Per delegate, sorted: the name's words, the other fields', those typos may match.
        self._name_words_of: list[tuple[str, ...]] = []
        self._other_words_of: list[tuple[str, ...]] = []
        self._fuzzy_words_of: list[tuple[str, ...]] = []
        self._exact: dict[str, list[int]] = {}
        name_postings, other_postings, sort_keys = self._add(rows)
        self._fields = ((1.0, _Postings(name_postings)), (_OTHER_WEIGHT, _Postings(other_postings)))
        self._fuzzy_by_length = _fuzzy_by_length(self._fuzzy_words_of)
        self._fuzzy_windows: dict[int, list[str]] = {}
        # All texts in one string, for substring search at C speed.
        self._blob = "\n".join(self._full_text)
        self._starts = [0]
        for text in self._full_text:
            self._starts.append(self._starts[-1] + len(text) + 1)
        self._name_postings, self._other_postings = name_postings, other_postings
        # The order at equal score as one integer: registered first, then by name.
        self._rank = [0] * len(sort_keys)
        for rank, key in enumerate(sorted(sort_keys)):
            self._rank[key[-1]] = rank

    def _add(
        self, rows: Iterable[Sequence]
    ) -> tuple[dict[str, list[int]], dict[str, list[int]], list[tuple]]:
        """Fold each delegate's fields into words and texts; the postings of name words
        and of other words (delegates per word), and the keys that order equal scores."""
        cache: dict[str, str] = {}

        def folded(value: str | None) -> str:
            value = value or ""
            result = cache.get(value)
            if result is None:
                # fold() of ASCII text is lower case with spaces collapsed: 3x faster.
                result = " ".join(value.lower().split()) if value.isascii() else fold(value)
                cache[value] = result
            return result

        name_postings: dict[str, list[int]] = {}
        other_postings: dict[str, list[int]] = {}
        sort_keys = []
        for i, values in enumerate(rows):
            row = tuple(values)
            self._rows.append(row)
            first, last, org = folded(row[3]), folded(row[4]), folded(row[5])
            email, ref = folded(row[7]), folded(row[2])
            names = _name_words(first) + _name_words(last)
            plain = _WORD.findall(first) + _WORD.findall(last)
            if len(plain) > 1:
                names.append("".join(plain))  # "mariaschmidt" typed without the space
            name_set = set(names)
            org_set = set(_name_words(org))
            other_set = (org_set | set(_WORD.findall(email)) | set(_WORD.findall(ref))) - name_set
            for word in name_set:
                name_postings.setdefault(word, []).append(i)
            for word in other_set:
                other_postings.setdefault(word, []).append(i)
            self._name_words_of.append(tuple(sorted(name_set)))
            self._other_words_of.append(tuple(sorted(other_set)))
            self._fuzzy_words_of.append(tuple(name_set | org_set))
            self._name_text.append(f"{first} {last}")
            self._full_text.append(" ".join((first, last, org, email, ref)))
            for key in {email, ref} - {""}:
                self._exact.setdefault(key, []).append(i)
            cancelled = row[9] == DelegateStatus.CANCELLED.value
            sort_keys.append((cancelled, last, first, row[1] or 0, i))
        return name_postings, other_postings, sort_keys

    @classmethod
    def build(cls, store: Store, event_id: int) -> SearchIndex:
        stmt = select(*COLUMNS).where(m.Delegate.event_id == event_id).order_by(m.Delegate.id)
        with store.read() as s:
            return cls(s.execute(stmt).all())

    def __len__(self) -> int:
        return len(self._rows)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        if limit <= 0 or not text:
            return []
        query = fold(text)
        exact = self._exact.get(query)
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
        return sum(end - start for _, p in self._fields for _, start, end in p.ranges(token))

    def _prefix_groups(self, token: str) -> list[tuple[float, list[int]]]:
        """(quality, delegates) for the words starting with ``token``, best first."""
        groups = []
        for weight, postings in self._fields:
            for length, start, end in postings.ranges(token):
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
            _prefix_quality(token, self._name_words_of[i], 1.0),
            _prefix_quality(token, self._other_words_of[i], _OTHER_WEIGHT),
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
                return [i for i, text in enumerate(self._full_text) if token in text]
            i = bisect.bisect_right(starts, pos) - 1
            found.append(i)
            pos = blob.find(token, starts[i + 1])
        return found

    def _substring(self, tokens: list[str], scores: dict[int, float]) -> None:
        longest = max(tokens, key=len)
        others = [t for t in tokens if t != longest]
        full, names = self._full_text, self._name_text
        for i in self._containing(longest):
            if i in scores or not all(t in full[i] for t in others):
                continue
            in_name = all(t in names[i] for t in tokens)
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
                for length, words in sorted(self._fuzzy_by_length.items())
                if size / stretch <= length <= size * stretch
                for word in words
            ]
            self._fuzzy_windows[size] = cached
        return cached

    def _typo_matches(self, token: str, close: list[tuple[str, float]]) -> dict[int, float]:
        """Delegate -> 100 if ``token`` starts one of their words, else the best ratio
        of their ``close`` words."""
        found: dict[int, float] = {}
        for word, ratio in close:
            for postings in (self._other_postings, self._name_postings):
                found.update(dict.fromkeys(postings.get(word, ()), ratio))
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
            token, self._fuzzy_words_of[i], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
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
                len(self._name_postings.get(w, ())) + len(self._other_postings.get(w, ()))
                for w, _ in close[token]
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
            hits.append(SearchHit(delegate_from_row(self._rows[i]), round(-neg_score, 3)))
        return hits


def search(store: Store, event_id: int, text: str, limit: int = 20) -> list[SearchHit]:
    """Build an index and search it once (the command line; the desk keeps an index)."""
    return SearchIndex.build(store, event_id).search(text, limit)

"""The search index's tables, built from delegate rows (``search.SearchIndex`` reads them).

Two kinds of tables:

* per delegate (``Tables``), one entry per delegate in id order: the row itself
  (column-wise), the sorted words of the name and of the other fields, the folded
  "first last organisation e-mail reference" text and where its first and last name
  end.  Folding is the costly part of a build, so it is done once per distinct value
  (first names, surnames and organisations repeat across a roster), and a delegate
  changed since the index was kept on disk (``search_store``) is folded alone;
* for the whole roster (``Lookup``), derived from the first kind without folding
  anything: postings (the delegates of each word, grouped by word length so the words
  starting with a prefix are one slice), exact e-mails and references, all texts in one
  string for substring search at C speed, and the order at equal score.

Both are plain lists, dicts, strings and arrays, so that ``search_store`` can keep them
with ``marshal`` (no code is ever loaded from the file).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, groupby

from checkin.core.text import fold
from checkin.core.types import DelegateStatus

WORD = re.compile(r"\w+")
N_COLUMNS = 11  # roster.delegates.DELEGATE_COLUMNS: id, number, reference, first, last, ...
_CANCELLED = DelegateStatus.CANCELLED.value


def name_words(folded: str) -> list[str]:
    """Words of a name or organisation, plus each chunk with its punctuation dropped:
    "o'brien" -> "o", "brien", "obrien"; "jean-pierre" -> "jean", "pierre", "jeanpierre"."""
    words = WORD.findall(folded)
    for chunk in folded.split(" "):
        joined = "".join(WORD.findall(chunk))
        if joined and joined != chunk:
            words.append(joined)
    return words


def quick_fold(value: str | None) -> str:
    """``fold``, with its ASCII case inline (most values): the same result."""
    value = value or ""
    return " ".join(value.lower().split()) if value.isascii() else fold(value)


@dataclass
class Tables:
    """Per delegate, in id order (see the module doc)."""

    columns: list[list]  # the rows, column by column (roster.delegates.DELEGATE_COLUMNS)
    # Sorted and joined by spaces (one string, not a tuple: quicker to keep and read back).
    name_words: list[str]
    other_words: list[str]  # less the name's
    texts: list[str]  # folded "first last organisation e-mail reference"
    first_ends: list[int]  # texts[i][:first_ends[i]] is the folded first name
    name_ends: list[int]  # texts[i][:name_ends[i]] is "first last"
    # Lookup.exact, when made while folding (saves folding e-mails and references twice).
    exact: dict[str, int | tuple[int, ...]] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def row(self, i: int) -> tuple:
        return tuple(column[i] for column in self.columns)


_SHARED = (3, 4, 5, 6, 8, 9)  # columns of repeated values: first and last name, ... status


class _Folder:
    """Folds rows into ``Tables`` entries, once per distinct name and organisation."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, str], tuple[str, str, frozenset[str], str]] = {}
        self.orgs: dict[str, tuple[str, frozenset[str]]] = {}
        # One object per distinct value: less memory, and a smaller file (marshal
        # writes an object met before as a reference).
        self.values: dict[object, object] = {}
        self.exact: dict[str, int | tuple[int, ...]] = {}

    def name(
        self, first: str | None, last: str | None
    ) -> tuple[str, str, frozenset[str], str]:
        key = (first or "", last or "")
        found = self.names.get(key)
        if found is None:
            f, la = quick_fold(first), quick_fold(last)
            names = name_words(f) + name_words(la)
            plain = WORD.findall(f) + WORD.findall(la)
            if len(plain) > 1:
                names.append("".join(plain))  # "mariaschmidt" typed without the space
            unique = frozenset(names)
            found = self.names[key] = (f, la, unique, " ".join(sorted(unique)))
        return found

    def org(self, value: str | None) -> tuple[str, frozenset[str]]:
        key = value or ""
        found = self.orgs.get(key)
        if found is None:
            folded = quick_fold(key)
            found = self.orgs[key] = (folded, frozenset(name_words(folded)))
        return found

    def add(self, tables: Tables, row: Sequence) -> None:
        first, last, name_set, names = self.name(row[3], row[4])
        org, org_set = self.org(row[5])
        email, ref = quick_fold(row[7]), quick_fold(row[2])
        for key in {email, ref} - {""}:
            add_exact(self.exact, key, len(tables.texts))
        other = org_set.union(WORD.findall(email), WORD.findall(ref)) - name_set
        for column, value in zip(tables.columns, row, strict=False):  # (rows may go on)
            column.append(value)
        shared, columns = self.values.setdefault, tables.columns
        for c in _SHARED:
            columns[c][-1] = shared(row[c], row[c])
        tables.name_words.append(names)
        tables.other_words.append(" ".join(sorted(other)))
        tables.texts.append(f"{first} {last} {org} {email} {ref}")
        tables.first_ends.append(len(first))
        tables.name_ends.append(len(first) + 1 + len(last))


def empty_tables() -> Tables:
    return Tables([[] for _ in range(N_COLUMNS)], [], [], [], [], [])


def fold_rows(rows: Iterable[Sequence]) -> Tables:
    """``Tables`` of ``rows`` (tuples starting with DELEGATE_COLUMNS, by id; the roster
    page's rows have more columns after those, left out)."""
    tables, folder = empty_tables(), _Folder()
    for row in rows:
        folder.add(tables, row)
    tables.exact = folder.exact
    return tables


def merge(old: Tables, keep: Sequence[int], rows: Sequence[Sequence]) -> Tables:
    """The entries ``keep`` of ``old`` and the folded ``rows``, by id: the tables of a
    roster that changed a little since ``old`` was built (only ``rows`` are folded)."""
    new = fold_rows(rows)
    ids = [old.columns[0][i] for i in keep]
    # Where each kept entry and each new row goes in id order.
    order = sorted([(d, 0, i) for d, i in zip(ids, keep, strict=True)]
                   + [(new.columns[0][j], 1, j) for j in range(len(new))])
    sources = (old, new)
    out = empty_tables()
    for _, which, i in order:
        src = sources[which]
        for column, values in zip(out.columns, src.columns, strict=True):
            column.append(values[i])
        out.name_words.append(src.name_words[i])
        out.other_words.append(src.other_words[i])
        out.texts.append(src.texts[i])
        out.first_ends.append(src.first_ends[i])
        out.name_ends.append(src.name_ends[i])
    return out


class Postings:
    """Words of one weight (name or other fields) -> delegates, grouped by word length.

    For each length: the sorted distinct words and the delegates holding them as one flat
    array with offsets, so the words starting with a prefix are one slice.
    """

    def __init__(self, lengths: list[int], words: dict[int, list[str]],
                 offsets: dict[int, array], flat: dict[int, array]) -> None:
        self.lengths, self.words, self.offsets, self.flat = lengths, words, offsets, flat

    @classmethod
    def of(cls, words_of: list[str]) -> Postings:
        """The postings of ``words_of`` (per delegate, words joined by spaces)."""
        postings: dict[str, list[int]] = {}
        for i, words in enumerate(words_of):
            for word in words.split():
                found = postings.get(word)
                if found is None:
                    postings[word] = [i]
                else:
                    found.append(i)
        ordered = sorted(postings)
        ordered.sort(key=len)  # by length, then alphabetically (a stable sort)
        words_by: dict[int, list[str]] = {}
        offsets_by: dict[int, array] = {}
        flat_by: dict[int, array] = {}
        for length, group in groupby(ordered, key=len):
            words_by[length] = same_length = list(group)
            lists = list(map(postings.__getitem__, same_length))
            offsets_by[length] = array("i", accumulate(map(len, lists), initial=0))
            flat_by[length] = array("i", chain.from_iterable(lists))
        return cls(list(words_by), words_by, offsets_by, flat_by)


def exact_slots(found: int | tuple[int, ...] | None) -> tuple[int, ...]:
    """The delegates of a ``Lookup.exact`` value."""
    if found is None:
        return ()
    return (found,) if isinstance(found, int) else found


def add_exact(exact: dict[str, int | tuple[int, ...]], key: str, i: int) -> None:
    found = exact.get(key)
    exact[key] = i if found is None else (*exact_slots(found), i)


@dataclass
class Lookup:
    """For the whole roster (see the module doc)."""

    fields: tuple[Postings, Postings]  # name words, other words
    # Folded e-mail or reference -> the delegate, or the delegates (a tuple) sharing it.
    exact: dict[str, int | tuple[int, ...]]
    blob: str  # texts joined by "\n"
    starts: array  # where each text starts in ``blob`` (one more: the end)
    rank: array  # per delegate, its place at equal score


def lookup(tables: Tables) -> Lookup:
    """The roster-wide tables of ``tables`` (no folding: a fraction of a build)."""
    texts, email, ref = tables.texts, tables.columns[7], tables.columns[2]
    exact = tables.exact
    if exact is None:
        exact = {}
        for i, (e, r) in enumerate(zip(email, ref, strict=True)):
            for key in {quick_fold(e), quick_fold(r)} - {""}:
                add_exact(exact, key, i)
    tables.exact = None  # the Lookup's from now on (a patch changes its own copy)
    starts = array("q", accumulate((len(t) + 1 for t in texts), initial=0))
    # The order at equal score: registered first, then by last name, first name, number.
    status, number = tables.columns[9], tables.columns[1]
    keys = [
        (status[i] == _CANCELLED, text[f + 1 : n], text[:f], number[i] or 0, i)
        for i, (text, f, n) in enumerate(zip(texts, tables.first_ends, tables.name_ends,
                                             strict=True))
    ]
    rank = array("i", bytes(4 * len(keys)))
    for place, sort_key in enumerate(sorted(keys)):
        rank[sort_key[-1]] = place
    return Lookup(
        (Postings.of(tables.name_words), Postings.of(tables.other_words)),
        exact, "\n".join(texts), starts, rank,
    )

"""An import writes the same rows whatever route its code takes to them.

The import's fast paths (columns instead of rows, each distinct value folded once, one
executemany of tuples, indexes rebuilt after the insert) must not change a byte of what
lands in the delegates table.  A generated list (accents, Greek, Cyrillic, e-mails in
capitals and with "mailto:", empty references and categories, notes, a blank row,
errors skipped) goes through four imports -- new, updated, ``replace`` (cancels),
restored -- and after each the whole table, every column the import writes, is compared
with a digest taken from the code before those fast paths (commit 6dce7f8).

If the stored rows are meant to change (a new folding rule, a new column), run this
file as a script on the code before and after the change and paste its digests::

    python tests/core/roster/test_import_same_rows.py
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import random
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from checkin.core.db import models as m
from checkin.core.db.sort_keys import sort_keys
from checkin.core.db.store import Store
from checkin.core.event.definition import load_event_file, save_event
from checkin.core.resources import resource
from checkin.core.roster import bulk, plan
from checkin.core.roster.apply import import_roster
from checkin.core.roster.delegates import search_text

NOW = dt.datetime(2026, 3, 2, 8, 0, 0, 123456)
ROWS = 6000  # over bulk.REBUILD_FROM: the first import inserts without its indexes
WRITTEN = (
    "number", "reference", "first_name", "last_name", "organisation", "country", "email",
    "category", "note", "status", "badge_version", "search_text", "created_at",
    "updated_at", "sort_first_name", "sort_last_name", "sort_organisation", "sort_email",
)  # fmt: skip
HEADER = ["Reference", "First name", "Last name", "Organisation", "Country", "Email",
          "Category", "Note"]  # fmt: skip
FIRST = ["Łukasz", "Amélie", "Søren", "Ayşegül", "Nguyễn", "Zoë", "Jean-Baptiste", "Ἀθηνᾶ",
         "Дмитрий", "محمد", "Ana", "  John  ", "O'Brien", "ÉLODIE", ""]  # fmt: skip
LAST = ["Wróblewski", "Fontaine", "Kjærgaard", "Doğan", "Trần", "Lefèvre-Dubois", "Okafor",
        "Παπαδόπουλος", "Смирнов", "الحسن", "Müller", "de la Cruz"]  # fmt: skip
ORGS = ["IOM", "Caritas Suisse", "Médecins Sans Frontières", "Croix-Rouge", "ΥΠΕΞ", ""]
COUNTRIES = ["CH", "fr", "Switzerland", "Suisse", "Kenya", "", "JO"]
CATEGORIES = ["participant", "Speaker", "press", "", "PRESS"]
# What each import reports, then the digest of the table after it (code of 6dce7f8).
EXPECTED = [
    ((6000, 0, 0, 0, 0, 3), "8b7638ccc7103a51"),
    ((300, 900, 0, 0, 4500, 0), "43f9697a476930c3"),
    ((0, 0, 1500, 0, 4800, 0), "55434a92c4b83f2a"),
    ((0, 0, 0, 600, 4800, 0), "b1516a4f7b5ea35f"),
]


def _surname(rng: random.Random, i: int) -> str:
    """A family name, never twice the same (a repeated name is refused as a duplicate)."""
    return f"{rng.choice(LAST)}-{'ÅkaszubaÉ'[i % 5 : 2 + i % 7]}{i}"


def generated(n: int, seed: int) -> list[list[str]]:
    """``n`` different people, their first names, organisations and countries
    repeating."""
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        email = f"Person{i}@Example.org" if i % 7 else f"mailto:p{i}@example.org"
        rows.append([
            f"R{i:05d}" if i % 11 else "", rng.choice(FIRST), _surname(rng, i),
            rng.choice(ORGS), rng.choice(COUNTRIES), email, rng.choice(CATEGORIES),
            "wheelchair" if i % 97 == 0 else "",
        ])  # fmt: skip
    return rows


def files(folder: Path) -> list[tuple[Path, dict]]:
    """The four lists and how each is imported."""
    base = generated(ROWS, 18)
    first = [*base[:100], ["", "", "", "", "", "", "", ""], *base[100:]]
    first += [base[5], [*base[6][:4], "Atlantis", *base[6][5:]], ["R99999", *base[7][1:]]]
    changed = [list(r) for r in base[:5400]]
    for r in changed[::6]:  # 900 people renamed or moved
        r[3] = "Croix-Rouge genevoise"
        r[7] = "interpreter needed"
    more = generated(ROWS + 300, 19)[ROWS:]
    for i, r in enumerate(more):
        r[0], r[5] = f"N{i:04d}", f"new{i}@example.org"
    shorter = changed[:4800] + more[:0]
    lists = [
        (first, {"skip_invalid": True}),
        (changed + more, {"skip_invalid": True}),
        (shorter, {"replace": True}),
        (changed + more[:0], {"replace": True}),
    ]
    out = []
    for i, (rows, how) in enumerate(lists):
        path = folder / f"list-{i}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([HEADER, *rows])
        out.append((path, how))
    return out


def table_digest(store: Store) -> str:
    """sha256 (16 hex digits) of every column the import writes, row by row."""
    columns = [m.Delegate.__table__.c[c] for c in WRITTEN]
    with store.read() as s:
        rows = s.execute(select(*columns).order_by(m.Delegate.number)).all()
    digest = hashlib.sha256()
    for row in rows:
        digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()[:16]


def run_imports(store: Store, folder: Path) -> list[tuple[tuple[int, ...], str]]:
    event = save_event(store, load_event_file(resource("demo", "event.toml")))
    seen = []
    for path, how in files(folder):
        report = import_roster(store, event, path, **how)
        counts = (len(report.new), len(report.updated), len(report.cancelled),
                  len(report.restored), report.unchanged_count, report.skipped_rows)  # fmt: skip
        seen.append((counts, table_digest(store)))
    return seen


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(plan, "_now", lambda: NOW)


def test_the_table_is_byte_for_byte_what_it_was(any_store, tmp_path, frozen_now):
    assert run_imports(any_store, tmp_path) == EXPECTED


def test_sqlalchemys_own_insert_writes_the_same(store, tmp_path, frozen_now, monkeypatch):
    """The route for other drivers (and columns with computed defaults): Core's
    executemany of one dict per row."""
    monkeypatch.setattr(bulk, "_FAST", ())
    assert run_imports(store, tmp_path) == EXPECTED


def test_stored_keys_agree_with_the_one_row_functions(store, tmp_path, frozen_now):
    run_imports(store, tmp_path)
    with store.read() as s:
        rows = [r._asdict() for r in s.execute(
            select(*(m.Delegate.__table__.c[c] for c in WRITTEN))).all()]  # fmt: skip
    assert len(rows) == ROWS + 300
    for r in rows:
        assert r["search_text"] == search_text(
            r["first_name"], r["last_name"], r["organisation"], r["email"], r["reference"])
        assert {k: r[k] for k in sort_keys(r)} == sort_keys(r)


if __name__ == "__main__":
    import tempfile

    plan._now = lambda: NOW  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Store(f"sqlite:///{folder / 'db.sqlite'}")
        for line in run_imports(db, folder):
            print(f"    {line!r},")
        db.close()
    sys.exit(0)

"""The search index kept on disk: the same answers as a fresh build, never stale."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, update

from checkin.core.db import models as m
from checkin.core.desk import search_store
from checkin.core.desk.search import SearchIndex
from checkin.core.desk.search_patch import PatchedIndex
from checkin.core.desk.search_store import open_index, save
from tests.conftest import insert_delegates

FIRST = ["Maria", "Marie", "Mariam", "Jean-Pierre", "Łukasz", "Lukas", "Seán", "Zoë", "Ann",
         "Anna", "محمد", "José", "Ngozi"]
LAST = ["Schmidt", "Schmitt", "O'Brien", "González", "Gonzales", "Müller", "Weiß", "Dubois",
        "Kowalski", "Nguyễn", "Haddad", "Li"]
ORGS = ["Red Cross", "Caritas Polska", "Médecins du Monde", "IOM", "", "Save the Children"]
QUERIES = ["mar", "maria schmidt", "schmit", "gonzales", "o'brien", "brien", "jean pierre",
           "jeanpierre", "m", "li", "lukasz", "red", "cross", "caritas", "muller", "weiss",
           "zoe", "x", "anna", "ann li", "mariaschmidt", "example", "d3@example.org", "r7",
           "r12", "nguyen", "محمد", "kowalsky", "dubios", "iom", "z", "schmidt red"]


def _row(i: int, first: str, last: str, org: str, status: str, number: int | None = None):
    return (i, number or i, f"R{i}", first, last, org, "CH", f"d{i}@example.org",
            "participant", status, 1)


PERSON = st.tuples(
    st.sampled_from(FIRST), st.sampled_from(LAST), st.sampled_from(ORGS),
    st.sampled_from(["registered", "registered", "cancelled"]),
)


def _hits(index: SearchIndex, query: str, limit: int) -> list:
    return [(h.delegate, h.score) for h in index.search(query, limit)]


def _same_answers(kept: SearchIndex, fresh: SearchIndex, queries: list[str]) -> None:
    assert len(kept) == len(fresh)
    for query in queries:
        for limit in (3, 30):
            assert _hits(kept, query, limit) == _hits(fresh, query, limit), (query, limit)


def _roundtrip(index: SearchIndex, folder: str) -> SearchIndex:
    """``index`` written to a file and read back (as a start finds it)."""
    header = {"format": search_store.FORMAT, "event": 1, "roster": None}
    index.kept_as, index.stamps = header, [str(d) for d in index.ids]
    path = Path(folder) / "index.idx"
    assert save(index, path)
    kept = search_store._read(path, header)
    assert kept is not None
    return SearchIndex.from_tables(kept[1], kept[2], "disk")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(PERSON, min_size=0, max_size=30),
    typed=st.lists(st.text(alphabet="abcdeilmnorsz '-@.", max_size=8), max_size=4),
)
def test_a_kept_index_answers_as_a_fresh_build(people, typed):
    rows = [_row(i, *p) for i, p in enumerate(people, start=1)]
    with tempfile.TemporaryDirectory() as folder:
        kept = _roundtrip(SearchIndex(rows), folder)
    _same_answers(kept, SearchIndex(rows), QUERIES + typed)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    people=st.lists(PERSON, min_size=1, max_size=25),
    edits=st.lists(st.tuples(st.integers(min_value=0), PERSON), max_size=6),
    added=st.lists(PERSON, max_size=4),
    deleted=st.lists(st.integers(min_value=0), max_size=4),
    typed=st.lists(st.text(alphabet="abcdeilmnorsz '-", max_size=6), max_size=3),
)
def test_changes_applied_onto_a_kept_index_answer_as_a_fresh_build(
    people, edits, added, deleted, typed
):
    before = {i: _row(i, *p) for i, p in enumerate(people, start=1)}
    after = dict(before)
    for which, person in edits:  # an edit keeps the delegate's number
        i = list(before)[which % len(before)]
        after[i] = _row(i, *person, number=before[i][1])
    for k, person in enumerate(added, start=len(before) + 1):
        after[k] = _row(k, *person)
    gone = {list(before)[which % len(before)] for which in deleted}
    for i in gone:
        after.pop(i, None)
    changed = [after[i] for i in sorted(after) if before.get(i) != after[i]]
    with tempfile.TemporaryDirectory() as folder:
        kept = _roundtrip(SearchIndex(before.values()), folder)
    patched = PatchedIndex(kept.tables, kept.lookup, changed, gone)
    fresh = SearchIndex([after[i] for i in sorted(after)])
    _same_answers(patched, fresh, QUERIES + typed)
    patched.stamps = [str(d) for d in patched.ids]
    tables, stamps = patched.compact()  # what is written back: the same answers again
    assert stamps == [str(d) for d in sorted(after, key=tables.columns[0].index)]
    _same_answers(SearchIndex.from_tables(tables), fresh, QUERIES + typed)


# ------------------------------------------------------------------ with a database

ROSTER = [
    {"first_name": "Maria", "last_name": "Schmidt", "organisation": "Red Cross"},
    {"first_name": "Łukasz", "last_name": "Kowalski", "organisation": "Caritas Polska"},
    {"first_name": "Seán", "last_name": "O'Brien", "organisation": "Trócaire"},
    {"first_name": "Ngozi", "last_name": "Okafor", "organisation": "IOM"},
    {"first_name": "José", "last_name": "González", "organisation": "Cruz Roja"},
]
LATER = dt.datetime(2026, 11, 2, 9, 30, 0, 123456)


@pytest.fixture
def roster(store, event):
    return insert_delegates(store, event, ROSTER)


@pytest.fixture
def kept(tmp_path, store, event, roster) -> Path:
    """The index of the roster, built and kept in a file."""
    path = tmp_path / "cache" / "search.idx"
    index = open_index(store, event.id, path)
    assert index.source == "built"
    assert save(index, path)
    return path


def _answers(store, event, path: Path, queries: list[str]) -> SearchIndex:
    """The index opened from ``path``, checked against a fresh build."""
    index = open_index(store, event.id, path)
    _same_answers(index, SearchIndex.build(store, event.id), queries)
    return index


def test_the_next_start_reads_the_kept_index(store, event, kept):
    index = _answers(store, event, kept, QUERIES)
    assert index.source == "disk"
    assert [h.delegate.last_name for h in index.search("schmidt")] == ["Schmidt"]
    assert not save(index, kept)  # nothing new to write


def test_the_file_is_the_users_only(kept):
    assert kept.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]  # no temporary left


def test_an_edit_made_after_the_file_was_written_is_seen(store, event, roster, kept):
    with store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.id == roster[0])
                  .values(last_name="Dubois", updated_at=LATER))
    index = _answers(store, event, kept, ["schmidt", "dubois", "maria", "maria dubois"])
    assert index.source == "patched"
    assert index.search("schmidt") == []
    assert [h.delegate.last_name for h in index.search("maria")] == ["Dubois"]


def test_a_delegate_added_cancelled_or_deleted_since_is_seen(store, event, roster, kept):
    insert_delegates(store, event, [{"first_name": "Amira", "last_name": "Haddad",
                                     "number": 99, "reference": "NEW-99"}])
    with store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.id == roster[1])
                  .values(status="cancelled", updated_at=LATER))
        s.execute(delete(m.Delegate).where(m.Delegate.id == roster[2]))
    index = _answers(store, event, kept, [*QUERIES, "amira", "haddad", "new-99", "obrien"])
    assert index.source == "patched"
    assert [h.delegate.first_name for h in index.search("amira")] == ["Amira"]
    assert [h.delegate.status for h in index.search("kowalski")] == ["cancelled"]
    assert index.search("o'brien") == []
    assert save(index, kept)  # written back whole: the next start reads it as it is
    again = _answers(store, event, kept, [*QUERIES, "amira", "new-99"])
    assert again.source == "disk"
    assert len(again) == len(ROSTER)


def test_many_changes_are_folded_again(store, event, roster, kept, monkeypatch):
    monkeypatch.setattr(search_store, "PATCH_LIMIT", 0)
    with store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.id == roster[3])
                  .values(first_name="Chidi", updated_at=LATER))
    index = _answers(store, event, kept, [*QUERIES, "chidi", "ngozi"])
    assert index.source == "built"
    assert [h.delegate.first_name for h in index.search("okafor")] == ["Chidi"]


def test_a_purge_replaces_the_secret_and_the_kept_index_goes(store, event, kept):
    with store.write() as s:  # what purge does to the event (and names, untouched dates)
        s.execute(update(m.Event).where(m.Event.id == event.id).values(secret="00" * 32))
        s.execute(update(m.Delegate).values(first_name="", last_name=""))
    index = _answers(store, event, kept, ["maria", "schmidt", "red"])
    assert index.source == "built"
    assert index.search("maria") == []


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty", "format"])
def test_a_damaged_or_older_file_is_rebuilt_never_an_error(
    store, event, kept, damage, monkeypatch
):
    data = kept.read_bytes()
    if damage == "truncated":
        kept.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        kept.write_bytes(data[:-40] + bytes([data[-40] ^ 0xFF]) + data[-39:])
    elif damage == "garbage":
        kept.write_bytes(os.urandom(len(data)))
    elif damage == "empty":
        kept.write_bytes(b"")
    else:
        monkeypatch.setattr(search_store, "FORMAT", search_store.FORMAT + 1)
    index = _answers(store, event, kept, QUERIES)
    assert index.source == "built"


def test_another_database_or_event_does_not_use_the_file(tmp_path, store, event, kept):
    from checkin.core.db.store import Store
    from checkin.core.event.definition import parse_event, save_event
    from tests.conftest import SMALL_EVENT

    other = Store("sqlite:///" + str(tmp_path / "other.sqlite"))
    try:
        other_event = save_event(other, parse_event(SMALL_EVENT, source="test"))
        insert_delegates(other, other_event, ROSTER[:2])
        assert other_event.id == event.id  # same id, another database
        index = open_index(other, other_event.id, kept)
        assert index.source == "built"
        assert len(index) == 2
    finally:
        other.close()


def test_files_are_named_per_database_and_event_and_forgotten(tmp_path, store, event, roster):
    folder = tmp_path / "cache"
    path = search_store.path_for(store, event.id, folder)
    assert str(event.id) in path.name
    assert str(tmp_path) not in path.name  # a hash, not the address
    index = open_index(store, event.id, path)
    assert save(index)  # where it was looked for
    assert path.exists()
    assert search_store.forget(store, folder) == 1
    assert not path.exists()


def test_changes_are_seen_on_sqlite_and_postgresql(tmp_path, any_store):
    """The roster's stamp is dialect SQL: the same story on both databases."""
    from checkin.core.event.definition import parse_event, save_event
    from tests.conftest import SMALL_EVENT

    event = save_event(any_store, parse_event(SMALL_EVENT, source="test"))
    ids = insert_delegates(any_store, event, ROSTER)
    path = tmp_path / "search.idx"
    assert save(open_index(any_store, event.id, path))
    assert _answers(any_store, event, path, QUERIES).source == "disk"
    with any_store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.id == ids[4])
                  .values(first_name="Joaquín", updated_at=LATER))
    index = _answers(any_store, event, path, [*QUERIES, "joaquin", "jose"])
    assert index.source == "patched"
    assert [h.delegate.first_name for h in index.search("gonzalez")] == ["Joaquín"]


def test_without_a_stamp_every_update_time_is_compared(store, event, roster, kept, monkeypatch):
    monkeypatch.setattr(search_store, "_ROSTER_SQL", {})  # a database without the SQL
    assert _answers(store, event, kept, QUERIES).source == "disk"  # nothing changed
    with store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.id == roster[0])
                  .values(first_name="Mariam", updated_at=LATER))
    index = _answers(store, event, kept, [*QUERIES, "mariam"])
    assert index.source == "patched"
    assert [h.delegate.first_name for h in index.search("schmidt")] == ["Mariam"]

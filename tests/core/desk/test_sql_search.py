"""Search before the index is built: the database's answers, ranked as the index ranks."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from checkin.core.db import models as m
from checkin.core.desk import sql_search
from checkin.core.desk.search import SearchIndex
from checkin.core.desk.sql_search import search_sql
from checkin.core.event.definition import parse_event, save_event
from checkin.core.roster.delegates import search_text
from tests.conftest import SMALL_EVENT, insert_delegates

ROSTER = [
    {"first_name": "Łukasz", "last_name": "Kowalski", "organisation": "Caritas Polska"},
    {"first_name": "Jürgen", "last_name": "Müller", "organisation": "Diakonie"},
    {"first_name": "Maria", "last_name": "Schmidt", "organisation": "Save the Children"},
    {"first_name": "Maria", "last_name": "González", "organisation": "Cruz Roja"},
    {"first_name": "Marianne", "last_name": "Weiß", "organisation": "Hilfswerk"},
    {"first_name": "Jean-Pierre", "last_name": "Dubois", "organisation": "Médecins du Monde"},
    {"first_name": "Seán", "last_name": "O'Brien", "organisation": "Trócaire"},
    {"first_name": "Omar", "last_name": "Haddad", "organisation": "Amel Association"},
    {"first_name": "محمد", "last_name": "الحسن", "organisation": "الهلال الأحمر"},
    {"first_name": "Zoë", "last_name": "Lefèvre", "organisation": "IOM", "status": "cancelled"},
]


def with_search_text(store) -> None:
    """``search_text`` as the importer stores it (names, organisation, e-mail, reference)."""
    cols = (m.Delegate.id, m.Delegate.first_name, m.Delegate.last_name,
            m.Delegate.organisation, m.Delegate.email, m.Delegate.reference)
    with store.write() as s:
        for row in s.execute(select(*cols)).all():
            s.execute(
                update(m.Delegate).where(m.Delegate.id == row[0])
                .values(search_text=search_text(*row[1:]))
            )


@pytest.fixture
def roster(store, event):
    people = [
        {"reference": f"GVA-{n:04d}", "email": f"delegate{n}@example.org", **person}
        for n, person in enumerate(ROSTER, start=1)
    ]
    insert_delegates(store, event, people)
    with_search_text(store)
    return SearchIndex.build(store, event.id)


@pytest.mark.parametrize(
    "query",
    ["maria", "Mar", "m", "schmidt maria", "MÜLLER", "muller", "pierre", "jean-pierre",
     "o'brien", "brien", "gva-0003", "delegate4@example.org", "caritas", "arian", "محمد",
     "lefevre", "example"],
)
def test_the_database_answers_as_the_index_would(store, event, roster, query):
    hits = search_sql(store, event.id, query, 30)
    # The index's answers but its typo tier (below 60), which waits for the index.
    expected = [h for h in roster.search(query, 30) if h.score >= 60]
    assert expected  # the query finds someone
    assert [(h.delegate.id, h.score) for h in hits] == [
        (h.delegate.id, h.score) for h in expected
    ]


def test_typos_wait_for_the_index(store, event, roster):
    assert [h.delegate.last_name for h in roster.search("Gonzales")] == ["González"]
    assert search_sql(store, event.id, "Gonzales") == []


@pytest.mark.parametrize("query", ["%", "_", "a_b", "%_%", "\\", "_a"])
def test_like_wildcards_in_a_query_are_taken_literally(store, event, roster, query):
    assert search_sql(store, event.id, query, 30) == []


def test_only_this_events_delegates_and_at_most_the_limit(store, event, roster):
    spec = parse_event({**SMALL_EVENT, "event": {**SMALL_EVENT["event"], "name": "Other"}},
                       source="test")
    other = save_event(store, spec, new=True)
    insert_delegates(store, other, [{"first_name": "Maria", "last_name": "Other"}])
    with_search_text(store)
    hits = search_sql(store, event.id, "maria", 30)
    assert {h.delegate.last_name for h in hits} == {"Schmidt", "González", "Weiß"}
    assert len(search_sql(store, event.id, "a", 3)) == 3
    assert search_sql(store, event.id, "   ", 30) == []
    assert search_sql(store, event.id, "maria", 0) == []


def test_many_matches_read_a_bounded_sample(store, event, monkeypatch):
    monkeypatch.setattr(sql_search, "CANDIDATES", 5)
    sql_search._statements.cache_clear()
    try:
        insert_delegates(store, event, [
            {"first_name": f"Anna{i}", "last_name": "Example", "reference": f"R{i}"}
            for i in range(40)
        ])
        with_search_text(store)
        hits = search_sql(store, event.id, "anna", 30)
        assert len(hits) == 5  # a sample of the forty, all of them people it finds
        assert all(h.delegate.first_name.startswith("Anna") for h in hits)
        # Many hold the word, few start a word with it: those few come first.
        insert_delegates(store, event, [
            {"first_name": "Zed", "last_name": "Nna", "reference": "RZ", "number": 99}
        ])
        with_search_text(store)
        hits = search_sql(store, event.id, "nna", 30)
        assert hits[0].delegate.last_name == "Nna" and len(hits) == 5
    finally:
        sql_search._statements.cache_clear()

"""Delegate search: accents, case, typos, ranking; on a real database."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event as sa_event

from checkin.core.desk.search import SearchIndex, search
from checkin.core.event.definition import parse_event, save_event
from checkin.core.text import fold
from tests.conftest import SMALL_EVENT, insert_delegates

ROSTER = [
    {"first_name": "Łukasz", "last_name": "Kowalski", "organisation": "Caritas Polska"},
    {"first_name": "Jürgen", "last_name": "Müller", "organisation": "Diakonie"},
    {"first_name": "Maria", "last_name": "Schmidt", "organisation": "Save the Children"},
    {"first_name": "Maria", "last_name": "González", "organisation": "Cruz Roja"},
    {"first_name": "Nguyễn", "last_name": "Thị Lan", "organisation": "CARE Vietnam"},
    {"first_name": "Hans", "last_name": "Weiß", "organisation": "Hilfswerk"},
    {"first_name": "محمد", "last_name": "الحسن", "organisation": "الهلال الأحمر"},
    {"first_name": "Amélie", "last_name": "Dubois", "organisation": "Médecins du Monde"},
    {"first_name": "Seán", "last_name": "O'Brien", "organisation": "Trócaire"},
    {"first_name": "Kwame", "last_name": "Mensah", "organisation": "ActionAid Ghana"},
]


def add_delegates(store, event, people: list[dict]) -> list[int]:
    return insert_delegates(
        store,
        event,
        [
            {"reference": f"GVA-{n:04d}", "email": f"delegate{n}@example.org", **person}
            for n, person in enumerate(people, start=1)
        ],
    )


@pytest.fixture
def index(store, event) -> SearchIndex:
    add_delegates(store, event, ROSTER)
    return SearchIndex.build(store, event.id)


def names(hits) -> list[str]:
    return [f"{h.delegate.first_name} {h.delegate.last_name}" for h in hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lukasz", "Łukasz Kowalski"),
        ("LUKASZ kowalski", "Łukasz Kowalski"),
        ("muller", "Jürgen Müller"),
        ("Jurgen MÜLLER", "Jürgen Müller"),
        ("nguyen", "Nguyễn Thị Lan"),
        ("NGUYỄN thi", "Nguyễn Thị Lan"),
        ("weiss", "Hans Weiß"),
        ("WEISS", "Hans Weiß"),
        ("amelie", "Amélie Dubois"),
        ("محمد", "محمد الحسن"),
        ("مُحَمَّد", "محمد الحسن"),  # typed with vowel marks
        ("الحسن", "محمد الحسن"),
        ("obrien", "Seán O'Brien"),
        ("o'brien", "Seán O'Brien"),
        ("sean", "Seán O'Brien"),
    ],
)
def test_accents_case_and_scripts(index, query, expected):
    hits = index.search(query)
    assert hits, query
    assert names(hits)[0] == expected
    assert hits[0].score >= 80


def test_every_query_word_as_a_prefix(index):
    hits = index.search("mar sch")
    assert names(hits) == ["Maria Schmidt"]
    assert 80 <= hits[0].score < 100
    assert names(index.search("mar"))[:2] == ["Maria González", "Maria Schmidt"]


def test_whole_words_rank_above_word_starts(store, event):
    add_delegates(
        store,
        event,
        [{"first_name": "Annabel", "last_name": "Lee"}, {"first_name": "Ann", "last_name": "Lee"}],
    )
    hits = SearchIndex.build(store, event.id).search("ann lee")
    assert names(hits) == ["Ann Lee", "Annabel Lee"]
    assert hits[0].score > hits[1].score


def test_organisation_words_are_searched_below_names(index):
    assert names(index.search("caritas")) == ["Łukasz Kowalski"]
    assert index.search("croix") == []  # not close enough to "Cruz"
    assert names(index.search("cruz maria")) == ["Maria González"]


def test_substring_inside_a_word(index):
    hits = index.search("midt")
    assert names(hits)[0] == "Maria Schmidt"
    assert 60 <= hits[0].score < 80


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Gonzales", "Maria González"),
        ("Schmitt", "Maria Schmidt"),
        ("Lucasz", "Łukasz Kowalski"),
        ("Lucasz Kowalsky", "Łukasz Kowalski"),
        ("Mensha Kwame", "Kwame Mensah"),
        ("Dubios", "Amélie Dubois"),
    ],
)
def test_typos(index, query, expected):
    hits = index.search(query)
    assert hits, query
    assert names(hits)[0] == expected
    assert hits[0].score < 60  # found by the typo-tolerant tier


@pytest.mark.parametrize("query", ["xqzvbk", "zzzz zzzz", "qwpfjt", "Maria xqzvbkw", "@@@", "!"])
def test_junk_finds_nobody(index, query):
    assert index.search(query) == []


@pytest.mark.parametrize("query", ["", " ", "\t\n "])
def test_blank_query(index, query):
    assert index.search(query) == []


def test_exact_reference_or_email_comes_alone_and_first(store, event):
    add_delegates(
        store,
        event,
        [
            {"first_name": "Anna", "last_name": "Weber", "email": "anna@ngo.org"},
            {"first_name": "Anna", "last_name": "Ngo", "email": "a.ngo@example.org"},
            {"first_name": "Peter", "last_name": "Anna", "reference": "ANNA"},
        ],
    )
    index = SearchIndex.build(store, event.id)
    hits = index.search("Anna@NGO.org")
    assert names(hits) == ["Anna Weber"]
    assert hits[0].score == 100
    by_ref = index.search("anna")
    assert names(by_ref) == ["Peter Anna"]  # the reference, not the two Annas
    assert names(index.search("gva-0002")) == ["Anna Ngo"]


def test_cancelled_delegates_are_found_but_rank_below(store, event):
    add_delegates(
        store,
        event,
        [
            {"first_name": "Anna", "last_name": "Weber", "status": "cancelled"},
            {"first_name": "Anna", "last_name": "Weber", "organisation": "UNHCR"},
            {"first_name": "Zoë", "last_name": "Adler", "status": "cancelled"},
        ],
    )
    index = SearchIndex.build(store, event.id)
    hits = index.search("anna weber")
    assert [h.delegate.status for h in hits] == ["registered", "cancelled"]
    assert hits[0].score == hits[1].score
    assert hits[0].delegate.organisation == "UNHCR"
    (zoe,) = index.search("zoe")
    assert zoe.delegate.status == "cancelled"


def test_limit_is_respected(store, event):
    add_delegates(
        store, event, [{"first_name": "Maria", "last_name": f"Name{n}"} for n in range(30)]
    )
    index = SearchIndex.build(store, event.id)
    assert len(index.search("maria")) == 20
    assert len(index.search("maria", limit=5)) == 5
    assert index.search("maria", limit=0) == []
    assert len(index.search("mria", limit=7)) == 7  # the typo tier too


def test_hits_carry_the_delegate(store, event):
    (i,) = add_delegates(
        store,
        event,
        [
            {
                "first_name": "Kwame",
                "last_name": "Mensah",
                "organisation": "ActionAid",
                "country": "GH",
                "category": "speaker",
            }
        ],
    )
    (hit,) = search(store, event.id, "kwame")
    assert (hit.delegate.id, hit.delegate.number, hit.delegate.reference) == (i, 1, "GVA-0001")
    d = hit.delegate
    assert (d.organisation, d.country, d.category, d.status) == (
        "ActionAid",
        "GH",
        "speaker",
        "registered",
    )
    assert hit.delegate.email == "delegate1@example.org"


def test_only_this_events_delegates(store, event):
    add_delegates(store, event, ROSTER[:1])
    other = save_event(store, parse_event(SMALL_EVENT, source="test"), new=True)
    add_delegates(store, other, [{"first_name": "Łukasz", "last_name": "Nowak"}])
    assert names(search(store, event.id, "lukasz")) == ["Łukasz Kowalski"]
    assert names(search(store, other.id, "lukasz")) == ["Łukasz Nowak"]


def test_index_is_built_with_one_select(store, event):
    add_delegates(store, event, ROSTER)
    statements = []
    sa_event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    index = SearchIndex.build(store, event.id)
    assert len(index) == len(ROSTER)
    assert [s.split()[0].upper() for s in statements if not s.startswith("BEGIN")] == ["SELECT"]


# ---------------------------------------------------------------- properties

LETTERS = st.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo"))
NAME = st.text(alphabet=st.one_of(LETTERS, st.sampled_from(" -'")), min_size=1, max_size=14)


def _rows(people):
    return [
        (
            n,
            n,
            f"R{n}#",
            first,
            last,
            "Org",
            "CH",
            f"d{n}@example.org",
            "participant",
            "cancelled" if n % 5 == 0 else "registered",
            1,
        )
        for n, (first, last) in enumerate(people, start=1)
    ]


FIXED_INDEX = SearchIndex(_rows([(p["first_name"], p["last_name"]) for p in ROSTER]))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(max_size=40), limit=st.integers(min_value=-1, max_value=25))
def test_any_query_is_safe(query, limit):
    hits = FIXED_INDEX.search(query, limit)
    assert len(hits) <= max(limit, 0)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@settings(max_examples=150, deadline=None)
@given(
    people=st.lists(st.tuples(NAME, NAME), min_size=1, max_size=12),
    which=st.integers(min_value=0),
)
@pytest.mark.slow
def test_own_folded_name_finds_the_delegate_first_or_tied(people, which):
    target = which % len(people)
    first, last = people[target]
    query = fold(f"{first} {last}")
    index = SearchIndex(_rows(people))
    hits = index.search(query, limit=len(people))
    if not any(ch.isalnum() for ch in query):
        assert hits == []  # nothing to search with (a name of only "-" and "'")
        return
    mine = [h for h in hits if h.delegate.id == target + 1]
    assert mine, (query, people)
    assert mine[0].score == hits[0].score

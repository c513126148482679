"""One rule for "the same person" (checkin.core.roster.identity), in its three uses:
a list's own duplicates, an import's matching, one person typed in a form."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from checkin.core.db import models as m
from checkin.core.roster.identity import (
    FirstSeen,
    Index,
    compatible,
    find_known,
    key_of,
    like_prefix,
    match,
    name_key,
)
from checkin.core.roster.person import PersonForm
from checkin.core.types import DelegateInfo
from tests.conftest import insert_delegates


def delegate(id_: int, reference="", email="", first="Ana", last="Lima", org="ONG",
             status="registered") -> DelegateInfo:  # fmt: skip
    return DelegateInfo(id_, id_, reference, first, last, org, "", email, "participant",
                        status, 1)  # fmt: skip


def test_keys_of_each_kind():
    person = PersonForm("Łukasz", "WRÓBLEWSKI", "Caritas", email="L@X.org", reference="R1")
    assert key_of(person, "reference") == "R1"
    assert key_of(person, "email") == "l@x.org"
    assert key_of(person, "name") == name_key("lukasz", "wroblewski", "caritas")
    nobody = PersonForm("", "", "Caritas")
    assert [key_of(nobody, kind) for kind in ("reference", "email", "name")] == [None] * 3


def test_two_different_references_are_two_people():
    assert compatible(PersonForm("A", "B", reference="R1"), PersonForm("A", "B", reference="R1"))
    assert compatible(PersonForm("A", "B", reference="R1"), PersonForm("A", "B"))
    other = PersonForm("A", "B", reference="R2")
    assert not compatible(PersonForm("A", "B", reference="R1"), other)


def test_first_seen_names_the_earlier_row_of_each_key():
    seen = FirstSeen()
    assert seen.repeats(PersonForm("Ana", "Lima", email="a@x.org", reference="R1"), 2) == {}
    assert seen.repeats(PersonForm("Bo", "Ek", email="b@x.org"), 3) == {}
    again = PersonForm("ANA", "lima", email="B@x.org", reference="R1")
    assert seen.repeats(again, 9) == {"reference": 2, "email": 3, "name": 2}


def test_matching_by_reference_then_email_then_name_each_delegate_once():
    by_ref = delegate(1, reference="R1", email="one@x.org", first="Zed")
    by_email = delegate(2, email="two@x.org", first="Yan")
    by_name = delegate(3)
    index = Index([by_ref, by_email, by_name])
    rows = [
        PersonForm("Ana", "Lima", "ONG"),  # the name of 3
        PersonForm("Other", "Name", email="TWO@x.org"),  # the e-mail of 2
        PersonForm("Ana", "Lima", "ONG", email="one@x.org", reference="R1"),  # 1, not 3
        PersonForm("Ana", "Lima", "ONG"),  # 3 is taken by the first row
        PersonForm("Zed", "Lima", "ONG", email="one@x.org", reference="R9"),  # another R
    ]
    assert match(rows, index) == [by_name, by_email, by_ref, None, None]


def test_claimants_are_every_compatible_candidate():
    a, b = delegate(1, reference="R1"), delegate(2, email="a@x.org", first="Bo")
    index = Index([a, b])
    assert list(index.claimants(PersonForm("Ana", "Lima", "ONG", email="a@x.org"))) == [b, a]
    assert list(index.claimants(PersonForm("Ana", "Lima", "ONG", reference="R2"))) == []
    assert not Index([]).has("name") and Index([a]).has("reference")
    assert not Index([b]).has("reference") and Index([b]).has("email")


def test_find_known_asks_the_database_by_kind(store, event):
    ids = insert_delegates(store, event, [
        {"first_name": "Łukasz", "last_name": "Wróblewski", "organisation": "Caritas",
         "email": "Lukasz@Caritas.pl", "reference": "R1"},
        {"first_name": "Ana", "last_name": "Lima", "organisation": "ONG", "reference": "R2",
         "status": "cancelled"},
    ])  # fmt: skip
    person = PersonForm("lukasz", "WROBLEWSKI", "caritas", email="lukasz@caritas.pl",
                        reference="R2")  # fmt: skip
    with store.read() as s:
        known = find_known(s, event.id, person, ("reference", "email", "name"))
        assert {kind: d.id for kind, d in known.items()} == {
            "reference": ids[1], "email": ids[0], "name": ids[0],
        }  # fmt: skip
        assert known["reference"].status == "cancelled"
        assert find_known(s, event.id, person, ("email",), exclude_id=ids[0]) == {}
        assert find_known(s, event.id, person, ()) == {}


def test_find_known_compares_rows_whose_search_text_is_empty(store, event):
    (only,) = insert_delegates(store, event, [{"first_name": "Zoë", "last_name": "Lefèvre"}])
    with store.write() as s:
        s.execute(update(m.Delegate).values(search_text=""))
    with store.read() as s:
        known = find_known(s, event.id, PersonForm("zoe", "lefevre", "iom"), ("name",))
    assert known["name"].id == only


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_a_like_prefix_is_the_text_escaped_then_anything(text):
    pattern = like_prefix(text)
    assert pattern.endswith("%")
    body = pattern[:-1]
    assert re.sub(r"\\(.)", r"\1", body) == text
    assert not re.search(r"(?<!\\)(?:\\\\)*[%_]", body)

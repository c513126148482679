"""The column-at-once import is the row-by-row import, only faster.

Each bulk function is compared with the plain per-row definition it replaces, on
Hypothesis-made input: cells with spaces, control characters, accents and other
scripts; rows cut short or too long, blank rows, repeated people, bad e-mails, unknown
countries and categories.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.core.roster.columns import Header
from checkin.core.roster.delegates import search_text, search_texts
from checkin.core.roster.field_rules import invalid_emails, valid_email
from checkin.core.roster.identity import Index, compatible, key_of, match
from checkin.core.roster.person import PersonForm
from checkin.core.roster.row_columns import clean_column, fold_column, pick_columns
from checkin.core.roster.validate import (
    ORDER,
    RowChecker,
    Validated,
    row_person,
    row_values,
    shape_problem,
    validate_rows,
)
from checkin.core.text import clean, fold
from checkin.core.types import CategoryInfo, DelegateInfo

CATEGORIES = (
    CategoryInfo("participant", "Participant", "#1F5FA8"),
    CategoryInfo("press", "Presse", "#6A1B9A"),
)
# Few values, so that rows repeat each other; some clean, some not.
TEXT = st.one_of(
    st.sampled_from(["", " ", "Ana", "ana ", "ANA", "Zoë", "Zoe\u0308", "Łukasz", "Ødegård",
                     "Νίκος", "Олег", "محمد", "de  la Cruz", "a\tb", "x\x00y", "O" * 201]),
    st.text(max_size=6),
)  # fmt: skip
EMAIL = st.sampled_from(["", "ana@ong.org", "ANA@ong.org", "mailto:Bo@x.org", "x@", "a..b@x.org",
                         ".a@x.org", "a.@x.org", "zoë@exämple.ch", "e@x.co\n", " a@b.org "])
COUNTRY = st.sampled_from(["", "CH", "Suisse", "switzerland ", "Atlantis", "che", "RDC"])
CATEGORY = st.sampled_from(["", "participant", "Presse", "PRESS", "vip"])
ROW = st.tuples(
    st.sampled_from(["", "R1", "R2", "r1", " R3"]), TEXT, TEXT, TEXT, COUNTRY, EMAIL, CATEGORY,
    st.lists(TEXT, max_size=2),
).map(lambda t: [*t[:7], *t[7]])
# Rows cut short or blank now and then.
ROWS = st.lists(st.one_of(ROW, ROW.map(lambda r: r[:3]), st.just([" ", ""]), st.just([])),
                max_size=25)  # fmt: skip
HEADER = Header(1, ("Ref", "First", "Last", "Org", "Country", "Email", "Category"),
                {"reference": 0, "first_name": 1, "last_name": 2, "organisation": 3,
                 "country": 4, "email": 5, "category": 6})  # fmt: skip
FULL_NAME = Header(1, ("Nom, prénom", "Email", "Note"),
                   {"full_name": 0, "email": 1, "note": 2})  # fmt: skip


def validate_row_by_row(file, rows, header, categories) -> Validated:
    """The import's checks one row at a time: what ``validate_rows`` must give."""
    checker = RowChecker(file, header, categories)
    picks = [header.columns.get(f, -1) for f in ORDER]
    valid, rejected, problems, data_rows = [], [], [], 0
    for number, cells in rows:
        if number <= header.row:
            continue
        values = row_values(cells, picks)
        if not any(values) and not any(clean(c) for c in cells):
            continue
        data_rows += 1
        shape = shape_problem(file, number, cells, header)
        if shape is not None:
            problems.append(shape)
        row, found = checker.check(row_person(number, values, header))
        problems.extend(found)
        (rejected if found else valid).append(row)
    return Validated(tuple(valid), tuple(rejected), tuple(problems), data_rows)


def as_compared(checked: Validated):
    """Everything, the problems' reasons and arguments too (not part of their equality)."""
    return (checked.valid, checked.rejected, checked.data_rows,
            [(p, p.reason, p.args, p.severity) for p in checked.problems])  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(ROWS, st.sampled_from([HEADER, FULL_NAME]), st.booleans())
def test_checking_columns_is_checking_each_row(cells, header, with_categories):
    rows = [(1, list(header.cells)), *enumerate(cells, start=2)]
    categories = CATEGORIES if with_categories else ()
    assert as_compared(validate_rows("f.csv", rows, header, categories)) == as_compared(
        validate_row_by_row("f.csv", rows, header, categories)
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=12))
def test_a_column_cleaned_at_once_is_each_value_cleaned(values):
    assert list(clean_column(values)) == [clean(v) for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(TEXT, max_size=5), max_size=8),
       st.lists(st.integers(-1, 5), min_size=1, max_size=9))  # fmt: skip
def test_picked_columns_are_each_rows_cells(rows, picks):
    expected = [[cells[c] if 0 <= c < len(cells) else "" for cells in rows] for c in picks]
    assert [list(column) for column in pick_columns(rows, picks)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT, TEXT, EMAIL, TEXT), max_size=10))
def test_search_texts_at_once_are_each_rows_search_text(rows):
    columns = [[row[i] for row in rows] for i in range(5)]
    assert search_texts(*columns) == [search_text(*row) for row in rows]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(max_size=8), min_size=1, max_size=6))
def test_fold_of_joined_fields_is_the_fields_folded_then_joined(parts):
    """What ``search_texts`` relies on: ``fold`` goes character by character."""
    assert fold(" ".join(parts)) == " ".join(p for p in map(fold, parts) if p)
    assert list(fold_column(parts)) == [fold(p) for p in parts]


def two_step_valid_email(value: str) -> bool:
    """The rule as it was first written: the pattern, then the local part's dots."""
    pattern = (r"^[^@\s\"(),:;<>\[\\\]]{1,64}@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+"
               r"[^\W\d_][\w-]*[^\W_]$")  # fmt: skip
    if not re.match(pattern, value):
        return False
    local = value.split("@", 1)[0]
    return not (local.startswith(".") or local.endswith(".") or ".." in local)


@settings(max_examples=500, deadline=None)
@given(st.one_of(EMAIL, st.text(alphabet="ab.@-_é ", max_size=12)))
def test_one_email_pattern_is_the_two_step_rule(value):
    assert valid_email(value) is two_step_valid_email(value)
    assert (value in invalid_emails([value, ""])) is (bool(value) and not valid_email(value))


def match_one_by_one(people, delegates):
    """Matching as first written: every key of every person, compatibility each time."""
    matches = [None] * len(people)
    claimed: set[int] = set()
    for kind in ("reference", "email", "name"):
        for i, person in enumerate(people):
            if matches[i] is not None or key_of(person, kind) is None:
                continue
            for d in delegates:
                if (d.id not in claimed and key_of(d, kind) == key_of(person, kind)
                        and compatible(person, d)):  # fmt: skip
                    matches[i] = d
                    claimed.add(d.id)
                    break
    return matches


NAMES = st.sampled_from(["Ana", "ANA", "Bo", "Zoë", "Zoe", ""])
REFS = st.sampled_from(["", "R1", "R2", "D-0001", "D-0002"])
MAILS = st.sampled_from(["", "a@x.org", "A@x.org", "b@x.org"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(REFS, NAMES, NAMES, MAILS), max_size=8),
       st.lists(st.tuples(REFS, NAMES, NAMES, MAILS), max_size=8))  # fmt: skip
def test_matching_at_once_is_matching_one_by_one(rows, known):
    people = [PersonForm(f, la, "ONG", email=e, reference=r) for r, f, la, e in rows]
    delegates = [DelegateInfo(i, i, r, f, la, "ONG", "", e, "participant", "registered", 1)
                 for i, (r, f, la, e) in enumerate(known, start=1)]  # fmt: skip
    assert match(people, Index(delegates)) == match_one_by_one(people, delegates)

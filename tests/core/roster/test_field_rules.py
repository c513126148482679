"""What one field may hold (checkin.core.roster.field_rules), the same everywhere."""

from __future__ import annotations

from checkin.core.db import models as m
from checkin.core.roster.field_rules import (
    LIMITS,
    category_choices,
    category_index,
    category_list,
    normalise_email,
)
from checkin.core.types import CategoryInfo

CATEGORIES = (
    CategoryInfo("participant", "Participant", "#1F5FA8"),
    CategoryInfo("press", "Presse", "#6A1B9A"),
    CategoryInfo("staff", "press", "#000000"),  # a label that is another's key
)


def test_limits_are_the_column_lengths():
    for name, limit in LIMITS.items():
        assert m.Delegate.__table__.c[name].type.length == limit
    assert set(LIMITS) == {"reference", "first_name", "last_name", "organisation", "email"}


def test_email_as_stored():
    assert normalise_email("MAILTO: Ana@ONG.org") == "ana@ong.org"
    assert normalise_email("Ana@ONG.org") == "ana@ong.org"


def test_a_category_by_key_or_label_and_a_key_wins():
    index = category_index(CATEGORIES)
    assert index["presse"] == "press" and index["participant"] == "participant"
    assert index["press"] == "press"  # the key, not staff's label
    assert index["staff"] == "staff"


def test_the_categories_in_words():
    assert category_list(CATEGORIES[:2]) == "participant, press (Presse)"
    assert category_choices(CATEGORIES[:2]) == "known: participant, press (Presse)"
    assert category_choices(()) == "this event defines no categories"

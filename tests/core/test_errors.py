"""Messages for the user from the core: English templates, filled, and intact when pickled."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from checkin.core.db.store import StoreError
from checkin.core.errors import UserError, fill


def test_str_is_the_english_sentence_and_the_parts_stay_apart():
    exc = StoreError("%1 is in use by %2; %1 again.", "/data/x.sqlite", 3)
    assert str(exc) == "/data/x.sqlite is in use by 3; /data/x.sqlite again."
    assert exc.template == "%1 is in use by %2; %1 again."
    assert exc.values == ("/data/x.sqlite", "3")
    assert isinstance(exc, UserError)


def test_an_error_survives_pickling_with_its_template():
    exc = StoreError("Cannot use the database %1: %2", "x.sqlite", "disk I/O error")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is StoreError
    assert (back.template, back.values, str(back)) == (exc.template, exc.values, str(exc))


def test_a_message_with_no_values_is_left_as_written():
    assert str(UserError("Coverage is 100%1 sure")) == "Coverage is 100%1 sure"


@given(st.lists(st.text(max_size=12), max_size=4), st.text(max_size=30))
def test_fill_puts_each_value_once_and_never_refills_a_value(values, words):
    template = words.replace("%", "") + " ".join(f"<%{i + 1}>" for i in range(len(values)))
    text = fill(template, tuple(values))
    assert text == words.replace("%", "") + " ".join(f"<{v}>" for v in values)


def test_numbers_without_a_value_stay():
    assert fill("%1 and %2 and %10", ("a",)) == "a and %2 and %10"

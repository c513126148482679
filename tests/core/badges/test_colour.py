"""Category colours: parsing, and a band label that always reads on its band."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkin.core.badges.colour import (
    BLACK,
    WHITE,
    band_text_colour,
    contrast,
    parse_colour,
    relative_luminance,
)


def test_colours_parse_in_both_lengths_and_empty_means_none():
    assert parse_colour("#FFFFFF") == WHITE and parse_colour("000") == BLACK
    assert parse_colour("#1f5fa8") == parse_colour("#1F5FA8")
    assert parse_colour("  ") is None
    assert relative_luminance("") == 1.0  # no band: the white card


@pytest.mark.parametrize("bad", ["#12345", "red", "#GGGGGG", "#1234567"])
def test_bad_colours_are_refused(bad):
    with pytest.raises(ValueError, match="#RRGGBB"):
        parse_colour(bad)


@given(st.integers(0, 0xFFFFFF))
def test_the_label_colour_is_the_more_legible_one(value):
    colour = f"#{value:06X}"
    band = parse_colour(colour)
    label = parse_colour(band_text_colour(colour))
    other = BLACK if label == WHITE else WHITE
    assert contrast(band, label) >= contrast(band, other)
    assert contrast(band, label) >= 4.5  # WCAG AA for normal text, on any band

"""Fonts, glyph coverage, Arabic shaping and fitting text in a box."""

from __future__ import annotations

import arabic_reshaper
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkin.core.badges import typeset
from checkin.core.badges.typeset import (
    BOLD,
    LEADING,
    REGULAR,
    fit,
    missing_glyphs,
    shape,
    text_width,
)

COVERED = [
    "Łukasz Wróblewski",
    "Straße Gülşen Öğüt",
    "Nguyễn Thị Đặng Ứng",
    "Ξανθή Παπαδοπούλου",
    "Дмитрий Ковальчук",
    "محمد عبد الله",
    "Zoë Lefèvre Ærø Čćđšž Ŧŋ",
]


@pytest.mark.parametrize("font", [REGULAR, BOLD])
@pytest.mark.parametrize("text", COVERED)
def test_shipped_fonts_cover_european_greek_cyrillic_vietnamese_arabic(text, font):
    assert missing_glyphs(text, font) == []


def test_fonts_come_from_resources_and_register_once():
    typeset.register_fonts()
    first = typeset._font(REGULAR)
    typeset.register_fonts()
    assert typeset._font(REGULAR) is first
    assert first.face.name  # a real TrueType font was read


def test_missing_glyphs_lists_each_uncovered_character_once_in_order():
    assert missing_glyphs("Li 中文 中") == ["中", "文"]
    assert missing_glyphs("") == []


def test_missing_glyphs_normalises_to_nfc_first():
    # e + combining acute is "é" after NFC, which the font has
    assert missing_glyphs("Rene\u0301e") == []


def test_shape_gives_presentation_forms_in_visual_order():
    shaped = shape("محمد")
    assert shaped and all(0xFE70 <= ord(ch) <= 0xFEFF for ch in shaped)
    # visual order is the reverse of the logical (joined) order: the final dal comes first
    assert shaped == arabic_reshaper.reshape("محمد")[::-1]
    assert shaped[0] == "\ufeaa" and shaped[-1] == "\ufee3"


def test_shape_leaves_other_scripts_alone_and_normalises():
    for text in ("Łukasz", "Ξανθή", "Дмитрий", "Nguyễn"):
        assert shape(text) == text
    assert shape("Rene\u0301e") == "Renée"


def test_shape_uses_only_ligatures_the_font_has():
    # arabic-reshaper's default turns "الله" into U+FDF2, which DejaVu lacks
    shaped = shape("عبد الله")
    assert "\ufdf2" not in shaped
    assert missing_glyphs("عبد الله", BOLD) == []


def test_hebrew_is_reversed_for_drawing():
    assert shape("שלום") == "םולש"


def _check_fits(fitted, font, box_w, box_h):
    for line in fitted.lines:
        assert text_width(line, font, fitted.size) <= box_w
    assert len(fitted.lines) * fitted.size * LEADING <= box_h


def test_short_text_is_set_at_max_size_on_one_line():
    f = fit("Amira", BOLD, 250, 60, 40, 16, 1)
    assert f.lines == ("Amira",) and f.size == 40 and not f.below_minimum


def test_long_text_shrinks_to_the_box_width():
    f = fit("Maximiliano Alejandro", BOLD, 150, 60, 40, 10, 1)
    assert f.lines == ("Maximiliano Alejandro",)
    assert 10 <= f.size < 40
    assert text_width(f.lines[0], BOLD, f.size) == pytest.approx(150, rel=0.01)
    _check_fits(f, BOLD, 150, 60)


def test_wraps_at_a_space_with_balanced_lines():
    text = "Fernández de Córdoba y Villalobos-Saavedra"
    f = fit(text, REGULAR, 200, 50, 20, 9, 2)
    assert len(f.lines) == 2
    assert " ".join(f.lines) == text  # broke at a space, nothing lost
    widths = [text_width(line, REGULAR, f.size) for line in f.lines]
    assert max(widths) / min(widths) < 1.5
    assert f.size > fit(text, REGULAR, 200, 50, 20, 9, 1).size
    _check_fits(f, REGULAR, 200, 50)


def test_a_single_word_wraps_after_its_hyphen():
    f = fit("Villalobos-Saavedra", REGULAR, 60, 40, 20, 9, 2)
    assert f.lines == ("Villalobos-", "Saavedra")


def test_one_line_is_kept_when_it_fits_at_full_size():
    f = fit("Danish Refugee Council", REGULAR, 300, 60, 14, 8, 2)
    assert f.lines == ("Danish Refugee Council",) and f.size == 14


def test_too_long_text_goes_below_minimum_but_stays_inside():
    text = "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessen"
    f = fit(text, BOLD, 120, 30, 24, 10, 2)
    assert f.below_minimum and f.size < 10
    _check_fits(f, BOLD, 120, 30)


def test_missing_characters_are_left_out_of_the_lines():
    f = fit("Li 中文", REGULAR, 200, 30, 12, 6, 1)
    assert f.lines == ("Li",)
    assert fit("中文", REGULAR, 200, 30, 12, 6, 1).lines == ()


def test_arabic_lines_are_shaped():
    f = fit("محمد", BOLD, 200, 40, 24, 10, 1)
    assert f.lines == (shape("محمد"),)


def test_empty_text_has_no_lines():
    f = fit("   ", REGULAR, 100, 20, 12, 6, 2)
    assert f.lines == () and not f.below_minimum


LETTERS = st.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo")) | st.just(" ")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(LETTERS, max_size=60),
    font=st.sampled_from([REGULAR, BOLD]),
    box_w=st.floats(5, 400),
    box_h=st.floats(3, 150),
    max_pt=st.floats(1, 60),
    lines=st.integers(1, 3),
)
def test_fit_never_leaves_the_box(text, font, box_w, box_h, max_pt, lines):
    min_pt = max_pt / 2
    f = fit(text, font, box_w, box_h, max_pt, min_pt, lines)
    assert 0 < f.size <= max_pt
    assert len(f.lines) <= lines
    _check_fits(f, font, box_w, box_h)
    assert f.below_minimum == (f.size < min_pt)
    # it never shrinks below 1 pt when the text fits at 1 pt on one line
    one_line = typeset._shape_for(typeset.clean(text, font), font)
    if text_width(one_line, font, 1) <= box_w and box_h >= LEADING and max_pt >= 1:
        assert f.size >= 1 or not f.lines

"""text.fold and text.clean against their plain definitions; text.spreadsheet_safe."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checkin.core.text import _EXTRA_FOLDS, FORMULA_START, clean, fold, spreadsheet_safe

_TABLE = str.maketrans(_EXTRA_FOLDS)


def reference_fold(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.translate(_TABLE))
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", value.casefold().translate(_TABLE)).strip()


def reference_clean(value: str) -> str:
    text = unicodedata.normalize("NFC", value)
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@given(st.text(max_size=40))
@example("Straße ŁÓDŹ Œuvre l’été — Þór  Ħ")
@example("Nguyễn Thị\u00a0Minh")
@example("  محمد  عبد الله ")
@example("a\u034fb\u0301 \u2028 x")
def test_fast_paths_agree_with_the_plain_definitions(value):
    assert fold(value) == reference_fold(value)
    assert clean(value) == reference_clean(value)


def test_fold_examples():
    assert fold("Łukasz  MÜLLER-Lüdenscheidt") == "lukasz muller-ludenscheidt"
    assert fold("Nguyễn Thị Ánh") == "nguyen thi anh"
    assert fold("Gülşen Yıldız") == "gulsen yildiz"
    assert fold("Straße") == "strasse"
    assert fold("محمد الأحمد") == "محمد الاحمد"


def test_clean_removes_controls_and_collapses_spaces():
    assert clean("  Zoë\x00\t Lefèvre \r\n") == "Zoë Lefèvre"
    assert clean(None) == ""
    assert clean(12) == "12"


# ------------------------------------------------------------------ spreadsheet cells


@given(st.text())
def test_safe_cell_never_starts_like_a_formula_and_keeps_its_content(value):
    out = spreadsheet_safe(value)
    assert not out.startswith(FORMULA_START)
    if value.startswith(FORMULA_START):
        assert out == "'" + value
    else:
        assert out == value


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_owasp_examples_are_neutralised(cell):
    assert spreadsheet_safe(cell) == "'" + cell


def test_spreadsheet_safe():
    assert spreadsheet_safe("=1+1") == "'=1+1"
    assert spreadsheet_safe("\t=x") == "'\t=x"
    assert spreadsheet_safe("Jean-Luc") == "Jean-Luc"
    assert spreadsheet_safe(12) == "12"
    assert spreadsheet_safe(None) == ""

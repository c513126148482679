"""WCAG AA contrast of the colours staff read from a distance: every result tone of the
desk (also the dashboard's capacity and watch-list banners), the offline banner, the
projector, and the chart bars against their white plot area (large graphics: 3:1)."""

from __future__ import annotations

import re

import pytest

from checkin.ui.dashboard.charts import ARRIVED, PRESENT
from checkin.ui.desk import building as desk_module  # the offline banner is built there
from checkin.ui.desk.outcome_panel import Tone


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_is_right():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("tone", list(Tone), ids=lambda t: t.name)
def test_every_result_tone_reads_at_aa_for_normal_text(tone):
    assert contrast(tone.foreground, tone.background) >= 4.5


def test_the_offline_banner_reads_at_aa():
    source = desk_module.__file__
    with open(source, encoding="utf-8") as f:
        style = re.search(r"background: (#[0-9A-Fa-f]{6}); color: (#[0-9A-Fa-f]{6})", f.read())
    assert style is not None
    assert contrast(style.group(2), style.group(1)) >= 4.5


def test_the_projector_is_white_on_black():
    assert contrast("#FFFFFF", "#111111") >= 7  # AAA, for a washed-out projector


@pytest.mark.parametrize("colour", [ARRIVED, PRESENT], ids=["arrived", "present"])
def test_chart_bars_stand_out_from_the_plot(colour):
    assert contrast(colour.name(), "#FFFFFF") >= 3  # WCAG 1.4.11, graphical objects


def test_large_type_follows_the_users_text_size(qapp):
    from PySide6.QtGui import QFont

    from checkin.ui.desk.outcome_panel import OutcomePanel

    before = qapp.font()
    try:
        panel = OutcomePanel()
        normal = panel.first.font().pointSizeF()
        bigger = QFont(before)
        bigger.setPointSizeF(before.pointSizeF() * 1.5)
        qapp.setFont(bigger)
        larger = OutcomePanel()
        assert larger.first.font().pointSizeF() == pytest.approx(normal * 1.5)
    finally:
        qapp.setFont(before)

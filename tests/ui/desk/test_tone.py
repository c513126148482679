"""The result panel wears its tone through its palette, never a style sheet per scan.

A style sheet set at every scan re-polished the panel and all its labels (4-7 ms of the
GUI thread each time, ``benchmarks/soak_keys.py``): the colours are checked here, and
that no style sheet is set, not the time.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from checkin.ui.desk.banner import ResultBanner
from checkin.ui.desk.outcome_panel import Card, OutcomePanel
from checkin.ui.desk.tone import Tone


def _text_colour(widget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def test_each_tone_colours_the_words_and_sets_no_style_sheet(qtbot):
    panel = OutcomePanel()
    qtbot.addWidget(panel)
    panel.resize(720, 420)
    panel.show()
    for tone in (Tone.GO, Tone.WARN, Tone.STOP, Tone.INFO, Tone.IDLE):
        panel.show_card(Card(tone, "Heading", first="Ada", last="Lovelace", detail="x"))
        assert panel.tone is tone
        for label in (panel.heading, panel.first, panel.last, panel.detail):
            assert _text_colour(label) == QColor(tone.foreground)
        assert panel.palette().color(QPalette.ColorRole.Window) == QColor(tone.background)
        image = panel.grab().toImage()  # the background is painted in the tone
        assert image.pixelColor(panel.width() // 2, 3) == QColor(tone.background)
    assert panel.styleSheet() == ""


def test_the_banner_wears_the_tone_too(qtbot):
    banner = ResultBanner()
    qtbot.addWidget(banner)
    banner.show_card(Card(Tone.STOP, "Not a valid badge", detail="Code read: X"))
    assert banner.tone is Tone.STOP
    assert _text_colour(banner.headline) == QColor(Tone.STOP.foreground)
    assert banner.styleSheet() == ""


def test_a_result_like_the_last_one_is_painted_again(qtbot):
    panel = OutcomePanel()
    qtbot.addWidget(panel)
    panel.resize(720, 420)
    panel.show()
    qtbot.waitExposed(panel)
    card = Card(Tone.WARN, "Already checked in", first="Ada", detail="at 08:42, Desk 2")
    panel.show_card(card)
    painted = []
    panel.icon.paintEvent = lambda event: painted.append(event.rect())
    panel.show_card(card)  # not one word changes: the icon still goes up again
    qtbot.waitUntil(lambda: len(painted) == 1)
    panel.show_card(Card(Tone.IDLE, "Ready"))  # no icon: hidden, not just blank
    assert panel.icon.isHidden()

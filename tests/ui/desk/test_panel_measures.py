"""The result panel keeps the text measurements it takes at every scan (``Measures``):
a kept value must be the one Qt computes, for the same font, words and width only."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from checkin.ui.desk.outcome_panel import Card, Measures, OutcomePanel
from checkin.ui.desk.tone import Tone


def test_kept_heights_are_qts_and_a_new_font_or_width_is_measured_again(qtbot):
    panel = OutcomePanel()
    qtbot.addWidget(panel)
    label = panel.detail
    label.setText("Admitted to the plenary session in the Auditorium Jacques-Freymond")
    measures = Measures()
    assert measures.height(label, 300) == label.heightForWidth(300)
    assert measures.height(label, 900) == label.heightForWidth(900)
    assert measures.height(label, 300) > measures.height(label, 900)  # wrapped narrower
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    assert measures.height(label, 300) == label.heightForWidth(300)  # not the kept one


def test_advances_are_qts_and_the_store_is_emptied_when_full(qtbot):
    measures = Measures(limit=3)
    font = QFont()
    words = ["Welcome", "Bienvenue", "Lovelace", "Hopper"]
    for word in words:
        assert measures.advance(font, word) == QFontMetrics(font).horizontalAdvance(word)
    assert len(measures._known) == 1  # full at the fourth: emptied, then kept


def test_entries_for_one_font_share_one_copy_of_its_key(qtbot):
    """Qt gives a new copy of the font's key at each call; a full store of 4,096
    entries would otherwise hold 4,096 copies of the same string."""
    measures = Measures()
    font = QFont()
    for word in ("Welcome", "Bienvenue", "Lovelace"):
        measures.advance(QFont(font), word)
    keys = {id(key[1]) for key in measures._known}
    assert len(measures._known) == 3 and len(keys) == 1


def _panel(qtbot) -> OutcomePanel:
    panel = OutcomePanel()
    qtbot.addWidget(panel)
    panel.resize(720, 420)
    panel.show()
    return panel


def test_a_panel_with_kept_measures_sizes_its_type_as_a_fresh_one(qtbot):
    warm = _panel(qtbot)
    cards = [
        Card(Tone.GO, "Welcome", first="Ada", last="Lovelace", facts="Delegate  ·  Kenya"),
        Card(Tone.GO, "Welcome", first="Maximilianus", last="Lovelace",
             organisation="Médecins Sans Frontières", detail="Admitted to Plenary"),
        Card(Tone.STOP, "Not a valid badge", detail="Code read: X " * 30),
        Card(Tone.GO, "Welcome", first="Ada", last="Lovelace", facts="Delegate  ·  Kenya"),
    ]
    for card in cards:
        warm.show_card(card)
        cold = _panel(qtbot)
        cold.show_card(card)
        assert warm.scale == cold.scale
        for name, label in warm.labels.items():
            assert label.font().pointSizeF() == cold.labels[name].font().pointSizeF(), name
    assert warm.measures._known  # (and it did keep some)

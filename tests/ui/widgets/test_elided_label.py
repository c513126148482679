"""The elided title paints as a plain label would: its own text when it fits (QLabel's
painting, no Python style call before the first frame), cut with "…" when it does not."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel

from checkin.ui.widgets.reflow import ElidedLabel

NAME = "Assemblée générale des délégué·es 2026"


def _pixels(qtbot, label: QLabel, size: QSize):
    qtbot.addWidget(label)
    label.setFixedSize(size)
    return label.grab().toImage()


def test_a_title_that_fits_is_painted_as_a_plain_label(qtbot):
    elided = ElidedLabel(NAME)
    width = elided.full_width() + 40
    plain = QLabel(NAME)
    plain.setTextFormat(Qt.TextFormat.PlainText)
    size = QSize(width, 30)
    assert _pixels(qtbot, elided, size) == _pixels(qtbot, plain, size)
    assert not elided.is_elided()


def test_a_title_too_long_is_cut_with_an_ellipsis(qtbot):
    elided = ElidedLabel(NAME)
    size = QSize(elided.full_width() // 2, 30)
    shown = elided.fontMetrics().elidedText(NAME, Qt.TextElideMode.ElideRight, size.width())
    assert shown.endswith("…") and shown != NAME
    cut = QLabel(shown)
    cut.setTextFormat(Qt.TextFormat.PlainText)
    image = _pixels(qtbot, elided, size)
    assert elided.is_elided() and elided.text() == NAME
    assert image == _pixels(qtbot, cut, size)
    whole = QLabel(NAME)  # not merely clipped at the edge
    whole.setTextFormat(Qt.TextFormat.PlainText)
    assert image != _pixels(qtbot, whole, size)

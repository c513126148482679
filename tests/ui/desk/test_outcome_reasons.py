"""Every reason the engine gives has words on the desk, with the same values in them."""

from __future__ import annotations

import re

from checkin.core.desk.service import REASONS
from checkin.ui.desk.outcome_panel import _reasons


def test_every_core_reason_is_said_on_the_desk_with_its_values():
    desk = _reasons()
    assert set(desk) == set(REASONS)
    for key, sentence in REASONS.items():
        values = len(re.findall(r"\{\d\}", sentence))
        placeholders = sorted(set(re.findall(r"%(\d)", desk[key])))
        assert placeholders == [str(n) for n in range(1, values + 1)], key


def test_the_english_words_match_the_core_sentence():
    """Until translated, the desk says exactly what the CLI says."""
    desk = _reasons()
    for key, sentence in REASONS.items():
        args = [f"<{n}>" for n in range(len(re.findall(r"\{\d\}", sentence)))]
        text = desk[key]
        for number, value in enumerate(args, start=1):
            text = text.replace(f"%{number}", value)
        assert text == sentence.format(*args), key

"""Text normalisation shared by import matching, search and badge checks."""

from __future__ import annotations

import re
import unicodedata

# Letters that have no decomposition in Unicode but that people type without the stroke.
_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h",
        "ı": "i", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
        "’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
    }
)
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fold(value: str) -> str:
    """Lower-case, strip accents and collapse spaces: "Łukasz  Müller" -> "lukasz muller".

    Arabic, Greek and Cyrillic letters are kept (only their combining marks go), so a
    search typed in those scripts still matches.
    """
    value = unicodedata.normalize("NFKD", value.translate(_EXTRA_FOLDS))
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return _SPACES.sub(" ", value.casefold().translate(_EXTRA_FOLDS)).strip()


def clean(value: object) -> str:
    """A cell as stored: NFC, control characters removed, spaces collapsed, trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text).strip()

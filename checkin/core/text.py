"""Text normalisation shared by import matching, search and badge checks, and the
guard every exported spreadsheet cell goes through.

Both functions run for every cell of a 50,000-row import, so each has a fast path for
the common case (ASCII, or already clean) and agrees exactly with the plain definition
(a property test compares them with a reference implementation).
"""

from __future__ import annotations

import re
import unicodedata

# Letters that have no decomposition in Unicode but that people type without the stroke.
_EXTRA_FOLDS = {
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h",
    "ı": "i", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
    "’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
}
_EXTRA_CHARS = re.compile("[" + re.escape("".join(_EXTRA_FOLDS)) + "]")
# Combining marks of the Latin block, dropped with one regex; the per-character pass
# then only runs for other scripts.
_LATIN_MARKS = re.compile(
    "[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]+"
)
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _extra(match: re.Match) -> str:
    return _EXTRA_FOLDS[match.group()]


def fold(value: str) -> str:
    """Lower-case, strip accents and collapse spaces: "Łukasz  Müller" -> "lukasz muller".

    Arabic, Greek and Cyrillic letters are kept (only their combining marks go), so a
    search typed in those scripts still matches.
    """
    if value.isascii():
        return " ".join(value.lower().split())
    value = _EXTRA_CHARS.sub(_extra, value)
    folded = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", value))
    if not folded.isascii():
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.casefold()
    if not folded.isascii():
        folded = _EXTRA_CHARS.sub(_extra, folded)
    return " ".join(folded.split())


def clean(value: object) -> str:
    """A cell as stored: NFC, control characters removed, spaces collapsed, trimmed."""
    if value is None:
        return ""
    text = str(value)
    if (
        text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and (text.isascii() or unicodedata.is_normalized("NFC", text))
    ):
        return text
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


# OWASP: cells a spreadsheet may read as a formula (or as a formula after a tab/CR).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """``value`` as a cell a spreadsheet shows as the text it is instead of running it:
    a leading ``'`` before ``= + - @``, tab or carriage return (``None`` is empty).

    One function for every export (attendance, call list, mail merge), so no file this
    app writes can carry a formula that someone else typed into a name."""
    text = value if type(value) is str else ("" if value is None else str(value))
    # A set lookup of the first character: this runs for every cell of a 50,000-row export.
    return "'" + text if text[:1] in _FORMULA_FIRST else text


_FORMULA_FIRST = frozenset(FORMULA_START)

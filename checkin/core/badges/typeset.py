"""Text for badges: shipped fonts, glyph coverage, Arabic shaping and fitting text in a box.

Everything here works on *font names* registered with reportlab (``REGULAR``, ``BOLD``):
both are DejaVu Sans, shipped in ``resources/fonts`` and embedded in every PDF as a subset.
DejaVu Sans covers Latin with all European diacritics and Vietnamese, Greek, Cyrillic,
Hebrew and Arabic (with its presentation forms); it has no CJK.

Text is prepared in three steps, each cached because badge runs repeat the same strings:

1. ``clean``: NFC, whitespace collapsed, format characters (ZWJ, bidi marks) dropped,
   and every character the font has no glyph for dropped — such characters are
   *reported* by ``missing_glyphs`` (the badge preflight turns them into issues) and are
   never printed as empty boxes.
2. wrapping, on the logical (typed) text;
3. ``shape`` per line: Arabic letters become their joined presentation forms
   (``arabic_reshaper``) and right-to-left runs are put in visual order
   (``python-bidi``), because reportlab draws glyphs left to right as given.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import threading
import unicodedata
from dataclasses import dataclass

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from checkin.core.resources import resource

try:  # python-bidi >= 0.5 (Rust implementation)
    from bidi import get_display as _get_display
except ImportError:  # pragma: no cover - older python-bidi
    from bidi.algorithm import get_display as _get_display

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

LEADING = 1.2  # line height as a multiple of the font size
# Baseline below the top of a line's slot, as a multiple of the size: DejaVu's ink runs
# from 0.93 em above the baseline (accented capitals, stacked Vietnamese marks) to
# 0.24 em below it, centred in the 1.2 em slot.
ASCENT, DESCENT = 0.928, 0.236
BASELINE = (LEADING - (ASCENT + DESCENT)) / 2 + ASCENT

# Scripts written right to left: Hebrew, Arabic (+ supplements, presentation forms).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_SPACES = re.compile(r"\s+")

_lock = threading.Lock()
_fonts: dict[str, TTFont] = {}


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (once per process)."""
    if len(_fonts) == len(FONT_FILES):
        return
    with _lock:
        for name, filename in FONT_FILES.items():
            if name in _fonts:
                continue
            path = resource("fonts", filename)
            if not path.is_file():
                raise FileNotFoundError(f"shipped font missing: {path}")
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            _fonts[name] = font


def _font(name: str) -> TTFont:
    register_fonts()
    try:
        return _fonts[name]
    except KeyError:
        raise ValueError(f"unknown font {name!r}; use one of {sorted(FONT_FILES)}") from None


def font_name(bold: bool) -> str:
    return BOLD if bold else REGULAR


def font_label(name: str) -> str:
    """How a person calls the font: 'DejaVu Sans Bold'."""
    return {REGULAR: "DejaVu Sans", BOLD: "DejaVu Sans Bold"}.get(name, name)


def _cmap(name: str) -> dict[int, int]:
    return _font(name).face.charToGlyph


def _dropped(ch: str) -> bool:
    """Characters never drawn and never reported: controls and format marks (ZWJ, LRM)."""
    return unicodedata.category(ch) in ("Cc", "Cf")


@functools.lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """NFC, whitespace collapsed and trimmed, controls and format marks removed."""
    if text.isascii() and text.isprintable():
        return " ".join(text.split()) if "  " in text else text.strip()
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if not _dropped(ch) or ch.isspace())
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=8192)
def _missing(text: str, font: str) -> tuple[str, ...]:
    text = normalise(text)
    cmap = _cmap(font)
    out: dict[str, None] = {}
    if not (text.isascii() and text.isprintable()):
        for ch in text:
            if not ch.isspace() and ord(ch) not in cmap:
                out[ch] = None
        # A letter the font has may still lack the joined form shaping needs.
        if _ARABIC.search(text):
            for ch in _shape_for(text, font, report=True):
                if ord(ch) not in cmap:
                    out[ch] = None
    return tuple(out)


def missing_glyphs(text: str, font: str = REGULAR) -> list[str]:
    """The characters of ``text`` (after NFC) that ``font`` cannot draw, in order, once each."""
    return list(_missing(text, font))


def describe_missing(chars: list[str] | tuple[str, ...], font: str) -> str:
    """'DejaVu Sans Bold has no glyph for U+4E2D '中', U+6587 '文''."""
    listed = ", ".join(f"U+{ord(c):04X} '{c}'" for c in chars)
    return f"{font_label(font)} (the shipped font) has no glyph for {listed}"


def clean(text: str, font: str) -> str:
    """``text`` as it can be drawn in ``font``: normalised, characters it lacks removed."""
    text = normalise(text)
    missing = _missing(text, font)
    if missing:
        text = _SPACES.sub(" ", "".join(ch for ch in text if ch not in missing)).strip()
    return text


@functools.lru_cache(maxsize=1)
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    # Only the ligatures both shipped fonts have (DejaVu: the four lam-alef forms). The
    # default configuration also makes U+FDF2 for "الله", which would drop out of
    # "عبد الله" — a very common name.
    cmaps = [_cmap(name) for name in FONT_FILES]
    config = {"delete_harakat": True, "support_ligatures": True}
    for name, (_match, forms) in LIGATURES:
        chars = "".join(forms)
        config[name] = bool(chars) and all(ord(c) in cm for c in chars for cm in cmaps)
    return arabic_reshaper.ArabicReshaper(configuration=config)


@functools.lru_cache(maxsize=8192)
def shape(text: str) -> str:
    """Text in drawing order: Arabic joined into presentation forms, RTL runs reversed.

    Text without Hebrew or Arabic comes back unchanged (after NFC normalisation).
    """
    text = normalise(text)
    if not _RTL.search(text):
        return text
    if _ARABIC.search(text):
        text = _reshaper().reshape(text)
    return _get_display(text)


@functools.lru_cache(maxsize=8192)
def _shape_for(text: str, font: str, report: bool = False) -> str:
    """``shape`` then, for a presentation form the font lacks, its plain letter (unjoined
    but legible); with ``report`` false, whatever is still missing is dropped."""
    shaped = shape(text)
    if shaped.isascii():
        return shaped
    cmap = _cmap(font)
    out = []
    for ch in shaped:
        if ord(ch) in cmap or ch == " ":
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKC", ch)
        if base != ch and all(ord(b) in cmap for b in base):
            out.append(base)
        elif report:
            out.append(ch)
    return "".join(out)


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of already-shaped text, as reportlab will draw it."""
    _font(font)
    return pdfmetrics.stringWidth(text, font, size)


@dataclass(frozen=True)
class Fitted:
    """Text set in a box: shaped lines (drawing order), their size, and whether it had to
    go below the legible minimum to fit."""

    lines: tuple[str, ...]
    size: float
    below_minimum: bool

    @property
    def line_height(self) -> float:
        return self.size * LEADING

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * LEADING


# Two lines are preferred to one as soon as they set the text larger: a long name wraps
# before it shrinks (legibility.py).  A third line must make it 15 % larger, unless two
# lines leave it below the minimum: "Jean-Baptiste" stays whole on a line if it can.
_WRAP_GAIN = 1.0 + 1e-6  # the margin only absorbs rounding
_MORE_LINES_GAIN = 1.15
_MAX_BREAKS = 40  # candidate break points considered (60 for 3 lines is 1,770 layouts)


def _break_points(text: str) -> list[tuple[int, int]]:
    """Where a line may end: (end of the first part, start of the next).

    At spaces (the space goes) and after hyphens (the hyphen stays), in text order.
    """
    spaces = [(m.start(), m.end()) for m in re.finditer(" ", text)]
    hyphens = [
        (m.end(), m.end())
        for m in re.finditer("[-\u2010]", text)
        if m.start() > 0 and m.end() < len(text) and text[m.end()] != " "
        and text[m.start() - 1] != " "
    ]
    return sorted(spaces + hyphens)


def _round_down(size: float) -> float:
    if size >= 0.02:
        return math.floor(size * 100) / 100
    return size * 0.999


@functools.lru_cache(maxsize=16384)
def fit(
    text: str,
    font: str,
    box_w_pt: float,
    box_h_pt: float,
    max_pt: float,
    min_pt: float,
    max_lines: int = 1,
) -> Fitted:
    """Set ``text`` as large as possible (up to ``max_pt``) inside a box, on at most
    ``max_lines`` lines.

    One line is kept when it fits at ``max_pt``; otherwise the text wraps onto two lines
    whenever that sets it larger (it wraps before it shrinks), onto three when that is
    15 % larger or two lines are below ``min_pt``; breaks are at spaces and after
    hyphens, chosen to balance the lines. If even
    the best layout is smaller than ``min_pt`` the text is set smaller still — it is never
    clipped and never leaves the box — and ``below_minimum`` is true. Every line's
    ``text_width`` at ``size`` is <= ``box_w_pt`` and ``len(lines) * size * LEADING`` is
    <= ``box_h_pt``. Characters the font lacks are left out (see ``missing_glyphs``).
    """
    if box_w_pt <= 0 or box_h_pt <= 0 or max_pt <= 0:
        raise ValueError("box and sizes must be positive")
    drawable = clean(text, font)
    if not drawable:
        return Fitted((), max_pt, False)

    def per_pt(line: str) -> float:
        return pdfmetrics.stringWidth(line, font, 1.0)

    def size_for(lines: tuple[str, ...]) -> float:
        widest = max(per_pt(line) for line in lines)
        # (1 - 1e-9): size * width must not round to a hair above the box
        by_width = box_w_pt / widest * (1 - 1e-9) if widest > 0 else max_pt
        by_height = box_h_pt / (len(lines) * LEADING) * (1 - 1e-9)
        return min(max_pt, by_width, by_height)

    best: tuple[str, ...] = (_shape_for(drawable, font),)
    best_size = size_for(best)
    breaks = _break_points(drawable)[:_MAX_BREAKS] if best_size < max_pt * (1 - 1e-6) else []
    for n_lines in range(2, min(max_lines, len(breaks) + 1) + 1):
        candidate, candidate_size, spread = None, 0.0, 0.0
        for combo in itertools.combinations(breaks, n_lines - 1):
            parts, start = [], 0
            for end, nxt in combo:
                parts.append(drawable[start:end])
                start = nxt
            parts.append(drawable[start:])
            lines = tuple(_shape_for(p, font) for p in parts)
            widths = [per_pt(line) for line in lines]
            size = size_for(lines)
            this_spread = max(widths) - min(widths)
            if size > candidate_size or (size == candidate_size and this_spread < spread):
                candidate, candidate_size, spread = lines, size, this_spread
        gain = _WRAP_GAIN if n_lines == 2 or best_size < min_pt else _MORE_LINES_GAIN
        if candidate is not None and candidate_size >= best_size * gain:
            best, best_size = candidate, candidate_size
    size = _round_down(best_size)
    return Fitted(best, size, size < min_pt)

"""Badges: templates as data (TOML), layout, preflight checks and the PDF renderer.

A template (``resources/badges/*.toml``, format in ``resources/badges/README.md``) says
where badges sit on a sheet and where each element sits on a badge face, in millimetres
from the face's top-left corner. The renderer draws, per badge: event name and date, the
names, organisation, country, the category band (its colour, with the label in black or
white, whichever contrasts more by WCAG relative luminance) and the QR code with the
code printed under it for typing by hand.

The QR code is vector: the dark modules of the matrix, merged into one rectangle per
horizontal run, make one path filled once (never a bitmap, never reportlab's slow
``QrCodeWidget``). Error correction M, a quiet zone of 4 modules, and a
module never smaller than the template's ``qr_min_module_mm`` (checked when a template
loads, for the version-1 codes of ``codes.make_code``).

Text never leaves its box: it shrinks from the box's ``max_pt``, wraps if the box allows
more lines, and if it still does not fit at ``min_pt`` it is set smaller anyway and
reported (``TextIssue`` "below_minimum"). Characters no shipped font has are left out of
the drawing and reported ("missing_glyph") — never printed as empty boxes.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import re
import tempfile
import threading
import time
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import QRData
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from checkin.core.badges import typeset
from checkin.core.errors import UserError
from checkin.core.event.codes import pretty
from checkin.core.resources import resource

MM = 72 / 25.4  # points per millimetre

ELEMENTS = (
    "event", "date", "first_name", "last_name", "organisation", "country", "category", "qr",
)  # fmt: skip
# Which BadgeContent field each text element shows.
TEXT_FIELDS = {
    "event": "event_name",
    "date": "event_date",
    "first_name": "first_name",
    "last_name": "last_name",
    "organisation": "organisation",
    "country": "country",
    "category": "category_label",
}
ALIGNS = ("left", "center", "right")

QR_QUIET_ZONE = 4  # modules of light margin on each side
QR_V1_MODULES = 21  # version 1: what every codes.make_code code fits in
MIN_MODULE_MM = 0.5  # 6 dots at 300 dpi: the floor for any template
CODE_TEXT_MAX_PT = 9.0
CODE_TEXT_MIN_PT = 5.0

CROP_MARK_MM = 5.0  # longest crop mark
CROP_GAP_MM = 1.0  # between a badge corner and its crop marks
CROP_LINE_PT = 0.3

PROGRESS_EVERY = 50


class TemplateError(UserError, ValueError):
    """A badge template that cannot be used; the message names the file and the field.

    ``path`` and ``field``, when given, are the template's first values, so its text
    starts ``"%1: %2: "`` (or ``"%1: "`` with a path alone): the translator sees where
    the file and field go in the sentence."""

    def __init__(
        self, template: str, *values: object, path: str | None = None, field: str | None = None
    ):
        where = tuple(part for part in (path, field) if part is not None)
        super().__init__(template, *where, *values)
        self.path = path
        self.field = field


class RenderCancelled(Exception):
    """``render_badges`` stopped because ``cancelled()`` returned true; nothing was written."""


@dataclass(frozen=True)
class Box:
    """A rectangle on a badge face, in mm from the face's top-left corner, and how text
    is set in it (the QR element uses only the rectangle)."""

    x: float
    y: float
    w: float
    h: float
    align: str = "center"
    max_pt: float = 12
    min_pt: float = 6
    lines: int = 1
    bold: bool = False


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    description: str
    page_width: float
    page_height: float
    face_width: float
    face_height: float
    columns: int
    rows: int
    origin_x: float
    origin_y: float
    pitch_x: float
    pitch_y: float
    crop_marks: bool
    fold: bool
    elements: Mapping[str, Box] = field(hash=False)
    qr_min_module_mm: float = 0.5

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def badge_height(self) -> float:
        """Height of one badge on the sheet: two faces when it folds."""
        return self.face_height * (2 if self.fold else 1)


@dataclass(frozen=True)
class BadgeContent:
    key: str
    first_name: str
    last_name: str
    organisation: str
    country: str
    category_label: str
    category_colour: str
    code: str
    event_name: str
    event_date: str


@dataclass(frozen=True)
class TextIssue:
    key: str
    field: str
    kind: str  # "missing_glyph" | "below_minimum" | "does_not_fit"
    detail: str


@dataclass(frozen=True)
class RenderResult:
    pages: int
    badges: int
    issues: tuple[TextIssue, ...]
    elapsed_s: float


# --------------------------------------------------------------------------- templates

_TOP_LEVEL = {
    "title", "description", "page_width", "page_height", "face_width", "face_height",
    "columns", "rows", "origin_x", "origin_y", "pitch_x", "pitch_y", "crop_marks", "fold",
    "qr_min_module_mm", "safe_margin", "elements",
}  # fmt: skip
_BOX_KEYS = {"x", "y", "w", "h", "align", "max_pt", "min_pt", "lines", "bold"}
_EPS = 1e-6


def _qr_geometry(box: Box) -> tuple[float, float]:
    """(side of the QR square incl. quiet zone, height of the code-text strip), in mm.

    The QR box holds the square, and under it a strip where the code is printed."""
    strip = min(4.5, max(2.5, 0.12 * box.h))
    return max(0.0, min(box.w, box.h - strip)), strip


class _Reader:
    """Typed access to a parsed TOML table, with errors that name the file and field."""

    def __init__(self, path: str, data: dict[str, Any], prefix: str = ""):
        self.path, self.data, self.prefix = path, data, prefix

    def at(self, name: str) -> dict[str, str]:
        """Where a field is, for ``TemplateError(..., **reader.at(name))``."""
        return {"path": self.path, "field": self.prefix + name}

    def number(
        self, name: str, default: float | None = None, *, positive: bool = True, unit: str = "mm"
    ) -> float:
        value = self.data.get(name, default)
        if value is None:
            raise TemplateError("%1: %2: required (a number, in %3)", unit, **self.at(name))
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TemplateError("%1: %2: must be a number, not %3", repr(value), **self.at(name))
        if not math.isfinite(value) or value < 0 or (positive and value <= 0):
            if positive:
                raise TemplateError("%1: %2: must be positive, not %3", value, **self.at(name))
            raise TemplateError("%1: %2: must be >= 0, not %3", value, **self.at(name))
        return float(value)

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        value = self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise TemplateError(
                "%1: %2: must be a whole number from %3 to %4, not %5",
                low, high, repr(value), **self.at(name),
            )
        return value

    def boolean(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            raise TemplateError(
                "%1: %2: must be true or false, not %3",
                repr(value), **self.at(name),
            )
        return value

    def text(self, name: str, default: str | None = None) -> str:
        value = self.data.get(name, default)
        if value is None:
            raise TemplateError("%1: %2: required (text)", **self.at(name))
        if not isinstance(value, str):
            raise TemplateError("%1: %2: must be text, not %3", repr(value), **self.at(name))
        return value

    def unknown(self, allowed: set[str]) -> None:
        for name in self.data:
            if name not in allowed:
                raise TemplateError(
                    "%1: %2: unknown field; known: %3",
                    ", ".join(sorted(allowed)), **self.at(name),
                )


def _read_box(path: str, name: str, data: Any) -> Box:
    r = _Reader(path, data if isinstance(data, dict) else {}, f"elements.{name}.")
    if not isinstance(data, dict):
        raise TemplateError(
            "%1: %2: must be a table with x, y, w, h", path=path, field=f"elements.{name}"
        )
    r.unknown(_BOX_KEYS)
    align = r.text("align", "center").lower().replace("centre", "center")
    if align not in ALIGNS:
        raise TemplateError(
            "%1: %2: must be one of %3, not %4",
            ", ".join(ALIGNS), repr(align), **r.at("align"),
        )
    max_pt = r.number("max_pt", 12, unit="pt")
    min_pt = r.number("min_pt", min(6.0, max_pt), unit="pt")
    if min_pt > max_pt:
        raise TemplateError(
            "%1: %2: %3 is above max_pt %4",
            f"{min_pt:g}", f"{max_pt:g}", **r.at("min_pt"),
        )
    return Box(
        x=r.number("x", positive=False),
        y=r.number("y", positive=False),
        w=r.number("w"),
        h=r.number("h"),
        align=align,
        max_pt=max_pt,
        min_pt=min_pt,
        lines=r.integer("lines", 1, 1, 3),
        bold=r.boolean("bold", False),
    )


def _parse_template(path: Path, key: str) -> Template:
    where = str(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise TemplateError(
            "%1: cannot read the template: %2", exc.strerror or exc, path=where
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError("%1: not valid TOML: %2", exc, path=where) from None
    r = _Reader(where, data)
    r.unknown(_TOP_LEVEL)
    face_w, face_h = r.number("face_width"), r.number("face_height")
    fold = r.boolean("fold", False)
    badge_h = face_h * (2 if fold else 1)
    elements_data = data.get("elements")
    if not isinstance(elements_data, dict) or not elements_data:
        raise TemplateError(
            "%1: %2: required: a table per element ([elements.first_name] ...)",
            **r.at("elements"),
        )
    elements = {}
    for name, box_data in elements_data.items():
        if name not in ELEMENTS:
            raise TemplateError(
                "%1: %2: unknown element; use %3", ", ".join(ELEMENTS),
                path=where, field=f"elements.{name}",
            )
        elements[name] = _read_box(where, name, box_data)
    template = Template(
        key=key,
        title=r.text("title"),
        description=r.text("description", ""),
        page_width=r.number("page_width"),
        page_height=r.number("page_height"),
        face_width=face_w,
        face_height=face_h,
        columns=r.integer("columns", 1, 1, 50),
        rows=r.integer("rows", 1, 1, 50),
        origin_x=r.number("origin_x", 0, positive=False),
        origin_y=r.number("origin_y", 0, positive=False),
        pitch_x=r.number("pitch_x", face_w),
        pitch_y=r.number("pitch_y", badge_h),
        crop_marks=r.boolean("crop_marks", False),
        fold=fold,
        elements=MappingProxyType(
            dict(sorted(elements.items(), key=lambda kv: ELEMENTS.index(kv[0])))
        ),
        qr_min_module_mm=r.number("qr_min_module_mm", 0.5),
    )
    _validate(template, where, r.number("safe_margin", 0, positive=False))
    return template


def _validate(t: Template, where: str, safe_margin: float) -> None:
    def at(name: str) -> dict[str, str]:
        return {"path": where, "field": name}

    def mm(value: float) -> str:
        return f"{value:g}"

    if t.columns > 1 and t.pitch_x < t.face_width - _EPS:
        raise TemplateError(
            "%1: %2: %3 mm is less than the face width: badges overlap",
            mm(t.pitch_x), **at("pitch_x"),
        )
    if t.rows > 1 and t.pitch_y < t.badge_height - _EPS:
        raise TemplateError(
            "%1: %2: %3 mm is less than the badge height: badges overlap",
            mm(t.pitch_y), **at("pitch_y"),
        )
    right = t.origin_x + (t.columns - 1) * t.pitch_x + t.face_width
    if right > t.page_width + 0.01:
        raise TemplateError(
            "%1: %2: the badges reach %3 mm; the page is %4 mm wide",
            mm(right), mm(t.page_width), **at("columns"),
        )
    bottom = t.origin_y + (t.rows - 1) * t.pitch_y + t.badge_height
    if bottom > t.page_height + 0.01:
        raise TemplateError(
            "%1: %2: the badges reach %3 mm; the page is %4 mm high",
            mm(bottom), mm(t.page_height), **at("rows"),
        )
    if "qr" not in t.elements:
        raise TemplateError(
            "%1: %2: required: a badge without its QR code cannot be scanned",
            **at("elements.qr"),
        )
    m = safe_margin
    for name, box in t.elements.items():
        if box.x < m - _EPS or box.x + box.w > t.face_width - m + _EPS:
            raise TemplateError(
                "%1: %2: spans %3-%4 mm; must stay within %5-%6 mm of the %7 mm wide face",
                mm(box.x), mm(box.x + box.w), mm(m), mm(t.face_width - m), mm(t.face_width),
                **at(f"elements.{name}.x"),
            )
        if box.y < m - _EPS or box.y + box.h > t.face_height - m + _EPS:
            raise TemplateError(
                "%1: %2: spans %3-%4 mm; must stay within %5-%6 mm of the %7 mm high face",
                mm(box.y), mm(box.y + box.h), mm(m), mm(t.face_height - m), mm(t.face_height),
                **at(f"elements.{name}.y"),
            )
    names = list(t.elements)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            p, q = t.elements[a], t.elements[b]
            if (
                p.x < q.x + q.w - _EPS
                and q.x < p.x + p.w - _EPS
                and p.y < q.y + q.h - _EPS
                and q.y < p.y + p.h - _EPS
            ):
                raise TemplateError("%1: %2: overlaps %3", f"elements.{a}", **at(f"elements.{b}"))
    qr = t.elements["qr"]
    side, _strip = _qr_geometry(qr)
    module = side / (QR_V1_MODULES + 2 * QR_QUIET_ZONE)
    needed = max(MIN_MODULE_MM, t.qr_min_module_mm)
    if module < needed - _EPS:
        need_side = needed * (QR_V1_MODULES + 2 * QR_QUIET_ZONE)
        raise TemplateError(
            "%1: %2: too small: a %3 x %4 mm box gives QR modules of %5 mm (minimum %6 mm); "
            "it needs a %7 mm square with its quiet zone plus the strip for the printed "
            "code under it",
            mm(qr.w), mm(qr.h), f"{module:.2f}", mm(needed), mm(need_side), **at("elements.qr"),
        )


def templates_dir() -> Path:
    return resource("badges")


def list_templates() -> list[Template]:
    """The shipped templates, sorted by key."""
    paths = sorted(templates_dir().glob("*.toml"), key=lambda p: p.stem)
    return [_parse_template(p, p.stem) for p in paths]


def load_template(name_or_path: str | os.PathLike[str]) -> Template:
    """A shipped template by key ("a6"), or a template file by path."""
    text = os.fspath(name_or_path)
    looks_like_path = text.endswith(".toml") or "/" in text or os.sep in text
    if looks_like_path or Path(text).is_file():
        path = Path(text)
        if not path.is_file():
            raise TemplateError("%1: no such template file", path=text)
        return _parse_template(path, path.stem)
    path = templates_dir() / f"{text}.toml"
    if not path.is_file():
        shipped = ", ".join(sorted(p.stem for p in templates_dir().glob("*.toml")))
        raise TemplateError("unknown badge template %1; shipped: %2", repr(text), shipped)
    return _parse_template(path, text)


# --------------------------------------------------------------------------- colour


@functools.lru_cache(maxsize=256)
def parse_colour(value: str) -> tuple[float, float, float] | None:
    """'#RRGGBB' (or '#RGB') -> (r, g, b) in 0..1; '' -> None (no band colour)."""
    text = value.strip().lstrip("#")
    if not text:
        return None
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6 or not re.fullmatch("[0-9a-fA-F]{6}", text):
        raise ValueError(f"colour {value!r} is not #RRGGBB")
    return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _luminance(rgb: tuple[float, float, float]) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of '#RRGGBB' (0 black .. 1 white; '' counts as white)."""
    return _luminance(parse_colour(colour) or (1.0, 1.0, 1.0))


def band_text_colour(colour: str) -> str:
    """'#FFFFFF' or '#000000', whichever has the higher WCAG contrast ratio on ``colour``."""
    lum = relative_luminance(colour)
    on_white, on_black = 1.05 / (lum + 0.05), (lum + 0.05) / 0.05
    return "#FFFFFF" if on_white >= on_black else "#000000"


# --------------------------------------------------------------------------- QR code

_MASK_COUNT = 8
_FAST_QR_MAX_VERSION = 4  # beyond, tables get big; such codes take qrcode's own path


def _bits(row: Sequence[bool]) -> bytes:
    return bytes(row).translate(_BIT_CHARS)


_BIT_CHARS = bytes.maketrans(b"\x00\x01", b"01")


class _QrLayout:
    """Tables that encode and mask a QR code of one version (error correction M) fast.

    ``qrcode`` builds a matrix in pure Python (~0.3 ms) and does it nine times to pick
    the mask (~2 ms a code: more than the whole badge budget). But a QR matrix is affine
    in the bits of its data codewords: the error-correction bytes are linear over GF(2),
    the placement is a fixed permutation and the mask a fixed XOR. So, once per version,
    ``qrcode`` itself draws the matrix of every single data bit; a code's matrix is then
    the XOR of one table entry per data byte, and the eight masked variants are XORs with
    the eight empty matrices. Rows and columns are bit-packed, one guard bit between
    lines, for the penalty rules. A self-check against ``qrcode`` guards the tables.
    """

    def __init__(self, version: int):
        self.version = version
        self.rs_blocks = qrcode.base.rs_blocks(version, ERROR_CORRECT_M)
        self.data_bytes = sum(block.data_count for block in self.rs_blocks)
        self.n = n = 4 * version + 17
        self.stride = n + 1
        self.valid = int(b"0".join([b"1" * n] * n), 2)
        # qrcode cannot take all-zero data (its polynomial code divides by glog(0)), so
        # every matrix is taken relative to a reference: data bytes all 1.
        ref = [1] * self.data_bytes
        ref_rows, ref_cols = self.pack(self._oracle(ref, 0))
        self.tables = []
        for i in range(self.data_bytes):
            bit_effects = []
            for bit in range(8):
                data = ref.copy()
                data[i] ^= 1 << bit
                rows, cols = self.pack(self._oracle(data, 0))
                bit_effects.append((rows ^ ref_rows, cols ^ ref_cols))
            t_rows, t_cols = [0] * 256, [0] * 256
            for value in range(1, 256):
                low = (value & -value).bit_length() - 1
                t_rows[value] = t_rows[value & (value - 1)] ^ bit_effects[low][0]
                t_cols[value] = t_cols[value & (value - 1)] ^ bit_effects[low][1]
            self.tables.append((t_rows, t_cols))
        # The empty matrix of each mask: the reference's, minus the reference's data.
        ref_data_rows = ref_data_cols = 0
        for t_rows, t_cols in self.tables:
            ref_data_rows ^= t_rows[1]
            ref_data_cols ^= t_cols[1]
        self.blank = []
        for mask in range(_MASK_COUNT):
            rows, cols = self.pack(self._oracle(ref, mask))
            self.blank.append((rows ^ ref_data_rows, cols ^ ref_data_cols))

    def _oracle(self, data: list[int], mask: int) -> list[list[bool]]:
        """qrcode's matrix for these data codewords (error correction added) and mask."""
        buffer = qrcode.util.BitBuffer()
        for byte in data:
            buffer.put(byte, 8)
        q = qrcode.QRCode(version=self.version, error_correction=ERROR_CORRECT_M, border=0)
        q.data_cache = qrcode.util.create_bytes(buffer, self.rs_blocks)
        q.makeImpl(False, mask)
        return q.modules

    def pack(self, matrix: Sequence[Sequence[bool]]) -> tuple[int, int]:
        rows = int(b"0".join([_bits(r) for r in matrix]), 2)
        cols = int(b"0".join([_bits(c) for c in zip(*matrix, strict=True)]), 2)
        return rows, cols

    def unpack(self, rows: int) -> list[int]:
        mask = (1 << self.n) - 1
        return [(rows >> ((self.n - 1 - r) * self.stride)) & mask for r in range(self.n)]

    def codewords(self, data: str) -> list[int]:
        """The data codewords, as ``qrcode.util.create_data`` makes them (before EC)."""
        segment = QRData(data)
        buffer = qrcode.util.BitBuffer()
        buffer.put(segment.mode, 4)
        buffer.put(len(segment), qrcode.util.length_in_bits(segment.mode, self.version))
        segment.write(buffer)
        limit = self.data_bytes * 8
        if len(buffer) > limit:
            raise ValueError(f"{data!r} does not fit QR version {self.version}")
        for _ in range(min(limit - len(buffer), 4)):  # terminator
            buffer.put_bit(False)
        while len(buffer) % 8:
            buffer.put_bit(False)
        out = list(buffer.buffer[: len(buffer) // 8])
        pads = (qrcode.util.PAD0, qrcode.util.PAD1)
        out += [pads[i % 2] for i in range(self.data_bytes - len(out))]
        return out

    def matrices(self, data: str) -> list[tuple[int, int]]:
        """Packed (rows, columns) of ``data`` under each of the eight masks."""
        rows = cols = 0
        for (t_rows, t_cols), value in zip(self.tables, self.codewords(data), strict=True):
            rows ^= t_rows[value]
            cols ^= t_cols[value]
        return [(rows ^ br, cols ^ bc) for br, bc in self.blank]

    def penalty(self, rows: int, cols: int) -> int:
        """ISO/IEC 18004 mask penalty (rules N1-N4) on the bit-packed matrix."""
        valid, stride = self.valid, self.stride
        score = 0
        for ones in (rows, cols):
            zeros = ~ones & valid  # guard bits are in neither, so nothing spans two lines
            for x in (ones, zeros):
                # N1: a run of 5+ modules of one colour scores 3 + (length - 5)
                s = x & (x >> 1)
                s &= s >> 2
                s &= x >> 4
                if s:
                    score += s.bit_count() + 2 * (s & ~(s >> 1)).bit_count()
            # N3: dark-light-dark(3)-light-dark with 4 light modules on one side, 40 each
            z1 = zeros >> 1
            light4 = zeros & z1 & (zeros >> 2) & (zeros >> 3)
            core = ones & z1 & (ones >> 2) & (ones >> 3) & (ones >> 4) & (zeros >> 5)
            core &= ones >> 6
            score += 40 * (((core >> 4) & light4).bit_count() + (core & (light4 >> 7)).bit_count())
        zeros = ~rows & valid
        for x in (rows, zeros):  # N2: each 2x2 block of one colour, 3
            score += 3 * (x & (x >> 1) & (x >> stride) & (x >> (stride + 1))).bit_count()
        total = self.n * self.n  # N4: 10 per 5 % the dark share strays from 50 %
        score += 10 * (abs(20 * rows.bit_count() - 10 * total) // total)
        return score

    def self_check(self) -> bool:
        sample = "0B1X9D3H4TGC8NRJ"[: max(1, min(16, self.data_bytes))]
        for mask, (rows, _cols) in enumerate(self.matrices(sample)):
            q = qrcode.QRCode(
                version=self.version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=mask
            )
            q.add_data(sample)
            q.make(fit=False)
            if self.pack(q.get_matrix())[0] != rows:
                return False
        return True


@functools.cache
def _qr_layout(version: int) -> _QrLayout | None:
    if version > _FAST_QR_MAX_VERSION:
        return None
    try:
        layout = _QrLayout(version)
        return layout if layout.self_check() else None
    except (AttributeError, TypeError, ValueError, IndexError):  # qrcode internals moved
        return None


@functools.lru_cache(maxsize=64)
def qr_version(data: str) -> int:
    """The smallest QR version holding ``data`` at error correction M (depends only on
    the encoding mode and length, so this is cheap to cache)."""
    probe = QRData(data)
    return _qr_version(probe.mode, len(probe.data))


@functools.lru_cache(maxsize=256)
def _qr_version(mode: int, length: int) -> int:
    q = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    q.add_data(QRData(("0" if mode == 1 else "A" if mode == 2 else "a") * length))
    q.best_fit()
    return q.version


def qr_rows(data: str) -> tuple[int, list[int]]:
    """The QR matrix for ``data`` (error correction M, no quiet zone) as ``(n, rows)``:
    row r's module at column c is dark when bit ``n - 1 - c`` of ``rows[r]`` is set.

    The mask is the one with the lowest ISO/IEC 18004 penalty (rules N1-N4, scored with
    the format information in place; ``qrcode`` scores with it blank, so the two pick
    different, equally valid, masks for about half of all codes).
    """
    layout = _qr_layout(qr_version(data))
    if layout is None:
        q = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        q.add_data(data)
        q.make(fit=True)
        matrix = q.get_matrix()
        n = len(matrix)
        return n, [int(_bits(row), 2) for row in matrix]
    best_rows, best_score = 0, -1
    for rows, cols in layout.matrices(data):
        score = layout.penalty(rows, cols)
        if best_score < 0 or score < best_score:
            best_rows, best_score = rows, score
    return layout.n, layout.unpack(best_rows)


def qr_matrix(data: str) -> list[list[bool]]:
    """``qr_rows`` as a list of rows of booleans (dark = True)."""
    n, rows = qr_rows(data)
    return [[bool(row >> (n - 1 - c) & 1) for c in range(n)] for row in rows]


_RUNS = re.compile("1+")


# --------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class _Text:
    font: str
    size: float
    x: float  # pt from the face's left edge
    y: float  # baseline, pt from the face's bottom edge
    text: str
    colour: tuple[float, float, float]


@dataclass
class _Face:
    """One badge face ready to draw, in points from the face's bottom-left corner."""

    band: tuple[float, float, float, float, tuple[float, float, float]] | None = None
    texts: list[_Text] = field(default_factory=list)
    qr: tuple[float, float, float, int, list[int]] | None = None  # x, top, module, n, rows
    issues: list[TextIssue] = field(default_factory=list)


_BLACK = (0.0, 0.0, 0.0)
_WHITE = (1.0, 1.0, 1.0)


def _band_padding(box: Box) -> tuple[float, float]:
    return min(3.0, 0.08 * box.w), 0.12 * box.h


@functools.lru_cache(maxsize=32768)
def _set_text(
    text: str, box: Box, face_h: float, band: bool
) -> tuple[tuple[tuple[str, float, float, str], ...], str, typeset.Fitted, tuple[str, ...]]:
    """Lay ``text`` out in ``box``: ((font, x, baseline, line) ...), font, fitted, missing."""
    font = typeset.font_name(box.bold)
    missing = typeset.missing_glyphs(text, font)
    if missing and font != typeset.REGULAR:
        plain = typeset.missing_glyphs(text, typeset.REGULAR)
        if len(plain) < len(missing):
            font, missing = typeset.REGULAR, plain
    pad_x, pad_y = _band_padding(box) if band else (0.0, 0.0)
    left = (box.x + pad_x) * MM
    width = (box.w - 2 * pad_x) * MM
    height = (box.h - 2 * pad_y) * MM
    fitted = typeset.fit(text, font, width, height, box.max_pt, box.min_pt, box.lines)
    top = (face_h - box.y - pad_y) * MM - (height - fitted.height) / 2
    placed = []
    for i, line in enumerate(fitted.lines):
        line_w = typeset.text_width(line, font, fitted.size)
        if box.align == "left":
            x = left
        elif box.align == "right":
            x = left + width - line_w
        else:
            x = left + (width - line_w) / 2
        baseline = top - i * fitted.line_height - typeset.BASELINE * fitted.size
        placed.append((font, x, baseline, line))
    return tuple(placed), font, fitted, tuple(missing)


def _text_issues(key: str, name: str, box: Box, font: str, fitted, missing) -> list[TextIssue]:
    issues = []
    if missing:
        issues.append(
            TextIssue(key, name, "missing_glyph", typeset.describe_missing(missing, font))
        )
    if fitted.below_minimum:
        issues.append(
            TextIssue(
                key,
                name,
                "below_minimum",
                f"shrunk to {math.floor(fitted.size * 10) / 10:.1f} pt, "
                f"legible minimum {box.min_pt:g} pt",
            )
        )
    return issues


def _layout(template: Template, content: BadgeContent, *, with_qr: bool = True) -> _Face:
    face = _Face()
    face_h = template.face_height
    for name, box in template.elements.items():
        if name == "qr":
            _layout_qr(template, content, box, face, with_qr)
            continue
        text = getattr(content, TEXT_FIELDS[name])
        colour = _BLACK
        if name == "category":
            rgb = parse_colour(content.category_colour)
            if rgb is not None:
                y = (face_h - box.y - box.h) * MM
                face.band = (box.x * MM, y, box.w * MM, box.h * MM, rgb)
                light_text = band_text_colour(content.category_colour) == "#FFFFFF"
                colour = _WHITE if light_text else _BLACK
        if not text:
            continue
        placed, font, fitted, missing = _set_text(text, box, face_h, name == "category")
        for font_name, x, y, line in placed:
            face.texts.append(_Text(font_name, fitted.size, x, y, line, colour))
        if missing or fitted.below_minimum:
            face.issues += _text_issues(content.key, name, box, font, fitted, missing)
    return face


def _layout_qr(template: Template, content: BadgeContent, box: Box, face: _Face, draw: bool):
    code = content.code.strip()
    if not code:
        face.issues.append(TextIssue(content.key, "qr", "does_not_fit", "no badge code"))
        return
    side, strip = _qr_geometry(box)
    if draw:
        n, rows = qr_rows(code)
    else:
        n, rows = 17 + 4 * qr_version(code), []
    module = side / (n + 2 * QR_QUIET_ZONE)
    if module < template.qr_min_module_mm - _EPS:
        face.issues.append(
            TextIssue(
                content.key,
                "qr",
                "does_not_fit",
                f"the code needs a {n}x{n} QR: modules of {module:.2f} mm, "
                f"below the template's minimum {template.qr_min_module_mm:g} mm",
            )
        )
    top = box.y + (box.h - side - strip) / 2  # mm from the face top
    left = box.x + (box.w - side) / 2
    face_h = template.face_height
    face.qr = (
        (left + QR_QUIET_ZONE * module) * MM,
        (face_h - top - QR_QUIET_ZONE * module) * MM,
        module * MM,
        n,
        rows,
    )
    strip_box = Box(box.x, top + side, box.w, strip, "center", CODE_TEXT_MAX_PT, CODE_TEXT_MIN_PT)
    placed, _font, fitted, _missing = _set_text(pretty(code), strip_box, face_h, False)
    for font_name, x, y, line in placed:
        face.texts.append(_Text(font_name, fitted.size, x, y, line, _BLACK))


def check_badge(template: Template, content: BadgeContent) -> list[TextIssue]:
    """What would be wrong with this badge (missing glyphs, text below its legible
    minimum, a QR too dense for the box) — layout only, nothing is drawn."""
    typeset.register_fonts()
    parse_colour(content.category_colour)
    return _layout(template, content, with_qr=False).issues


# --------------------------------------------------------------------------- drawing


def _num(value: float) -> str:
    """A PDF number: 3 decimals, trailing zeros dropped."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _rgb(rgb: tuple[float, float, float], op: str = "rg") -> str:
    return f"{_num(rgb[0])} {_num(rgb[1])} {_num(rgb[2])} {op}"


class _Writer:
    """Emits each face as PDF operators into one canvas.

    reportlab formats every number it writes through a pure-Python ``fp_str`` (about
    6 us a call without the optional C accelerator), and a badge has ~120 QR runs and a
    dozen coordinates: drawn through ``path.rect()``/``drawString()`` that alone capped
    the renderer near 500 badges a second. So the writer produces the same operators
    itself — a QR code is still one path of ``re`` rectangles filled once (``f``) — and
    only text goes through reportlab (a text object, for the embedded-subset encoding),
    its operators cached for strings repeated at the same place (event, date, bands).
    """

    _TEXT_CACHE_LIMIT = 20000

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self.text_code: dict[tuple[str, float, float, float, str], str] = {}
        self.band_code: dict[tuple, str] = {}

    def text(self, t: _Text) -> str:
        key = (t.font, t.size, t.x, t.y, t.text)
        code = self.text_code.get(key)
        if code is None:
            obj = self.canvas.beginText(t.x, t.y)
            obj.setFont(t.font, t.size)
            obj.textOut(t.text)
            code = obj.getCode()
            if len(self.text_code) >= self._TEXT_CACHE_LIMIT:
                self.text_code.clear()
            self.text_code[key] = code
        return code

    def band(self, band) -> str:
        code = self.band_code.get(band)
        if code is None:
            x, y, w, h, rgb = band
            code = f"{_rgb(rgb)} {_num(x)} {_num(y)} {_num(w)} {_num(h)} re f"
            if _contrast(rgb, _WHITE) < _OUTLINE_BELOW_CONTRAST:
                # a white or pale band: outline it so the band still reads as one
                i = _OUTLINE_PT / 2
                code += (
                    f" 0.55 G {_num(_OUTLINE_PT)} w {_num(x + i)} {_num(y + i)} "
                    f"{_num(w - 2 * i)} {_num(h - 2 * i)} re S"
                )
            self.band_code[band] = code
        return code

    def face(self, face: _Face) -> str:
        parts = []
        if face.band is not None:
            parts.append(self.band(face.band))
        colour = None
        for t in face.texts:
            if t.colour != colour:
                colour = t.colour
                parts.append(_rgb(colour))
            parts.append(self.text(t))
        if face.qr is not None and face.qr[4]:
            x, top, module, n, rows = face.qr
            m = _num(module)
            # module units, rows going down from the top-left module; one path, one fill
            parts.append(f"0 0 0 rg q {m} 0 0 -{m} {_num(x)} {_num(top)} cm")
            width = f"0{n}b"
            for r, row in enumerate(rows):
                if row:
                    for run in _RUNS.finditer(format(row, width)):
                        start, end = run.span()
                        parts.append(f"{start} {r} {end - start} 1 re")
            parts.append("f Q")
        return "\n".join(parts)


_OUTLINE_BELOW_CONTRAST = 1.25
_OUTLINE_PT = 0.6


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = _luminance(a), _luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _crop_marks(t: Template) -> list[tuple[float, float, float, float]]:
    """Short lines continuing each badge edge outwards, in page mm (top-left origin),
    stopping short of half the gap to a neighbour badge and of the page edge."""
    cells = [
        (t.origin_x + c * t.pitch_x, t.origin_y + r * t.pitch_y, t.face_width, t.badge_height)
        for r in range(t.rows)
        for c in range(t.columns)
    ]

    def room(cx: float, cy: float, dx: int, dy: int) -> float:
        """Free length from a corner in direction (dx, dy): up to the page edge, or half
        the way to a badge whose side faces it (0 if one touches)."""
        if dx:
            free = cx if dx < 0 else t.page_width - cx
            for x, y, w, h in cells:
                if y - _EPS <= cy <= y + h + _EPS:
                    gap = cx - (x + w) if dx < 0 else x - cx
                    if gap > -_EPS:
                        free = min(free, gap / 2)
        else:
            free = cy if dy < 0 else t.page_height - cy
            for x, y, w, h in cells:
                if x - _EPS <= cx <= x + w + _EPS:
                    gap = cy - (y + h) if dy < 0 else y - cy
                    if gap > -_EPS:
                        free = min(free, gap / 2)
        return free

    marks: dict[tuple[float, float, float, float], None] = {}
    for x, y, w, h in cells:
        corners = ((x, y, -1, -1), (x + w, y, 1, -1), (x, y + h, -1, 1), (x + w, y + h, 1, 1))
        for cx, cy, sx, sy in corners:
            for dx, dy in ((sx, 0), (0, sy)):
                length = min(CROP_MARK_MM, room(cx, cy, dx, dy) - CROP_GAP_MM - 0.25)
                if length >= 1.0:
                    x0, y0 = cx + dx * CROP_GAP_MM, cy + dy * CROP_GAP_MM
                    mark = (x0, y0, x0 + dx * length, y0 + dy * length)
                    marks[tuple(round(v, 4) for v in mark)] = None  # type: ignore[index]
    return list(marks)


class _BinaryStreams:
    """reportlab wraps compressed streams in ASCII85 unless ``rl_config.useA85`` is off:
    in pure Python that cost ~0.5 ms a page, and the file is a quarter bigger. The
    setting is global and read while the document is written, so it is off only during
    ``canvas.save()`` (a PDF written elsewhere meanwhile just gets binary streams too)."""

    _lock = threading.Lock()

    def __enter__(self) -> None:
        self._lock.acquire()
        self._saved = rl_config.useA85
        rl_config.useA85 = 0

    def __exit__(self, *exc: object) -> None:
        rl_config.useA85 = self._saved
        self._lock.release()


_A85_OFF = _BinaryStreams()


def _crop_marks_code(t: Template) -> str:
    marks = _crop_marks(t)
    if not marks:
        return ""
    ph = t.page_height
    ops = [f"q 0 G {_num(CROP_LINE_PT)} w"]
    for x0, y0, x1, y1 in marks:
        start = f"{_num(x0 * MM)} {_num((ph - y0) * MM)} m"
        ops.append(f"{start} {_num(x1 * MM)} {_num((ph - y1) * MM)} l")
    ops.append("S Q")
    return " ".join(ops)


def render_badges(
    out: str | Path | BinaryIO,
    template: Template,
    contents: Sequence[BadgeContent],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """Write the badges as one PDF, ``template.per_page`` badges a page, in order.

    ``progress(done, total)`` is called about every 50 badges and at the end;
    ``cancelled()`` is asked before each page, and if it returns true
    ``RenderCancelled`` is raised and nothing is left at ``out`` (a path is written
    through a temporary file next to it and moved into place at the end).
    """
    started = time.perf_counter()
    total = len(contents)
    if total == 0:
        raise ValueError("no badges to render")
    for content in contents:
        try:
            parse_colour(content.category_colour)
        except ValueError as exc:
            raise ValueError(f"badge {content.key}: category {exc}") from None
    typeset.register_fonts()

    tmp: str | None = None
    if isinstance(out, str | os.PathLike):
        target = Path(out)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
        dest: Any = tmp
    else:
        target, dest = None, out
    try:
        result = _render(dest, template, contents, progress, cancelled, started)
        if tmp is not None:
            os.replace(tmp, target)  # type: ignore[arg-type]
            tmp = None
        return result
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _render(dest, template, contents, progress, cancelled, started) -> RenderResult:
    t = template
    total = len(contents)
    pw, ph = t.page_width * MM, t.page_height * MM
    # initialFontName: otherwise reportlab lists Helvetica, unembedded, on every page
    canvas = Canvas(dest, pagesize=(pw, ph), pageCompression=1, initialFontName=typeset.REGULAR)
    first = contents[0]
    canvas.setTitle(f"Badges - {first.event_name}" if first.event_name else "Badges")
    canvas.setSubject(f"{t.title} ({t.key})")
    canvas.setCreator("checkin")
    marks = _crop_marks_code(t) if t.crop_marks else ""
    writer = _Writer(canvas)
    fw, fh = t.face_width * MM, t.face_height * MM
    issues: list[TextIssue] = []
    per_page = t.per_page
    pages = (total + per_page - 1) // per_page
    reported = 0
    for page in range(pages):
        if cancelled is not None and cancelled():
            raise RenderCancelled()
        batch = contents[page * per_page : (page + 1) * per_page]
        ops = [marks] if marks else []
        for i, content in enumerate(batch):
            face = _layout(t, content)
            issues += face.issues
            code = writer.face(face)
            col, row = i % t.columns, i // t.columns
            left = (t.origin_x + col * t.pitch_x) * MM
            top = ph - (t.origin_y + row * t.pitch_y) * MM
            if t.fold:
                # the upper face upside down: folded on the middle line, both read upright
                ops.append(f"q -1 0 0 -1 {_num(left + fw)} {_num(top)} cm\n{code}\nQ")
                ops.append(f"q 1 0 0 1 {_num(left)} {_num(top - 2 * fh)} cm\n{code}\nQ")
            else:
                ops.append(f"q 1 0 0 1 {_num(left)} {_num(top - fh)} cm\n{code}\nQ")
        canvas.addLiteral("\n".join(ops))
        canvas.showPage()
        done = min(total, (page + 1) * per_page)
        if progress is not None and (done - reported >= PROGRESS_EVERY or done == total):
            progress(done, total)
            reported = done
    with _A85_OFF:
        canvas.save()
    return RenderResult(pages, total, tuple(issues), time.perf_counter() - started)

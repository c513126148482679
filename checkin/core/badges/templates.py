"""Badge templates as data: where badges sit on a sheet and elements on a face.

A template (``resources/badges/*.toml``, format in ``resources/badges/README.md``) says
where badges sit on a sheet and where each element sits on a badge face, in millimetres
from the face's top-left corner.  A template is checked when it loads, so a bad one is
refused with the file and the field named (``TemplateError``) before anything is drawn:
badges that overlap or leave the page, boxes outside the face's safe margin or over each
other, and a QR box too small for modules of ``qr_min_module_mm`` (for the version-1
codes of ``codes.make_code``).
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from checkin.core.badges import legibility
from checkin.core.badges.qr import QR_QUIET_ZONE, QR_V1_MODULES
from checkin.core.errors import UserError
from checkin.core.resources import resource

MM = 72 / 25.4  # points per millimetre: templates measure in mm, the PDF in points

ELEMENTS = (
    "event", "date", "first_name", "last_name", "organisation", "country", "category", "photo",
    "qr",
)  # fmt: skip
ALIGNS = ("left", "center", "right")
MIN_MODULE_MM = 0.5  # 6 dots at 300 dpi: the floor for any template
EPS = 1e-6  # mm: what counts as touching rather than overlapping

_TOP_LEVEL = {
    "title", "description", "page_width", "page_height", "face_width", "face_height",
    "columns", "rows", "origin_x", "origin_y", "pitch_x", "pitch_y", "crop_marks", "fold",
    "qr_min_module_mm", "safe_margin", "elements", "ink",
}  # fmt: skip
_BOX_KEYS = {"x", "y", "w", "h", "align", "max_pt", "min_pt", "lines", "bold"}
_PHOTO_KEYS = {"x", "y", "w", "h", "placeholder"}
PLACEHOLDERS = ("initials", "frame")  # what an empty photo box shows
PHOTO_MIN_MM = 12.0  # a face smaller than this is not recognised across a desk


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


@dataclass(frozen=True)
class Box:
    """A rectangle on a badge face, in mm from the face's top-left corner, and how text
    is set in it (the QR element uses only the rectangle; the photo element the
    rectangle and ``placeholder``: what shows for someone without a photo)."""

    x: float
    y: float
    w: float
    h: float
    align: str = "center"
    max_pt: float = 12
    min_pt: float = 6
    lines: int = 1
    bold: bool = False
    placeholder: str = "initials"


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
    ink: str = "colour"  # legibility.INKS: "black" for black-only media

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def prints_photos(self) -> bool:
        """The badge carries the delegate's photo (preflight then lists who has none)."""
        return "photo" in self.elements

    @property
    def badge_height(self) -> float:
        """Height of one badge on the sheet: two faces when it folds."""
        return self.face_height * (2 if self.fold else 1)


def qr_geometry(box: Box) -> tuple[float, float]:
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


def _read_photo_box(r: _Reader) -> Box:
    """The photo's box: a rectangle big enough for a face, and its ``placeholder``."""
    r.unknown(_PHOTO_KEYS)
    placeholder = r.text("placeholder", "initials").lower()
    if placeholder not in PLACEHOLDERS:
        raise TemplateError(
            "%1: %2: must be one of %3, not %4",
            ", ".join(PLACEHOLDERS), repr(placeholder), **r.at("placeholder"),
        )
    box = Box(x=r.number("x", positive=False), y=r.number("y", positive=False),
              w=r.number("w"), h=r.number("h"), placeholder=placeholder)
    for side in ("w", "h"):
        if getattr(box, side) < PHOTO_MIN_MM - EPS:
            raise TemplateError(
                "%1: %2: %3 mm is too small for a photo (at least %4 mm)",
                f"{getattr(box, side):g}", f"{PHOTO_MIN_MM:g}", **r.at(side),
            )
    return box


def _read_box(path: str, name: str, data: Any) -> Box:
    r = _Reader(path, data if isinstance(data, dict) else {}, f"elements.{name}.")
    if not isinstance(data, dict):
        raise TemplateError(
            "%1: %2: must be a table with x, y, w, h", path=path, field=f"elements.{name}"
        )
    if name == "photo":
        return _read_photo_box(r)
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


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise TemplateError(
            "%1: cannot read the template: %2", exc.strerror or exc, path=str(path)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError("%1: not valid TOML: %2", exc, path=str(path)) from None


def _read_elements(r: _Reader) -> Mapping[str, Box]:
    """The ``[elements.*]`` boxes, in ``ELEMENTS`` order (the order they are drawn)."""
    elements_data = r.data.get("elements")
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
                path=r.path, field=f"elements.{name}",
            )
        elements[name] = _read_box(r.path, name, box_data)
    return MappingProxyType(dict(sorted(elements.items(), key=lambda kv: ELEMENTS.index(kv[0]))))


def _parse_template(path: Path, key: str) -> Template:
    where = str(path)
    r = _Reader(where, _read_toml(path))
    r.unknown(_TOP_LEVEL)
    face_w, face_h = r.number("face_width"), r.number("face_height")
    fold = r.boolean("fold", False)
    badge_h = face_h * (2 if fold else 1)
    elements = _read_elements(r)
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
        elements=elements,
        qr_min_module_mm=r.number("qr_min_module_mm", 0.5),
        ink=_read_ink(r),
    )
    _validate(template, where, r.number("safe_margin", 0, positive=False))
    return template


def _read_ink(r: _Reader) -> str:
    ink = r.text("ink", "colour").lower().replace("color", "colour")
    if ink not in legibility.INKS:
        raise TemplateError(
            "%1: %2: must be one of %3, not %4",
            ", ".join(legibility.INKS), repr(ink), **r.at("ink"),
        )
    return ink


# --------------------------------------------------------------------------- checks


def _mm(value: float) -> str:
    return f"{value:g}"


def _validate(t: Template, where: str, safe_margin: float) -> None:
    """Refuse a template whose badges or boxes cannot print as drawn."""
    _check_sheet(t, where)
    if "qr" not in t.elements:
        raise TemplateError(
            "%1: %2: required: a badge without its QR code cannot be scanned",
            path=where, field="elements.qr",
        )
    _check_within_face(t, where, safe_margin)
    _check_no_overlap(t, where)
    _check_qr_size(t, where)
    legibility.check_template(t, where)


def _check_sheet(t: Template, where: str) -> None:
    """Badges side by side without overlapping, all on the page."""
    if t.columns > 1 and t.pitch_x < t.face_width - EPS:
        raise TemplateError(
            "%1: %2: %3 mm is less than the face width: badges overlap",
            _mm(t.pitch_x), path=where, field="pitch_x",
        )
    if t.rows > 1 and t.pitch_y < t.badge_height - EPS:
        raise TemplateError(
            "%1: %2: %3 mm is less than the badge height: badges overlap",
            _mm(t.pitch_y), path=where, field="pitch_y",
        )
    right = t.origin_x + (t.columns - 1) * t.pitch_x + t.face_width
    if right > t.page_width + 0.01:
        raise TemplateError(
            "%1: %2: the badges reach %3 mm; the page is %4 mm wide",
            _mm(right), _mm(t.page_width), path=where, field="columns",
        )
    bottom = t.origin_y + (t.rows - 1) * t.pitch_y + t.badge_height
    if bottom > t.page_height + 0.01:
        raise TemplateError(
            "%1: %2: the badges reach %3 mm; the page is %4 mm high",
            _mm(bottom), _mm(t.page_height), path=where, field="rows",
        )


def _check_within_face(t: Template, where: str, m: float) -> None:
    """Every box inside the face, ``m`` mm (the safe margin) from its edges."""
    for name, box in t.elements.items():
        if box.x < m - EPS or box.x + box.w > t.face_width - m + EPS:
            raise TemplateError(
                "%1: %2: spans %3-%4 mm; must stay within %5-%6 mm of the %7 mm wide face",
                _mm(box.x), _mm(box.x + box.w), _mm(m), _mm(t.face_width - m),
                _mm(t.face_width), path=where, field=f"elements.{name}.x",
            )
        if box.y < m - EPS or box.y + box.h > t.face_height - m + EPS:
            raise TemplateError(
                "%1: %2: spans %3-%4 mm; must stay within %5-%6 mm of the %7 mm high face",
                _mm(box.y), _mm(box.y + box.h), _mm(m), _mm(t.face_height - m),
                _mm(t.face_height), path=where, field=f"elements.{name}.y",
            )


def _overlap(p: Box, q: Box) -> bool:
    return (
        p.x < q.x + q.w - EPS
        and q.x < p.x + p.w - EPS
        and p.y < q.y + q.h - EPS
        and q.y < p.y + p.h - EPS
    )


def _check_no_overlap(t: Template, where: str) -> None:
    names = list(t.elements)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if _overlap(t.elements[a], t.elements[b]):
                raise TemplateError(
                    "%1: %2: overlaps %3", f"elements.{a}", path=where, field=f"elements.{b}"
                )


def _check_qr_size(t: Template, where: str) -> None:
    """Modules of at least ``qr_min_module_mm`` (and never under 0.5 mm) for a version-1
    code with its quiet zone, above the strip the code is printed in."""
    qr = t.elements["qr"]
    side, _strip = qr_geometry(qr)
    module = side / (QR_V1_MODULES + 2 * QR_QUIET_ZONE)
    needed = max(MIN_MODULE_MM, t.qr_min_module_mm)
    if module < needed - EPS:
        need_side = needed * (QR_V1_MODULES + 2 * QR_QUIET_ZONE)
        raise TemplateError(
            "%1: %2: too small: a %3 x %4 mm box gives QR modules of %5 mm (minimum %6 mm); "
            "it needs a %7 mm square with its quiet zone plus the strip for the printed "
            "code under it",
            _mm(qr.w), _mm(qr.h), f"{module:.2f}", _mm(needed), _mm(need_side),
            path=where, field="elements.qr",
        )


# --------------------------------------------------------------------------- loading


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

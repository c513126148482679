"""The layout of one badge face: where each text line and the QR code go, and what
would be wrong with them.

The layout draws, per badge: event name and date, the names, organisation, country, the
category band (its colour, with the label in black or white, see ``colour``) and the QR
code with the code printed under it for typing by hand, and — when the template has a ``photo``
box — the delegate's photo, cropped to fill the box, or for someone without one an
empty frame (with their initials, unless the template says ``placeholder = "frame"``).
It produces a ``Face`` in
points; the PDF writer (``render``) only turns that into operators.

Text never leaves its box: it shrinks from the box's ``max_pt``, wraps if the box allows
more lines, and if it still does not fit at ``min_pt`` it is set smaller anyway and
reported (``TextIssue`` "below_minimum"). Characters no shipped font has are left out of
the drawing and reported ("missing_glyph") — never printed as empty boxes.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from checkin.core.badges import typeset
from checkin.core.badges.colour import BLACK, RGB, WHITE, band_text_colour, parse_colour
from checkin.core.badges.qr import QR_QUIET_ZONE, qr_rows, qr_version
from checkin.core.badges.templates import EPS, MM, Box, Template, qr_geometry
from checkin.core.event.codes import pretty

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
RED: RGB = (1.0, 0.0, 0.0)  # the red of DK-22251 black/red tape
CODE_TEXT_MAX_PT = 9.0
CODE_TEXT_MIN_PT = 5.0
FRAME_GREY: RGB = (0.55, 0.55, 0.55)  # an empty photo box's frame and initials
INITIALS_SHARE = 0.34  # the initials' size, as a share of the photo box's height


@dataclass(frozen=True)
class BadgePhoto:
    """A delegate's photo as stored (JPEG bytes) and its size in pixels."""

    data: bytes = field(repr=False)
    width: int
    height: int


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
    photo: BadgePhoto | None = None  # read only for a template with a photo box


@dataclass(frozen=True)
class PhotoSpot:
    """Where the photo box is (points from the face's bottom-left corner), and the
    picture placed to fill it (cropped to the box by a clip): or none, an empty frame."""

    box: tuple[float, float, float, float]  # x, y, w, h
    photo: BadgePhoto | None = None
    placed: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # the picture's x, y, w, h


@dataclass(frozen=True)
class TextIssue:
    key: str
    field: str
    kind: str  # "missing_glyph" | "below_minimum" | "does_not_fit" | "overlap"
    detail: str


@dataclass(frozen=True)
class Text:
    """One line of text, ready to draw."""

    font: str
    size: float
    x: float  # pt from the face's left edge
    y: float  # baseline, pt from the face's bottom edge
    text: str
    colour: RGB
    field: str = ""  # the element it belongs to ("qr": the code printed under the QR)


@dataclass
class Face:
    """One badge face ready to draw, in points from the face's bottom-left corner."""

    band: tuple[float, float, float, float, RGB] | None = None  # x, y, w, h, colour
    band_outline: bool = False  # black-only ink: the band is a black frame, not a fill
    texts: list[Text] = field(default_factory=list)
    qr: tuple[float, float, float, int, list[int]] | None = None  # x, top, module, n, rows
    photo: PhotoSpot | None = None
    issues: list[TextIssue] = field(default_factory=list)


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


def face_layout(template: Template, content: BadgeContent, *, with_qr: bool = True) -> Face:
    """Where everything on this badge's face goes, and what is wrong with it;
    ``with_qr=False`` sizes the QR code without building its matrix (a preflight)."""
    face = Face()
    face_h = template.face_height
    for name, box in template.elements.items():
        if name == "qr":
            _layout_qr(template, content, box, face, with_qr)
            continue
        if name == "photo":
            _layout_photo(template, content, box, face)
            continue
        text = getattr(content, TEXT_FIELDS[name])
        colour = BLACK
        if name == "category":
            colour = _band(template, content, box, face)
        if not text:
            continue
        placed, font, fitted, missing = _set_text(text, box, face_h, name == "category")
        for font_name, x, y, line in placed:
            face.texts.append(Text(font_name, fitted.size, x, y, line, colour, name))
        if missing or fitted.below_minimum:
            face.issues += _text_issues(content.key, name, box, font, fitted, missing)
    return face


def _band(template: Template, content: BadgeContent, box: Box, face: Face) -> RGB:
    """Set the category band as the template's ink allows; the label's colour.

    Black-only media never get a colour they cannot print (a grey dither of a colour
    says nothing): the band is a black frame with the label in black.  Black/red tape
    fills every band in its red; colour media fill it in the category's colour."""
    rgb = parse_colour(content.category_colour)
    if rgb is None and template.ink != "black":
        return BLACK
    y = (template.face_height - box.y - box.h) * MM
    if template.ink == "black":
        face.band, face.band_outline = (box.x * MM, y, box.w * MM, box.h * MM, BLACK), True
        return BLACK
    if template.ink == "red":
        rgb = RED
    assert rgb is not None
    face.band = (box.x * MM, y, box.w * MM, box.h * MM, rgb)
    hex_colour = "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in rgb))
    return WHITE if band_text_colour(hex_colour) == "#FFFFFF" else BLACK


def _layout_photo(template: Template, content: BadgeContent, box: Box, face: Face) -> None:
    """The photo scaled to cover the box (centred; the clip trims the overflow), or an
    empty frame with the person's initials in grey."""
    x, y = box.x * MM, (template.face_height - box.y - box.h) * MM
    w, h = box.w * MM, box.h * MM
    pic = content.photo
    if pic is not None and pic.width > 0 and pic.height > 0:
        scale = max(w / pic.width, h / pic.height)
        pw, ph = pic.width * scale, pic.height * scale
        face.photo = PhotoSpot((x, y, w, h), pic, (x + (w - pw) / 2, y + (h - ph) / 2, pw, ph))
        return
    face.photo = PhotoSpot((x, y, w, h))
    letters = initials(content.first_name, content.last_name)
    if box.placeholder != "initials" or not letters:
        return
    size = max(6.0, INITIALS_SHARE * h)
    inner = Box(box.x, box.y, box.w, box.h, "center", size, min(6.0, size))
    placed, _font, fitted, _missing = _set_text(letters, inner, template.face_height, False)
    for font_name, tx, ty, line in placed:
        face.texts.append(Text(font_name, fitted.size, tx, ty, line, FRAME_GREY, "photo"))


def initials(first_name: str, last_name: str) -> str:
    """"AB" for Ada Byron: the first letter of each name that a shipped font can draw."""
    letters = ""
    for name in (first_name, last_name):
        letter = next((c for c in name.strip() if c.isalpha()), "")
        if letter and not typeset.missing_glyphs(letter, typeset.REGULAR):
            letters += letter.upper()
    return letters


def _layout_qr(
    template: Template, content: BadgeContent, box: Box, face: Face, draw: bool
) -> None:
    code = content.code.strip()
    if not code:
        face.issues.append(TextIssue(content.key, "qr", "does_not_fit", "no badge code"))
        return
    side, strip = qr_geometry(box)
    if draw:
        n, rows = qr_rows(code)
    else:
        n, rows = 17 + 4 * qr_version(code), []
    module = side / (n + 2 * QR_QUIET_ZONE)
    if module < template.qr_min_module_mm - EPS:
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
        face.texts.append(Text(font_name, fitted.size, x, y, line, BLACK, "qr"))


def ink_box(t: Text) -> tuple[float, float, float, float]:
    """Where a line's ink can reach, in points: (left, bottom, right, top)."""
    width = typeset.text_width(t.text, t.font, t.size)
    return (t.x, t.y - typeset.DESCENT * t.size, t.x + width, t.y + typeset.ASCENT * t.size)


def overlaps(face: Face) -> list[tuple[str, str]]:
    """Pairs of elements whose text ink would touch: never, by construction — checked
    because a template, a font or a rounding change must not make it happen silently."""
    boxes = [(t.field, ink_box(t)) for t in face.texts]
    if face.band is not None:
        x, y, w, h, _rgb = face.band
        boxes.append(("category", (x, y, x + w, y + h)))
    if face.qr is not None:
        x, top, module, n, _rows = face.qr
        boxes.append(("qr", (x, top - n * module, x + n * module, top)))
    if face.photo is not None:
        x, y, w, h = face.photo.box
        boxes.append(("photo", (x, y, x + w, y + h)))
    found: dict[tuple[str, str], None] = {}
    for i, (a, p) in enumerate(boxes):
        for b, q in boxes[i + 1 :]:
            if a != b and p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]:
                found[(a, b)] = None
    return list(found)


def check_badge(template: Template, content: BadgeContent) -> list[TextIssue]:
    """What would be wrong with this badge (missing glyphs, text below its legible
    minimum, a QR too dense for the box) — layout only, nothing is drawn."""
    typeset.register_fonts()
    parse_colour(content.category_colour)
    face = face_layout(template, content, with_qr=False)
    for a, b in overlaps(face):
        face.issues.append(TextIssue(content.key, b, "overlap", f"its text runs into the {a}"))
    return face.issues


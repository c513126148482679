"""Legibility rules a badge template cannot break, and the words for the fix.

A badge is read across a desk or a corridor: the first name must stay big, whatever the
roster holds.  These rules are measured from the stock, not chosen per template:

* **first-name floor**: 32 pt (cap height ~8 mm, read at 1–2 m) on a badge at least
  70 mm each way (A6, 4 x 3 in, A6 fold-over); 18 pt on smaller ones (80 x 50 mm
  inserts, 62 mm labels, cards).  A template whose ``first_name.min_pt`` is below its
  floor is refused when it loads;
* **wrap before shrink**: the first-name box holds at least two lines at that minimum,
  so a long first name breaks at its spaces and hyphens before it gets smaller; past the
  floor the renderer still fits it (never clipped) and preflight flags it;
* **ink**: ``"colour"`` prints category bands in their colour; ``"black"`` (black-only
  media such as Brother DK-22205) outlines the band and writes the label in black, so
  nothing depends on a colour the tape cannot show; ``"red"`` (DK-22251 black/red tape)
  fills the band in the tape's red.

``check_template`` is called by the template loader; ``fix_for`` gives preflight the
words for each kind of problem (a missing photo included).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checkin.core.errors import translatable

if TYPE_CHECKING:
    from checkin.core.badges.templates import Template

LARGE_FLOOR_PT = 32.0  # A6, 4 x 3 in: read at 1-2 m
SMALL_FLOOR_PT = 18.0  # 80 x 50 mm inserts, 62 mm labels, cards
LARGE_BADGE_MM = 70.0  # both sides at least this: a large badge
INKS = ("colour", "black", "red")
LEADING = 1.2  # as typeset.LEADING (kept here: this module loads no font)
PT_PER_MM = 72 / 25.4


def first_name_floor(face_width: float, face_height: float) -> float:
    """The smallest first-name size a badge of this size may print without a warning."""
    if min(face_width, face_height) >= LARGE_BADGE_MM:
        return LARGE_FLOOR_PT
    return SMALL_FLOOR_PT


def check_template(t: Template, where: str) -> None:
    """Refuse a template that breaks a legibility rule (``TemplateError`` naming the
    file and the field)."""
    from checkin.core.badges.templates import TemplateError

    box = t.elements.get("first_name")
    if box is None:
        raise TemplateError("%1: %2: required: the first name is what people read",
                            path=where, field="elements.first_name")
    floor = first_name_floor(t.face_width, t.face_height)
    if box.min_pt < floor:
        raise TemplateError(
            "%1: %2: %3 pt is below the legible floor of %4 pt for a %5 x %6 mm badge",
            f"{box.min_pt:g}", f"{floor:g}", f"{t.face_width:g}", f"{t.face_height:g}",
            path=where, field="elements.first_name.min_pt",
        )
    if box.lines < 2:
        raise TemplateError(
            "%1: %2: must be at least 2: a long first name wraps before it shrinks",
            path=where, field="elements.first_name.lines",
        )
    need_h = 2 * box.min_pt * LEADING / PT_PER_MM
    if box.h + 1e-6 < need_h:
        raise TemplateError(
            "%1: %2: %3 mm holds less than two lines at %4 pt; it needs %5 mm",
            f"{box.h:g}", f"{box.min_pt:g}", f"{need_h:.1f}",
            path=where, field="elements.first_name.h",
        )


# The words are translated on screen (context "Messages", see checkin/core/errors.py).
_FIXES = {
    ("first_name", "below_minimum"): translatable(
        "put the name the person goes by in the roster's first-name column (a shorter "
        "form), or use a larger template"
    ),
    ("last_name", "below_minimum"): translatable(
        "shorten the last name in the roster (the badge need not carry every surname), "
        "or use a larger template"
    ),
    ("organisation", "below_minimum"): translatable(
        "use the organisation's short name or acronym in the roster"
    ),
    ("category", "below_minimum"): translatable(
        "give the category a shorter label in the event file"
    ),
    ("event", "below_minimum"): translatable("give the event a shorter name in the event file"),
    ("qr", "does_not_fit"): translatable("use a template with a larger QR box"),
    ("name", "duplicate_name"): translatable(
        "check they are two people; if so, add what tells them apart (organisation)"
    ),
    ("organisation", "no_organisation"): translatable("add the organisation in the roster"),
    ("text", "overlap"): translatable("report it: the template's boxes must keep text apart"),
    ("photo", "no_photo"): translatable(
        "Import photos from a folder (Event ▸ Import photos…) or take one at the desk"
    ),
}
_BY_KIND = {
    "missing_glyph": translatable(
        "spell the name in Latin letters too (the roster's transliteration), or accept "
        "that those characters are left out"
    ),
    "below_minimum": translatable("shorten the text in the roster, or use a larger template"),
}


def fix_for(field: str, kind: str) -> str:
    """What the organiser can do about a problem of ``kind`` in ``field``."""
    return _FIXES.get((field, kind)) or _BY_KIND.get(kind, "")

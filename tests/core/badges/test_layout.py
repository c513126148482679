"""The layout of a badge face: text stays in its box, is reported when it cannot be
set legibly, and the category label contrasts with its band."""

from __future__ import annotations

import pypdf
import pytest

from checkin.core.badges import typeset
from checkin.core.badges.colour import BLACK, WHITE, band_text_colour, parse_colour
from checkin.core.badges.layout import _set_text, check_badge, face_layout
from checkin.core.badges.render import render_badges
from checkin.core.badges.templates import MM, load_template
from tests.core.badges.samples import CONTENTS, SHIPPED, content


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_all_text_stays_inside_its_box(key):
    template = load_template(key)
    descent, ascent = 0.236, 0.928  # DejaVu's ink below / above the baseline, per pt
    for c in [*CONTENTS, content(99, first_name="Maximiliano Alejandro Cristóbal Ignacio")]:
        face = face_layout(template, c)
        for t in face.texts:
            width = typeset.text_width(t.text, t.font, t.size)
            # find the box this line belongs to
            inside = False
            for box in template.elements.values():
                left, right = box.x * MM, (box.x + box.w) * MM
                top = (template.face_height - box.y) * MM
                bottom = top - box.h * MM
                if (
                    left - 1e-6 <= t.x
                    and t.x + width <= right + 1e-6
                    and bottom - 1e-6 <= t.y - descent * t.size
                    and t.y + ascent * t.size <= top + 1e-6
                ):
                    inside = True
                    break
            assert inside, (key, t.text)


def test_missing_glyph_is_reported_and_not_drawn(tmp_path):
    template = load_template("a6")
    badge = content(0, first_name="Li 中文")
    issues = check_badge(template, badge)
    assert [(i.field, i.kind) for i in issues] == [("first_name", "missing_glyph")]
    assert "U+4E2D '中'" in issues[0].detail and "U+6587" in issues[0].detail
    assert issues[0].key == badge.key
    path = tmp_path / "cjk.pdf"
    result = render_badges(path, template, [badge])
    assert list(result.issues) == issues
    text = pypdf.PdfReader(str(path)).pages[0].extract_text()
    assert "Li" in text and "中" not in text and "\u25a0" not in text


def test_huge_name_is_reported_below_minimum_but_fits():
    template = load_template("a4-herma-4412")
    long_name = "Maximiliano Alejandro Cristóbal Ignacio de la Santísima Trinidad"
    issues = check_badge(template, content(0, first_name=long_name))
    assert [(i.field, i.kind) for i in issues] == [("first_name", "below_minimum")]
    assert "legible minimum 18 pt" in issues[0].detail
    box = template.elements["first_name"]
    placed, font, fitted, _missing = _set_text(long_name, box, template.face_height, False)
    assert fitted.below_minimum and fitted.size < box.min_pt
    assert " ".join(line for _f, _x, _y, line in placed) == long_name  # nothing cut
    for line in fitted.lines:
        assert typeset.text_width(line, font, fitted.size) <= box.w * MM
    assert fitted.height <= box.h * MM


def test_arabic_names_render_without_missing_glyphs():
    for key in sorted(SHIPPED):
        issues = check_badge(load_template(key), CONTENTS[5])
        assert [i for i in issues if i.kind == "missing_glyph"] == []


@pytest.mark.parametrize(
    ("colour", "text"),
    [
        ("#1F5FA8", "#FFFFFF"),
        ("#B3261E", "#FFFFFF"),
        ("#000000", "#FFFFFF"),
        ("#6A1B9A", "#FFFFFF"),
        ("#F2C94C", "#000000"),
        ("#FFFFFF", "#000000"),
        ("#8BC34A", "#000000"),
        ("#00FFFF", "#000000"),
    ],
)
def test_band_text_contrasts_with_the_band(colour, text):
    assert band_text_colour(colour) == text
    face = face_layout(load_template("a6"), content(0, category_colour=colour))
    label = [t for t in face.texts if t.text == "Participant"]
    assert label and label[0].colour == (WHITE if text == "#FFFFFF" else BLACK)
    assert face.band is not None and face.band[4] == parse_colour(colour)

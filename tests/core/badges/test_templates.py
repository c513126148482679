"""Badge templates as data: the shipped ones load, broken ones name the file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkin.core.badges.templates import (
    MM,
    TemplateError,
    list_templates,
    load_template,
    qr_geometry,
    templates_dir,
)
from tests.core.badges.samples import SHIPPED


def test_every_shipped_template_loads():
    templates = list_templates()
    assert [t.key for t in templates] == sorted(SHIPPED)
    for t in templates:
        assert load_template(t.key) == t
        assert t.title and len(t.description) > 40
        assert "qr" in t.elements and "first_name" in t.elements and "category" in t.elements
        side, _ = qr_geometry(t.elements["qr"])
        assert side / 29 >= max(0.5, t.qr_min_module_mm)


def test_shipped_geometry_matches_the_stock():
    herma = load_template("a4-herma-4412")
    assert (herma.page_width, herma.page_height) == (210, 297)
    assert (herma.face_width, herma.face_height, herma.per_page) == (80, 50, 10)
    assert (herma.origin_x, herma.origin_y, herma.pitch_x, herma.pitch_y) == (17.5, 13.5, 95, 55)
    letter = load_template("letter-avery-5392")
    assert (letter.page_width, letter.page_height) == (215.9, 279.4)
    assert (letter.face_width, letter.face_height, letter.columns, letter.rows) == (
        101.6, 76.2, 2, 3
    )  # fmt: skip
    assert (letter.origin_x, letter.origin_y) == (6.35, 25.4)
    fold = load_template("a6-foldover")
    assert fold.fold and (fold.page_width, fold.page_height) == (148, 210)
    assert fold.badge_height == 210 and (fold.face_width, fold.face_height) == (148, 105)
    a6 = load_template("a6")
    assert (a6.page_width, a6.page_height, a6.per_page) == (105, 148, 1)
    cr80 = load_template("cr80")
    assert cr80.page_width == 85.6 and cr80.page_height == pytest.approx(54, abs=0.05)
    brother = load_template("brother-62mm")
    assert brother.page_width == 62
    margin = (62 - 58.9) / 2  # the printable width of the 62 mm tape
    for box in brother.elements.values():
        assert box.x >= margin and box.x + box.w <= 62 - margin


def test_load_template_by_path(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(Path(templates_dir() / "a6.toml").read_text(encoding="utf-8"))
    t = load_template(str(path))
    assert t.key == "mine" and t.face_width == 105
    assert load_template(path).key == "mine"


def test_unknown_template_name_is_an_error():
    with pytest.raises(TemplateError, match=r"unknown badge template 'a7'.*a6"):
        load_template("a7")


GOOD = """\
title = "Test"
page_width = 100
page_height = 80
face_width = 100
face_height = 80

[elements.first_name]
x = 5
y = 5
w = 60
h = 30
max_pt = 40
min_pt = 32
lines = 2

[elements.qr]
x = 70
y = 5
w = 25
h = 30
"""


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


BAD = [
    ("face_width", lambda t: _edit(t, "face_width = 100\n", "")),
    ("columns", lambda t: t.replace('title = "Test"', 'title = "Test"\ncolumns = "two"')),
    ("elements.photo", lambda t: t + "\n[elements.photo]\nx = 1\ny = 60\nw = 5\nh = 5\n"),
    ("elements.first_name.x", lambda t: _edit(t, "w = 60", "w = 99")),
    ("elements.first_name.align", lambda t: _edit(t, "h = 30", 'h = 30\nalign = "middle"')),
    ("elements.first_name.min_pt", lambda t: _edit(t, "max_pt = 40", "max_pt = 30")),
    ("elements.first_name.lines", lambda t: _edit(t, "lines = 2", "lines = 4")),
    ("elements.first_name.bold", lambda t: _edit(t, "h = 30", 'h = 30\nbold = "yes"')),
    ("elements.qr", lambda t: _edit(t, "x = 70\ny = 5\nw = 25", "x = 60\ny = 5\nw = 25")),
    ("elements.qr", lambda t: _edit(t, "[elements.qr]\nx = 70\ny = 5\nw = 25\nh = 30\n", "")),
    ("elements.qr", lambda t: _edit(t, "w = 25\nh = 30", "w = 14\nh = 30")),  # too small
    ("colour", lambda t: _edit(t, 'title = "Test"', 'title = "Test"\ncolour = "red"')),
    ("columns", lambda t: _edit(t, "face_height = 80", "face_height = 80\ncolumns = 2")),
    ("title", lambda t: _edit(t, 'title = "Test"\n', "")),
    # legibility: the floor for a 100 x 80 mm badge is 32 pt, two lines of it must fit
    ("elements.first_name.min_pt", lambda t: _edit(t, "min_pt = 32", "min_pt = 24")),
    ("elements.first_name.lines", lambda t: _edit(t, "lines = 2", "lines = 1")),
    ("elements.first_name.h", lambda t: _edit(t, "h = 30", "h = 20")),
    ("elements.first_name", lambda t: _edit(t, "[elements.first_name]", "[elements.last_name]")),
    ("ink", lambda t: _edit(t, 'title = "Test"', 'title = "Test"\nink = "blue"')),
]


@pytest.mark.parametrize(("field", "change"), BAD)
def test_bad_template_names_the_file_and_the_field(tmp_path, field, change):
    path = tmp_path / "broken.toml"
    path.write_text(change(GOOD), encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_template(str(path))
    assert str(path) in str(err.value)
    assert f": {field}" in str(err.value)
    assert err.value.field == field or err.value.field.startswith(field)


def test_good_template_loads(tmp_path):
    path = tmp_path / "fine.toml"
    path.write_text(GOOD, encoding="utf-8")
    t = load_template(str(path))
    assert t.per_page == 1 and t.elements["qr"].w == 25 and t.ink == "colour"


@pytest.mark.parametrize(
    ("key", "floor"),
    [("a6", 32), ("a6-foldover", 32), ("letter-avery-5392", 32), ("a4-herma-4412", 18),
     ("brother-62mm", 18), ("cr80", 18)],
)
def test_shipped_templates_keep_the_first_name_floor(key, floor):
    t = load_template(key)
    box = t.elements["first_name"]
    assert box.min_pt >= floor and box.lines >= 2
    assert box.h * MM >= 2 * box.min_pt * 1.2  # two lines at the floor: wraps first


def test_black_only_media_template_says_so():
    assert load_template("brother-62mm").ink == "black"
    assert load_template("a6").ink == "colour"


def test_qr_minimum_module_is_enforced(tmp_path):
    path = tmp_path / "dense.toml"
    path.write_text("qr_min_module_mm = 1.0\n" + GOOD, encoding="utf-8")
    with pytest.raises(TemplateError, match=r"elements\.qr: too small.*0\.86 mm"):
        load_template(str(path))


def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "syntax.toml"
    path.write_text("title = \n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"syntax\.toml: not valid TOML"):
        load_template(str(path))

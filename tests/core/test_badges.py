"""Badge templates, layout, preflight and the PDF renderer (checked by rasterising)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import qrcode
import zxingcpp
from qrcode.constants import ERROR_CORRECT_M

from checkin.core.badges import render as badges
from checkin.core.badges import typeset
from checkin.core.badges.render import (
    BadgeContent,
    RenderCancelled,
    TemplateError,
    band_text_colour,
    check_badge,
    list_templates,
    load_template,
    render_badges,
)
from checkin.core.event.codes import make_code, pretty

SECRET = b"test-secret"
SHIPPED = {"a6", "a6-foldover", "a4-herma-4412", "letter-avery-5392", "cr80", "brother-62mm"}

PEOPLE = [
    ("Łukasz", "Wróblewski", "Caritas Polska", "Poland", "Participant", "#1F5FA8"),
    ("Gülşen", "Straße-Öğüt", "Deutsches Rotes Kreuz", "Germany", "Staff", "#FFFFFF"),
    ("Nguyễn Thị", "Đặng Ứng", "Vietnam Red Cross", "Viet Nam", "Participant", "#1F5FA8"),
    ("Ξανθή", "Παπαδοπούλου", "Ελληνικό Συμβούλιο για τους Πρόσφυγες", "Greece", "Organiser",
     "#2E7D32"),
    ("Дмитрий", "Ковальчук", "Красный Крест", "Ukraine", "Participant", "#1F5FA8"),
    ("محمد", "عبد الله", "الهلال الأحمر", "Egypt", "Speaker", "#B3261E"),
    ("Maximiliano Alejandro", "Fernández de Córdoba y Villalobos-Saavedra", "", "Spain",
     "Press", "#F2C94C"),
    ("Zoë", "Lefèvre", "Médecins Sans Frontières", "France", "Press", "#6A1B9A"),
    ("Jean-Christophe", "Okafor-Brooks", "International Organization for Migration (IOM)",
     "United States", "Speaker", "#B3261E"),
    ("Amira", "Haddad", "Danish Refugee Council", "", "Participant", "#1F5FA8"),
    ("Sigríður", "Þórsdóttir", "Rauði krossinn", "Iceland", "Participant", ""),
    ("Ana", "Ng", "IOM", "Switzerland", "Staff", "#000000"),
]  # fmt: skip
LATIN_NAMES = ["Łukasz", "Wróblewski", "Gülşen", "Lefèvre", "Okafor-Brooks", "Sigríður"]


def content(i: int, person=None, **changes) -> BadgeContent:
    first, last, org, country, label, colour = person or PEOPLE[i % len(PEOPLE)]
    fields = dict(
        key=f"R{i:04d}",
        first_name=first,
        last_name=last,
        organisation=org,
        country=country,
        category_label=label,
        category_colour=colour,
        code=make_code(SECRET, i + 1, 1),
        event_name="IOM–NGO Humanitarian Consultation 2026",
        event_date="Saturday 28 November 2026 · Geneva",
    )
    fields.update(changes)
    return BadgeContent(**fields)


CONTENTS = [content(i) for i in range(len(PEOPLE))]


# --------------------------------------------------------------------------- templates


def test_every_shipped_template_loads():
    templates = list_templates()
    assert [t.key for t in templates] == sorted(SHIPPED)
    for t in templates:
        assert load_template(t.key) == t
        assert t.title and len(t.description) > 40
        assert "qr" in t.elements and "first_name" in t.elements and "category" in t.elements
        side, _ = badges._qr_geometry(t.elements["qr"])
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
    path.write_text(Path(badges.templates_dir() / "a6.toml").read_text(encoding="utf-8"))
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
h = 15

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
    ("elements.first_name.align", lambda t: _edit(t, "h = 15", 'h = 15\nalign = "middle"')),
    ("elements.first_name.min_pt", lambda t: _edit(t, "h = 15", "h = 15\nmax_pt = 8\nmin_pt = 9")),
    ("elements.first_name.lines", lambda t: _edit(t, "h = 15", "h = 15\nlines = 4")),
    ("elements.first_name.bold", lambda t: _edit(t, "h = 15", 'h = 15\nbold = "yes"')),
    ("elements.qr", lambda t: _edit(t, "x = 70\ny = 5\nw = 25", "x = 60\ny = 5\nw = 25")),
    ("elements.qr", lambda t: _edit(t, "[elements.qr]\nx = 70\ny = 5\nw = 25\nh = 30\n", "")),
    ("elements.qr", lambda t: _edit(t, "w = 25\nh = 30", "w = 14\nh = 30")),  # too small
    ("colour", lambda t: _edit(t, 'title = "Test"', 'title = "Test"\ncolour = "red"')),
    ("columns", lambda t: _edit(t, "face_height = 80", "face_height = 80\ncolumns = 2")),
    ("title", lambda t: _edit(t, 'title = "Test"\n', "")),
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
    assert t.per_page == 1 and t.elements["qr"].w == 25


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


# --------------------------------------------------------------------------- QR code


@pytest.mark.parametrize(
    "data", ["0B1X9D3H4TGC8NRJ", "HELLO WORLD 1234567890 ABCDEF", "https://example.org/b?x=1"]
)
def test_fast_qr_matrices_equal_qrcodes_for_every_mask(data):
    version = badges.qr_version(data)
    layout = badges._qr_layout(version)
    assert layout is not None
    for mask, (rows, cols) in enumerate(layout.matrices(data)):
        q = qrcode.QRCode(
            version=version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=mask
        )
        q.add_data(data)
        q.make(fit=False)
        matrix = q.get_matrix()
        assert layout.pack(matrix) == (rows, cols)
        assert layout.penalty(rows, cols) == qrcode.util.lost_point(matrix)


def test_qr_picks_the_lowest_penalty_mask():
    code = make_code(SECRET, 7, 1)
    layout = badges._qr_layout(1)
    scores = [layout.penalty(r, c) for r, c in layout.matrices(code)]
    n, rows = badges.qr_rows(code)
    chosen = layout.matrices(code)[scores.index(min(scores))][0]
    assert n == 21 and rows == layout.unpack(chosen)


# --------------------------------------------------------------------------- rendering


def _decoded(pdf_path) -> list[list[str]]:
    """QR texts found on each page, rasterised at 200 dpi."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = []
        for i in range(len(pdf)):
            image = pdf[i].render(scale=200 / 72).to_pil()
            pages.append(sorted(r.text for r in zxingcpp.read_barcodes(image)))
        return pages
    finally:
        pdf.close()


@pytest.fixture(scope="module", params=sorted(SHIPPED))
def rendered(request, tmp_path_factory):
    template = load_template(request.param)
    path = tmp_path_factory.mktemp("pdf") / f"{template.key}.pdf"
    result = render_badges(path, template, CONTENTS)
    return template, path, result


def test_every_qr_code_decodes(rendered):
    template, path, result = rendered
    pages = _decoded(path)
    assert len(pages) == result.pages == -(-len(CONTENTS) // template.per_page)
    assert {text for page in pages for text in page} == {c.code for c in CONTENTS}
    if template.fold:  # both faces, the upside-down one too
        assert all(len(page) == 2 and page[0] == page[1] for page in pages)
    else:
        assert sum(len(page) for page in pages) == len(CONTENTS)


def test_text_is_extractable_and_fonts_are_embedded(rendered):
    _template, path, _result = rendered
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name in LATIN_NAMES:
        assert name in text
    for c in CONTENTS:
        assert pretty(c.code) in text
    assert "\u25a0" not in text and "\ufffd" not in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert len(fonts) >= 2
    for ref in fonts.values():
        font = ref.get_object()
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_no_unexpected_issues(rendered):
    template, _path, result = rendered
    assert result.badges == len(CONTENTS)
    assert [i for i in result.issues if i.kind == "missing_glyph"] == []
    assert list(result.issues) == [i for c in CONTENTS for i in check_badge(template, c)]


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_all_text_stays_inside_its_box(key):
    template = load_template(key)
    descent, ascent = 0.236, 0.928  # DejaVu's ink below / above the baseline, per pt
    for c in [*CONTENTS, content(99, first_name="Maximiliano Alejandro Cristóbal Ignacio")]:
        face = badges._layout(template, c)
        for t in face.texts:
            width = typeset.text_width(t.text, t.font, t.size)
            # find the box this line belongs to
            inside = False
            for box in template.elements.values():
                left, right = box.x * badges.MM, (box.x + box.w) * badges.MM
                top = (template.face_height - box.y) * badges.MM
                bottom = top - box.h * badges.MM
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
    assert "legible minimum 10 pt" in issues[0].detail
    box = template.elements["first_name"]
    placed, font, fitted, _missing = badges._set_text(long_name, box, template.face_height, False)
    assert fitted.below_minimum and fitted.size < box.min_pt
    assert " ".join(line for _f, _x, _y, line in placed) == long_name  # nothing cut
    for line in fitted.lines:
        assert typeset.text_width(line, font, fitted.size) <= box.w * badges.MM
    assert fitted.height <= box.h * badges.MM


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
    face = badges._layout(load_template("a6"), content(0, category_colour=colour))
    label = [t for t in face.texts if t.text == "Participant"]
    assert label and label[0].colour == (badges._WHITE if text == "#FFFFFF" else badges._BLACK)
    assert face.band is not None and face.band[4] == badges.parse_colour(colour)


def test_bad_colour_is_refused():
    with pytest.raises(ValueError, match=r"R0000.*#12345"):
        render_badges(io.BytesIO(), load_template("a6"), [content(0, category_colour="#12345")])


def test_cancel_after_the_first_page_leaves_no_file(tmp_path):
    target = tmp_path / "badges.pdf"
    calls = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) > 1  # fine before page 1, cancel before page 2

    with pytest.raises(RenderCancelled):
        render_badges(target, load_template("a6"), CONTENTS, cancelled=cancelled)
    assert len(calls) == 2
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


def test_cancel_keeps_an_existing_file(tmp_path):
    target = tmp_path / "badges.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RenderCancelled):
        render_badges(target, load_template("a6"), CONTENTS, cancelled=lambda: True)
    assert target.read_bytes() == b"old"


def test_progress_is_reported_and_ends_at_total(tmp_path):
    seen = []
    many = [content(i) for i in range(230)]
    render_badges(tmp_path / "p.pdf", load_template("a4-herma-4412"), many,
                  progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen[-1] == (230, 230)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert all(t == 230 for _, t in seen) and 4 <= len(seen) <= 6


def test_render_to_a_stream():
    out = io.BytesIO()
    result = render_badges(out, load_template("cr80"), CONTENTS[:3])
    assert out.getvalue().startswith(b"%PDF") and result.pages == 3 and result.elapsed_s > 0
    assert len(pypdf.PdfReader(io.BytesIO(out.getvalue())).pages) == 3


def test_no_badges_is_an_error():
    with pytest.raises(ValueError, match="no badges"):
        render_badges(io.BytesIO(), load_template("a6"), [])


@pytest.mark.parametrize("key", ["a4-herma-4412", "letter-avery-5392"])
def test_crop_marks_stay_off_every_badge(key):
    t = load_template(key)
    marks = badges._crop_marks(t)
    assert marks
    cells = [
        (t.origin_x + c * t.pitch_x, t.origin_y + r * t.pitch_y)
        for r in range(t.rows)
        for c in range(t.columns)
    ]
    for x0, y0, x1, y1 in marks:
        assert min(x0, x1) >= 0 and max(x0, x1) <= t.page_width
        assert min(y0, y1) >= 0 and max(y0, y1) <= t.page_height
        for cx, cy in cells:  # a mark may touch a badge's edge line, never its inside
            inside_x = min(x0, x1) < cx + t.face_width - 1e-6 and max(x0, x1) > cx + 1e-6
            inside_y = min(y0, y1) < cy + t.face_height - 1e-6 and max(y0, y1) > cy + 1e-6
            inside_x = inside_x or (x0 == x1 and cx + 1e-6 < x0 < cx + t.face_width - 1e-6)
            inside_y = inside_y or (y0 == y1 and cy + 1e-6 < y0 < cy + t.face_height - 1e-6)
            assert not (inside_x and inside_y), ((x0, y0, x1, y1), (cx, cy))


def test_letter_sheet_has_marks_only_outside_the_block():
    t = load_template("letter-avery-5392")
    block = (t.origin_x, t.origin_y, t.origin_x + 2 * t.face_width, t.origin_y + 3 * t.face_height)
    for x0, y0, x1, y1 in badges._crop_marks(t):
        outside = max(x0, x1) <= block[0] or min(x0, x1) >= block[2]
        outside = outside or max(y0, y1) <= block[1] or min(y0, y1) >= block[3]
        assert outside

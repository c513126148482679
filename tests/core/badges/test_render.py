"""The PDF renderer, checked by rasterising: every code decodes, text is extractable
with its fonts embedded, cancelling leaves nothing, crop marks stay off the badges."""

from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium
import pytest

from checkin.core.badges import render
from checkin.core.badges.layout import check_badge
from checkin.core.badges.render import RenderCancelled, render_badges
from checkin.core.badges.templates import load_template
from checkin.core.event.codes import pretty
from tests.core.badges.samples import CONTENTS, LATIN_NAMES, SHIPPED, content
from tests.qr import read_qr


def _decoded(pdf_path) -> list[list[str]]:
    """QR texts found on each page, rasterised at 200 dpi."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = []
        for i in range(len(pdf)):
            image = pdf[i].render(scale=200 / 72).to_pil()
            pages.append(sorted(read_qr(image)))
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
    marks = render._crop_marks(t)
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
    for x0, y0, x1, y1 in render._crop_marks(t):
        outside = max(x0, x1) <= block[0] or min(x0, x1) >= block[2]
        outside = outside or max(y0, y1) <= block[1] or min(y0, y1) >= block[3]
        assert outside

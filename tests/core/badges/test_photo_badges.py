"""Photos on badges: the template's photo box, the real PDF, the bulk read, preflight."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import event as sa_event

from checkin.core.accreditation.photos import store_photo
from checkin.core.badges.badge_photos import load_photos
from checkin.core.badges.layout import BadgePhoto, face_layout, initials
from checkin.core.badges.printing import preflight, print_badges, select_delegates
from checkin.core.badges.render import render_badges
from checkin.core.badges.templates import MM, TemplateError, load_template, templates_dir
from tests.conftest import insert_delegates
from tests.core.badges.samples import content
from tests.qr import read_qr

SCALE = 200 / 72  # 200 dpi
GREEN = (20, 180, 60)


def jpeg(colour=GREEN, size=(360, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=95)
    return out.getvalue()


def rasterise(path) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [page.render(scale=SCALE).to_pil().convert("RGB") for page in pdf]
    finally:
        pdf.close()


def photo_box_px(template, dx=0.5, dy=0.5) -> tuple[int, int]:
    """A point of the photo box (as a share of its width and height), in pixels."""
    box = template.elements["photo"]
    return round((box.x + dx * box.w) * MM * SCALE), round((box.y + dy * box.h) * MM * SCALE)


def test_the_photo_is_printed_in_its_box_and_the_qr_still_scans(tmp_path):
    t = load_template("a6-photo")
    ada = {"first_name": "Ada", "last_name": "Lovelace"}
    with_photo = content(0, **ada, photo=BadgePhoto(jpeg(), 360, 480))
    without = content(0, **ada)
    render_badges(tmp_path / "b.pdf", t, [with_photo, without])
    page_with, page_without = rasterise(tmp_path / "b.pdf")
    centre = photo_box_px(t)
    r, g, b = page_with.getpixel(centre)
    assert g > 150 and r < 60 and b < 100  # the photo's green
    assert page_without.getpixel(centre) != page_with.getpixel(centre)
    # the whole box is covered: its corners are the photo too (cropped, not letterboxed)
    for dx, dy in ((0.05, 0.05), (0.95, 0.95)):
        assert page_with.getpixel(photo_box_px(t, dx, dy))[1] > 150
    for page, item in ((page_with, with_photo), (page_without, without)):
        assert read_qr(page) == [item.code]


def test_without_a_photo_the_box_is_an_empty_frame_with_initials(tmp_path):
    t = load_template("a6-photo")
    face = face_layout(t, content(0, first_name="Émilie", last_name="du Châtelet"))
    assert face.photo is not None and face.photo.photo is None
    assert [x.text for x in face.texts if x.field == "photo"] == ["ÉD"]
    render_badges(tmp_path / "b.pdf", t, [content(0, first_name="Émilie", last_name="du Châtelet")])
    (page,) = rasterise(tmp_path / "b.pdf")
    box = t.elements["photo"]
    left = round(box.x * MM * SCALE)
    frame = [page.getpixel((left + i, photo_box_px(t)[1]))[0] for i in range(3)]
    assert min(frame) < 200  # the grey frame's left side is drawn
    assert page.getpixel(photo_box_px(t, 0.1, 0.1)) == (255, 255, 255)  # empty inside


def test_initials_skip_what_no_font_draws():
    assert initials("Ada", "Lovelace") == "AL"
    assert initials("  ", "Lovelace") == "L"
    assert initials("明", "Chen") == "C"


def test_a_frame_placeholder_has_no_initials(tmp_path):
    text = (templates_dir() / "a6-photo.toml").read_text(encoding="utf-8")
    path = tmp_path / "frame.toml"
    path.write_text(text.replace('placeholder = "initials"', 'placeholder = "frame"'))
    face = face_layout(load_template(str(path)), content(0, first_name="Ada", last_name="Lovelace"))
    assert face.photo is not None and not [x for x in face.texts if x.field == "photo"]


def test_a_fold_over_badge_embeds_one_picture_for_both_faces(tmp_path):
    text = (templates_dir() / "a6-foldover.toml").read_text(encoding="utf-8")
    path = tmp_path / "fold-photo.toml"
    path.write_text(text + "\n[elements.photo]\nx = 120\ny = 1\nw = 14\nh = 16\n")
    t = load_template(str(path))
    assert t.fold and t.prints_photos
    photos = [BadgePhoto(jpeg(c), 360, 480) for c in (GREEN, (200, 30, 30))]
    render_badges(tmp_path / "f.pdf", t, [content(i, photo=p)
                                          for i, p in enumerate(photos)])
    assert _images(tmp_path / "f.pdf") == [1, 1]  # one XObject a page, drawn twice


def _images(path: Path) -> list[int]:
    """How many image XObjects each page uses."""
    counts = []
    for page in PdfReader(str(path)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        counts.append(sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"))
    return counts


@pytest.mark.parametrize(("table", "field", "says"), [
    ("w = 8\nh = 10", "elements.photo.w", "too small for a photo"),
    ("w = 20\nh = 20\nbold = true", "elements.photo.bold", "unknown field"),
    ("w = 20\nh = 20\nplaceholder = \"smiley\"", "elements.photo.placeholder", "one of"),
])
def test_a_bad_photo_box_is_refused_naming_file_and_field(tmp_path, table, field, says):
    text = (templates_dir() / "a6.toml").read_text(encoding="utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(text + f"\n[elements.photo]\nx = 70\ny = 22\n{table}\n")
    with pytest.raises(TemplateError) as err:
        load_template(str(path))
    assert err.value.field == field and str(path) in str(err.value) and says in str(err.value)


# ------------------------------------------------------------------ with a database


@pytest.fixture
def people(store, event):
    ids = insert_delegates(store, event, [
        {"reference": f"R{i}", "first_name": f"Ann{i}", "last_name": "Photo"} for i in range(1, 6)
    ])
    for i in (ids[0], ids[2]):
        store_photo(store, event, i, jpeg())
    return ids


def test_preflight_lists_exactly_the_people_without_a_photo(store, event, people):
    problems = preflight(store, event, load_template("a6-photo"))
    missing = [p for p in problems if p.kind == "no_photo"]
    assert [p.reference for p in missing] == ["R2", "R4", "R5"]
    assert all(p.field == "photo" and "Import photos" in p.fix for p in missing)
    assert not [p for p in preflight(store, event, load_template("a6")) if p.kind == "no_photo"]


def test_printing_reads_the_photos_in_one_query_and_embeds_them(tmp_path, store, event, people):
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):
        if "delegate_photos" in statement:
            statements.append(statement)

    sa_event.listen(store.engine, "before_cursor_execute", seen)
    try:
        report = print_badges(store, event, tmp_path / "p.pdf", template=load_template("a6-photo"))
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", seen)
    assert report.badges == 5 and len(statements) == 1
    # the order is the roster's (last name, first name): Ann1 … Ann5
    assert _images(tmp_path / "p.pdf") == [1, 0, 1, 0, 0]


def test_load_photos_reads_in_chunks(store, event, people, monkeypatch):
    from checkin.core.badges import badge_photos

    monkeypatch.setattr(badge_photos, "CHUNK", 2)
    found = load_photos(store, [*people, people[0]])
    assert set(found) == {people[0], people[2]}
    assert all(p.width > 0 and p.data[:2] == b"\xff\xd8" for p in found.values())
    assert [d.id for d in select_delegates(store, event)] == people

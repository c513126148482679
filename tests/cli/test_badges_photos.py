"""``checkin badges`` with a photo template: preflight names who has no photo."""

from __future__ import annotations

import json

from PIL import Image
from pypdf import PdfReader


def _photos(demo, tmp_path, count: int) -> list[str]:
    refs = [d["ref"] for d in json.loads(demo("list", "--json").stdout)][:count]
    folder = tmp_path / "photos"
    folder.mkdir()
    for ref in refs:
        Image.new("RGB", (300, 400), (30, 120, 200)).save(folder / f"{ref}.jpg")
    imported = demo("photos", "import", folder, "--json")
    assert json.loads(imported.stdout)["matched"] == count, imported.stderr
    return refs


def test_preflight_lists_the_people_without_a_photo(demo, tmp_path):
    refs = _photos(demo, tmp_path, 2)
    proc = demo("badges", "--preflight", "--template", "a6-photo", "--json")
    out = json.loads(proc.stdout)
    assert proc.returncode == 1 and out["prints_photos"] is True
    missing = {p["ref"] for p in out["missing_photos"]}
    assert len(missing) == out["badges"] - 2 and not missing & set(refs)
    no_photo = [p for p in out["problems"] if p["kind"] == "no_photo"]
    assert {p["ref"] for p in no_photo} == missing
    assert all("Import photos" in p["fix"] for p in no_photo)
    text = demo("badges", "--preflight", "--template", "a6-photo")
    assert f"No photo for {len(missing)} people" in text.stderr
    plain = json.loads(demo("badges", "--preflight", "--json").stdout)
    assert plain["prints_photos"] is False and plain["missing_photos"] == []


def test_a_photo_badge_pdf_embeds_the_photos(demo, tmp_path):
    refs = _photos(demo, tmp_path, 1)
    other = json.loads(demo("list", "--json").stdout)[5]["ref"]
    out = tmp_path / "photo.pdf"
    proc = demo("badges", out, "--template", "a6-photo", "--ref", refs[0], "--ref", other)
    assert proc.returncode == 0, proc.stderr
    images = [
        sum(1 for x in page["/Resources"].get("/XObject", {}).values()
            if x.get_object()["/Subtype"] == "/Image")
        for page in PdfReader(str(out)).pages
    ]
    assert sorted(images) == [0, 1]

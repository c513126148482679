"""Printing badges end to end: render, rasterise, decode every QR, scan it at a desk."""

from __future__ import annotations

import datetime as dt

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from checkin.core.badges.printing import (
    PrintError,
    preflight,
    preview_badges,
    print_badges,
    print_count,
    select_delegates,
)
from checkin.core.badges.render import RenderCancelled
from checkin.core.badges.templates import list_templates, load_template
from checkin.core.db import models as m
from checkin.core.desk.service import CheckinService
from checkin.core.roster.demo import create_demo
from checkin.core.types import Outcome
from tests.conftest import insert_delegates
from tests.qr import read_qr

DPI = 200


def decode_pdf(path) -> list[str]:
    """Every QR code on every page, as a scanner would read the printed sheet."""
    found = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            image = page.render(scale=DPI / 72).to_pil()
            found += read_qr(image)
    finally:
        pdf.close()
    return found


@pytest.fixture
def demo(store):
    return create_demo(store, today=dt.date(2026, 11, 28)).event


@pytest.mark.slow
@pytest.mark.parametrize("template", [t.key for t in list_templates()])
def test_every_badge_of_every_template_scans_in(tmp_path, store, demo, template):
    """The whole demo roster: print, read back from pixels, admit everyone once."""
    out = tmp_path / f"{template}.pdf"
    report = print_badges(store, demo, out, template=load_template(template))
    people = select_delegates(store, demo)
    assert report.badges == len(people) == 86
    decoded = decode_pdf(out)
    faces = 2 if load_template(template).fold else 1  # a fold-over reads on both sides
    assert len(decoded) == faces * len(people)
    desk = CheckinService(store, demo, station="Door")
    outcomes = [desk.scan(code) for code in sorted(set(decoded))]
    assert all(o.status is Outcome.ADMITTED for o in outcomes), [
        (o.status, o.message) for o in outcomes if o.status is not Outcome.ADMITTED
    ]
    assert {o.delegate.id for o in outcomes} == {d.id for d in people}


def test_printing_is_tracked_and_unprinted_selects_the_rest(tmp_path, store, event):
    insert_delegates(store, event, [{"reference": f"R{i}"} for i in range(1, 6)])
    a6 = load_template("a6")
    first = print_badges(store, event, tmp_path / "two.pdf", template=a6, refs=["R1", "R2"],
                         now=dt.datetime(2026, 11, 27, 17, 0, tzinfo=dt.UTC))
    assert (first.badges, first.printed_before, first.reprinted) == (2, 0, 0)
    rest = print_badges(store, event, tmp_path / "rest.pdf", template=a6, unprinted=True)
    assert rest.badges == 3
    with pytest.raises(PrintError, match="everyone's badge has been printed"):
        print_badges(store, event, tmp_path / "none.pdf", template=a6, unprinted=True)
    again = print_badges(store, event, tmp_path / "again.pdf", template=a6, refs=["R1"])
    assert again.printed_before == 1
    with store.read() as s:
        r1 = s.execute(select(m.Delegate).where(m.Delegate.reference == "R1")).scalar_one()
        assert r1.print_count == 2 and r1.badge_version == 1 and r1.printed_at is not None
        assert s.query(m.BadgePrint).count() == 6


def test_reprint_revokes_the_old_badge_naming_the_reprint_time(tmp_path, store, event):
    insert_delegates(store, event, [{"reference": "R1", "first_name": "Łukasz"}])
    a6 = load_template("a6")
    print_badges(store, event, tmp_path / "first.pdf", template=a6)
    (old,) = decode_pdf(tmp_path / "first.pdf")
    when = dt.datetime(2026, 11, 28, 9, 42, tzinfo=dt.UTC)  # 10:42 in Geneva
    report = print_badges(store, event, tmp_path / "new.pdf", template=a6, refs=["R1"],
                          reprint=True, reason="lost", now=when)
    assert report.reprinted == 1
    (new,) = decode_pdf(tmp_path / "new.pdf")
    desk = CheckinService(store, event)
    refused = desk.scan(old)
    assert refused.status is Outcome.REVOKED
    assert "reprint at 10:42" in refused.message
    assert desk.scan(new).status is Outcome.ADMITTED
    with store.read() as s:
        row = s.execute(select(m.BadgePrint).order_by(m.BadgePrint.id.desc())).scalars().first()
        assert (row.badge_version, row.reprint, row.reason) == (2, True, "lost")


def test_reprint_needs_names_and_unknown_refs_are_reported(tmp_path, store, event):
    insert_delegates(store, event, [{"reference": "R1"}, {"reference": "R2",
                                                          "status": "cancelled"}])
    a6 = load_template("a6")
    with pytest.raises(PrintError, match="Name the badges to reprint"):
        print_badges(store, event, tmp_path / "x.pdf", template=a6, reprint=True)
    with pytest.raises(PrintError, match=r"cancelled: R2; unknown: NOPE"):
        print_badges(store, event, tmp_path / "x.pdf", template=a6, refs=["R2", "NOPE"])
    assert not (tmp_path / "x.pdf").exists()


def test_a_cancelled_render_writes_and_records_nothing(tmp_path, store, event):
    insert_delegates(store, event, [{} for _ in range(30)])
    out = tmp_path / "all.pdf"
    with pytest.raises(RenderCancelled):
        print_badges(store, event, out, template=load_template("a6"),
                     cancelled=lambda: True)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".pdf"]  # no temporary left
    with store.read() as s:
        assert s.query(m.BadgePrint).count() == 0
        assert {d.print_count for d in s.query(m.Delegate)} == {0}


def test_preflight_finds_what_would_print_badly(store, event):
    insert_delegates(store, event, [
        {"first_name": "Ana", "last_name": "Silva", "organisation": "IOM"},
        {"first_name": "Ana", "last_name": "Silva", "organisation": "NRC"},
        {"first_name": "明", "last_name": "王", "organisation": "IOM"},
        {"first_name": "Jo", "last_name": "Bloggs", "organisation": ""},
        {"first_name": "Maximiliano Alejandro Sebastián Bartolomé",
         "last_name": "Fernández de Córdoba y Villalobos-Saavedra de la Santísima Trinidad "
                      "Hohenzollern-Sigmaringen", "organisation": "IOM"},
        {"first_name": "Łukasz", "last_name": "Nguyễn", "organisation": "Caritas"},
    ])
    problems = preflight(store, event, load_template("cr80"))
    kinds = {(p.name, p.kind) for p in problems}
    assert ("Ana Silva", "duplicate_name") in kinds
    assert ("明 王", "missing_glyph") in kinds
    assert ("Jo Bloggs", "no_organisation") in kinds
    assert any(p.kind == "below_minimum" and p.name.startswith("Maximiliano") for p in problems)
    assert not any(p.name == "Łukasz Nguyễn" for p in problems)


def test_a_preview_is_the_print_without_the_record(tmp_path, store, event):
    """The same codes at the same versions as the print; nothing counted or journalled."""
    insert_delegates(store, event, [{"reference": f"R{i}"} for i in range(1, 4)])
    a6 = load_template("a6")
    preview = preview_badges(store, event, tmp_path / "preview.pdf", template=a6,
                             refs=["R1", "R3"])
    assert (preview.badges, preview.pages) == (2, 2)
    with store.read() as s:
        assert s.query(m.BadgePrint).count() == 0
        assert {d.print_count for d in s.query(m.Delegate)} == {0}
    printed = print_badges(store, event, tmp_path / "print.pdf", template=a6, refs=["R1", "R3"])
    assert (printed.badges, printed.pages) == (preview.badges, preview.pages)
    assert sorted(decode_pdf(tmp_path / "preview.pdf")) == sorted(
        decode_pdf(tmp_path / "print.pdf")
    )
    assert sorted(p.name for p in tmp_path.iterdir() if ".pdf" in p.name) == [
        "preview.pdf", "print.pdf"
    ]


def test_a_preview_of_nobody_says_so_and_a_cancelled_one_leaves_nothing(
    tmp_path, store, event
):
    insert_delegates(store, event, [{"reference": "R1"}])
    a6 = load_template("a6")
    print_badges(store, event, tmp_path / "first.pdf", template=a6)
    with pytest.raises(PrintError, match="no registered delegate matches"):
        preview_badges(store, event, tmp_path / "none.pdf", template=a6, unprinted=True)
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(RenderCancelled):
        preview_badges(store, event, out, template=a6, cancelled=lambda: True)
    assert [p.name for p in tmp_path.iterdir() if ".pdf" in p.name] == ["first.pdf"]


def test_print_count_follows_each_print(tmp_path, store, event):
    r1, r2 = insert_delegates(store, event, [{"reference": "R1"}, {"reference": "R2"}])
    a6 = load_template("a6")
    assert print_count(store, r1) == 0
    print_badges(store, event, tmp_path / "one.pdf", template=a6, refs=["R1"])
    print_badges(store, event, tmp_path / "two.pdf", template=a6, refs=["R1"])
    assert (print_count(store, r1), print_count(store, r2)) == (2, 0)
    assert print_count(store, 999_999) == 0  # no such delegate: never printed

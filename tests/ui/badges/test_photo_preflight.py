"""The Badges page with a photo template: who has no photo, and every problem's fix."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from checkin.core.accreditation.photos import store_photo
from checkin.core.db import models as m
from checkin.core.event.stored import require_event
from checkin.ui.badges.page import BadgesPage

JOB_TIMEOUT = 30_000
WITH_PHOTO = ("IOMNGO-0080", "IOMNGO-0036")


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 400), (30, 120, 200)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def page(qtbot, demo_store):
    event = require_event(demo_store)
    with demo_store.read() as s:
        ids = s.scalars(select(m.Delegate.id).where(m.Delegate.reference.in_(WITH_PHOTO)))
        for delegate_id in list(ids):
            store_photo(demo_store, event, delegate_id, _jpeg())
    page = BadgesPage(demo_store, event, station="Badges desk")
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.people_model.rowCount() == 86, timeout=JOB_TIMEOUT)
    qtbot.waitUntil(lambda: page._check_job is None, timeout=JOB_TIMEOUT)
    return page


def _choose(qtbot, page, key: str) -> list:
    with qtbot.waitSignal(page.preflight_ready, timeout=JOB_TIMEOUT):
        page.template_box.setCurrentIndex(page.template_box.findData(key))
    qtbot.waitUntil(lambda: page._check_job is None, timeout=JOB_TIMEOUT)
    return page.problems


def test_a_photo_template_lists_who_has_no_photo_with_the_fix(qtbot, page):
    problems = _choose(qtbot, page, "a6-photo")
    missing = [p for p in problems if p.kind == "no_photo"]
    assert len(missing) == 84 and not {p.reference for p in missing} & set(WITH_PHOTO)
    first = page.problems_list.item(0)
    # "people" once the English plural forms are built (scripts/update_translations.py)
    assert re.match(r"No photo for 84 (people|person\(s\)): ", first.text())
    assert missing[0].name in first.text() and first.text().endswith("…")
    assert len(first.toolTip().splitlines()) == 84  # everyone, on hover
    assert not first.icon().isNull()
    assert page.problems_list.count() == 1 + len(problems) - 84  # one line for the photos
    fix = page.problems_box.fix
    assert fix.isVisible()
    assert fix.text() == ("Fix: Import photos from a folder (Event ▸ Import photos…) "
                          "or take one at the desk")
    assert "84 badges with a problem" in page.problems_box.summary.text()
    # a template without a photo box says nothing about photos
    plain = _choose(qtbot, page, "a6")
    assert not [p for p in plain if p.kind == "no_photo"]
    assert all("No photo" not in page.problems_list.item(i).text()
               for i in range(page.problems_list.count()))


def test_the_fix_of_the_current_problem_shows_under_the_list(qtbot, page, demo_store):
    with demo_store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.reference == WITH_PHOTO[1])
                  .values(organisation=""))
    with qtbot.waitSignal(page.preflight_ready, timeout=JOB_TIMEOUT):
        page.template_box.setCurrentIndex(page.template_box.findData("a6"))
        page.refresh()
    qtbot.waitUntil(lambda: page._check_job is None, timeout=JOB_TIMEOUT)
    assert page.problems_list.count() == 1
    assert page.problems_box.fix.text() == "Fix: add the organisation in the roster"
    assert page.problems_list.item(0).toolTip() == "add the organisation in the roster"
    page.problems_list.setFocus()
    qtbot.keyClick(page.problems_list, Qt.Key.Key_Up)  # still the only line
    assert page.problems_box.fix.isVisible()

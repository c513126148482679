"""The core's refusals at the desk and on the Badges page reach a French organiser in
French (issue 9): the template is translated in the context "Messages" by the shipped
translation, then filled."""

from __future__ import annotations

from sqlalchemy import update

from checkin.core.db import models as m
from checkin.core.event.stored import require_event
from checkin.ui.badges.page import BadgesPage

JOB_TIMEOUT = 30_000


def test_a_refused_undo_is_explained_in_french(desk_app, french):
    desk = desk_app.desk
    desk_app.scan(desk_app.codes["Sigrid"])
    scan_id = desk.recent.scans[0].scan_id
    assert desk_app.controller.undo(scan_id) is not None
    assert desk_app.controller.undo(scan_id) is None  # undone already: the core refuses
    assert desk.panel.heading.text() == "Impossible"
    detail = desk.panel.detail.text()
    assert detail.startswith(f"Le scan {scan_id} a déjà été annulé par ")
    assert "already" not in detail and "undone" not in detail


def test_a_badge_print_refusal_is_explained_in_french(qtbot, demo_store, french):
    with demo_store.write() as s:  # everyone printed: "Not yet printed" selects nobody
        s.execute(update(m.Delegate).values(print_count=1))
    page = BadgesPage(demo_store, require_event(demo_store), station="Badges desk")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.people_model.rowCount() == 86, timeout=JOB_TIMEOUT)
    qtbot.waitUntil(lambda: page._check_job is None, timeout=JOB_TIMEOUT)
    assert page.unprinted_radio.isChecked()
    with qtbot.waitSignal(page.failed, timeout=JOB_TIMEOUT) as failed:
        page.preview_button.click()
    shown = "⚠ Aucun badge à imprimer\u00a0: aucun délégué inscrit ne correspond."
    assert failed.args[0] == shown
    assert page.status_label.text() == shown  # what the organiser reads, in French

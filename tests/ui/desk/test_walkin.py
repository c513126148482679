"""Walk-in registration at the desk, on the real demo database: the form checks as the
operator types, registering admits the person, the badge PDF is made in the background
and handed to the (injected) print step; duplicates offer a check-in instead."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from sqlalchemy import select

from checkin.core.badges import printing
from checkin.core.db import models as m
from checkin.core.db.store import data_dir
from checkin.ui.desk.outcome_panel import Tone
from checkin.ui.desk.walkin_dialog import WalkInDialog, render_pdf_pages
from checkin.ui.widgets.person_form import country_names
from tests.ui.conftest import journal, type_text

SIGRID_EMAIL = "sigrid.aasland-overby@example.org"


@pytest.fixture
def walkin(desk_app, tmp_path):
    """The desk with badges written under tmp_path and printing recorded, not done."""
    controller = desk_app.controller
    controller.badge_dir = tmp_path / "badges"
    desk_app.printed = []
    desk_app.opened = []
    controller.print_pdf = lambda path, parent=None: desk_app.printed.append(path)
    controller.open_url = lambda url: desk_app.opened.append(url)
    return desk_app


def open_dialog(app, qtbot) -> WalkInDialog:
    qtbot.keyClick(app.desk.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = app.controller.walk_in_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def fill(dialog: WalkInDialog, **fields: str) -> None:
    for name, text in fields.items():
        type_text(getattr(dialog, name), text)


def delegate_row(store, reference):
    with store.read() as s:
        return s.execute(
            select(
                m.Delegate.id, m.Delegate.first_name, m.Delegate.arrived_via, m.Delegate.print_count
            ).where(m.Delegate.reference == reference)
        ).first()


def walkin_refs(store):
    with store.read() as s:
        return list(
            s.scalars(select(m.Delegate.reference).where(m.Delegate.reference.like("WALKIN-%")))
        )


def test_ctrl_n_opens_the_form_ready_to_type(walkin, qtbot):
    dialog = open_dialog(walkin, qtbot)
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.first_name)
    assert walkin.desk.walk_in_button.accessibleName()
    for widget in (*dialog.widgets.values(), dialog.print_box, dialog.template_box):
        assert widget.accessibleName()
    assert dialog.category.currentIndex() == 0
    assert dialog.category.currentData() == walkin.event.categories[0].key
    assert dialog.print_box.isChecked()
    assert dialog.template_key() == "a6"
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    assert "Switzerland" in country_names("en")
    assert "Suisse" in country_names("fr")


def test_invalid_input_is_explained_by_field_and_ok_stays_disabled(walkin, qtbot):
    dialog = open_dialog(walkin, qtbot)
    fill(dialog, first_name="Ana", last_name="Ruiz", organisation="Cruz Roja",
         country="Atlantis", email="ana@")
    problems = dialog.problem_labels
    assert problems["country"].isVisible()
    assert "unknown country" in problems["country"].text().lower()
    assert problems["email"].isVisible()
    assert "e-mail" in problems["email"].text().lower()
    assert dialog.email.accessibleDescription() == problems["email"].text()
    assert not problems["first_name"].isVisible()
    assert not dialog.ok_button.isEnabled()
    # Enter with OK disabled registers nothing.
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    assert walkin_refs(walkin.store) == []
    # Fixing the fields enables OK.
    dialog.country.setText("")
    type_text(dialog.country, "Suisse")
    type_text(dialog.email, "x.org")
    assert not problems["country"].isVisible()
    assert not problems["email"].isVisible()
    assert dialog.ok_button.isEnabled()


def test_a_missing_name_is_said_in_words(walkin, qtbot):
    dialog = open_dialog(walkin, qtbot)
    type_text(dialog.first_name, "A")
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Backspace)
    label = dialog.problem_labels["first_name"]
    assert label.isVisible()
    assert label.text() == "Enter the first name: a walk-in needs it."
    assert not dialog.ok_button.isEnabled()


def test_a_first_name_alone_is_not_a_walk_in(walkin, qtbot):
    """By default a walk-in needs first and last name, organisation and country: the
    labels say so, and each missing one is said under its field."""
    dialog = open_dialog(walkin, qtbot)
    labels = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)
              if label.buddy() is not None}
    assert labels[dialog.last_name] == "&Last name (required):"
    assert labels[dialog.email] == "&E-mail:"
    for name in ("first_name", "last_name", "organisation", "country"):
        assert "required" in dialog.widgets[name].accessibleName()
    assert "required" not in dialog.widgets["email"].accessibleName()
    fill(dialog, first_name="Ana")
    dialog._submit()  # Enter on the form: everything is shown
    texts = {n: dialog.problem_labels[n].text() for n in ("last_name", "organisation",
                                                          "country")}
    assert texts == {
        "last_name": "Enter the last name: a walk-in needs it.",
        "organisation": "Enter the organisation: a walk-in needs it.",
        "country": "Choose the country: a walk-in needs it.",
    }
    assert not dialog.ok_button.isEnabled()
    assert walkin_refs(walkin.store) == []


def test_walk_in_is_registered_admitted_printed_and_findable(walkin, qtbot):
    desk, controller = walkin.desk, walkin.controller
    dialog = open_dialog(walkin, qtbot)
    fill(
        dialog,
        first_name="Żaneta",
        last_name="Kowalczyk-Ødegård",
        organisation="Caritas Polska",
        country="Poland",
        email="zaneta@example.org",
    )
    dialog.category.setCurrentIndex(dialog.category.findData("press"))
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(controller.badge_ready, timeout=20000) as ready:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert controller.walk_in_dialog is None  # closed on success
        job = controller.badge_job
        assert job is not None
    # The panel and the recent list show the admitted walk-in.
    assert desk.panel.tone is Tone.GO
    assert desk.panel.heading.text() == "Welcome"
    assert desk.panel.first.text() == "Żaneta"
    assert "Poland" in desk.panel.facts.text()
    assert "Żaneta Kowalczyk-Ødegård" in desk.recent.data(desk.recent.index(0))
    # The database: WALKIN-<n>, arrived as a walk-in, journaled.
    (reference,) = walkin_refs(walkin.store)
    assert reference.startswith("WALKIN-") and reference[7:].isdigit()
    row = delegate_row(walkin.store, reference)
    assert row.first_name == "Żaneta"
    assert row.arrived_via == "walk-in"
    assert journal(walkin.store, row.id) == [("entry", "admitted", "walk-in", "Desk 1")]
    # The badge: one page, in the badge folder, recorded as printed.
    path = ready.args[0]
    assert path == controller.badge_dir / f"walk-in-{reference}.pdf"
    if not job.is_finished:
        qtbot.waitSignal(job.finished, timeout=5000).wait()
    pdf = pdfium.PdfDocument(str(path))
    assert len(pdf) == 1
    pdf.close()
    assert delegate_row(walkin.store, reference).print_count == 1
    # A notice on the desk, not a dialog: Print… hands the path to the print step.
    notice = controller.badge_notice
    assert notice is not None and notice.isVisible()
    assert str(path) in notice.words()
    assert QApplication.activeModalWidget() is None
    buttons = {b.text(): b for b in notice.buttons}
    assert set(buttons) == {"Print…", "Open PDF"}
    assert all(b.accessibleName() for b in buttons.values())
    buttons["Print…"].click()
    assert walkin.printed == [path]
    assert controller.badge_notice is None  # printed: the notice went
    # The search index learns about the new person (rebuilt in the background).
    qtbot.waitUntil(
        lambda: (
            controller.index is not None
            and any(h.delegate.reference == reference for h in controller.index.search("zaneta"))
        )
    )
    type_text(desk.search_box, "zaneta")
    assert desk.results.people[0].reference == reference


def test_open_pdf_opens_the_file(walkin, qtbot):
    dialog = open_dialog(walkin, qtbot)
    fill(dialog, first_name="Ola", last_name="Nordmann", organisation="NRC", country="Norway")
    with qtbot.waitSignal(walkin.controller.badge_ready, timeout=20000) as ready:
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)
    notice = walkin.controller.badge_notice
    buttons = {b.text(): b for b in notice.buttons}
    buttons["Open PDF"].click()
    assert [u.toLocalFile() for u in walkin.opened] == [str(ready.args[0])]
    assert walkin.printed == []


def test_no_print_means_no_badge_job(walkin, qtbot):
    dialog = open_dialog(walkin, qtbot)
    fill(dialog, first_name="Ola", last_name="Nordmann", organisation="NRC", country="Norway")
    dialog.print_box.setChecked(False)
    assert not dialog.template_box.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert walkin.desk.panel.tone is Tone.GO
    assert walkin.controller.badge_job is None
    assert not walkin.controller.badge_dir.exists()


def test_known_email_offers_to_check_that_person_in(walkin, qtbot):
    dialog = open_dialog(walkin, qtbot)
    fill(dialog, first_name="Sigrid", last_name="Other", organisation="NPA",
         country="Norway", email=SIGRID_EMAIL.upper())
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert walkin.controller.walk_in_dialog is dialog  # still open
    assert dialog.existing_frame.isVisible()
    assert dialog.existing_label.text().startswith("Already registered: Sigrid Aasland-Øverby")
    assert "IOMNGO-0080" in dialog.existing_label.text()
    assert dialog.existing_button.text().replace("&", "") == "Check this person in"
    assert walkin_refs(walkin.store) == []
    qtbot.mouseClick(dialog.existing_button, Qt.MouseButton.LeftButton)
    assert walkin.controller.walk_in_dialog is None
    panel = walkin.desk.panel
    assert panel.tone is Tone.GO
    assert panel.first.text() == "Sigrid"
    assert journal(walkin.store, walkin.ids["Sigrid"]) == [
        ("entry", "admitted", "manual", "Desk 1")
    ]
    assert walkin.controller.badge_job is None


def test_cancel_while_rendering_leaves_no_file(walkin, qtbot):
    controller = walkin.controller
    started = threading.Event()

    def slow_render(*args, cancelled, **kwargs):
        started.set()
        while not cancelled():  # hold the render until the operator cancels
            threading.Event().wait(0.005)
        return printing.print_badges(*args, cancelled=cancelled, **kwargs)

    controller.render_badge = slow_render
    dialog = open_dialog(walkin, qtbot)
    fill(dialog, first_name="Ola", last_name="Nordmann", organisation="NRC", country="Norway")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    job, progress = controller.badge_job, controller.badge_progress
    assert job is not None and progress is not None
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(job.finished, timeout=10000):
        (cancel,) = progress.findChildren(QPushButton)
        assert cancel.text() == "Cancel"
        cancel.click()
    assert job.is_cancelled
    (reference,) = walkin_refs(walkin.store)
    path = controller.badge_path(reference)
    assert not path.exists()
    assert list(path.parent.glob("*")) == []  # no temporary file either
    assert delegate_row(walkin.store, reference).print_count == 0
    assert walkin.desk.panel.heading.text() == "Badge not made"
    assert controller.badge_notice is None
    assert walkin.printed == []


def test_badges_go_to_the_data_folder_by_default(desk_app):
    desk_app.controller.badge_dir = None
    path = desk_app.controller.badge_path("WALKIN-7")
    assert path == data_dir() / "badges" / "walk-in-WALKIN-7.pdf"


def test_pdf_pages_rasterise_at_300_dpi(tmp_path, demo_store):
    from checkin.core.badges.templates import load_template
    from checkin.core.event.stored import current_event

    event = current_event(demo_store)
    out = tmp_path / "one.pdf"
    report = printing.print_badges(
        demo_store, event, out, template=load_template("a6"), refs=["IOMNGO-0080"]
    )
    assert report.pages == 1
    (image,) = render_pdf_pages(out)
    assert abs(image.width() - round(105 / 25.4 * 300)) <= 2
    assert abs(image.height() - round(148 / 25.4 * 300)) <= 2
    assert Path(out).exists()


def test_walk_in_at_a_session_door_is_admitted_to_that_session(walkin, qtbot):
    desk, controller = walkin.desk, walkin.controller
    desk.mode_box.setCurrentIndex(desk.mode_box.findData("opening"))
    dialog = open_dialog(walkin, qtbot)
    fill(dialog, first_name="Amani", last_name="Njoroge", organisation="KRCS", country="Kenya")
    dialog.print_box.setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert controller.walk_in_dialog is None
    assert desk.panel.tone is Tone.GO
    assert "Opening" in desk.panel.detail.text()
    (reference,) = walkin_refs(walkin.store)
    row = delegate_row(walkin.store, reference)
    assert row.arrived_via == "walk-in"
    with walkin.store.read() as s:
        scopes = s.scalars(select(m.Admission.scope).where(m.Admission.delegate_id == row.id))
        assert list(scopes) == [walkin.event.session("opening").id]

"""A refused delegate list and a refused agenda edit read in French (issue 9): from the
core's ``RosterError``/``AgendaProblem`` to the screen, with the shipped translation."""

from __future__ import annotations

import dataclasses

from checkin.core.event.agenda import spec_from_info, update_event
from checkin.core.event.stored import require_event
from checkin.core.types import CategoryInfo
from checkin.ui.organiser.agenda import AgendaPage
from checkin.ui.roster.importing.wizard import ImportWizard
from tests.conftest import insert_delegates

NBSP, NNBSP = "\u00a0", "\u202f"
NAME = 1  # the categories table: colour, name


def test_a_pdf_chosen_as_the_delegate_list_is_refused_in_french(french, qtbot, store, event,
                                                               tmp_path):  # fmt: skip
    wizard = ImportWizard(store, event)
    qtbot.addWidget(wizard)
    wizard.show()
    path = tmp_path / "inscrits.csv"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    wizard.file_page.set_path(str(path))
    qtbot.waitUntil(lambda: wizard.file_page.detected.text().startswith("⚠"))
    shown = wizard.file_page.detected.text()
    assert shown == (
        f"⚠ {path}{NBSP}: un document PDF, pas une liste des participant·e·s{NNBSP}; "
        "exportez la liste en CSV ou en .xlsx depuis l’outil où elle est tenue."
    )
    assert "delegate list" not in shown
    assert not wizard.file_page.isComplete()


def test_removing_a_category_someone_was_given_meanwhile_is_refused_in_french(
    french, qtbot, demo_store
):
    event = require_event(demo_store)
    spec = spec_from_info(event)
    guest = CategoryInfo(key="guest", label="Guest", colour="#336699")
    update_event(
        demo_store, event.id, dataclasses.replace(spec, categories=(*spec.categories, guest))
    )
    page = AgendaPage(demo_store, require_event(demo_store))
    qtbot.addWidget(page)
    page.show()
    # Another desk gives the category to someone after the page was opened.
    insert_delegates(
        demo_store,
        event,
        [{"number": 9001, "reference": "X9001", "email": "x9001@example.org",
          "category": "guest"}],
    )  # fmt: skip
    model = page.categories_model
    row = next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == "Guest")
    page.categories_table.setCurrentIndex(model.index(row, NAME))
    assert page.remove_category_button.isEnabled()  # nobody had it when the page was read
    page.remove_category_button.click()
    with qtbot.waitSignal(page.save_failed, timeout=10_000) as failed:
        page.save_button.click()
    text = failed.args[0]
    assert text == (
        f"la catégorie 'Guest' ne peut pas être supprimée{NBSP}: des personnes l’ont (1)"
    )
    assert page.status_label.text() == "⚠ " + text
    assert require_event(demo_store).category("guest") is not None  # nothing was removed

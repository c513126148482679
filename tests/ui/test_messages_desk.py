"""The core's refusals at the desk and on the Badges page reach a French organiser in
French (issue 9): the template is translated in the context "Messages", then filled.

The app's own .qm is compiled by the lead from the shared .ts, so these tests compile a
small translator of their own that knows the templates under test."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from sqlalchemy import update

from checkin.core import models as m
from checkin.core.errors import CONTEXT
from checkin.core.event import require_event
from checkin.ui import translations
from checkin.ui.badges import BadgesPage

JOB_TIMEOUT = 30_000
FRENCH = {
    "Scan %1 was already undone by %2.": "Le scan %1 a déjà été annulé par %2.",
    "No badge to print: no registered delegate matches.":
        "Aucun badge à imprimer\u00a0: aucun délégué inscrit ne correspond.",
}


def compile_messages(folder, entries: dict[str, str]) -> str:
    """A .qm holding ``entries`` in the context the app looks templates up in."""
    root = ET.Element("TS", version="2.1", language="fr", sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, translation in entries.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    ts, qm = folder / "messages_fr.ts", folder / "messages_fr.qm"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = shutil.which("pyside6-lrelease")
    assert lrelease, "pyside6-lrelease is part of PySide6"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    return str(qm)


@pytest.fixture
def french(qapp, tmp_path):
    """The app in French, plus our templates; English again afterwards."""
    locale = QLocale()
    translations.install(qapp, "fr")
    messages = QTranslator()
    assert messages.load(compile_messages(tmp_path, FRENCH))
    QCoreApplication.installTranslator(messages)
    yield
    QCoreApplication.removeTranslator(messages)
    translations.remove(qapp)
    QLocale.setDefault(locale)


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

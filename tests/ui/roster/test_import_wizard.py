"""The import wizard, driven page by page against a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from checkin.core.db import models as m
from checkin.ui.roster.importing.wizard import ImportWizard

HEADER = "Réf;Prénom;Nom;Organisme;Entité;Pays;Courriel;Type\r\n"
GOOD = [
    "R0001;Łukasz;Wróblewski;Caritas;Caritas Polska;Pologne;p1@example.org;Participant",
    "R0100;Hélène;Côté;Médecins du Monde;MdM Canada;Canada;helene@example.org;Speaker",
    "R0101;François;Müller;Terre des hommes;Tdh Lausanne;Suisse;francois@example.org;",
]


def write(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes((HEADER + "\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def delegates(store) -> dict[str, tuple[str, str, str]]:
    with store.read() as s:
        rows = s.execute(
            select(m.Delegate.reference, m.Delegate.first_name, m.Delegate.organisation,
                   m.Delegate.status)
        ).all()  # fmt: skip
    return {r.reference: (r.first_name, r.organisation, r.status) for r in rows}


@pytest.fixture
def wizard(qtbot, store, event):
    w = ImportWizard(store, event)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def choose(qtbot, wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.set_path(str(path))
    qtbot.waitUntil(lambda: wizard.file_page.isComplete())


def next_page(qtbot, wizard: ImportWizard) -> None:
    before = wizard.currentPage()
    wizard.next()
    assert wizard.currentPage() is not before


def test_happy_path_with_accents_mapping_change_and_replace(qtbot, store, event, people, tmp_path,
                                                            wizard):  # fmt: skip
    path = write(tmp_path / "délégués.csv", GOOD)
    choose(qtbot, wizard, path)
    detected = wizard.file_page.detected.text()
    assert "encoding utf-8-sig" in detected and "delimiter: semicolon" in detected
    assert "3 delegate rows" in detected
    preview = wizard.file_page.model
    assert preview.headerData(1, Qt.Orientation.Horizontal) == "Prénom"
    assert preview.index(1, 2).data() == "Côté"

    next_page(qtbot, wizard)  # -> columns
    page = wizard.mapping_page
    assert page.boxes["organisation"].currentData() == "Organisme"  # guessed
    assert page.boxes["category"].currentData() == "Type"
    qtbot.waitUntil(page.isComplete)
    # The organiser prefers the "Entité" column: the file is read again.
    with qtbot.waitSignal(page.completeChanged):
        page.boxes["organisation"].setCurrentIndex(page.boxes["organisation"].findData("Entité"))
    qtbot.waitUntil(page.isComplete)
    assert wizard.mapping["organisation"] == "Entité"
    assert [r.organisation for r in wizard.parsed.rows] == [
        "Caritas Polska", "MdM Canada", "Tdh Lausanne",
    ]  # fmt: skip
    assert page.model.index(0, 3).data() == "Caritas Polska"

    next_page(qtbot, wizard)  # -> check
    assert wizard.check_page.summary.text().startswith("✓ 3 rows read")
    assert wizard.check_page.skip_box.isHidden()

    next_page(qtbot, wizard)  # -> changes
    changes = wizard.changes_page
    qtbot.waitUntil(changes.isComplete)
    assert "New: 2. Updated: 1. Unchanged: 0. Restored: 0. To be cancelled: 0." in (
        changes.summary.text()
    )
    changes.replace_box.setChecked(True)  # Amira (R0002) is not in the file
    qtbot.waitUntil(changes.isComplete)
    assert "To be cancelled: 1." in changes.summary.text()
    kinds = [changes.model.index(r, 0).data() for r in range(changes.model.rowCount())]
    assert kinds[0] == "✗ To be cancelled" and kinds.count("+ New") == 2

    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Import"
    next_page(qtbot, wizard)  # -> import
    apply = wizard.apply_page
    qtbot.waitUntil(apply.isComplete)
    assert wizard.result is not None and wizard.result.applied
    assert apply.status.text().startswith("✓ Imported. New: 2. Updated: 1.")
    assert apply.progress.value() == apply.progress.maximum()
    stored = delegates(store)
    assert stored["R0001"] == ("Łukasz", "Caritas Polska", "registered")
    assert stored["R0100"] == ("Hélène", "MdM Canada", "registered")
    assert stored["R0002"][2] == "cancelled"
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_errors_are_listed_by_row_and_column_and_nothing_is_written(qtbot, store, event, people,
                                                                     tmp_path, wizard):  # fmt: skip
    bad = [
        GOOD[1],
        "R0102;Zoé;Martin;Caritas;Caritas FR;Atlantide;zoe@example.org;Participant",
        "R0103;Ana;Ruiz;Caritas;Caritas ES;Espagne;ana(at)example.org;Participant",
    ]
    path = write(tmp_path / "erreurs.csv", bad, encoding="utf-8")
    before = delegates(store)
    choose(qtbot, wizard, path)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.mapping_page.isComplete)
    assert "1 row can be imported, 2 with errors." in wizard.mapping_page.summary.text()
    next_page(qtbot, wizard)  # -> check

    check = wizard.check_page
    problems = [
        tuple(check.model.index(r, c).data() for c in range(5))
        for r in range(check.model.rowCount())
    ]
    errors = [p for p in problems if p[0] == "✗ Error"]
    assert ("✗ Error", "erreurs.csv", "3", "Pays", "unknown country 'Atlantide'") in errors
    assert ("✗ Error", "erreurs.csv", "4", "Courriel",
            "invalid e-mail address 'ana(at)example.org'") in errors  # fmt: skip
    assert "2 with errors" in check.summary.text()
    assert not check.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is check  # refused: no way forward with errors
    assert delegates(store) == before

    # Skipping the rows with errors imports only the valid one.
    check.skip_box.setChecked(True)
    assert check.isComplete()
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.changes_page.isComplete)
    assert "New: 1." in wizard.changes_page.summary.text()
    assert delegates(store) == before  # still nothing written before "Import"
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.apply_page.isComplete)
    after = delegates(store)
    assert set(after) - set(before) == {"R0100"}
    assert "Rows skipped: 2." in wizard.apply_page.status.text()


def test_unreadable_file_says_why_and_cannot_go_on(qtbot, tmp_path, wizard):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    with qtbot.waitSignal(wizard.file_page.completeChanged, timeout=5000):
        job = wizard.file_page.set_path(str(path))
    qtbot.waitUntil(lambda: job.is_finished)
    assert "old Excel 97-2003 (.xls)" in wizard.file_page.detected.text()
    assert wizard.file_page.detected.text().startswith("⚠")
    assert not wizard.file_page.isComplete()


def test_stopping_the_import_writes_nothing(qtbot, store, event, tmp_path, wizard):
    lines = [f"X{i:05d};Prénom{i};Nom{i};Org;Org {i % 7};CH;p{i}@example.org;" for i in range(3000)]
    path = write(tmp_path / "big.csv", lines, encoding="utf-8")
    choose(qtbot, wizard, path)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.mapping_page.isComplete)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.changes_page.isComplete)
    wizard.next()
    wizard.apply_page.cancel()  # at once: the import sees it at its first check
    qtbot.waitUntil(wizard.apply_page.isComplete)
    assert wizard.apply_page.status.text() == "✗ Import stopped: nothing was changed."
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Delegate)) == 0


def test_xlsx_shows_its_sheet(qtbot, tmp_path, wizard):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Inscrits"
    sheet.append(["First name", "Last name", "Organization"])
    sheet.append(["Amélie", "Nguyễn", "UNHCR"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    choose(qtbot, wizard, path)
    assert "Excel workbook, sheet “Inscrits”" in wizard.file_page.detected.text()
    assert wizard.file_page.model.index(0, 1).data() == "Nguyễn"

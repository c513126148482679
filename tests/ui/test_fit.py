"""Every page and the main dialogs fit a 1280×720 laptop, in English and in French.

A 1280×720 screen leaves about 1280×650 for the window once the title bar and the task
bar are drawn.  Here the real window (on the demo event) is made that size: its minimum
size must fit, and every button and field of the page shown — and of the navigation —
must lie inside the window and inside each of its parents (a widget a layout squeezed out
of its parent is cut off, though still "visible" to Qt).  The dialogs are checked the
same way at their own size hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from checkin.core.roster.delegates import list_delegates
from checkin.ui.app import build_window
from checkin.ui.desk.controller import DeskController
from checkin.ui.desk.scanner import ScanDetector
from checkin.ui.organiser.export_dialogs import SplitDialog, TemplateDialog
from checkin.ui.roster.delegate_dialog import DelegateDialog
from checkin.ui.roster.importing.wizard import ImportWizard
from checkin.ui.widgets import translations
from checkin.ui.widgets.reflow import ElidedLabel
from tests.conftest import Clock

LIMIT = QSize(1280, 650)
PAGES = ["desk", "dashboard", "roster", "badges", "agenda"]
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


@pytest.fixture(params=["en", "fr"])
def language(request, qapp):
    """The app in English, or in French with its shipped translations."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    used = translations.install(qapp, request.param) if request.param != "en" else "en"
    assert used == request.param
    yield used
    translations.remove(qapp)
    QLocale.setDefault(locale)


@pytest.fixture
def window(qtbot, demo_store, settings_path, language):
    """The app's window on the demo event, in ``language``, as ``main`` shows it."""
    qsettings = QSettings(settings_path, QSettings.Format.IniFormat)
    detector = ScanDetector(clock=Clock(10_000))
    w = build_window(demo_store, detector=detector, settings=qsettings)
    w.statusBar().showMessage("Backed up at 10:00")  # main() shows backups there
    qtbot.addWidget(w)
    w.resize(LIMIT)
    w.show()
    qtbot.waitExposed(w)
    controller = w.findChild(DeskController)
    qtbot.waitUntil(lambda: controller.index is not None)
    yield w
    detector.uninstall()


def outside(window: QWidget, root: QWidget) -> list[str]:
    """The visible controls under ``root`` that are not wholly inside every one of
    their parents up to ``window`` (so cut off, or off the window)."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or widget.rect().isEmpty():
            continue  # (a table's corner button is "visible" at 0×0)
        child, rect = widget, widget.rect()
        while child is not window:
            parent = child.parentWidget()
            if parent is None:
                break
            rect = QRect(child.mapTo(parent, rect.topLeft()), rect.size())
            if not parent.rect().contains(rect):
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                problems.append(
                    f"{type(widget).__name__} {name!r} at {rect.getRect()} is outside "
                    f"{type(parent).__name__} {parent.objectName()!r} {parent.rect().getRect()}"
                )
                break
            child = parent
    return problems


def squeezed(root: QWidget) -> list[str]:
    """The visible controls and lists under ``root`` a layout made shorter than their
    minimum (they overlap their neighbours, or lose their last line)."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (*CONTROLS, QAbstractItemView)) or not widget.isVisible():
            continue
        parent = widget.parentWidget()
        if widget.rect().isEmpty() or isinstance(parent, (*CONTROLS, QAbstractScrollArea)):
            continue  # a part of a control (a spin box's field, a table's header)
        least = widget.minimumHeight() or widget.minimumSizeHint().height()
        if widget.height() < least:
            name = widget.accessibleName() or widget.objectName()
            problems.append(f"{type(widget).__name__} {name!r}: {widget.height()} < {least}")
    return problems


def fits(size: QSize, limit: QSize = LIMIT) -> bool:
    return size.width() <= limit.width() and size.height() <= limit.height()


def settle(qtbot, window, page: str) -> None:
    """Show ``page`` and wait for what it loads in the background."""
    window.show_page(page)
    widget = window.page(page)
    if page == "roster":
        qtbot.waitUntil(lambda: widget.index is not None)
    elif page == "badges":
        qtbot.waitUntil(lambda: bool(widget.choices))
    window.resize(LIMIT)
    qtbot.waitUntil(lambda: window.size() == LIMIT)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_fits_1280_by_650(qtbot, window, page, language):
    settle(qtbot, window, page)
    hint = window.minimumSizeHint()
    assert fits(hint), f"{language} window minimum {hint.toTuple()} for {page}"
    assert window.nav.isVisible()
    problems = outside(window, window.page(page)) + outside(window, window.nav)
    problems += squeezed(window.page(page))
    assert not problems, "\n".join(problems)
    shown = [w for w in window.page(page).findChildren(QWidget) if isinstance(w, CONTROLS)]
    assert any(w.isVisible() for w in shown)  # the walk looked at something


def test_the_desk_title_gives_way_and_says_all_in_its_tooltip(qtbot, window, language):
    desk = window.page("desk")
    title = desk.title_label
    assert isinstance(title, ElidedLabel)
    long_name = "Consultation " + "humanitaire " * 12
    title.setText(long_name)
    window.resize(LIMIT)
    qtbot.waitUntil(lambda: title.is_elided())
    assert title.text() == long_name  # the words stay whole for tests and screen readers
    assert "humanitaire" in title.toolTip()
    assert desk.settings_button.isVisible()
    assert not outside(window, desk)
    title.setText("Short")
    assert title.toolTip() == ""


def test_the_mode_box_is_not_as_wide_as_the_longest_session_title(window):
    box = window.page("desk").mode_box
    texts = [box.itemText(i) for i in range(box.count())]
    longest = max(texts, key=box.fontMetrics().horizontalAdvance)
    assert box.sizeHint().width() < box.fontMetrics().horizontalAdvance(longest)
    box.setCurrentIndex(texts.index(longest))
    assert longest in box.toolTip().replace("\xa0", " ")  # the whole title, on hovering


def test_the_desk_buttons_wrap_rather_than_leave_a_narrow_window(qtbot, window, language):
    desk = window.page("desk")
    settle(qtbot, window, "desk")
    row = desk.settings_button.y()
    window.resize(QSize(700, LIMIT.height()))
    qtbot.waitUntil(lambda: window.width() == 700)
    qtbot.waitUntil(lambda: desk.settings_button.y() > row)  # on a second row
    assert not outside(window, desk)


def test_the_result_panel_type_grows_with_the_window(qtbot, window, demo_store):
    desk = window.page("desk")
    controller = window.findChild(DeskController)
    entry = list_delegates(demo_store, controller.event_info)[0]
    settle(qtbot, window, "desk")
    controller.scan(entry.code)
    qtbot.waitUntil(lambda: desk.panel.first.isVisible())
    small = desk.panel.first.font().pointSizeF()
    window.resize(QSize(1900, 1000))
    qtbot.waitUntil(lambda: desk.panel.first.font().pointSizeF() > small * 1.2)
    window.resize(LIMIT)
    qtbot.waitUntil(lambda: desk.panel.first.font().pointSizeF() <= small)
    panel = desk.panel
    needed = sum(label.height() for label in panel.labels.values() if label.isVisible())
    assert needed <= panel.height()  # the card's words are all on the panel


# ---------------------------------------------------------------- dialogs


def _controller(window) -> DeskController:
    return window.findChild(DeskController)


def _delegate_dialog(window):
    controller = _controller(window)
    delegate = list_delegates(controller.store, controller.event_info)[0].delegate
    return DelegateDialog(controller.event_info, delegate, window)


DIALOGS = {
    "walk-in": lambda window: _controller(window).new_walk_in(),
    "settings": lambda window: _controller(window).open_settings(),
    "delegate": _delegate_dialog,
    "import": lambda window: ImportWizard(
        _controller(window).store, _controller(window).event_info, window
    ),
    "sign-in sheets": lambda window: SplitDialog(window),
    "template": lambda window: TemplateDialog(window),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_main_dialogs_fit_at_their_size_hint(qtbot, window, name, language):
    dialog = DIALOGS[name](window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSizeHint()))
    assert fits(dialog.minimumSizeHint()), dialog.minimumSizeHint().toTuple()
    assert fits(dialog.size()), dialog.size().toTuple()
    problems = outside(dialog, dialog)
    assert not problems, "\n".join(problems)
    assert any(w.isVisible() for w in dialog.findChildren(QAbstractButton))


def test_every_page_of_the_import_wizard_fits(qtbot, window, tmp_path, language):
    controller = _controller(window)
    wizard = ImportWizard(controller.store, controller.event_info, window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    path = Path(tmp_path / "people.csv")
    path.write_text(
        "Ref;First name;Last name;Organisation;Country;Email;Category\n"
        + "".join(
            f"R{n:04};Person{n};Name{n};Org {n};CH;p{n}@example.org;Participant\n"
            for n in range(1, 40)
        ),
        encoding="utf-8",
    )
    wizard.file_page.set_path(str(path))
    seen = []
    for _step in range(3):  # file -> columns -> check -> changes
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete())
        assert fits(wizard.minimumSizeHint()), wizard.minimumSizeHint().toTuple()
        problems = outside(wizard, wizard)
        assert not problems, "\n".join(problems)
        seen.append(type(wizard.currentPage()).__name__)
        wizard.next()
    assert seen == ["FilePage", "MappingPage", "CheckPage"]

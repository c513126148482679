"""The accreditation desk's acts, for the person whose result the panel shows (issue 19).

One key each, none of which the scanner capture holds (``accreditation_view.KEYS``):
F4 marks the attention note done, F5–F7 hand the event's first three items out or take
them back, F8 records "ID checked", Ctrl+Shift+O opens the supervisor override of a
refusal by an entry rule.  An item's own barcode — its key, then its number:
``HEADSET-042`` — scanned while a person's result is shown hands that item out (or takes
it back, if they hold one): ``item_scan``, asked by the controller before a scan goes to
the service as a badge.

Every act goes through the desk's service (``DeskService.give_handout`` …): one journal
row, replayed from an offline desk like a scan.  The panel then shows the person again
with the new state and the act's words; a refusal ("already has a headset") is said in
the same place, nothing written.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from checkin.core.accreditation import handouts, photos
from checkin.core.event.codes import well_formed
from checkin.core.types import Outcome, ScanResult
from checkin.ui.desk.accreditation_view import (
    ID_KEY,
    ITEM_KEYS,
    NOTE_KEY,
    OVERRIDE_KEY,
    core_text,
)
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.modal import open_modal

if TYPE_CHECKING:
    from checkin.ui.desk.controller import DeskController

log = logging.getLogger(__name__)

# An item's own barcode: its key, an optional separator, its number ("HEADSET-042").
_ITEM_CODE = r"^\s*({keys})\s*[-:/#_ ]?\s*([0-9A-Za-z]{{1,32}})\s*$"


def item_code(text: str, keys: list[str]) -> tuple[str, str] | None:
    """(item key, its number) if ``text`` is one of the items' own barcodes (never a
    well-formed badge code, even one that happens to start with an item's key)."""
    if not keys or well_formed(text.strip()):
        return None
    pattern = _ITEM_CODE.format(keys="|".join(re.escape(k) for k in sorted(keys, key=len,
                                                                          reverse=True)))
    match = re.match(pattern, text, re.IGNORECASE)
    if match is None:
        return None
    key = next(k for k in keys if k.casefold() == match.group(1).casefold())
    return key, match.group(2)


class OverrideDialog(QDialog):
    """Who lets the person in although a rule says no, and why (both journaled)."""

    def __init__(self, rule_text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor override"))
        self.supervisor = QLineEdit(name)
        self.supervisor.setAccessibleName(self.tr("Supervisor"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. invited by the chair"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Admit"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Refused by:"), _plain(rule_text))
        form.addRow(self.tr("&Supervisor:"), self.supervisor)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(buttons)

    def _accept(self) -> None:
        if self.supervisor.text().strip() and self.reason.text().strip():
            self.accept()
        else:
            (self.reason if self.supervisor.text().strip() else self.supervisor).setFocus()


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class AccreditationActions(QObject):
    """The keys and buttons of the panel's accreditation strip, through the service."""

    def __init__(self, controller: DeskController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.override_dialog: OverrideDialog | None = None
        view = controller.view
        strip = view.panel.extra
        strip.note_done.connect(self.note_done)
        strip.item_clicked.connect(self.toggle_item)
        strip.id_checked.connect(self.id_checked)
        strip.override_requested.connect(self.ask_override)
        keys = [(NOTE_KEY, self.note_done), (ID_KEY, self.id_checked),
                (OVERRIDE_KEY, self.ask_override)]
        keys += [(key, lambda n=n: self.toggle_nth(n)) for n, key in enumerate(ITEM_KEYS)]
        self.shortcuts = []
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # ------------------------------------------------------------ state

    @property
    def current(self) -> ScanResult | None:
        """The person's result on the panel (None: "Ready", a notice, an unknown badge)."""
        if self.controller.locked:
            return None
        return self.controller.view.panel.current

    def photo_for(self, outcome: ScanResult) -> bytes | None:
        """The person's photo, from where the desk reads the roster (offline: its copy)."""
        if not outcome.photo or outcome.delegate is None:
            return None
        try:
            found = photos.photo(self.controller.roster_store(), outcome.delegate.id)
        except Exception as exc:  # a photo never stops a check-in
            log.warning("photo not read: %s", type(exc).__qualname__)
            return None
        return found.data if found else None

    def present(self, outcome: ScanResult) -> None:
        """A scan's result on the panel, with the photo; sounded (an open note: its own)."""
        self.controller.view.show_outcome(outcome, self.photo_for(outcome))
        note = outcome.note is not None and not outcome.note.done
        self.controller.sounds.play_for(outcome.status, note=note)

    def _show(self, outcome: ScanResult, said: str) -> None:
        """The person again, with what changed and the words of the act."""
        view = self.controller.view
        view.panel.show_outcome(outcome, view.event_info, self.photo_for(outcome))
        view.panel.extra.say(said)

    def _failed(self, exc: BaseException) -> None:
        log.error("accreditation act failed: %s", type(exc).__qualname__)
        self.controller.view.panel.extra.say(self.tr("Not recorded: %1").replace(
            "%1", first_line(exc)))

    # ------------------------------------------------------------ acts

    def note_done(self) -> bool:
        outcome = self.current
        if outcome is None or outcome.note is None or outcome.note.done:
            return False
        try:
            result = self.controller.service.note_done(outcome.delegate.id)  # type: ignore[union-attr]
        except Exception as exc:
            self._failed(exc)
            return False
        name = outcome.delegate.full_name  # type: ignore[union-attr]
        self._show(dataclasses.replace(outcome, note=result.note),
                   self.tr("Note of %1 done.").replace("%1", name))
        return True

    def id_checked(self) -> bool:
        outcome = self.current
        if outcome is None or not outcome.may_enter or outcome.id_check != "due":
            return False
        try:
            self.controller.service.id_checked(outcome.delegate.id)  # type: ignore[union-attr]
        except Exception as exc:
            self._failed(exc)
            return False
        name = outcome.delegate.full_name  # type: ignore[union-attr]
        self._show(dataclasses.replace(outcome, id_check="done"),
                   self.tr("ID of %1 checked.").replace("%1", name))
        return True

    def toggle_nth(self, n: int) -> bool:
        outcome = self.current
        if outcome is None or n >= len(outcome.handouts):  # (refused: see toggle_item)
            return False
        return self.toggle_item(outcome.handouts[n].item)

    def toggle_item(self, key: str, number: str = "") -> bool:
        """Hand the item out, or take it back if the person holds a returnable one."""
        outcome = self.current
        if outcome is None or outcome.delegate is None or not outcome.may_enter:
            return False  # a refused person gets nothing: the panel offers no items
        state = next((h for h in outcome.handouts if h.item == key), None)
        if state is None:
            return False
        back = state.state == "out" and state.returnable
        service = self.controller.service
        act = service.return_handout if back else service.give_handout
        try:
            result = act(outcome.delegate.id, key, item_code=number)
        except Exception as exc:
            self._failed(exc)
            return False
        after = tuple(result.state if h.item == key else h for h in outcome.handouts)
        self._show(dataclasses.replace(outcome, handouts=after),
                   core_text(handouts.TEMPLATES[result.status], result.args))
        if not result.ok:
            self.controller.sounds.play_for(Outcome.NOT_PRESENT)  # look: nothing done
        return result.ok

    def item_scan(self, code: str) -> bool:
        """An item's own barcode read while a person's result is shown: hand it out or
        take it back; True if it was an item's code (then it is not a badge scan)."""
        outcome = self.current
        if outcome is None or not outcome.may_enter or not outcome.handouts:
            return False
        found = item_code(code, [h.item for h in outcome.handouts])
        if found is None:
            return False
        self.toggle_item(*found)
        return True

    # ------------------------------------------------------------ override

    def ask_override(self) -> OverrideDialog | None:
        """A refusal by an entry rule: who lets them in, and why."""
        outcome = self.current
        if outcome is None or outcome.status is not Outcome.NOT_ALLOWED:
            return None
        if self.override_dialog is not None:
            self.override_dialog.raise_()
            return self.override_dialog
        from checkin.ui.desk.outcome_panel import reason_text

        dialog = OverrideDialog(reason_text(outcome), self.controller.service.operator,
                                self.controller.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.override(
            outcome, dialog.supervisor.text(), dialog.reason.text()))
        dialog.finished.connect(lambda _r: setattr(self, "override_dialog", None))
        self.override_dialog = dialog
        open_modal(dialog)
        return dialog

    def override(self, outcome: ScanResult, supervisor: str, reason: str) -> ScanResult | None:
        """Admit the refused person all the same, journaled with the supervisor and why."""
        controller = self.controller
        service = controller.service
        operator = service.operator
        service.operator = supervisor.strip()
        try:
            return controller._show(lambda: service.check_in(
                outcome.delegate.id,  # type: ignore[union-attr]
                session=outcome.session.key if outcome.session else None,
                action=controller.action, override=True, reason=reason.strip()))
        finally:
            service.operator = operator


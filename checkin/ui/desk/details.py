"""Edit details… at the desk: correct the person found in the search, there and then.

F2 (``DeskPage.edit_selected``) opens the Roster's ``DelegateDialog`` for the person
selected in the Desk's search results.  Saving goes through the desk's service
(``DeskService.edit_delegate``, and ``set_note`` for the attention note), so on a shared
server that is out of reach the change is saved in the desk's offline copy and replayed
when the server is back (where a clash — someone changed the same details or note
meanwhile — is listed, not applied).  Then the
search index is rebuilt, so the desk finds the person under their new name.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from checkin.core.roster.edits import DelegateEditError, DelegateNotFound, EditResult
from checkin.core.types import DelegateInfo
from checkin.ui.roster.delegate_dialog import DelegateDialog
from checkin.ui.widgets.messages import first_line
from checkin.ui.widgets.modal import open_modal

if TYPE_CHECKING:
    from checkin.ui.desk.controller import DeskController

log = logging.getLogger(__name__)


class DetailsEditor(QObject):
    """The desk's "Edit details…": one dialog at a time, saved through the desk."""

    saved = Signal(object)
    """A delegate was saved (the ``roster.edits.EditResult``)."""

    def __init__(self, controller: DeskController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.dialog: DelegateDialog | None = None
        view = controller.view
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(view.edit_selected)
        view.edit_requested.connect(self.open)

    def open(self, delegate: DelegateInfo) -> DelegateDialog | None:
        """The form for ``delegate`` (not while the desk is locked)."""
        if self.controller.locked:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        online = getattr(self.controller.service, "online", True)  # offline: no photo
        dialog = DelegateDialog(self.controller.event_info, delegate, self.controller.view,
                                store=self.controller.roster_store(),
                                service=self.controller.service, photo=online)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda: self.save(dialog))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        open_modal(dialog)
        return dialog

    def save(self, dialog: DelegateDialog) -> EditResult | None:
        delegate = dialog.delegate
        try:
            result = self.controller.service.edit_delegate(delegate.id, dialog.form())
        except DelegateEditError as exc:
            dialog.show_problems(exc.problems)
            return None
        except DelegateNotFound:
            dialog.show_failure(self.tr("This delegate is no longer in the event."))
            return None
        except Exception as exc:  # the database, the disk: say so, never a traceback
            log.error("saving delegate no. %d failed: %s", delegate.number, type(exc).__name__)
            dialog.show_failure(self.tr("Not saved.") + "\n" + first_line(exc))
            return None
        dialog.accept()
        part = dialog.accreditation
        self._say(result, note=part is not None and part.note_saved)
        self.controller.rebuild_index()
        self.saved.emit(result)
        return result

    def _say(self, result: EditResult, *, note: bool = False) -> None:
        name = result.delegate.full_name
        if not result.changed and not note:
            text = self.tr("Nothing changed for %1.")
        elif result.needs_reprint:
            text = self.tr("Saved %1. Their badge was printed with the old details: reprint it.")
        else:
            text = self.tr("Saved %1.")
        self.controller.view.show_notice(self.tr("Details saved"), text.replace("%1", name))

    def _closed(self, dialog: DelegateDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.controller.view.focus_search()

"""The country field's completer: names in the UI's language, found by either language.

A French desk sees "Suisse", "Allemagne", "États-Unis" (CLDR's names, see
``checkin.core.roster.countries``), but staff and delegates also type the English name,
or no accents: "Switzerland", "Suisse", "suisse" and "Etats" all offer the right row,
and choosing it fills in the name in the UI's language.  (The form's text is read back
with ``normalise_country``, which knows both languages and the ISO codes anyway.)
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter

from checkin.core.roster.countries import country_choices
from checkin.core.text import fold

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # both names, with and without accents
CODE_ROLE = Qt.ItemDataRole.UserRole + 2  # the ISO code


def country_model(language: str, parent: QObject | None = None) -> QStandardItemModel:
    """One row per country, shown by its name in ``language``."""
    model = QStandardItemModel(parent)
    for name, code, other in country_choices(language):
        item = QStandardItem(name)
        item.setData(code, CODE_ROLE)
        item.setData("\n".join(dict.fromkeys((name, other, fold(name), fold(other)))),
                     SEARCH_ROLE)
        item.setEditable(False)
        model.appendRow(item)
    return model


class CountryCompleter(QCompleter):
    """Matches what is typed anywhere in either name; fills in the shown name."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setModel(country_model(language, self))
        self.setCompletionRole(SEARCH_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def names(self) -> list[str]:
        """Every name offered, in order (for tests and the accessible description)."""
        model = self.model()
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

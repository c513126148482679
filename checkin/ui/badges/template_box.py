"""The badge stock to print on: every template shipped, by title, described on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from checkin.core.badges.templates import Template, list_templates
from checkin.ui.widgets.translations import template_description, template_title

DEFAULT_TEMPLATE = "a4-herma-4412"


class TemplateBox(QComboBox):
    """Chooses a ``Template``; Herma 4412 (ten 80 x 50 mm badges on A4) to start with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateBox")
        self.setAccessibleName(self.tr("Badge template"))
        self.templates = list_templates()
        for t in self.templates:
            self.addItem(template_title(t), t.key)
            self.setItemData(
                self.count() - 1, template_description(t), Qt.ItemDataRole.ToolTipRole
            )
        self.setCurrentIndex(max(self.findData(DEFAULT_TEMPLATE), 0))

    def template(self) -> Template:
        key = self.currentData()
        return next((t for t in self.templates if t.key == key), self.templates[0])

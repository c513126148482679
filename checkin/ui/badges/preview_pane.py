"""The preview: the very PDF the printer would get, shown with QtPdf.

The pane owns one preview file at a time: showing a new one deletes the one before
(they sit in the controller's private folder and hold personal data).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PreviewPane(QWidget):
    """A line saying what is shown, over the pages of the preview PDF."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("badgePreview")
        self.view.setAccessibleName(self.tr("Preview of the badges"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.label = QLabel(self.tr("Press Preview to see the badges as they will print."))
        self.label.setObjectName("previewInfo")
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.view, 1)

    def show_pdf(self, path: Path, text: str) -> bool:
        """Show the PDF at ``path`` with ``text`` above it; False if it cannot be opened.

        The previous preview file is deleted either way.
        """
        old = self.document.property("checkinPath")
        self.document.close()
        error = self.document.load(str(path))
        if old and old != str(path):
            Path(old).unlink(missing_ok=True)
        self.document.setProperty("checkinPath", str(path))
        if error != QPdfDocument.Error.None_:
            return False
        self.view.pageNavigator().jump(0, QPointF(), 0)
        self.label.setText(text)
        return True

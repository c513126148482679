"""Notices on the Desk page: what happened by itself, said without a dialog.

Back online with people admitted twice, a walk-in's badge ready to print, a database
error: each is a ``Notice`` in the ``NoticeBar`` above the desk — words (and an icon, so
colour is never the only sign), its buttons and a close button.  A dialog that opens by
itself takes the keyboard from whoever is typing (a scan's keys, a name half typed)
and hides the result panel; a notice does neither: it is shown without taking focus,
and its buttons are reached with Tab like any other.  The Desk never opens a dialog by
itself.

Notices stack, newest on top, at most ``MAX_NOTICES`` (the oldest go).  Closing the one
that had the focus hands the focus back to the page (``closed``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checkin.core.errors import fill
from checkin.core.types import EventInfo
from checkin.ui.desk.outcome_panel import StatusIcon, Tone

if TYPE_CHECKING:  # the offline desk's machinery loads only for a shared server
    from checkin.core.desk.merge import Duplicate
    from checkin.core.desk.pending import Clash

MAX_NOTICES = 4


@dataclass(frozen=True)
class Action:
    """A button of a notice: its words, its accessible name, what it does."""

    text: str
    accessible: str
    run: Callable[[], object]
    closes: bool = False  # the notice goes once the button was pressed


class Notice(QFrame):
    """One notice: icon, heading, text, buttons, and a close button."""

    closed = Signal(object)  # the notice, on its way out

    def __init__(
        self,
        heading: str,
        text: str,
        tone: Tone = Tone.INFO,
        actions: Sequence[Action] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskNotice")
        self.tone = tone
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            f"#deskNotice {{ background: {tone.background}; border-radius: 6px; }}"
            f"#deskNotice QLabel {{ color: {tone.foreground}; background: transparent; }}"
        )
        icon = StatusIcon()
        icon.setFixedSize(28, 28)
        icon.set_kind(tone.icon, tone.foreground)
        self.heading = _label(heading, bold=True)
        self.text = _label(text)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.heading)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.buttons: list[QPushButton] = []
        for action in actions:
            row.addWidget(self._button(action), 0, Qt.AlignmentFlag.AlignTop)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Close this notice"))
        self.close_button.setToolTip(self.tr("Close this notice"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.close_button.clicked.connect(self.dismiss)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(text)

    def _button(self, action: Action) -> QPushButton:
        button = QPushButton(action.text)
        button.setAccessibleName(action.accessible)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reached with Tab; a click
        button.setAutoDefault(False)  # never takes the keyboard, Enter never presses it

        def pressed() -> None:
            action.run()
            if action.closes:
                self.dismiss()

        button.clicked.connect(pressed)
        self.buttons.append(button)
        return button

    def dismiss(self) -> None:
        self.closed.emit(self)
        self.hide()
        self.deleteLater()

    def words(self) -> str:
        """Heading and text, one a line (tests, screen readers)."""
        return "\n".join(t for t in (self.heading.text(), self.text.text()) if t)


def _label(text: str, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are data
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setVisible(bool(text))
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class NoticeBar(QWidget):
    """The desk's notices, newest first; hidden when there are none."""

    focus_left = Signal()
    """A notice that had the keyboard focus closed: the page takes it back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Notices"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(4)
        self.notices: list[Notice] = []
        self.hide()

    def add(
        self, heading: str, text: str = "", tone: Tone = Tone.INFO,
        actions: Sequence[Action] = (),
    ) -> Notice:  # fmt: skip
        """Show a notice on top (without taking the focus); the oldest beyond
        ``MAX_NOTICES`` go."""
        notice = Notice(heading, text, tone, actions)
        notice.closed.connect(self._closed)
        self.notices.insert(0, notice)
        self._column.insertWidget(0, notice)
        while len(self.notices) > MAX_NOTICES:
            self.notices[-1].dismiss()
        self.show()
        return notice

    def _closed(self, notice: Notice) -> None:
        focus = QApplication.focusWidget()
        had_focus = focus is not None and notice.isAncestorOf(focus)
        if notice in self.notices:
            self.notices.remove(notice)
        self._column.removeWidget(notice)
        self.setVisible(bool(self.notices))
        if had_focus:
            self.focus_left.emit()

    # -- the desk's notices ---------------------------------------------------------

    def add_problem(self, text: str) -> Notice:
        """Something the operator must know (a database error…): first paragraph as the
        heading, the rest (the technical line) below it."""
        heading, _, rest = text.partition("\n\n")
        return self.add(heading, rest.strip(), Tone.WARN)

    def add_badge(self, path: Path, print_: Callable[[], object], open_: Callable[[], object]
                  ) -> Notice:
        """A walk-in's (or an arrival's) badge PDF is ready: Print… or Open PDF."""
        return self.add(
            self.tr("The badge is ready."),
            str(path),
            Tone.INFO,
            [
                Action(self.tr("Print…"), self.tr("Print the badge"), print_, closes=True),
                Action(self.tr("Open PDF"), self.tr("Open the badge PDF"), open_),
            ],
        )

    def add_replay(self, duplicates: Sequence[Duplicate], event: EventInfo) -> Notice:
        """Back online: who was admitted twice while the desk was cut off, in words that
        fit the case (the same desk twice, or two desks apart)."""
        return self.add(
            self.tr("Back online: %n person(s) checked in twice.", "", len(duplicates)),
            "\n".join(self.duplicate_words(d, event) for d in duplicates),
            Tone.WARN,
        )

    def duplicate_words(self, d: Duplicate, event: EventInfo) -> str:
        first, second = (event.local(t).strftime("%H:%M") for t in (d.first_at, d.second_at))
        if d.first_station == d.second_station:
            text = (
                self.tr("%1 (no. %2) was checked in twice to %6 at %3, at %4 and at %5.")
                if d.session
                else self.tr("%1 (no. %2) was checked in twice at %3, at %4 and at %5.")
            )
        else:
            text = (
                self.tr("%1 (no. %2) was checked in to %6 at two desks that could not see "
                        "each other: %3 at %4, %5 at %7.")
                if d.session
                else self.tr("%1 (no. %2) was checked in at two desks that could not see "
                             "each other: %3 at %4, %5 at %7.")
            )
        apart = d.first_station != d.second_station
        return fill(
            text,
            (
                d.delegate.full_name,
                str(d.delegate.number),
                d.first_station or self.tr("a desk"),
                first,
                (d.second_station or self.tr("a desk")) if apart else second,
                d.session.title if d.session else "",
                second,
            ),
        )

    def add_clashes(self, clashes: Sequence[Clash]) -> Notice:
        """Back online: walk-ins and edits made offline that the server could not simply
        take.  Nothing was lost (the copy keeps them); a person decides."""
        return self.add(
            self.tr("Back online: %n change(s) made offline need a look.", "", len(clashes)),
            "\n".join(self.clash_words(c) for c in clashes),
            Tone.WARN,
        )

    def clash_words(self, c: Clash) -> str:
        """One clash in the desk's language (``Clash.message`` is the English one)."""
        if c.kind == "note":
            return self._note_clash_words(c)
        if c.reason == "same_person":
            text = self.tr("Walk-in %1 (no. %2), registered offline at %3 at %4, may be %5 "
                           "(no. %6), already registered: both are kept; check and cancel "
                           "one of the two.")
        elif c.reason == "number_taken":
            text = self.tr("Walk-in %1 (no. %2), registered offline at %3 at %4, was not "
                           "added: no. %2 is %5 on the server.")
        elif c.reason == "gone":
            text = self.tr("The details of %1 changed offline at %2 at %3 were not saved: "
                           "no such delegate on the server.")
        elif c.reason == "changed_meanwhile":
            text = self.tr("The details of %1 changed offline at %2 at %3 were not saved: "
                           "%4 changed on the server meanwhile.")
        else:  # refused: the server's own words
            text = self.tr("The details of %1 changed offline at %2 at %3 were not saved: "
                           "%4.")
        return fill(text, c.args)

    def _note_clash_words(self, c: Clash) -> str:
        """A note typed offline that the server did not take (``desk.pending_notes``)."""
        if c.reason == "gone":
            text = self.tr("The note of %1 typed offline at %2 at %3 was not saved: no such "
                           "delegate on the server.")
        else:
            text = self.tr("The note of %1 typed offline at %2 at %3 was not saved: the note "
                           "changed on the server meanwhile (now “%4”; typed: "
                           "“%5”).")
        return fill(text, c.args)

    def texts(self) -> list[str]:
        """What each notice says, newest first."""
        return [notice.words() for notice in self.notices]

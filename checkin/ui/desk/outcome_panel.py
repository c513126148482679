"""The desk's big result panel: what the person at the desk may do, readable from a metre.

Every result is said three ways — background colour, a drawn icon and words — so it
reads for colour-blind staff, on a washed-out projector and in a screenshot.  Text
colours are chosen for contrast of at least 4.5:1 on their background.  Names come
from a roster file, so every label is plain text: "<b>x</b>" shows as typed.

A result ages: after ``age_seconds`` (the desk setting "clear the result after", 8 s
by default, 0 = never) the panel goes back to "Ready — next person", so the next person
in the queue never reads the previous one's green "Welcome" as their own.  The recent
scans below it keep the history.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkin.core.roster.countries import country_name
from checkin.core.types import EventInfo, Outcome, ScanResult
from checkin.ui.widgets.plain import scaled_points


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutcomePanel", text)


class Tone(enum.Enum):
    """How a result looks: background, text colour and icon."""

    IDLE = ("#ECEFF1", "#1A1A1A", "")
    GO = ("#1B5E20", "#FFFFFF", "check")  # white on dark green: 7.9:1
    WARN = ("#FFC400", "#1A1A1A", "warn")  # near-black on amber: 11:1
    STOP = ("#B71C1C", "#FFFFFF", "stop")  # white on dark red: 6.6:1
    INFO = ("#37474F", "#FFFFFF", "info")  # white on blue-grey: 9.7:1

    @property
    def background(self) -> str:
        return self.value[0]

    @property
    def foreground(self) -> str:
        return self.value[1]

    @property
    def icon(self) -> str:
        return self.value[2]


_TONES = {
    Outcome.ADMITTED: Tone.GO,
    Outcome.ALREADY_ADMITTED: Tone.WARN,
    Outcome.UNDONE: Tone.INFO,
}


def refusal_title(status: Outcome) -> str:
    """The headline of a refused scan, in words (never colour alone)."""
    titles = {
        Outcome.REVOKED: _tr("Badge replaced"),
        Outcome.CANCELLED: _tr("Registration cancelled"),
        Outcome.WRONG_EVENT: _tr("Another event's badge"),
        Outcome.INVALID: _tr("Not a valid badge"),
    }
    return titles.get(status, _tr("Not admitted"))


def _reasons() -> dict[str, str]:
    # The core's REASONS, in words staff read (and translators translate); %1… are its
    # values in order.  An unknown key falls back to the core's English sentence.
    return {
        "wrong_event": _tr("This badge is for another event."),
        "not_a_code": _tr("Not a valid badge code for this event."),
        "unknown_number": _tr("Badge number %1 is not in this desk's roster."),
        "newer_version": _tr(
            "This badge (version %1) is newer than this desk's roster (version %2): "
            "the desk may be out of date."
        ),
        "replaced": _tr("This badge was replaced by a newer one: ask for the new badge."),
        "replaced_at": _tr("This badge was replaced by a reprint at %1: ask for the new badge."),
        "replaced_on": _tr(
            "This badge was replaced by a reprint at %1 on %2: ask for the new badge."
        ),
        "cancelled": _tr("Registration cancelled."),
        "never_in": _tr("%1 was not checked in to %2."),
        "already_left": _tr("%1 already left %2 at %3."),
    }


def reason_text(outcome: ScanResult) -> str:
    """Why a scan was refused (or an exit not counted), in the desk's language."""
    template = _reasons().get(outcome.reason)
    if template is None:
        return outcome.message
    for number, value in enumerate(outcome.args, start=1):
        template = template.replace(f"%{number}", value)
    return template


@dataclass(frozen=True)
class Card:
    """The words of one result; empty fields are hidden."""

    tone: Tone
    heading: str
    first: str = ""
    last: str = ""
    organisation: str = ""
    facts: str = ""
    detail: str = ""


def card_for(outcome: ScanResult, event: EventInfo) -> Card:
    """Turn a check-in outcome into what the panel shows."""
    d = outcome.delegate
    first, last = (d.first_name, d.last_name) if d else ("", "")
    organisation = d.organisation if d else ""
    facts = ""
    if d is not None:
        category = event.category(d.category)
        parts = [category.label if category else d.category]
        if d.country:
            parts.append(country_name(d.country, event.language))
        facts = "  ·  ".join(p for p in parts if p)
    status = outcome.status
    if status is Outcome.ADMITTED:
        detail = (
            _tr("Admitted to %1").replace("%1", outcome.session.title) if outcome.session else ""
        )
        return Card(Tone.GO, _tr("Welcome"), first, last, organisation, facts, detail)
    if status is Outcome.ALREADY_ADMITTED:
        return Card(
            Tone.WARN,
            _tr("Already checked in"),
            first,
            last,
            organisation,
            facts,
            already_text(outcome, event),
        )
    if status is Outcome.EXITED:
        where = outcome.session.title if outcome.session else ""
        return Card(
            Tone.INFO,
            _tr("Goodbye"),
            first,
            last,
            organisation,
            facts,
            _tr("Left %1").replace("%1", where) if where else "",
        )
    if status is Outcome.NOT_PRESENT:
        return Card(
            Tone.WARN, _tr("Not in the room"), first, last, organisation, facts,
            reason_text(outcome),
        )  # fmt: skip
    if status is Outcome.UNDONE:
        return Card(
            Tone.INFO,
            _tr("Check-in undone"),
            first,
            last,
            organisation,
            facts,
            _tr("This person is no longer checked in."),
        )
    detail = reason_text(outcome)
    if d is None and outcome.code:
        detail += "\n" + _tr("Code read: %1").replace("%1", outcome.code)
    return Card(Tone.STOP, refusal_title(status), first, last, organisation, facts, detail)


def already_text(outcome: ScanResult, event: EventInfo) -> str:
    """ "Already checked in at 08:42, Desk 2", in the event's local time."""
    if outcome.first_scan_at is None:
        return outcome.message
    when = event.local(outcome.first_scan_at).strftime("%H:%M")
    if outcome.session is not None:
        text = _tr("Already checked in to %1 at %2").replace("%1", outcome.session.title)
    else:
        text = _tr("Already checked in at %2")
    text = text.replace("%2", when)
    return f"{text}, {outcome.first_station}" if outcome.first_station else text


class StatusIcon(QWidget):
    """A drawn icon (check, warning triangle, stop octagon, info): no font needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.colour = QColor("#FFFFFF")
        self.setFixedSize(120, 120)

    def set_kind(self, kind: str, colour: str) -> None:
        self.kind, self.colour = kind, QColor(colour)
        self.setVisible(bool(kind))
        self.update()

    def paintEvent(self, _event) -> None:
        if not self.kind:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = min(self.width(), self.height())
        pen = QPen(self.colour, s * 0.09)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        box = QRectF(s * 0.08, s * 0.08, s * 0.84, s * 0.84)
        if self.kind == "check":
            p.drawEllipse(box)
            path = QPainterPath(QPointF(s * 0.28, s * 0.52))
            path.lineTo(s * 0.44, s * 0.68)
            path.lineTo(s * 0.73, s * 0.35)
            p.drawPath(path)
        elif self.kind == "warn":
            p.drawPolygon(
                QPolygonF(
                    [
                        QPointF(s / 2, s * 0.08),
                        QPointF(s * 0.94, s * 0.9),
                        QPointF(s * 0.06, s * 0.9),
                    ]
                )
            )
            p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62))
            p.drawPoint(QPointF(s / 2, s * 0.77))
        elif self.kind == "stop":
            r, c = s * 0.44, s / 2
            k = r * 0.4142  # half a side of a regular octagon of inner radius r
            pts = [(k, -r), (r, -k), (r, k), (k, r), (-k, r), (-r, k), (-r, -k), (-k, -r)]
            p.drawPolygon(QPolygonF([QPointF(c + x, c + y) for x, y in pts]))
            p.drawLine(QPointF(s * 0.3, c), QPointF(s * 0.7, c))
        else:  # info
            p.drawEllipse(box)
            p.drawLine(QPointF(s / 2, s * 0.45), QPointF(s / 2, s * 0.72))
            p.drawPoint(QPointF(s / 2, s * 0.3))
        p.end()


def _label(points: int, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # names are data, never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setContentsMargins(8, 0, 0, 0)  # room for glyphs that overhang left ("Ł" bold)
    font = QFont()
    font.setPointSizeF(scaled_points(points))
    font.setBold(bold)
    label.setFont(font)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class OutcomePanel(QFrame):
    """Shows one ``Card`` at a time: the last scan, check-in, undo or refusal."""

    shown = Signal(object)
    """A result or a notice went up (its ``Card``; not "Ready"): the shell's banner
    shows it too when the Desk cannot be seen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomePanel")
        self.setAccessibleName(self.tr("Check-in result"))
        self.setMinimumHeight(360)
        self.icon = StatusIcon()
        self.heading = _label(26, bold=True)
        self.first = _label(54, bold=True)
        self.last = _label(32, bold=True)
        self.organisation = _label(20)
        self.facts = _label(18)
        self.detail = _label(18, bold=True)
        text = QVBoxLayout()
        text.setSpacing(6)
        for label in (
            self.heading,
            self.first,
            self.last,
            self.organisation,
            self.facts,
            self.detail,
        ):
            text.addWidget(label)
        text.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 28, 32, 28)
        row.setSpacing(32)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.tone = Tone.IDLE
        self.age_seconds = 8
        self._age = QTimer(self)
        self._age.setSingleShot(True)
        self._age.timeout.connect(self.show_ready)
        self.show_idle()

    # ------------------------------------------------------------------ showing

    def show_idle(self) -> None:
        self.show_card(
            Card(
                Tone.IDLE,
                self.tr("Ready"),
                detail=self.tr("Scan a badge, or type a name to find someone."),
            )
        )

    def show_ready(self) -> None:
        """The last result has aged: the panel is ready for the next person."""
        self.show_card(
            Card(
                Tone.IDLE,
                self.tr("Ready — next person"),
                detail=self.tr("Scan a badge, or type a name to find someone."),
            )
        )

    def set_age(self, seconds: int) -> None:
        """Results go back to "Ready" after ``seconds`` (0: they stay)."""
        self.age_seconds = max(0, int(seconds))
        if not self.age_seconds:
            self._age.stop()
        elif self._age.isActive():
            self._age.start(self.age_seconds * 1000)

    def show_outcome(self, outcome: ScanResult, event: EventInfo) -> None:
        self.show_card(card_for(outcome, event))

    def show_notice(self, heading: str, detail: str) -> None:
        """Something that could not be done (nothing to undo…): said politely."""
        self.show_card(Card(Tone.INFO, heading, detail=detail))

    def show_card(self, card: Card) -> None:
        self.tone = card.tone
        if card.tone is not Tone.IDLE and self.age_seconds:
            self._age.start(self.age_seconds * 1000)
        else:
            self._age.stop()
        self.setStyleSheet(
            f"#outcomePanel {{ background: {card.tone.background}; border-radius: 12px; }}"
            f"#outcomePanel QLabel {{ color: {card.tone.foreground}; background: transparent; }}"
        )
        self.icon.set_kind(card.tone.icon, card.tone.foreground)
        for label, text in (
            (self.heading, card.heading),
            (self.first, card.first),
            (self.last, card.last),
            (self.organisation, card.organisation),
            (self.facts, card.facts),
            (self.detail, card.detail),
        ):
            label.setText(text)
            label.setVisible(bool(text))
        self._fit(self.first, 54, 30)
        self._fit(self.last, 32, 22)
        words = [card.heading, card.first, card.last, card.organisation, card.detail]
        self.setAccessibleDescription(". ".join(w for w in words if w))
        if card.tone is not Tone.IDLE:
            self.shown.emit(card)

    def _fit(self, label: QLabel, points: int, smallest: int) -> None:
        """Shrink a long name so it stays on the panel: a word cannot wrap."""
        room = max(280, self.width() - self.icon.width() - 3 * 32 - 16)
        font = label.font()
        size, smallest, step = scaled_points(points), scaled_points(smallest), scaled_points(2)
        longest = max(label.text().split() or [""], key=len)
        while size > smallest:
            font.setPointSizeF(size)
            if QFontMetrics(font).horizontalAdvance(longest) <= room:
                break
            size -= step
        font.setPointSizeF(max(size, smallest))
        label.setFont(font)

    def text(self) -> str:
        """Everything the panel says, one label a line (for tests and screen readers)."""
        labels = (self.heading, self.first, self.last, self.organisation, self.facts, self.detail)
        return "\n".join(label.text() for label in labels if label.text())

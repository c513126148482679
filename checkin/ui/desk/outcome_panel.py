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

import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkin.core.accreditation import rules
from checkin.core.types import EventInfo, Outcome, ScanResult
from checkin.ui.desk.accreditation_view import AccreditationStrip, PhotoView, core_text
from checkin.ui.desk.tone import StatusIcon, Tone, ToneFrame
from checkin.ui.widgets.plain import scaled_points
from checkin.ui.widgets.translations import language as ui_language

__all__ = ["Card", "OutcomePanel", "StatusIcon", "Tone", "card_for", "refusal_title"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutcomePanel", text)


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
        Outcome.NOT_ALLOWED: _tr("Not allowed in"),
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
    if template is None and outcome.reason in rules.TEMPLATES:  # an entry rule's words
        return core_text(rules.TEMPLATES[outcome.reason], outcome.args)
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


def _country_name(code: str) -> str:
    """In the UI's language; the names load on first use (and, in the app, right after
    the first paint, off the GUI thread: ``app.warm_up``), not for the first paint."""
    from checkin.core.roster.countries import country_name

    return country_name(code, ui_language())


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
            parts.append(_country_name(d.country))
        facts = "  ·  ".join(p for p in parts if p)
    status = outcome.status
    if status is Outcome.ADMITTED:
        detail = (
            _tr("Admitted to %1").replace("%1", outcome.session.title) if outcome.session else ""
        )
        if outcome.overridden:  # a rule said no; a supervisor let them in (journaled)
            detail = "\n".join(p for p in (detail, _tr("Admitted by supervisor override.")) if p)
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


# The panel's type was drawn for a panel of this size (a 1366×768 window); it grows on a
# full-HD screen and shrinks on a 1280×720 one, between these scales, and shrinks further
# (to SMALLEST) only when a long card would not fit otherwise.
DESIGN_SIZE = (720, 420)
SCALES = (0.7, 1.6)
SMALLEST = 0.45
# (points, bold, smallest points for a long name that cannot wrap) per label, at scale 1.
TYPE = {
    "heading": (26, True, 26),
    "first": (54, True, 30),
    "last": (32, True, 22),
    "organisation": (20, False, 20),
    "facts": (18, False, 18),
    "detail": (18, True, 18),
}
MARGINS, SPACING, ICON = (32, 28), 32, 120


class Measures:
    """Text measurements the panel takes again at every scan, kept.

    Fitting the type lays out every label's words (a wrapped height, a longest word's
    width), a fifth of the panel's time per scan; most of those words come back all
    day ("Welcome", a category and a country, "Admitted to Plenary"), only the name is
    new.  Keyed by the font's full description (``QFont.key``: family, size, weight…),
    the words and the width, so a kept value is the one Qt would compute again; cleared
    whole when full (a day's distinct words are a few hundred).  Qt hands back a new
    copy of the font's key at every call: interned, the entries share one."""

    def __init__(self, limit: int = 4096) -> None:
        self.limit = limit
        self._known: dict[tuple, int] = {}

    def height(self, label: QLabel, width: int) -> int:
        """``label.heightForWidth(width)``."""
        key = ("h", sys.intern(label.font().key()), label.text(), width)
        known = self._known.get(key)
        if known is None:
            known = self._keep(key, label.heightForWidth(width))
        return known

    def advance(self, font: QFont, text: str) -> int:
        """``QFontMetrics(font).horizontalAdvance(text)``."""
        key = ("w", sys.intern(font.key()), text)
        known = self._known.get(key)
        if known is None:
            known = self._keep(key, QFontMetrics(font).horizontalAdvance(text))
        return known

    def _keep(self, key: tuple, value: int) -> int:
        if len(self._known) >= self.limit:
            self._known.clear()
        self._known[key] = value
        return value


class OutcomePanel(ToneFrame):
    """Shows one ``Card`` at a time: the last scan, check-in, undo or refusal.

    The panel takes the room the page gives it (it never asks for the room its text
    would like) and sizes its type to that room: big on a large screen, smaller on a
    small one, and smaller still for a card that would not fit — the words are never
    cut off below the panel.
    """

    shown = Signal(object)
    """A result or a notice went up (its ``Card``; not "Ready"): the shell's banner
    shows it too when the Desk cannot be seen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, radius=12)
        self.setObjectName("outcomePanel")
        self.setAccessibleName(self.tr("Check-in result"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.icon = StatusIcon()
        self.labels = {name: _label(points, bold) for name, (points, bold, _s) in TYPE.items()}
        self.heading, self.first, self.last = (self.labels[k] for k in ("heading", "first", "last"))
        self.organisation, self.facts = self.labels["organisation"], self.labels["facts"]
        self.detail = self.labels["detail"]
        self._text = text = QVBoxLayout()
        text.setSpacing(6)
        for label in self.labels.values():
            text.addWidget(label)
        text.addStretch(1)
        # The accreditation desk: note band, hand-outs, ID check, override; the photo.
        self.extra = AccreditationStrip()
        text.insertWidget(text.count() - 1, self.extra)
        self.photo = PhotoView()
        # The words are laid out in a body the panel places itself (``resizeEvent``),
        # not by a layout of the panel's: a layout's activation tells its widget's
        # parent to lay out again, so a result's new words and fonts laid out the whole
        # window (the page's wrapping top bar among them) at every scan; the body's stop
        # at the panel, whose size the page alone decides (the soak's ``ScanPhases``).
        self._body = QWidget(self)
        self._body.setObjectName("outcomeBody")
        self._row = row = QHBoxLayout(self._body)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        self.current: ScanResult | None = None  # the person's result shown, for the keys
        self.measures = Measures()
        self.scale = 1.0
        self.age_seconds = 8
        self._age = QTimer(self)
        self._age.setSingleShot(True)
        self._age.timeout.connect(self.show_ready)
        self._apply_scale(1.0)
        self.show_idle()

    # ------------------------------------------------------------------ sizing

    def hasHeightForWidth(self) -> bool:
        return False  # the page decides the panel's height; the type fits into it

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 220)

    def sizeHint(self) -> QSize:
        return QSize(*DESIGN_SIZE)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._body.setGeometry(self.rect())
        self._fit_type()

    def _fit_type(self) -> None:
        """The largest scale (within ``SCALES``) for this size at which the card fits."""
        width, height = self.width(), self.height()
        scale = min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])
        scale = max(SCALES[0], min(SCALES[1], scale))
        self._apply_scale(scale)
        while scale > SMALLEST and self._text_height() > self._text_room().height():
            scale = max(SMALLEST, scale - 0.05)
            self._apply_scale(scale)

    def _apply_scale(self, scale: float) -> None:
        """Margins, icon, photo and type at ``scale``.  At each scan the scale is almost
        always the last one: what depends on it alone is set again only when it changed
        (each setter relays out the panel, a millisecond of the result's way to the
        screen), the labels' type always (it depends on the words)."""
        geometry = (scale, self.height())
        if geometry != getattr(self, "_geometry", None):
            self._geometry = geometry
            self._row.setContentsMargins(
                *(round(m * scale) for m in (MARGINS[0], MARGINS[1], MARGINS[0], MARGINS[1]))
            )
            self._row.setSpacing(round(SPACING * scale))
            side = max(56, round(ICON * scale))
            self.icon.setFixedSize(side, side)
        self.scale = scale
        self.photo.fit(max(80, round((self.height() - 2 * MARGINS[1] * scale) * 0.7)))
        self.extra.apply_scale(scale)
        room = self._text_room().width()
        for name, label in self.labels.items():
            points, _bold, smallest = TYPE[name]
            self._fit(label, points * scale, min(points, smallest) * scale, room)

    def _text_room(self) -> QSize:
        """The room for the words: the panel less its margins and the icon."""
        margins = self._row.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        if not self.icon.isHidden():
            width -= self.icon.width() + self._row.spacing()
        if not self.photo.isHidden():
            width -= self.photo.width() + self._row.spacing()
        height = self.height() - margins.top() - margins.bottom()
        return QSize(max(80, width), max(40, height))

    def _text_height(self) -> int:
        width = self._text_room().width()
        shown = [label for label in self.labels.values() if not label.isHidden()]
        heights = [self.measures.height(label, width) for label in shown]
        if not self.extra.isHidden():
            heights.append(self.extra.height_for(width))
        return sum(heights) + self._text.spacing() * max(0, len(heights) - 1)

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

    def show_outcome(
        self, outcome: ScanResult, event: EventInfo, photo: bytes | None = None
    ) -> None:
        """A result; with the person's note, hand-outs and ID check, and ``photo`` (JPEG)."""
        self.extra.show_for(outcome, event)
        self.photo.set_photo(photo)
        self.show_card(card_for(outcome, event), keep=True)
        self.current = outcome if outcome.delegate is not None else None

    def show_notice(self, heading: str, detail: str) -> None:
        """Something that could not be done (nothing to undo…): said politely."""
        self.show_card(Card(Tone.INFO, heading, detail=detail))

    def show_card(self, card: Card, *, keep: bool = False) -> None:
        """``keep``: the note, photo and buttons of ``show_outcome`` stay; else gone."""
        if not keep:
            self.current = None
            self.extra.clear()
            self.photo.set_photo(None)
        if card.tone is not Tone.IDLE and self.age_seconds:
            self._age.start(self.age_seconds * 1000)
        else:
            self._age.stop()
        self.set_tone(card.tone)  # (a palette: no style sheet to re-polish, ``tone``)
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
        self._fit_type()
        words = [card.heading, card.first, card.last, card.organisation, card.detail]
        words.append(self.extra.text().replace("\n", ". ") if not self.extra.isHidden() else "")
        self.setAccessibleDescription(". ".join(w for w in words if w))
        if card.tone is not Tone.IDLE:
            self.shown.emit(card)

    def _fit(self, label: QLabel, points: float, smallest: float, room: int) -> None:
        """``points`` of type, less for a long name so it stays on the panel (a word
        cannot wrap), down to ``smallest``."""
        font = label.font()
        size, smallest, step = scaled_points(points), scaled_points(smallest), scaled_points(2)
        longest = max(label.text().split() or [""], key=len)
        while size > smallest:
            font.setPointSizeF(size)
            if self.measures.advance(font, longest) <= room:
                break
            size -= step
        target = max(size, smallest)
        if label.font().pointSizeF() != target:  # (setting the same font relays out too)
            font.setPointSizeF(target)
            label.setFont(font)

    def text(self) -> str:
        """Everything the panel says, one label a line (for tests and screen readers)."""
        labels = (self.heading, self.first, self.last, self.organisation, self.facts, self.detail)
        return "\n".join(label.text() for label in labels if label.text())

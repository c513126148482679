"""A short sound per desk result, so staff hear the answer while looking at the person.

Four sounds (``resources/sounds``, made by ``scripts/make_sounds.py``): admitted,
admitted with an open attention note, already checked in, refused.  An undo or a notice
makes none.  Sound is a help, never the only signal: the panel says everything in
colour, icon and words.

QtMultimedia is optional at run time: on Linux it needs the PulseAudio client library
(Debian: ``libpulse0``), and a laptop may have no audio device at all.  Without it the
board stays silent and says why (``unavailable``); the desk works the same.  The
effects are loaded when the board is made, or — for the desk, whose window should be on
screen first (``load=False``) — by ``load`` right after the first paint, not at the first
scan, so the first "Welcome" is not late (a scan before that loads them then).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl, Signal

from checkin.core.resources import resource
from checkin.core.types import Outcome

log = logging.getLogger(__name__)

KINDS = ("admitted", "already", "refused", "note")

_KIND = {
    Outcome.ADMITTED: "admitted",
    Outcome.ALREADY_ADMITTED: "already",
    Outcome.REVOKED: "refused",
    Outcome.CANCELLED: "refused",
    Outcome.WRONG_EVENT: "refused",
    Outcome.INVALID: "refused",
    Outcome.EXITED: "admitted",  # counted out: all is well
    Outcome.NOT_PRESENT: "already",  # something to look at, not a refusal
    Outcome.NOT_ALLOWED: "refused",  # an entry rule said no
}


def sound_for(status: Outcome, *, note: bool = False) -> str | None:
    """The sound a result makes (None: silent, e.g. an undo); ``note``: the person let
    in has an open attention note, which has its own sound so staff look at it."""
    kind = _KIND.get(status)
    return "note" if note and kind == "admitted" and status.may_enter else kind


class SoundBoard(QObject):
    """Plays the outcome sounds unless muted; ``played`` tells which (tests, logs)."""

    played = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, enabled: bool = True, load: bool = True
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.unavailable = ""  # why there is no sound, in words ("" when there is)
        self._effects: dict[str, object] = {}
        self.loaded = False
        if load:
            self.load()

    def load(self) -> None:
        """Load the effects (QtMultimedia and its audio backend: tens of milliseconds)."""
        if self.loaded:
            return
        self.loaded = True
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # no libpulse, or a Qt without QtMultimedia
            log.warning("no desk sounds: %s", exc)
            self.unavailable = self.tr("Sound is not available on this computer (%1).").replace(
                "%1", str(exc)
            )
            return
        for kind in KINDS:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource("sounds", f"{kind}.wav"))))
            effect.setVolume(0.8)
            self._effects.setdefault(kind, effect)

    def play_for(self, status: Outcome, *, note: bool = False) -> str | None:
        """Play the sound for ``status``; returns the sound's name if one was played."""
        kind = sound_for(status, note=note)
        if kind is None or not self.enabled:
            return None
        self.load()
        effect = self._effects.get(kind)
        if effect is None:
            return None
        effect.play()  # type: ignore[attr-defined]
        self.played.emit(kind)
        return kind

"""A short sound per desk result, so staff hear the answer while looking at the person.

Three sounds (``resources/sounds``, made by ``scripts/make_sounds.py``): admitted,
already checked in, refused.  An undo or a notice makes none.  Sound is a help, never
the only signal: the panel says everything in colour, icon and words.

QtMultimedia is optional at run time: on Linux it needs the PulseAudio client library
(Debian: ``libpulse0``), and a laptop may have no audio device at all.  Without it the
board stays silent and says why (``unavailable``); the desk works the same.  The
effects are loaded when the board is made, not at the first scan, so the first
"Welcome" is not late.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl, Signal

from checkin.core.resources import resource
from checkin.core.types import Outcome

log = logging.getLogger(__name__)

KINDS = ("admitted", "already", "refused")

_KIND = {
    Outcome.ADMITTED: "admitted",
    Outcome.ALREADY_ADMITTED: "already",
    Outcome.REVOKED: "refused",
    Outcome.CANCELLED: "refused",
    Outcome.WRONG_EVENT: "refused",
    Outcome.INVALID: "refused",
    Outcome.EXITED: "admitted",  # counted out: all is well
    Outcome.NOT_PRESENT: "already",  # something to look at, not a refusal
}


def sound_for(status: Outcome) -> str | None:
    """The sound a result makes (None: silent, e.g. an undo)."""
    return _KIND.get(status)


class SoundBoard(QObject):
    """Plays the outcome sounds unless muted; ``played`` tells which (tests, logs)."""

    played = Signal(str)

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.unavailable = ""  # why there is no sound, in words ("" when there is)
        self._effects: dict[str, object] = {}
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
            self._effects[kind] = effect

    def play_for(self, status: Outcome) -> str | None:
        """Play the sound for ``status``; returns the sound's name if one was played."""
        kind = sound_for(status)
        if kind is None or not self.enabled:
            return None
        effect = self._effects.get(kind)
        if effect is None:
            return None
        effect.play()  # type: ignore[attr-defined]
        self.played.emit(kind)
        return kind

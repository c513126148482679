"""Write the desk's outcome sounds to resources/sounds/*.wav (16-bit mono, 44.1 kHz).

Four sounds a person at a busy desk can tell apart without looking: a bright rising
two-note chime (admitted), the same chime with a third high note (admitted, with a note
to read), two level mid beeps (already checked in) and a low falling
buzz (refused).  Each is under half a second, with 5 ms fades so nothing clicks, and at
a moderate level: a desk is near people's ears.  Made here rather than downloaded so
their licence is ours.  Run: python scripts/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(freq: float, seconds: float, *, level: float = 0.35, harmonics=(1.0,)) -> list[float]:
    n = int(RATE * seconds)
    fade = int(RATE * 0.005)
    total = sum(harmonics)
    samples = []
    for i in range(n):
        t = i / RATE
        v = sum(a * math.sin(2 * math.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics))
        envelope = min(1.0, i / fade, (n - 1 - i) / fade)
        # a gentle decay makes a chime rather than a test tone
        envelope *= math.exp(-3.0 * t)
        samples.append(level * envelope * v / total)
    return samples


def sweep(f0: float, f1: float, seconds: float, *, level: float = 0.3) -> list[float]:
    n = int(RATE * seconds)
    fade = int(RATE * 0.005)
    phase, out = 0.0, []
    for i in range(n):
        f = f0 + (f1 - f0) * i / n
        phase += 2 * math.pi * f / RATE
        # odd harmonics: a buzz that reads as "no" on small laptop speakers
        v = math.sin(phase) + math.sin(3 * phase) / 3 + math.sin(5 * phase) / 5
        envelope = min(1.0, i / fade, (n - 1 - i) / fade)
        out.append(level * envelope * v / 1.53)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


SOUNDS = {
    "admitted": tone(880, 0.09, harmonics=(1, 0.3)) + tone(1318.5, 0.16, harmonics=(1, 0.3)),
    "already": tone(660, 0.1) + silence(0.06) + tone(660, 0.1),
    "refused": sweep(330, 196, 0.38),
    # admitted, with a note to read: the admitted chime then a third, higher "look" note
    "note": tone(880, 0.09, harmonics=(1, 0.3)) + tone(1318.5, 0.1, harmonics=(1, 0.3))
    + silence(0.05) + tone(1760, 0.2, harmonics=(1, 0.5, 0.2)),
}


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", round(s * 32767)) for s in samples))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, samples in SOUNDS.items():
        write(OUT / f"{name}.wav", samples)
        print(f"{name}.wav: {len(samples) / RATE:.2f} s")


if __name__ == "__main__":
    main()

"""Webcam decoding: time per frame, and frames a second with the GUI thread kept free.

    python benchmarks/bench_camera.py [--runs 200] [--seconds 5] [--out FILE]

Frames are those of ``tests/ui/desk/test_camera.py``: a real demo badge printed with
``printing.print_badges`` (A6 template), rasterised with pypdfium2 and placed in a
1280x720 scene of clutter, its QR code 130 px wide (a badge about 30 cm from a 720p
webcam).  Kinds: ``badge`` (straight), ``inverted`` (a phone in dark mode), ``tilted_30``
and ``no_code`` (the common case: nobody in front of the camera); ``faint`` (6 %
contrast, read only by the stretched second pass) shows what that pass costs.

Per frame (``--runs`` each, after 5 warm-ups, on the main thread, nothing else running):
``decode_ms``: ``checkin.ui.desk.camera.decode_source``, the whole worker-thread step, from
an NV12 ``QVideoFrame`` (map, copy the luma plane, ``frames.decode_frame``), which is
what a webcam delivers; ``rgb32_ms``: the same from an RGB32 ``QImage`` (``feed``; the
green channel is sliced out as gray); ``core_ms``: ``frames.decode_frame`` alone on a
gray buffer.  Also a 1920x1080 NV12 frame (a 1080p camera; decimated to 960x540).

Sustained (``--seconds`` each, the real event loop, a 1 ms ``Qt.PreciseTimer``
heartbeat on the GUI thread whose largest gap between ticks is ``gui_blocked_max_ms``;
an idle loop shows 1-2 ms here):

* ``feed_flat_out``: ``CameraScanner.feed`` called again as soon as each frame's
  ``frame_decoded`` arrives, cycling through the four kinds: the decoder's ceiling.
* ``camera_30fps``: what a webcam does.  A 30 Hz timer hands NV12 ``QVideoFrame`` s
  (the four kinds) to the scanner's video-sink slot, as ``QVideoSink.videoFrameChanged``
  would; the scanner lets 8 a second through (its default) and drops frames that
  arrive while one is decoding.  ``decoded_fps`` should be close to 8.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.ui.test_camera
from bench_core import machine, ms, pct, report

from checkin.core.badges.printing import select_delegates
from checkin.core.db.store import open_store
from checkin.core.desk import frames
from checkin.core.roster.demo import create_demo
from checkin.ui.desk.camera import CameraScanner, decode_source
from checkin.ui.widgets import workers
from tests.ui.test_camera import _video_frame, camera_frame, render_badges, select_event

KINDS = {
    "badge": {},
    "inverted": {"invert": True},
    "tilted_30": {"angle": 30},
    "faint": {"contrast": 0.06},
}


def make_frames(folder: Path) -> tuple[str, dict[str, QImage]]:
    store = open_store(str(folder / "bench.sqlite"))
    try:
        create_demo(store, today=dt.date(2026, 11, 28))
        ref = select_delegates(store, select_event(store))[0].reference
        (badge,) = render_badges(store, [ref], folder / "badge.pdf")
    finally:
        store.close()
    images = {kind: camera_frame(badge, **kw) for kind, kw in KINDS.items()}
    images["no_code"] = camera_frame(None)
    for kind, image in images.items():
        expected = [] if kind == "no_code" else [badge.code]
        if decode_source(image) != expected:
            raise SystemExit(f"frame {kind!r} does not decode as expected")
    return badge.code, images


def timed(fn, runs: int) -> dict[str, float]:
    for _ in range(5):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return {"median": ms(statistics.median(times)), "p95": ms(pct(times, 0.95)),
            "max": ms(max(times))}


def per_frame(images: dict[str, QImage], runs: int) -> dict[str, dict]:
    out = {}
    for kind, image in images.items():
        gray = image.convertToFormat(QImage.Format.Format_Grayscale8)  # as the luma plane
        bits = gray.constBits()
        w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
        video = _video_frame(image, "Format_NV12")
        nv12 = timed(lambda video=video: decode_source(video), runs)
        rgb32 = timed(lambda image=image: decode_source(image), runs)
        core = timed(lambda bits=bits, w=w, h=h, s=stride: frames.decode_frame(bits, w, h,
                                                                             stride=s), runs)
        out[kind] = {
            "decode_ms_median": nv12["median"],
            "decode_ms_p95": nv12["p95"],
            "decode_ms_max": nv12["max"],
            "rgb32_ms_median": rgb32["median"],
            "rgb32_ms_p95": rgb32["p95"],
            "core_ms_median": core["median"],
            "core_ms_p95": core["p95"],
        }
    big = images["badge"].scaled(1920, 1080, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
    video = _video_frame(big, "Format_NV12")
    found = decode_source(video)
    decode = timed(lambda: decode_source(video), runs)
    out["badge_1920x1080_nv12"] = {"decode_ms_median": decode["median"],
                                   "decode_ms_p95": decode["p95"],
                                   "decode_ms_max": decode["max"],
                                   "read": bool(found)}
    return out


class Heartbeat:
    """A 1 ms precise timer; the largest gap between two ticks is the GUI block."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.last = 0
        self.max_gap = 0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.max_gap = 0
        self.timer.start()

    def tick(self) -> None:
        now = self.clock.elapsed()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def stop(self) -> int:
        self.timer.stop()
        return self.max_gap


def run_loop(app: QApplication, seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def idle_gap(app: QApplication, seconds: float) -> int:
    beat = Heartbeat()
    beat.start()
    run_loop(app, seconds)
    return beat.stop()


def feed_flat_out(app: QApplication, images: dict[str, QImage], code: str,
                  seconds: float) -> dict:
    scanner = CameraScanner(dedupe_s=0)  # every read counts: checks each frame's result
    order = [images[k] for k in ("badge", "inverted", "tilted_30", "no_code")]
    reads = []
    scanner.scanned.connect(reads.append)
    state = {"i": 0, "running": True}

    def feed_next() -> None:
        if state["running"] and scanner.feed(order[state["i"] % len(order)]):
            state["i"] += 1

    def next_frame(_found: int) -> None:
        # From the event loop, not from inside the signal that reported the last frame
        # (the decoder is free again only once its job has finished).
        QTimer.singleShot(0, feed_next)

    scanner.frame_decoded.connect(next_frame)
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    feed_next()
    run_loop(app, seconds)
    state["running"] = False
    elapsed = time.perf_counter() - started
    gap = beat.stop()
    workers.wait_all()
    app.processEvents()
    decoded = scanner.frames_decoded
    with_code = sum(1 for i in range(decoded) if i % len(order) != 3)
    return {
        "seconds": round(elapsed, 2),
        "frames_decoded": decoded,
        "decoded_fps": round(decoded / elapsed, 1),
        "codes_read": len(reads),
        "codes_expected": with_code,
        "all_codes_correct": set(reads) <= {code},
        "gui_blocked_max_ms": gap,
    }


def camera_30fps(app: QApplication, images: dict[str, QImage], code: str,
                 seconds: float) -> dict:
    scanner = CameraScanner()
    if not scanner.available:
        return {"skipped": scanner.unavailable}
    kinds = ("badge", "inverted", "tilted_30", "no_code")
    video = [_video_frame(images[k], "Format_NV12") for k in kinds]
    reads: list[str] = []
    scanner.duplicate.connect(reads.append)
    scanner.scanned.connect(reads.append)
    state = {"i": 0}

    def deliver() -> None:
        scanner._on_video_frame(video[(state["i"] // 15) % len(video)])  # 0.5 s per kind
        state["i"] += 1

    camera = QTimer()
    camera.setTimerType(Qt.TimerType.PreciseTimer)
    camera.setInterval(33)
    camera.timeout.connect(deliver)
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    camera.start()
    run_loop(app, seconds)
    camera.stop()
    elapsed = time.perf_counter() - started
    gap = beat.stop()
    workers.wait_all()
    app.processEvents()
    return {
        "seconds": round(elapsed, 2),
        "frames_from_camera": scanner.frames_seen,
        "camera_fps": round(scanner.frames_seen / elapsed, 1),
        "frames_decoded": scanner.frames_decoded,
        "decoded_fps": round(scanner.frames_decoded / elapsed, 1),
        "frames_dropped_busy": scanner.frames_dropped,
        "reads": len(reads),  # scanned + duplicate: frames whose code was read
        "all_codes_correct": set(reads) <= {code},
        "gui_blocked_max_ms": gap,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        code, images = make_frames(Path(tmp))
    doc = {
        "machine": machine(cpus=os.cpu_count(), qt_platform=app.platformName()),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "frame": "1280x720, QR code 130 px (21 modules + quiet zone)",
        "per_frame_1280x720": per_frame(images, args.runs),
        "gui_idle_heartbeat_max_ms": idle_gap(app, args.seconds),
        "feed_flat_out": feed_flat_out(app, images, code, args.seconds),
        "camera_30fps": camera_30fps(app, images, code, args.seconds),
    }
    return report(doc, args.out)


if __name__ == "__main__":
    raise SystemExit(main())

"""Read badge QR codes from camera frames, and count a badge held in view as one scan.

Pure Python on top of zxing-cpp (no Qt: the desk's camera code hands over a buffer).

What a frame is
    A block of bytes with ``width`` x ``height`` pixels, rows ``stride`` bytes apart, in
    one of ``PIXEL_FORMATS``: 8-bit gray (the luma plane of the NV12/I420 frames webcams
    send), packed YUV (YUYV, UYVY) or 8-bit RGB in any byte order.  Anything with the
    buffer protocol will do (``bytes``, a ``memoryview`` of a ``QImage``'s bits, a
    mapped video plane).

Gray first
    Everything is decoded as 8-bit gray.  A gray frame is used as it is (no copy); other
    formats contribute one byte a pixel: the luma of YUV, the green of RGB (the channel
    closest to luminance: black-on-white codes and their inverse read the same).  A
    frame wider than ``max_width`` keeps every n-th pixel of every n-th row, n the
    smallest whole number that brings it within ``max_width`` (a 1080p frame becomes
    960x540).  Both are slicing, at C speed; nothing else here runs Python per pixel.
    zxing-cpp releases the GIL while it decodes an ``ImageView``, so a worker thread
    decoding frames leaves the GUI thread free.

Two passes
    1. The whole frame, QR codes only, with zxing-cpp's own search: any orientation,
       downscaled copies (a badge close to the lens), and inverted (light on dark: a
       phone in dark mode).  Printed badges, phones, tilts up to 30 degrees and a fair
       amount of blur all read here, in 1–4 ms for a 1280x720 frame.
    2. Only when the first pass found nothing: the targeting square (``target_rect``,
       where the operator is told to hold the badge) with its contrast stretched to
       the full range.  zxing-cpp's local binariser ignores blocks whose dynamic range
       is small, so a dim phone screen or a grey-on-grey print reads as "nothing" in
       pass 1; stretched, it reads.  The stretch ignores the darkest and brightest 2 %
       of pixels (a glint on a phone screen) and is a ``bytes.translate``.

De-duplication
    A camera sees a badge held up for two seconds fifty times.  ``CodeDeduper`` lets a
    code through once and then ignores it while it keeps being seen: a code counts
    again only after ``window_s`` (3 s) without a sighting.  The window runs from the
    last sighting, not from the accepted one, so a badge left in front of the lens for
    a minute is still one scan; each code is tracked on its own, so two people holding
    badges up in turn are two scans.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Literal

import zxingcpp

PixelFormat = Literal["gray", "yuyv", "uyvy", "rgb", "bgr", "rgba", "bgra", "argb", "abgr"]

# name -> (bytes a pixel, offset of the byte used as gray within a pixel)
_FORMATS: dict[str, tuple[int, int]] = {
    "gray": (1, 0),
    "yuyv": (2, 0),  # Y U Y V: every other byte is luma
    "uyvy": (2, 1),
    "rgb": (3, 1),
    "bgr": (3, 1),
    "rgba": (4, 1),
    "bgra": (4, 1),
    "argb": (4, 2),
    "abgr": (4, 2),
}
PIXEL_FORMATS: tuple[str, ...] = tuple(_FORMATS)

TARGET_SIDE = 0.8
"""The targeting square's side, as a fraction of the frame's shorter side."""

DEDUPE_WINDOW_S = 3.0
"""A code seen again within this many seconds of its last sighting is the same scan."""

BADGE_FORMAT = zxingcpp.BarcodeFormat.QRCodeModel2
"""What a badge carries (the ``qrcode`` library's symbols).  Not ``QRCode``: in
zxing-cpp 3 that is the whole family, Micro QR and rMQR too, and a Micro QR is now and
then "found" in a line of print or a flag, a read that no badge made."""
_QR_ONLY = zxingcpp.BarcodeFormats(BADGE_FORMAT)
_STRETCH_CLIP = 0.02  # ignore this share of pixels at each end (glints, black borders)
_STRETCH_MIN_RANGE = 4  # below this the square is flat: nothing to stretch
_SAMPLE_STEP = 17  # every 17th pixel is enough for the percentiles (odd: no row aliasing)


class FrameError(ValueError):
    """The buffer does not hold the frame it is said to hold; the message says how."""


def target_rect(width: int, height: int) -> tuple[int, int, int, int]:
    """``(x, y, w, h)`` of the targeting square, centred: where the preview draws it."""
    side = max(1, int(min(width, height) * TARGET_SIDE))
    side = min(side, width, height)
    return (width - side) // 2, (height - side) // 2, side, side


def decode_frame(
    data: Any,
    width: int,
    height: int,
    *,
    stride: int | None = None,
    pixel_format: PixelFormat = "gray",
    max_width: int | None = None,
) -> list[str]:
    """The texts of the QR codes in a frame, each once, in reading order.

    ``data`` supports the buffer protocol; ``stride`` is the distance between rows in
    bytes (default: no padding); ``max_width`` bounds the width actually decoded (see
    the module doc).  Raises ``FrameError`` for a buffer that does not match the size
    given; a frame with no code is simply ``[]``.
    """
    view, row = _check(data, width, height, stride, pixel_format)
    if max_width is not None and max_width < 1:
        raise FrameError(f"max_width must be positive, not {max_width}")
    step = -(-width // max_width) if max_width else 1
    gray, width, height, row = gray_pixels(view, width, height, row, pixel_format, step)
    texts = _read(_gray_image(gray, width, height, row))
    if not texts:
        square, side = _stretched_target(gray, width, height, row)
        if square is not None:
            texts = _read(_gray_image(square, side, side, side))
    return texts


def _gray_image(pixels: Any, width: int, height: int, stride: int) -> zxingcpp.ImageView:
    """A view of gray pixels for zxing, without a copy.  (Its stubs say a numpy array;
    it takes any buffer, and the bytes here need no numpy.)"""
    return zxingcpp.ImageView(pixels, width, height, zxingcpp.ImageFormat.Lum, stride)


def gray_pixels(
    view: memoryview, width: int, height: int, stride: int, pixel_format: str, step: int = 1
) -> tuple[memoryview | bytes, int, int, int]:
    """One gray byte a pixel, every ``step``-th pixel of every ``step``-th row.

    Returns ``(data, width, height, stride)``.  A gray frame at step 1 is returned as is
    (the caller's buffer, no copy).  When decimating, up to ``step - 1`` columns on the
    right are dropped so that each row is a whole number of steps: then the pixels are
    one slice of the joined rows (``bytes`` slicing is C speed; slicing row by row
    through a ``memoryview`` measured ten times slower).
    """
    bpp, offset = _FORMATS[pixel_format]
    if bpp == 1 and step == 1:
        return view, width, height, stride
    used = width - width % step if width >= step else width
    row_bytes = used * bpp
    obj = view.obj
    raw = obj if isinstance(obj, bytes) and view.nbytes == len(obj) else view.tobytes()
    rows = range(0, height, step)
    if stride == row_bytes and step == 1:
        joined = raw[: row_bytes * height]
    else:
        joined = b"".join(raw[r * stride : r * stride + row_bytes] for r in rows)
    gray = joined[offset :: bpp * step]
    out_w = len(range(0, used, step))
    return gray, out_w, len(rows), out_w
def _check(
    data: Any, width: int, height: int, stride: int | None, pixel_format: str
) -> tuple[memoryview, int]:
    if pixel_format not in _FORMATS:
        raise FrameError(
            f"unknown pixel format {pixel_format!r}: use one of {', '.join(PIXEL_FORMATS)}"
        )
    if width <= 0 or height <= 0:
        raise FrameError(f"a frame needs a positive size, not {width}x{height}")
    bpp = _FORMATS[pixel_format][0]
    row = stride if stride is not None else width * bpp
    if row < width * bpp:
        raise FrameError(
            f"stride {row} is shorter than a row of {width} {pixel_format} pixels "
            f"({width * bpp} bytes)"
        )
    try:
        view = memoryview(data)
    except TypeError:
        raise FrameError(
            f"frame data must be a buffer (bytes, memoryview, ...), not {type(data).__name__}"
        ) from None
    if view.ndim != 1 or view.itemsize != 1:
        view = view.cast("B")
    needed = row * (height - 1) + width * bpp
    if view.nbytes < needed:
        raise FrameError(
            f"frame data holds {view.nbytes} bytes; a {width}x{height} {pixel_format} frame "
            f"with rows {row} bytes apart needs {needed}"
        )
    return view, row


def _read(image: Any) -> list[str]:
    found = zxingcpp.read_barcodes(image, formats=_QR_ONLY)
    texts: list[str] = []
    for result in found:
        if result.text and result.text not in texts:
            texts.append(result.text)
    return texts


def _stretched_target(
    gray: Any, width: int, height: int, stride: int
) -> tuple[bytes | None, int]:
    """The targeting square of a gray frame, contrast stretched, and its side.

    ``None`` when the square is flat (nothing to stretch).
    """
    x, y, w, h = target_rect(width, height)
    view = memoryview(gray)
    square = b"".join(
        view[r * stride + x : r * stride + x + w].tobytes() for r in range(y, y + h)
    )
    sample = sorted(square[::_SAMPLE_STEP])
    clip = int(len(sample) * _STRETCH_CLIP)
    low, high = sample[clip], sample[len(sample) - 1 - clip]
    if high - low < _STRETCH_MIN_RANGE:
        return None, w
    span = high - low
    table = bytes(min(255, max(0, (v - low) * 255 // span)) for v in range(256))
    return square.translate(table), w


class CodeDeduper:
    """Lets each code through once while it stays in view; see the module doc.

    ``clock`` returns seconds (``time.monotonic`` unless a test injects one).
    """

    def __init__(
        self, window_s: float = DEDUPE_WINDOW_S, clock: Callable[[], float] | None = None
    ) -> None:
        if window_s < 0:
            raise ValueError("window_s must not be negative")
        self.window_s = float(window_s)
        self._clock: Callable[[], float] = clock or time.monotonic
        self._last_seen: dict[str, float] = {}

    def accept(self, code: str) -> bool:
        """Record a sighting of ``code``; True if it is a new scan, False if a repeat."""
        now = self._clock()
        self._forget_stale(now)
        last = self._last_seen.get(code)
        self._last_seen[code] = now
        return last is None or now - last >= self.window_s

    def reset(self) -> None:
        """Forget every code (the camera was switched off: the next sighting counts)."""
        self._last_seen.clear()

    def _forget_stale(self, now: float) -> None:
        # Keeps the table to the codes seen in the last window (a long day of scanning
        # would otherwise keep every code).  The same comparison as ``accept``, so float
        # rounding can never make the two disagree.
        window = self.window_s
        stale = [code for code, seen in self._last_seen.items() if now - seen >= window]
        for code in stale:
            del self._last_seen[code]

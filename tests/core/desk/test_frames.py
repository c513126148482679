"""Decoding camera frames (no Qt): badge QR codes drawn into raw buffers, and the deduper.

Frames are built byte by byte from the badge's own QR matrix (``badges.qr_matrix``):
any module size, light on dark or dark on light, faint, padded rows, in the pixel
formats the desk may hand over.  Tilts go through Pillow.  The deduper is checked
against a model of its rule.
"""

from __future__ import annotations

import random

import pytest
import zxingcpp
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image

from checkin.core.badges.qr import qr_matrix
from checkin.core.desk import frames
from checkin.core.desk.frames import CodeDeduper, FrameError, decode_frame, target_rect
from checkin.core.event import codes
from tests.conftest import Clock

SECRET = bytes.fromhex("5a" * 32)
W, H = 640, 360


def code_for(number: int, version: int = 1) -> str:
    return codes.make_code(SECRET, number, version)


def draw_frame(
    code: str | None,
    *,
    module: int = 4,
    dark: int = 20,
    light: int = 235,
    background: int = 120,
    at: tuple[int, int] | None = None,
    width: int = W,
    height: int = H,
    padding: int = 0,
    seed: int = 1,
) -> tuple[bytes, int]:
    """A grayscale frame (bytes, stride): noise blocks, and the code's QR with its quiet
    zone centred (or at ``at``).  ``dark`` > ``light`` gives a light-on-dark code."""
    rnd = random.Random(seed)
    rows = [bytearray([background]) * width for _ in range(height)]
    for _ in range(25):  # clutter: flat blocks of random grey
        x, y = rnd.randrange(width), rnd.randrange(height)
        w, h, v = rnd.randrange(5, 80), rnd.randrange(5, 40), rnd.randrange(256)
        for r in rows[y : y + h]:
            r[x : x + w] = bytes([v]) * len(r[x : x + w])
    if code is not None:
        matrix = qr_matrix(code)
        size = (len(matrix) + 8) * module  # four modules of quiet zone each side
        x0, y0 = at if at is not None else ((width - size) // 2, (height - size) // 2)
        for r in range(size):
            mr = r // module - 4
            line = bytearray([light]) * size
            if 0 <= mr < len(matrix):
                for c, is_dark in enumerate(matrix[mr]):
                    if is_dark:
                        start = (c + 4) * module
                        line[start : start + module] = bytes([dark]) * module
            rows[y0 + r][x0 : x0 + size] = line
    pad = b"\x00" * padding
    return b"".join(bytes(r) + pad for r in rows), width + padding


# -- reading --------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    number=st.integers(0, codes.MAX_NUMBER),
    version=st.integers(1, 30),
    module=st.integers(3, 9),
    inverted=st.booleans(),
    padding=st.integers(0, 7),
    dx=st.integers(-120, 120),
    dy=st.integers(-40, 40),
    seed=st.integers(0, 1000),
)
def test_any_badge_code_reads_back_exactly(number, version, module, inverted, padding, dx, dy,
                                           seed):
    code = code_for(number, version)
    size = (len(qr_matrix(code)) + 8) * module
    at = ((W - size) // 2 + dx, (H - size) // 2 + dy)
    dark, light = (235, 20) if inverted else (20, 235)
    data, stride = draw_frame(code, module=module, dark=dark, light=light, at=at,
                              padding=padding, seed=seed)
    assert decode_frame(data, W, H, stride=stride) == [code]


@pytest.mark.parametrize("angle", [-30, -15, 15, 30])
def test_tilted_up_to_thirty_degrees(angle):
    code = code_for(4242)
    data, _ = draw_frame(code, module=5)
    tilted = Image.frombytes("L", (W, H), data).rotate(angle, resample=Image.BICUBIC,
                                                       fillcolor=120)
    assert decode_frame(tilted.tobytes(), W, H) == [code]


def test_a_faint_code_in_the_square_is_read_by_the_stretched_second_pass():
    """Grey on grey, 14 levels apart: zxing-cpp alone sees nothing, the stretch reads it."""
    code = code_for(77)
    data, _ = draw_frame(code, module=5, dark=118, light=132, background=125)
    plain = zxingcpp.read_barcodes(
        memoryview(data).cast("B", (H, W)), formats=frames.BADGE_FORMAT
    )
    assert plain == []
    assert decode_frame(data, W, H) == [code]


def test_a_faint_code_outside_the_square_is_not_stretched():
    code = code_for(77)
    data, _ = draw_frame(code, module=3, dark=118, light=132, background=125, at=(2, 2))
    assert decode_frame(data, W, H) == []


def test_no_code_no_texts_and_flat_frames_are_fine():
    data, _ = draw_frame(None)
    assert decode_frame(data, W, H) == []
    assert decode_frame(bytes(W * H), W, H) == []  # black: nothing to stretch
    assert decode_frame(b"\xff" * 16, 4, 4) == []  # tiny


def test_two_badges_in_one_frame_are_both_read():
    first, second = code_for(1), code_for(2)
    data, _ = draw_frame(first, module=4, at=(20, 60))
    rows = [bytearray(data[i * W : (i + 1) * W]) for i in range(H)]
    other, _ = draw_frame(second, module=4, at=(420, 60), seed=2)
    for i in range(60, 60 + (21 + 8) * 4):
        rows[i][420 : 420 + 116] = other[i * W + 420 : i * W + 536]
    assert sorted(decode_frame(b"".join(rows), W, H)) == sorted([first, second])


# Where the gray value goes in each format's pixel (the rest: other channels, chroma).
LAYOUT = {"rgb": (3, 1), "bgr": (3, 1), "rgba": (4, 1), "bgra": (4, 1), "argb": (4, 2),
          "abgr": (4, 2), "yuyv": (2, 0), "uyvy": (2, 1)}


def as_format(gray: bytes, pixel_format: str, other: int = 77) -> bytes:
    """Each gray byte in its format's luma/green slot, the other bytes a constant."""
    bpp, offset = LAYOUT[pixel_format]
    out = bytearray([other]) * (len(gray) * bpp)
    out[offset::bpp] = gray
    return bytes(out)


@pytest.mark.parametrize("pixel_format", list(LAYOUT))
def test_colour_and_yuv_buffers_are_read(pixel_format):
    code = code_for(31337)
    gray, _ = draw_frame(code, module=4)
    data = as_format(gray, pixel_format)
    assert decode_frame(data, W, H, pixel_format=pixel_format) == [code]


@pytest.mark.parametrize("pixel_format", ["gray", "bgra", "yuyv"])
@pytest.mark.parametrize("max_width", [None, 640, 639, 320, 250])
def test_wide_frames_are_decimated_to_max_width(pixel_format, max_width):
    code = code_for(99)
    bpp = 1 if pixel_format == "gray" else LAYOUT[pixel_format][0]
    gray, stride = draw_frame(code, module=8, padding=3)
    data = gray if pixel_format == "gray" else as_format(gray, pixel_format)
    stride = stride * bpp
    step = -(-W // max_width) if max_width else 1
    _, width, height, _ = frames.gray_pixels(memoryview(data), W, H, stride, pixel_format, step)
    assert width <= (max_width or W)
    assert (width, height) == (W // step, -(-H // step))  # whole steps across a row
    assert decode_frame(data, W, H, stride=stride, pixel_format=pixel_format,
                        max_width=max_width) == [code]


def test_a_view_into_a_larger_buffer_is_read_from_its_own_start():
    code = code_for(5)
    gray, _ = draw_frame(code)
    data = as_format(gray, "bgra")
    framed = memoryview(b"\x00" * 64 + data + b"\xff" * 64)[64:-64]
    assert decode_frame(framed, W, H, pixel_format="bgra") == [code]
    assert decode_frame(framed, W, H, pixel_format="bgra", max_width=320) == [code]


def test_decimation_keeps_every_nth_pixel_of_every_nth_row():
    data = bytes(range(256)) * 3  # 16 x 48, value = 16 * row + column, wrapping
    out, width, height, stride = frames.gray_pixels(memoryview(data), 16, 48, 16, "gray", 3)
    assert (width, height, stride) == (5, 16, 5)  # column 15 dropped: 5 whole steps
    assert out[:5] == bytes([0, 3, 6, 9, 12])
    assert out[5:10] == bytes([48, 51, 54, 57, 60])  # row 3


@pytest.mark.parametrize("kind", ["Code128", "MicroQRCode", "RMQRCode"])
def test_only_badge_qr_codes_are_read(kind):
    """Not a bar code, and not the QR family's small cousins either: zxing-cpp now and
    then "finds" a Micro QR in a line of print, and no badge carries one."""
    fmt = getattr(zxingcpp.BarcodeFormat, kind)
    barcode = zxingcpp.write_barcode_to_image(zxingcpp.create_barcode("9080", fmt), scale=6)
    height, width = memoryview(barcode).shape
    pixels = memoryview(barcode).tobytes()
    assert [r.text for r in zxingcpp.read_barcodes(barcode)] == ["9080"]
    assert decode_frame(pixels, width, height) == []


# -- bad frames ------------------------------------------------------------------------


def test_a_short_buffer_is_refused_with_the_sizes():
    with pytest.raises(FrameError, match=r"holds 100 bytes; a 640x360 gray frame .* needs 230400"):
        decode_frame(bytes(100), W, H)


def test_bad_stride_format_size_and_type_are_refused_in_words():
    with pytest.raises(FrameError, match="stride 100 is shorter than a row of 640 gray pixels"):
        decode_frame(bytes(W * H), W, H, stride=100)
    with pytest.raises(FrameError, match="unknown pixel format 'yuv'"):
        decode_frame(bytes(W * H), W, H, pixel_format="yuv")  # type: ignore[arg-type]
    with pytest.raises(FrameError, match="positive size, not 0x360"):
        decode_frame(b"", 0, H)
    with pytest.raises(FrameError, match=r"must be a buffer .* not str"):
        decode_frame("pixels", 2, 2)
    with pytest.raises(FrameError, match="max_width must be positive, not 0"):
        decode_frame(bytes(W * H), W, H, max_width=0)


# -- the targeting square ---------------------------------------------------------------


@given(st.integers(1, 4000), st.integers(1, 4000))
def test_the_target_square_is_centred_inside_the_frame(width, height):
    x, y, w, h = target_rect(width, height)
    assert w == h >= 1
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height
    assert abs((x + w / 2) - width / 2) <= 1 and abs((y + h / 2) - height / 2) <= 1
    assert w >= int(min(width, height) * frames.TARGET_SIDE)


# -- de-duplication ------------------------------------------------------------------------


def test_a_badge_held_in_view_for_a_minute_is_one_scan():
    clock = Clock(100.0)
    dedupe = CodeDeduper(clock=clock)
    results = []
    for _ in range(480):  # 8 frames a second for a minute
        results.append(dedupe.accept("A"))
        clock.now += 0.125
    assert results == [True] + [False] * 479


def test_it_counts_again_after_the_window_out_of_view():
    clock = Clock(100.0)
    dedupe = CodeDeduper(3.0, clock)
    assert dedupe.accept("A")
    clock.now += 2.99
    assert not dedupe.accept("A")
    clock.now += 3.0
    assert dedupe.accept("A")


def test_codes_are_tracked_each_on_its_own_and_reset_forgets():
    clock = Clock(100.0)
    dedupe = CodeDeduper(clock=clock)
    assert [dedupe.accept(c) for c in "ABAB"] == [True, True, False, False]
    dedupe.reset()
    assert dedupe.accept("A")


def test_window_zero_lets_everything_through_and_negative_is_refused():
    dedupe = CodeDeduper(0, Clock(100.0))
    assert dedupe.accept("A") and dedupe.accept("A")
    with pytest.raises(ValueError, match="must not be negative"):
        CodeDeduper(-1)


def test_the_table_only_keeps_the_last_window_of_codes():
    clock = Clock(100.0)
    dedupe = CodeDeduper(3.0, clock)
    for i in range(1000):
        dedupe.accept(f"C{i}")
        clock.now += 1.0
    assert len(dedupe._last_seen) <= 3


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.sampled_from("ABC"), st.floats(0, 5, allow_nan=False)), max_size=60
    ),
    st.floats(0.5, 4, allow_nan=False),
)
# Float rounding: 100.0 + w - 100.0 != w here; pruning and accept must still agree.
@example(sightings=[("A", 0.0), ("A", 1.6293459831979986)], window=1.6293459831979986)
def test_accept_follows_the_rule_since_the_last_sighting(sightings, window):
    """Model: a code is new when never seen, or last seen ``window`` or more ago."""
    clock = Clock(100.0)
    dedupe = CodeDeduper(window, clock)
    last: dict[str, float] = {}
    for code, gap in sightings:
        clock.now += gap
        expected = code not in last or clock.now - last[code] >= window
        assert dedupe.accept(code) is expected
        last[code] = clock.now

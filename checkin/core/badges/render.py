"""Badges as one PDF: faces placed on the sheet, fold-over pages, crop marks.

Each face comes laid out from ``layout`` (in points); this module turns it into PDF
operators, places it on the sheet (the upper face of a fold-over badge upside down) and
writes the document, through a temporary file so a cancelled or failed run leaves
nothing half-written.  The QR code is vector: one path of module runs (``qr``) filled
once.  A photo is the one thing reportlab draws itself (``drawImage`` with an
``ImageReader`` of the stored JPEG, embedded as it is and once per person), clipped to
its box between the face's own operators.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from checkin.core.badges import typeset
from checkin.core.badges.colour import RGB, WHITE, contrast, parse_colour
from checkin.core.badges.layout import (
    FRAME_GREY,
    BadgeContent,
    Face,
    PhotoSpot,
    Text,
    TextIssue,
    face_layout,
)
from checkin.core.badges.qr import run_rects
from checkin.core.badges.templates import EPS, MM, Template

CROP_MARK_MM = 5.0  # longest crop mark
CROP_GAP_MM = 1.0  # between a badge corner and its crop marks
CROP_LINE_PT = 0.3

PROGRESS_EVERY = 50

_OUTLINE_BELOW_CONTRAST = 1.25
_OUTLINE_PT = 0.6
_FRAME_PT = 1.4  # the band's frame on black-only media: two dots at 300 dpi, and more
_PHOTO_FRAME_PT = 0.6  # an empty photo box's frame

_Segment = str | PhotoSpot  # PDF operators, or a photo for reportlab to draw there


class RenderCancelled(Exception):
    """``render_badges`` stopped because ``cancelled()`` returned true; nothing was written."""


@dataclass(frozen=True)
class RenderResult:
    pages: int
    badges: int
    issues: tuple[TextIssue, ...]
    elapsed_s: float


# --------------------------------------------------------------------------- drawing


def _num(value: float) -> str:
    """A PDF number: 3 decimals, trailing zeros dropped."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _rgb(rgb: RGB, op: str = "rg") -> str:
    return f"{_num(rgb[0])} {_num(rgb[1])} {_num(rgb[2])} {op}"


class _Writer:
    """Emits each face as PDF operators into one canvas.

    reportlab formats every number it writes through a pure-Python ``fp_str`` (about
    6 us a call without the optional C accelerator), and a badge has ~120 QR runs and a
    dozen coordinates: drawn through ``path.rect()``/``drawString()`` that alone capped
    the renderer near 500 badges a second. So the writer produces the same operators
    itself — a QR code is still one path of ``re`` rectangles filled once (``f``) — and
    only text goes through reportlab (a text object, for the embedded-subset encoding),
    its operators cached for strings repeated at the same place (event, date, bands).
    """

    _TEXT_CACHE_LIMIT = 20000

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self.text_code: dict[tuple[str, float, float, float, str], str] = {}
        self.band_code: dict[tuple[tuple[float, float, float, float, RGB], bool], str] = {}
        self.readers: dict[int, ImageReader] = {}  # this page's photos (a fold draws twice)

    def text(self, t: Text) -> str:
        key = (t.font, t.size, t.x, t.y, t.text)
        code = self.text_code.get(key)
        if code is None:
            obj = self.canvas.beginText(t.x, t.y)
            obj.setFont(t.font, t.size)
            obj.textOut(t.text)
            code = obj.getCode()
            if len(self.text_code) >= self._TEXT_CACHE_LIMIT:
                self.text_code.clear()
            self.text_code[key] = code
        return code

    def band(self, band: tuple[float, float, float, float, RGB], frame: bool = False) -> str:
        code = self.band_code.get((band, frame))
        if code is None:
            x, y, w, h, rgb = band
            if frame:  # black-only media: a black frame, the label in black inside
                i = _FRAME_PT / 2
                code = (
                    f"0 G {_num(_FRAME_PT)} w {_num(x + i)} {_num(y + i)} "
                    f"{_num(w - 2 * i)} {_num(h - 2 * i)} re S"
                )
                self.band_code[(band, frame)] = code
                return code
            code = f"{_rgb(rgb)} {_num(x)} {_num(y)} {_num(w)} {_num(h)} re f"
            if contrast(rgb, WHITE) < _OUTLINE_BELOW_CONTRAST:
                # a white or pale band: outline it so the band still reads as one
                i = _OUTLINE_PT / 2
                code += (
                    f" 0.55 G {_num(_OUTLINE_PT)} w {_num(x + i)} {_num(y + i)} "
                    f"{_num(w - 2 * i)} {_num(h - 2 * i)} re S"
                )
            self.band_code[(band, frame)] = code
        return code

    def photo(self, spot: PhotoSpot) -> list[_Segment]:
        """The photo clipped to its box, or an empty box's frame."""
        x, y, w, h = spot.box
        box = f"{_num(x)} {_num(y)} {_num(w)} {_num(h)} re"
        if spot.photo is None:
            i = _PHOTO_FRAME_PT / 2
            return [f"q {_rgb(FRAME_GREY, 'RG')} {_num(_PHOTO_FRAME_PT)} w {_num(x + i)} "
                    f"{_num(y + i)} {_num(w - 2 * i)} {_num(h - 2 * i)} re S Q"]
        return [f"q {box} W n", spot, "Q"]

    def draw_photo(self, spot: PhotoSpot) -> None:
        """reportlab embeds the JPEG as it is (one XObject per distinct picture) and
        draws it where ``spot`` says, in the coordinates the operators before set."""
        assert spot.photo is not None
        reader = self.readers.get(id(spot.photo))
        if reader is None:
            reader = self.readers[id(spot.photo)] = ImageReader(io.BytesIO(spot.photo.data))
        x, y, w, h = spot.placed
        with _A85_OFF:  # the JPEG stored as it is, not a quarter bigger in ASCII85
            self.canvas.drawImage(reader, x, y, w, h)

    def face(self, face: Face) -> list[_Segment]:
        """The face's operators; a photo, if any, as a segment of its own (drawn first)."""
        parts: list[str] = []
        if face.band is not None:
            parts.append(self.band(face.band, face.band_outline))
        colour = None
        for t in face.texts:
            if t.colour != colour:
                colour = t.colour
                parts.append(_rgb(colour))
            parts.append(self.text(t))
        if face.qr is not None and face.qr[4]:
            x, top, module, n, rows = face.qr
            m = _num(module)
            # module units, rows going down from the top-left module; one path, one fill
            parts.append(f"0 0 0 rg q {m} 0 0 -{m} {_num(x)} {_num(top)} cm")
            parts += run_rects(n, rows)
            parts.append("f Q")
        code = "\n".join(parts)
        if face.photo is None:
            return [code]
        return [*self.photo(face.photo), code]


# --------------------------------------------------------------------------- the sheet

_Cell = tuple[float, float, float, float]  # x, y, w, h in page mm (top-left origin)
_Mark = tuple[float, float, float, float]  # x0, y0, x1, y1


def _cells(t: Template) -> list[_Cell]:
    return [
        (t.origin_x + c * t.pitch_x, t.origin_y + r * t.pitch_y, t.face_width, t.badge_height)
        for r in range(t.rows)
        for c in range(t.columns)
    ]


def _room(t: Template, cells: list[_Cell], cx: float, cy: float, dx: int, dy: int) -> float:
    """Free length from a corner in direction (dx, dy): up to the page edge, or half
    the way to a badge whose side faces it (0 if one touches)."""
    if dx:
        free = cx if dx < 0 else t.page_width - cx
        gaps = [
            cx - (x + w) if dx < 0 else x - cx
            for x, y, w, h in cells
            if y - EPS <= cy <= y + h + EPS
        ]
    else:
        free = cy if dy < 0 else t.page_height - cy
        gaps = [
            cy - (y + h) if dy < 0 else y - cy
            for x, y, w, h in cells
            if x - EPS <= cx <= x + w + EPS
        ]
    return min([free, *(gap / 2 for gap in gaps if gap > -EPS)])


def _mark(cx: float, cy: float, dx: int, dy: int, room: float) -> _Mark | None:
    """The mark from a corner in direction (dx, dy), if there is room for one."""
    length = min(CROP_MARK_MM, room - CROP_GAP_MM - 0.25)
    if length < 1.0:
        return None
    x0, y0 = cx + dx * CROP_GAP_MM, cy + dy * CROP_GAP_MM
    x1, y1 = x0 + dx * length, y0 + dy * length
    return (round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4))


def _crop_marks(t: Template) -> list[_Mark]:
    """Short lines continuing each badge edge outwards, in page mm (top-left origin),
    stopping short of half the gap to a neighbour badge and of the page edge."""
    cells = _cells(t)
    marks: dict[_Mark, None] = {}  # a dict: in order, once each
    for x, y, w, h in cells:
        corners = ((x, y, -1, -1), (x + w, y, 1, -1), (x, y + h, -1, 1), (x + w, y + h, 1, 1))
        for cx, cy, sx, sy in corners:
            for dx, dy in ((sx, 0), (0, sy)):
                mark = _mark(cx, cy, dx, dy, _room(t, cells, cx, cy, dx, dy))
                if mark is not None:
                    marks[mark] = None
    return list(marks)


class _BinaryStreams:
    """reportlab wraps compressed streams in ASCII85 unless ``rl_config.useA85`` is off:
    in pure Python that cost ~0.5 ms a page, and the file is a quarter bigger. The
    setting is global and read while the document is written, so it is off only during
    ``canvas.save()`` (a PDF written elsewhere meanwhile just gets binary streams too)."""

    _lock = threading.Lock()

    def __enter__(self) -> None:
        self._lock.acquire()
        self._saved = rl_config.useA85
        rl_config.useA85 = 0

    def __exit__(self, *exc: object) -> None:
        rl_config.useA85 = self._saved
        self._lock.release()


_A85_OFF = _BinaryStreams()


def _crop_marks_code(t: Template) -> str:
    marks = _crop_marks(t)
    if not marks:
        return ""
    ph = t.page_height
    ops = [f"q 0 G {_num(CROP_LINE_PT)} w"]
    for x0, y0, x1, y1 in marks:
        start = f"{_num(x0 * MM)} {_num((ph - y0) * MM)} m"
        ops.append(f"{start} {_num(x1 * MM)} {_num((ph - y1) * MM)} l")
    ops.append("S Q")
    return " ".join(ops)


def render_badges(
    out: str | Path | BinaryIO,
    template: Template,
    contents: Sequence[BadgeContent],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """Write the badges as one PDF, ``template.per_page`` badges a page, in order.

    ``progress(done, total)`` is called about every 50 badges and at the end;
    ``cancelled()`` is asked before each page, and if it returns true
    ``RenderCancelled`` is raised and nothing is left at ``out`` (a path is written
    through a temporary file next to it and moved into place at the end).
    """
    started = time.perf_counter()
    total = len(contents)
    if total == 0:
        raise ValueError("no badges to render")
    for content in contents:
        try:
            parse_colour(content.category_colour)
        except ValueError as exc:
            raise ValueError(f"badge {content.key}: category {exc}") from None
    typeset.register_fonts()

    tmp: str | None = None
    if isinstance(out, str | os.PathLike):
        target = Path(out)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
        dest: Any = tmp
    else:
        target, dest = None, out
    try:
        result = _render(dest, template, contents, progress, cancelled, started)
        if tmp is not None:
            os.replace(tmp, target)  # type: ignore[arg-type]
            tmp = None
        return result
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _render(
    dest: Any,
    t: Template,
    contents: Sequence[BadgeContent],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    started: float,
) -> RenderResult:
    total = len(contents)
    canvas = _canvas(dest, t, contents[0])
    marks = _crop_marks_code(t) if t.crop_marks else ""
    writer = _Writer(canvas)
    issues: list[TextIssue] = []
    per_page = t.per_page
    pages = (total + per_page - 1) // per_page
    reported = 0
    for page in range(pages):
        if cancelled is not None and cancelled():
            raise RenderCancelled()
        batch = contents[page * per_page : (page + 1) * per_page]
        _emit(writer, _page_code(t, writer, batch, marks, issues))
        canvas.showPage()
        done = min(total, (page + 1) * per_page)
        if progress is not None and (done - reported >= PROGRESS_EVERY or done == total):
            progress(done, total)
            reported = done
    with _A85_OFF:
        canvas.save()
    return RenderResult(pages, total, tuple(issues), time.perf_counter() - started)


def _canvas(dest: Any, t: Template, first: BadgeContent) -> Canvas:
    pagesize = (t.page_width * MM, t.page_height * MM)
    # initialFontName: otherwise reportlab lists Helvetica, unembedded, on every page
    # (the stub types it as a float; it is the font's name)
    canvas = Canvas(
        dest, pagesize=pagesize, pageCompression=1,
        initialFontName=typeset.REGULAR,  # type: ignore[arg-type]
    )  # fmt: skip
    canvas.setTitle(f"Badges - {first.event_name}" if first.event_name else "Badges")
    canvas.setSubject(f"{t.title} ({t.key})")
    canvas.setCreator("checkin")
    return canvas


def _emit(writer: _Writer, segments: list[_Segment]) -> None:
    """A sheet into the canvas: runs of operators as one literal each, photos between."""
    run: list[str] = []
    for segment in segments:
        if isinstance(segment, str):
            run.append(segment)
            continue
        writer.canvas.addLiteral("\n".join(run))
        run = []
        writer.draw_photo(segment)
    writer.canvas.addLiteral("\n".join(run))
    writer.readers.clear()


def _page_code(
    t: Template,
    writer: _Writer,
    batch: Sequence[BadgeContent],
    marks: str,
    issues: list[TextIssue],
) -> list[_Segment]:
    """One sheet's operators: the crop marks, then each badge in its cell, left to right
    and top to bottom; the badges' issues are added to ``issues``."""
    ph = t.page_height * MM
    fw, fh = t.face_width * MM, t.face_height * MM
    ops: list[_Segment] = [marks] if marks else []
    for i, content in enumerate(batch):
        face = face_layout(t, content)
        issues += face.issues
        code = writer.face(face)
        col, row = i % t.columns, i // t.columns
        left = (t.origin_x + col * t.pitch_x) * MM
        top = ph - (t.origin_y + row * t.pitch_y) * MM
        if t.fold:
            # the upper face upside down: folded on the middle line, both read upright
            ops += [f"q -1 0 0 -1 {_num(left + fw)} {_num(top)} cm", *code, "Q"]
            ops += [f"q 1 0 0 1 {_num(left)} {_num(top - 2 * fh)} cm", *code, "Q"]
        else:
            ops += [f"q 1 0 0 1 {_num(left)} {_num(top - fh)} cm", *code, "Q"]
    return ops

"""The badge's QR code: its module matrix, with the mask chosen fast, and its vector path.

Error correction M, as every badge uses (the codes of ``codes.make_code`` fit version 1:
21 x 21 modules).  The renderer draws the matrix as one path of rectangles, one per
horizontal run of dark modules, filled once (never a bitmap, never reportlab's slow
``QrCodeWidget``); the mail merge draws the same matrix as a PNG, so a badge sent by
e-mail carries the very code the printed one does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import QRData

QR_QUIET_ZONE = 4  # modules of light margin on each side
QR_V1_MODULES = 21  # version 1: what every codes.make_code code fits in

_MASK_COUNT = 8
_FAST_QR_MAX_VERSION = 4  # beyond, tables get big; such codes take qrcode's own path


def _bits(row: Sequence[bool]) -> bytes:
    return bytes(row).translate(_BIT_CHARS)


_BIT_CHARS = bytes.maketrans(b"\x00\x01", b"01")


class _QrLayout:
    """Tables that encode and mask a QR code of one version (error correction M) fast.

    ``qrcode`` builds a matrix in pure Python (~0.3 ms) and does it nine times to pick
    the mask (~2 ms a code: more than the whole badge budget). But a QR matrix is affine
    in the bits of its data codewords: the error-correction bytes are linear over GF(2),
    the placement is a fixed permutation and the mask a fixed XOR. So, once per version,
    ``qrcode`` itself draws the matrix of every single data bit; a code's matrix is then
    the XOR of one table entry per data byte, and the eight masked variants are XORs with
    the eight empty matrices. Rows and columns are bit-packed, one guard bit between
    lines, for the penalty rules. A self-check against ``qrcode`` guards the tables.
    """

    def __init__(self, version: int):
        self.version = version
        self.rs_blocks = qrcode.base.rs_blocks(version, ERROR_CORRECT_M)
        self.data_bytes = sum(block.data_count for block in self.rs_blocks)
        self.n = n = 4 * version + 17
        self.stride = n + 1
        self.valid = int(b"0".join([b"1" * n] * n), 2)
        # qrcode cannot take all-zero data (its polynomial code divides by glog(0)), so
        # every matrix is taken relative to a reference: data bytes all 1.
        ref = [1] * self.data_bytes
        ref_rows, ref_cols = self.pack(self._oracle(ref, 0))
        self.tables = []
        for i in range(self.data_bytes):
            bit_effects = []
            for bit in range(8):
                data = ref.copy()
                data[i] ^= 1 << bit
                rows, cols = self.pack(self._oracle(data, 0))
                bit_effects.append((rows ^ ref_rows, cols ^ ref_cols))
            t_rows, t_cols = [0] * 256, [0] * 256
            for value in range(1, 256):
                low = (value & -value).bit_length() - 1
                t_rows[value] = t_rows[value & (value - 1)] ^ bit_effects[low][0]
                t_cols[value] = t_cols[value & (value - 1)] ^ bit_effects[low][1]
            self.tables.append((t_rows, t_cols))
        # The empty matrix of each mask: the reference's, minus the reference's data.
        ref_data_rows = ref_data_cols = 0
        for t_rows, t_cols in self.tables:
            ref_data_rows ^= t_rows[1]
            ref_data_cols ^= t_cols[1]
        self.blank = []
        for mask in range(_MASK_COUNT):
            rows, cols = self.pack(self._oracle(ref, mask))
            self.blank.append((rows ^ ref_data_rows, cols ^ ref_data_cols))

    def _oracle(self, data: list[int], mask: int) -> list[list[bool]]:
        """qrcode's matrix for these data codewords (error correction added) and mask."""
        buffer = qrcode.util.BitBuffer()
        for byte in data:
            buffer.put(byte, 8)
        q = qrcode.QRCode(version=self.version, error_correction=ERROR_CORRECT_M, border=0)
        q.data_cache = qrcode.util.create_bytes(buffer, self.rs_blocks)
        q.makeImpl(False, mask)
        return q.modules

    def pack(self, matrix: Sequence[Sequence[bool]]) -> tuple[int, int]:
        rows = int(b"0".join([_bits(r) for r in matrix]), 2)
        cols = int(b"0".join([_bits(c) for c in zip(*matrix, strict=True)]), 2)
        return rows, cols

    def unpack(self, rows: int) -> list[int]:
        mask = (1 << self.n) - 1
        return [(rows >> ((self.n - 1 - r) * self.stride)) & mask for r in range(self.n)]

    def codewords(self, data: str) -> list[int]:
        """The data codewords, as ``qrcode.util.create_data`` makes them (before EC)."""
        segment = QRData(data)
        buffer = qrcode.util.BitBuffer()
        buffer.put(segment.mode, 4)
        buffer.put(len(segment), qrcode.util.length_in_bits(segment.mode, self.version))
        segment.write(buffer)
        limit = self.data_bytes * 8
        if len(buffer) > limit:
            raise ValueError(f"{data!r} does not fit QR version {self.version}")
        for _ in range(min(limit - len(buffer), 4)):  # terminator
            buffer.put_bit(False)
        while len(buffer) % 8:
            buffer.put_bit(False)
        out = list(buffer.buffer[: len(buffer) // 8])
        pads = (qrcode.util.PAD0, qrcode.util.PAD1)
        out += [pads[i % 2] for i in range(self.data_bytes - len(out))]
        return out

    def matrices(self, data: str) -> list[tuple[int, int]]:
        """Packed (rows, columns) of ``data`` under each of the eight masks."""
        rows = cols = 0
        for (t_rows, t_cols), value in zip(self.tables, self.codewords(data), strict=True):
            rows ^= t_rows[value]
            cols ^= t_cols[value]
        return [(rows ^ br, cols ^ bc) for br, bc in self.blank]

    def penalty(self, rows: int, cols: int) -> int:
        """ISO/IEC 18004 mask penalty (rules N1-N4) on the bit-packed matrix."""
        valid, stride = self.valid, self.stride
        score = 0
        for ones in (rows, cols):
            zeros = ~ones & valid  # guard bits are in neither, so nothing spans two lines
            for x in (ones, zeros):
                # N1: a run of 5+ modules of one colour scores 3 + (length - 5)
                s = x & (x >> 1)
                s &= s >> 2
                s &= x >> 4
                if s:
                    score += s.bit_count() + 2 * (s & ~(s >> 1)).bit_count()
            # N3: dark-light-dark(3)-light-dark with 4 light modules on one side, 40 each
            z1 = zeros >> 1
            light4 = zeros & z1 & (zeros >> 2) & (zeros >> 3)
            core = ones & z1 & (ones >> 2) & (ones >> 3) & (ones >> 4) & (zeros >> 5)
            core &= ones >> 6
            score += 40 * (((core >> 4) & light4).bit_count() + (core & (light4 >> 7)).bit_count())
        zeros = ~rows & valid
        for x in (rows, zeros):  # N2: each 2x2 block of one colour, 3
            score += 3 * (x & (x >> 1) & (x >> stride) & (x >> (stride + 1))).bit_count()
        total = self.n * self.n  # N4: 10 per 5 % the dark share strays from 50 %
        score += 10 * (abs(20 * rows.bit_count() - 10 * total) // total)
        return score

    def self_check(self) -> bool:
        sample = "0B1X9D3H4TGC8NRJ"[: max(1, min(16, self.data_bytes))]
        for mask, (rows, _cols) in enumerate(self.matrices(sample)):
            q = qrcode.QRCode(
                version=self.version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=mask
            )
            q.add_data(sample)
            q.make(fit=False)
            if self.pack(q.get_matrix())[0] != rows:
                return False
        return True


@functools.cache
def _qr_layout(version: int) -> _QrLayout | None:
    if version > _FAST_QR_MAX_VERSION:
        return None
    try:
        layout = _QrLayout(version)
        return layout if layout.self_check() else None
    except (AttributeError, TypeError, ValueError, IndexError):  # qrcode internals moved
        return None


@functools.lru_cache(maxsize=64)
def qr_version(data: str) -> int:
    """The smallest QR version holding ``data`` at error correction M (depends only on
    the encoding mode and length, so this is cheap to cache)."""
    probe = QRData(data)
    return _qr_version(probe.mode, len(probe.data))


@functools.lru_cache(maxsize=256)
def _qr_version(mode: int, length: int) -> int:
    q = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    q.add_data(QRData(("0" if mode == 1 else "A" if mode == 2 else "a") * length))
    q.best_fit()
    return q.version


def qr_rows(data: str) -> tuple[int, list[int]]:
    """The QR matrix for ``data`` (error correction M, no quiet zone) as ``(n, rows)``:
    row r's module at column c is dark when bit ``n - 1 - c`` of ``rows[r]`` is set.

    The mask is the one with the lowest ISO/IEC 18004 penalty (rules N1-N4, scored with
    the format information in place; ``qrcode`` scores with it blank, so the two pick
    different, equally valid, masks for about half of all codes).
    """
    layout = _qr_layout(qr_version(data))
    if layout is None:
        q = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        q.add_data(data)
        q.make(fit=True)
        matrix = q.get_matrix()
        n = len(matrix)
        return n, [int(_bits(row), 2) for row in matrix]
    best_rows, best_score = 0, -1
    for rows, cols in layout.matrices(data):
        score = layout.penalty(rows, cols)
        if best_score < 0 or score < best_score:
            best_rows, best_score = rows, score
    return layout.n, layout.unpack(best_rows)


def qr_matrix(data: str) -> list[list[bool]]:
    """``qr_rows`` as a list of rows of booleans (dark = True)."""
    n, rows = qr_rows(data)
    return [[bool(row >> (n - 1 - c) & 1) for c in range(n)] for row in rows]


_RUNS = re.compile("1+")


def run_rects(n: int, rows: Sequence[int]) -> list[str]:
    """The dark modules of ``qr_rows``'s matrix as PDF rectangles (``x y w h re``) in
    module units, row r counted down from the top-left module: one rectangle per
    horizontal run, so the whole code is one path, filled once."""
    rects = []
    width = f"0{n}b"
    for r, row in enumerate(rows):
        if row:
            for run in _RUNS.finditer(format(row, width)):
                start, end = run.span()
                rects.append(f"{start} {r} {end - start} 1 re")
    return rects

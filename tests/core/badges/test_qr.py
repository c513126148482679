"""The badge's QR code: the fast matrices are qrcode's, and the mask is the best one."""

from __future__ import annotations

import pytest
import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode.constants import ERROR_CORRECT_M

from checkin.core.badges import qr
from checkin.core.event.codes import make_code
from tests.core.badges.samples import SECRET


@pytest.mark.parametrize(
    "data", ["0B1X9D3H4TGC8NRJ", "HELLO WORLD 1234567890 ABCDEF", "https://example.org/b?x=1"]
)
def test_fast_qr_matrices_equal_qrcodes_for_every_mask(data):
    version = qr.qr_version(data)
    layout = qr._qr_layout(version)
    assert layout is not None
    for mask, (rows, cols) in enumerate(layout.matrices(data)):
        q = qrcode.QRCode(
            version=version, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=mask
        )
        q.add_data(data)
        q.make(fit=False)
        matrix = q.get_matrix()
        assert layout.pack(matrix) == (rows, cols)
        assert layout.penalty(rows, cols) == qrcode.util.lost_point(matrix)


def test_qr_picks_the_lowest_penalty_mask():
    code = make_code(SECRET, 7, 1)
    layout = qr._qr_layout(1)
    scores = [layout.penalty(r, c) for r, c in layout.matrices(code)]
    n, rows = qr.qr_rows(code)
    chosen = layout.matrices(code)[scores.index(min(scores))][0]
    assert n == 21 and rows == layout.unpack(chosen)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789BCDEFGHJKNPRSTUVX", min_size=1, max_size=40))
def test_run_rectangles_cover_exactly_the_dark_modules(data):
    n, rows = qr.qr_rows(data)
    dark = set()
    for rect in qr.run_rects(n, rows):
        x, y, w, h, op = rect.split()
        assert op == "re" and h == "1" and int(w) >= 1
        run = {(int(x) + i, int(y)) for i in range(int(w))}
        assert not run & dark  # no module twice
        assert (int(x) - 1, int(y)) not in dark  # runs are maximal: none touches the last
        dark |= run
    matrix = qr.qr_matrix(data)
    assert dark == {(c, r) for r in range(n) for c in range(n) if matrix[r][c]}

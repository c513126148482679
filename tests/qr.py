"""Reading printed badges back from pixels, the way the desk reads them.

The desk's camera reads badges' QR codes only (``frames.BADGE_FORMAT``): zxing-cpp left
on every format, or on its whole QR family, now and then finds a Micro QR in a name or a
flag (seen: "9080" and "59928" read off a fold-over's back face), which no desk reports.
"""

from __future__ import annotations

from typing import Any

import zxingcpp

from checkin.core.desk.frames import BADGE_FORMAT

_QR_ONLY = zxingcpp.BarcodeFormats(BADGE_FORMAT)


def read_qr(image: Any) -> list[str]:
    """The text of each QR code printed in ``image`` (a PIL image or a grey buffer).

    zxing-cpp now and then reports one symbol twice, two detections a few pixels apart;
    a scanner reading the sheet never would, so a second detection of the same text
    within 30 px is dropped.
    """
    kept: list[tuple[str, float, float]] = []
    for r in zxingcpp.read_barcodes(image, formats=_QR_ONLY):
        p = r.position
        corners = (p.top_left, p.top_right, p.bottom_left, p.bottom_right)
        x, y = sum(c.x for c in corners) / 4, sum(c.y for c in corners) / 4
        if not any(t == r.text and abs(x - kx) < 30 and abs(y - ky) < 30 for t, kx, ky in kept):
            kept.append((r.text, x, y))
    return [t for t, _, _ in kept]

"""Badges by e-mail: one badge PDF and one QR image per delegate, and a mail-merge list.

The organiser's mail program (Outlook, Thunderbird's Mail Merge, a mailing service)
sends each delegate their own files; checkin itself never sends mail, so personal data
stays on this machine until the organiser decides otherwise.  Files are named by the
delegate's reference, never by their name; the folder is 0700 and every file 0600.

The badge is drawn by the same renderer as printed badges (``render_badges``),
so the code on the PDF and the PNG is the one the desk accepts.  Nothing is recorded
as printed: a badge sent by e-mail may never be printed.
"""

from __future__ import annotations

import csv
import os
import re
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from checkin.core.badges.badge_photos import load_photos
from checkin.core.badges.printing import badge_content, event_date_text, select_delegates
from checkin.core.badges.qr import QR_QUIET_ZONE, qr_matrix
from checkin.core.badges.render import RenderCancelled, render_badges
from checkin.core.badges.templates import Template, load_template
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.event.stored import event_secret
from checkin.core.text import spreadsheet_safe
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo
from checkin.core.wording import words

PNG_MODULE_PX = 10
MAILMERGE_HEADINGS = ("first_name", "last_name", "email", "pdf", "png")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class MailMergeError(UserError, ValueError):
    """A mail-merge folder that cannot be written; the message says why."""


@dataclass(frozen=True)
class MailMergeReport:
    folder: Path
    csv_path: Path
    badges: int
    skipped_cancelled: int


def qr_png(data: str, *, module_px: int = PNG_MODULE_PX, quiet: int = QR_QUIET_ZONE
           ) -> bytes:
    """A black-and-white PNG of the badge's QR code (the renderer's own matrix).

    PNG by hand with zlib: a 1-bit greyscale image is a few lines, and it spares a
    runtime dependency on Pillow or pypng for this one file.
    """
    matrix = qr_matrix(data)
    n = len(matrix) + 2 * quiet
    size = n * module_px
    raw = bytearray()
    for r in range(n):
        bits = []
        for c in range(n):
            inside = quiet <= r < n - quiet and quiet <= c < n - quiet
            dark = inside and matrix[r - quiet][c - quiet]
            bits.extend([0 if dark else 1] * module_px)  # 1-bit grey: 1 = white
        bits.extend([1] * (-len(bits) % 8))
        row = bytes(
            int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits), 8)
        )
        raw_row = b"\x00" + row  # filter type None
        raw.extend(raw_row * module_px)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def _private_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise MailMergeError("%1 exists and is not a folder.", folder)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            folder.chmod(0o700)
    except OSError as exc:
        raise MailMergeError(
            "Cannot create the folder %1: %2.", folder, exc.strerror or exc
        ) from exc


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    if os.name == "posix":
        path.chmod(0o600)


def file_stem(delegate: DelegateInfo, taken: set[str]) -> str:
    """The reference, made safe as a file name (never the person's name)."""
    stem = _UNSAFE.sub("_", delegate.reference).strip("._") or f"delegate-{delegate.number}"
    if stem.lower() in taken:
        stem = f"{stem}-{delegate.number}"
    taken.add(stem.lower())
    return stem


def write_mailmerge(
    store: Store,
    event: EventInfo,
    folder: str | Path,
    *,
    template: Template | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MailMergeReport:
    """One badge PDF + one QR PNG per registered delegate, and ``mailmerge.csv``.

    The CSV is written last: a mail merge started on a half-written folder finds no
    list.  Cancelled registrations are skipped.
    """
    template = template or load_template("a6")
    folder = Path(folder)
    _private_folder(folder)
    delegates = select_delegates(store, event)
    skipped = _cancelled_count(store, event)
    if not delegates:
        raise MailMergeError("No registered delegate: no badge to write.")
    rows = _write_badges(store, event, folder, template, delegates, progress, cancelled)
    csv_path = _write_list(folder, event.language, rows)
    return MailMergeReport(folder, csv_path, len(rows), skipped)


def _cancelled_count(store: Store, event: EventInfo) -> int:
    with store.read() as s:
        return s.scalar(
            select(func.count()).where(
                m.Delegate.event_id == event.id,
                m.Delegate.status == DelegateStatus.CANCELLED.value,
            )
        ) or 0


def _write_badges(
    store: Store,
    event: EventInfo,
    folder: Path,
    template: Template,
    delegates: Sequence[DelegateInfo],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[list[str]]:
    """Each delegate's PDF and PNG, private; their rows of the mail-merge list."""
    secret = event_secret(store, event.id)
    date_text = event_date_text(event)
    photos = load_photos(store, [d.id for d in delegates]) if template.prints_photos else {}
    taken: set[str] = set()
    rows = []
    total = len(delegates)
    for i, d in enumerate(delegates, start=1):
        if cancelled is not None and cancelled():
            raise RenderCancelled()
        content = badge_content(event, d, secret, date_text=date_text, photo=photos.get(d.id))
        stem = file_stem(d, taken)
        pdf, png = folder / f"{stem}.pdf", folder / f"{stem}.png"
        render_badges(pdf, template, [content])
        if os.name == "posix":
            pdf.chmod(0o600)
        _write_private(png, qr_png(content.code))
        rows.append([d.first_name, d.last_name, d.email, str(pdf.resolve()),
                     str(png.resolve())])
        if progress is not None:
            progress(i, total)
    return rows


def _write_list(folder: Path, language: str, rows: list[list[str]]) -> Path:
    """``mailmerge.csv``, private, whole or not at all; every cell spreadsheet-safe."""
    csv_path = folder / "mailmerge.csv"
    tmp = folder / ".mailmerge.csv.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        # The headings are the merge fields the organiser types in the mail: in the
        # event's language (the machine names for an English event).
        tr = words(language)
        w.writerow([tr(h) for h in MAILMERGE_HEADINGS])
        w.writerows([[spreadsheet_safe(c) for c in row] for row in rows])
    os.replace(tmp, csv_path)
    return csv_path

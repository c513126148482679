"""Delegates' photos: imported from a folder or taken at the desk, resized, stored.

A photo is kept in the database (``delegate_photos``), so every desk on a shared server
— and a backup — has it: JPEG, at most ``MAX_SIDE`` pixels on its longer side, quality
``QUALITY`` (a 480 px face is 20–40 kB).  Files of a folder are matched to delegates by
their name without the extension: the reference (any case), the e-mail address, or the
number (``42`` or ``#42``).  Purge removes them with the rest of the personal data.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from sqlalchemy import CursorResult, delete, func, insert, select, update
from sqlalchemy.orm import Session

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.types import EventInfo

MAX_SIDE = 480
QUALITY = 85
SUFFIXES = (".jpg", ".jpeg", ".png")
MAX_FILE = 30 * 1024 * 1024  # a camera's largest JPEG, with room


class PhotoError(UserError, ValueError):
    """A picture that cannot be read, or a folder that is not there."""


@dataclass(frozen=True)
class Photo:
    """A stored photo: JPEG bytes and its size in pixels."""

    data: bytes
    width: int
    height: int
    source: str  # "import" or "camera"
    updated_at: dt.datetime  # aware UTC


@dataclass(frozen=True)
class PhotoImport:
    """What a folder import did: how many files found their person, which did not."""

    matched: int
    unmatched: tuple[str, ...]  # file names, sorted
    unreadable: tuple[str, ...] = ()  # "name: why"


def prepare(raw: bytes, *, name: str = "photo") -> tuple[bytes, int, int]:
    """A JPEG or PNG as stored: turned upright (EXIF), RGB, at most MAX_SIDE px, JPEG."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(raw)) as img:
            if img.format not in ("JPEG", "PNG", "MPO"):
                raise PhotoError("%1: not a JPEG or PNG picture (%2).", name, img.format)
            pic = ImageOps.exif_transpose(img)
            if pic.mode in ("RGBA", "LA", "P"):
                pic = pic.convert("RGBA")
                flat = Image.new("RGB", pic.size, "white")
                flat.paste(pic, mask=pic.split()[-1])
                pic = flat
            pic = pic.convert("RGB")
            pic.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            pic.save(out, "JPEG", quality=QUALITY, optimize=True)
            return out.getvalue(), pic.width, pic.height
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        if isinstance(exc, PhotoError):
            raise
        raise PhotoError("%1: not a picture that can be read (%2).", name,
                         type(exc).__name__) from exc


def _put(s: Session, event_id: int, delegate_id: int, prepared: tuple[bytes, int, int],
         source: str, when: dt.datetime) -> None:
    data, width, height = prepared
    # The delegate's ``updated_at`` moves: desks' offline copies pull the new photo.
    s.execute(update(m.Delegate).where(m.Delegate.id == delegate_id).values(updated_at=when))
    row = s.get(m.DelegatePhoto, delegate_id)
    if row is None:
        row = m.DelegatePhoto(delegate_id=delegate_id, event_id=event_id)
        s.add(row)
    row.data, row.width, row.height, row.source, row.updated_at = (
        data, width, height, source, when
    )


def _naive_now(now: dt.datetime | None) -> dt.datetime:
    return (now or clock.utcnow()).astimezone(dt.UTC).replace(tzinfo=None)


def store_photo(
    store: Store, event: EventInfo, delegate_id: int, raw: bytes, *,
    source: str = "camera", now: dt.datetime | None = None,
) -> Photo:
    """Keep a picture (a webcam frame's JPEG/PNG bytes, or a file's) as the person's
    photo, replacing any earlier one."""
    prepared = prepare(raw)
    when = _naive_now(now)
    with store.write() as s:
        if s.get(m.Delegate, delegate_id) is None:
            raise PhotoError("No delegate with id %1 in this event.", delegate_id)
        _put(s, event.id, delegate_id, prepared, source, when)
    return Photo(prepared[0], prepared[1], prepared[2], source, when.replace(tzinfo=dt.UTC))


def photo(store: Store, delegate_id: int) -> Photo | None:
    """The person's photo (JPEG bytes, for the desk's result panel), or None."""
    with store.read() as s:
        row = s.get(m.DelegatePhoto, delegate_id)
        if row is None:
            return None
        return Photo(row.data, row.width, row.height, row.source,
                     row.updated_at.replace(tzinfo=dt.UTC))


def with_photos(store: Store, event: EventInfo) -> set[int]:
    """The ids of the delegates who have a photo (badge preflight, the Roster)."""
    with store.read() as s:
        return set(s.scalars(
            select(m.DelegatePhoto.delegate_id).where(m.DelegatePhoto.event_id == event.id)
        ))


def remove_photo(store: Store, delegate_id: int, *, now: dt.datetime | None = None) -> bool:
    with store.write() as s:
        s.execute(update(m.Delegate).where(m.Delegate.id == delegate_id)
                  .values(updated_at=_naive_now(now)))
        gone = s.execute(
            delete(m.DelegatePhoto).where(m.DelegatePhoto.delegate_id == delegate_id)
        )
        return cast(CursorResult, gone).rowcount > 0


def _index(s: Session, event: EventInfo) -> dict[str, int]:
    """Name without extension (folded) -> delegate id: references, e-mails, numbers."""
    rows = s.execute(
        select(m.Delegate.id, m.Delegate.number, m.Delegate.reference, m.Delegate.email)
        .where(m.Delegate.event_id == event.id)
        .order_by(m.Delegate.number)
    ).all()
    index: dict[str, int] = {}
    for r in rows:
        for key in (str(r.number), f"#{r.number}", r.email, r.reference):
            if key:
                index.setdefault(key.strip().casefold(), r.id)
    return index


def import_folder(
    store: Store, event: EventInfo, folder: str | Path, *, now: dt.datetime | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> PhotoImport:
    """Every JPEG/PNG of ``folder`` whose name (without extension) is a reference,
    e-mail or number of this event's roster, resized and stored (one transaction per
    file).  ``progress(done, total)`` returning False stops the import."""
    path = Path(folder)
    if not path.is_dir():
        raise PhotoError("%1: no such folder.", path)
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    with store.read() as s:
        index = _index(s, event)
    when = _naive_now(now)
    matched, unmatched, unreadable = 0, [], []
    for n, file in enumerate(files, start=1):
        if progress is not None and not progress(n - 1, len(files)):
            break
        delegate_id = index.get(file.stem.strip().casefold())
        if delegate_id is None:
            unmatched.append(file.name)
            continue
        try:
            if file.stat().st_size > MAX_FILE:
                raise PhotoError("%1: larger than 30 MB.", file.name)
            prepared = prepare(file.read_bytes(), name=file.name)
        except (PhotoError, OSError) as exc:
            unreadable.append(f"{file.name}: {exc}")
            continue
        with store.write() as s:
            _put(s, event.id, delegate_id, prepared, "import", when)
        matched += 1
    return PhotoImport(matched, tuple(unmatched), tuple(unreadable))


def count_photos(s: Session, event_id: int) -> int:
    return s.scalar(
        select(func.count()).select_from(m.DelegatePhoto).where(
            m.DelegatePhoto.event_id == event_id)
    ) or 0


# ------------------------------------------------------------------ a desk's offline copy


def photo_rows(s: Session, delegate_ids: list[int]) -> list[dict]:
    """These delegates' photo rows, as a desk's offline copy takes them (``mirror``)."""
    table = m.DelegatePhoto.__table__
    out: list[dict] = []
    for i in range(0, len(delegate_ids), 500):
        chunk = delegate_ids[i:i + 500]
        out += [dict(r._mapping) for r in s.execute(
            select(table).where(table.c.delegate_id.in_(chunk)))]
    return out


def replace_photos(s: Session, delegate_ids: list[int], rows: list[dict]) -> None:
    """The copy's photos of these delegates become ``rows`` (none: removed)."""
    for i in range(0, len(delegate_ids), 500):
        s.execute(delete(m.DelegatePhoto).where(
            m.DelegatePhoto.delegate_id.in_(delegate_ids[i:i + 500])))
    if rows:
        s.execute(insert(m.DelegatePhoto), rows)

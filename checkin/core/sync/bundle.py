"""Station-to-station sync without any server: one file carried on a USB stick.

``export_bundle`` writes the event's roster and journal to one file; ``import_bundle``
merges such a file into this station's database.  Both directions, any number of times:
an import is idempotent, so exporting and importing again changes nothing.

The file is a zip of JSON documents (``manifest.json``, then ``categories``,
``sessions``, ``delegates`` and ``scans`` as JSON lines), format ``checkin-sync``
version 1.  It names the event by UUID and carries a fingerprint of the event's badge
secret — never the secret itself: a stick from another event, or from a re-created event
whose badges would not scan here, is refused before anything is written.  The stations
must therefore start from the same database (a copy of the first station's file, see
docs/several-desks.md).

What travels and how it merges:

* delegates, matched by number (the identity printed in the badge code): last writer
  wins by ``updated_at``, so edits, reprints (badge version) and cancellations travel.
  A number that names a different person on each side (two stations each registered a
  walk-in while apart) is a *conflict*: that delegate and their scans are left out and
  reported; nothing is attached to the wrong person;
* categories and sessions missing here (by key) are added; existing ones are kept;
* scans, by UUID, through ``merge`` (time order, projections rebuilt, duplicates
  reported).

Everything is one transaction: a bad file writes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, Integer, String, insert, select, update
from sqlalchemy.orm import Session

from checkin.core import clock
from checkin.core.db import models as m
from checkin.core.db.sort_keys import sort_keys
from checkin.core.db.store import Store
from checkin.core.desk import merge
from checkin.core.errors import UserError, translatable
from checkin.core.event.stored import require_event
from checkin.core.text import fold
from checkin.core.types import EventInfo

FORMAT = "checkin-sync"
VERSION = 1
SUFFIX = ".checkin-sync"

# Delegate columns that do not travel: local ids, and projections rebuilt from the journal.
_DELEGATE_LOCAL = frozenset({"id", "event_id", "arrived_at", "arrived_via"})
_SESSION_COLUMNS = ("key", "title", "room", "starts_at", "ends_at", "capacity", "attendance")
_CATEGORY_COLUMNS = ("key", "label", "colour", "position")


class SyncError(UserError, ValueError):
    """A sync file that cannot be used; the message says which file and why."""


def delegate_columns() -> tuple[str, ...]:
    return tuple(c.name for c in m.Delegate.__table__.columns if c.name not in _DELEGATE_LOCAL)


def fingerprint(secret_hex: str) -> str:
    """Identifies the badge secret without revealing it (a stick may get lost)."""
    return hashlib.sha256(b"checkin-sync-v1:" + bytes.fromhex(secret_hex)).hexdigest()[:32]


@dataclass(frozen=True)
class ExportReport:
    path: Path
    delegates: int
    scans: int
    sessions: int


@dataclass(frozen=True)
class Conflict:
    number: int
    here: str  # the names on each side
    there: str

    @property
    def message(self) -> str:
        return (
            f"delegate no. {self.number} is {self.here!r} here but {self.there!r} in the file "
            "(both stations registered someone as this number): not merged; register "
            f"{self.there!r} again on this station and give them a new badge."
        )


@dataclass(frozen=True)
class ImportReport:
    path: Path
    station: str  # the station that wrote the file
    delegates_new: int
    delegates_updated: int
    sessions_new: int
    categories_new: int
    conflicts: tuple[Conflict, ...]
    scans: merge.MergeReport

    @property
    def changed(self) -> bool:
        return bool(
            self.delegates_new or self.delegates_updated or self.sessions_new
            or self.categories_new or self.scans.new
        )


# ------------------------------------------------------------------ values <-> JSON


def _encode(row: dict) -> dict:
    return {
        k: v.isoformat() if isinstance(v, dt.datetime | dt.date) else v for k, v in row.items()
    }


_LINK_TYPES = {"delegate_number": int, "session_key": str, "undoes_uuid": str}

# Where a field is: the sync file, the part in it (delegates.jsonl…) and the line, the
# first three values of every message about a field.
_Where = tuple[Path, str, int]


def _shown(value: object) -> str:
    """A field's value as quoted in a message: short, whatever it holds."""
    return f"{value!r:.40}"


def _decode(table, row: dict, where: _Where) -> dict:
    """Turn a JSON object back into column values, checking types, lengths and the
    required columns, so a damaged file is refused with its line instead of failing
    half-way through the database transaction."""
    out = {}
    columns = {c.name: c for c in table.columns}
    for key, value in row.items():
        column = columns.get(key)
        if column is None:
            kind = _LINK_TYPES.get(key)
            if kind is None:
                continue  # a local column of the other station (id): not used
            if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
                if kind is int:
                    raise SyncError(
                        "%1: %2, line %3: %4 %5 is not a whole number.", *where, key,
                        _shown(value),
                    )
                raise SyncError("%1: %2, line %3: %4 %5 is not text.", *where, key, _shown(value))
            out[key] = value
            continue
        if key in ("id", "event_id"):
            continue
        if value is not None:
            value = _value(column, value, where, key)
        elif not column.nullable:
            raise SyncError("%1: %2, line %3: %4 is empty.", *where, key)
        out[key] = value
    return out


def _value(column, value, where: _Where, key: str):
    kind = column.type
    shown = _shown(value)
    if isinstance(kind, DateTime | Date):
        if not isinstance(value, str):
            raise SyncError("%1: %2, line %3: %4 %5 is not a date/time.", *where, key, shown)
        try:
            return (dt.datetime if isinstance(kind, DateTime) else dt.date).fromisoformat(value)
        except ValueError as exc:
            raise SyncError(
                "%1: %2, line %3: %4 %5 is not a date/time.", *where, key, shown
            ) from exc
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise SyncError("%1: %2, line %3: %4 %5 is not true/false.", *where, key, shown)
        return value
    if isinstance(kind, Integer):
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) >= 2**31:
            raise SyncError("%1: %2, line %3: %4 %5 is not a whole number.", *where, key, shown)
        return value
    if isinstance(kind, String):
        if not isinstance(value, str):
            raise SyncError("%1: %2, line %3: %4 %5 is not text.", *where, key, shown)
        if kind.length is not None and len(value) > kind.length:
            raise SyncError(
                "%1: %2, line %3: %4 is longer than %5 characters.", *where, key, kind.length
            )
        if "\x00" in value:
            raise SyncError("%1: %2, line %3: %4 contains a NUL character.", *where, key)
        return value
    return value


def _require(row: dict, names: tuple[str, ...], where: _Where) -> None:
    missing = [n for n in names if row.get(n) is None]
    if missing:
        raise SyncError("%1: %2, line %3: no %4.", *where, ", ".join(missing))


# ------------------------------------------------------------------ export


def export_bundle(store: Store, path: str | Path, *, station: str = "") -> ExportReport:
    """Write this station's roster and journal to ``path`` (0600, written atomically)."""
    path = Path(path)
    event = require_event(store)
    with store.read() as s:
        row = s.get_one(m.Event, event.id)
        secret = row.secret
        categories = [
            {c: getattr(cat, c) for c in _CATEGORY_COLUMNS}
            for cat in s.scalars(select(m.Category).where(m.Category.event_id == event.id))
        ]
        sessions = [
            {c: getattr(x, c) for c in _SESSION_COLUMNS}
            for x in s.scalars(select(m.Session).where(m.Session.event_id == event.id))
        ]
        cols = [m.Delegate.__table__.c[name] for name in delegate_columns()]
        delegates = [
            dict(r._mapping)
            for r in s.execute(
                select(*cols).where(m.Delegate.event_id == event.id).order_by(m.Delegate.number)
            )
        ]
        scans = merge.portable_scans(s, event.id)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "event_uuid": event.uuid,
        "event_name": event.name,
        "event_date": event.date.isoformat(),
        "fingerprint": fingerprint(secret),
        "station": station,
        "exported_at": clock.utcnow().isoformat(timespec="seconds"),
        "delegate_columns": list(delegate_columns()),
        "scan_columns": [*merge.scan_columns(), *merge.LINKS],
        "counts": {"delegates": len(delegates), "scans": len(scans), "sessions": len(sessions)},
    }
    parts = {
        "manifest.json": json.dumps(manifest, ensure_ascii=False, indent=1),
        "categories.jsonl": _lines(categories, _encode),
        "sessions.jsonl": _lines(sessions, _encode),
        "delegates.jsonl": _lines(delegates, _encode),
        "scans.jsonl": _lines(scans, _encode),
    }
    _write_private_zip(path, parts)
    return ExportReport(path, len(delegates), len(scans), len(sessions))


def _lines(rows: list[dict], encode: Callable[[dict], dict]) -> str:
    return "".join(json.dumps(encode(r), ensure_ascii=False) + "\n" for r in rows)


def _write_private_zip(path: Path, parts: dict[str, str]) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise SyncError("%1: the folder %2 does not exist.", path, parent)
    fd, tmp = tempfile.mkstemp(prefix=".checkin-sync-", dir=parent)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as zf:
                for name, text in parts.items():
                    zf.writestr(name, text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SyncError("%1: cannot write the file (%2).", path, exc.strerror or exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# ------------------------------------------------------------------ import


@dataclass(frozen=True)
class _Bundle:
    manifest: dict
    categories: list[dict]
    sessions: list[dict]
    delegates: list[dict]
    scans: list[dict]


def read_bundle(path: str | Path) -> _Bundle:
    """Open and check a sync file; every problem is a ``SyncError`` naming the place."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise SyncError("%1: no such file.", path) from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise SyncError("%1: not a checkin sync file (not a zip archive).", path) from exc
    with zf:
        manifest = _read_manifest(zf, path)
        bundle = _Bundle(
            manifest,
            _read_rows(zf, path, "categories.jsonl", m.Category.__table__),
            _read_rows(zf, path, "sessions.jsonl", m.Session.__table__),
            _read_rows(zf, path, "delegates.jsonl", m.Delegate.__table__),
            _read_rows(zf, path, "scans.jsonl", m.Scan.__table__),
        )
    _check_rows(path, bundle)
    return bundle


def _read_manifest(zf: zipfile.ZipFile, path: Path) -> dict:
    """The manifest, refused unless this checkin reads every field the file has."""
    try:
        manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
    except KeyError as exc:
        raise SyncError("%1: not a checkin sync file (no manifest.json).", path) from exc
    except (ValueError, zipfile.BadZipFile, OSError) as exc:
        raise SyncError("%1: manifest.json is damaged (%2).", path, exc) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SyncError(
            "%1: not a checkin sync file (format %2).", path, f"{manifest!r:.60}"
        )
    if manifest.get("version") != VERSION:
        raise SyncError(
            "%1: sync format version %2; this checkin reads version %3. Use the same "
            "checkin version on both stations.",
            path,
            repr(manifest.get("version")),
            VERSION,
        )
    for name, known, newer in (
        (
            "delegate_columns",
            set(delegate_columns()),
            translatable(
                "%1: written by a newer checkin (unknown delegate fields: %2). Update "
                "checkin on this station first."
            ),
        ),
        (
            "scan_columns",
            {*merge.scan_columns(), *merge.LINKS},
            translatable(
                "%1: written by a newer checkin (unknown scan fields: %2). Update "
                "checkin on this station first."
            ),
        ),
    ):
        extra = sorted(set(manifest.get(name) or ()) - known)
        if extra:
            raise SyncError(*(newer, path, ", ".join(extra)))
    return manifest


def _read_rows(zf: zipfile.ZipFile, path: Path, name: str, table) -> list[dict]:
    """One JSON-lines member, each line decoded into column values."""
    try:
        text = zf.read(name).decode("utf-8")
    except KeyError as exc:
        raise SyncError("%1: %2 is missing.", path, name) from exc
    except (UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
        raise SyncError("%1: %2 is damaged (%3).", path, name, exc) from exc
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = (path, name, number)
        try:
            value = json.loads(line)
        except ValueError as exc:
            raise SyncError("%1: %2, line %3: not valid JSON (%4).", *where, exc) from exc
        if not isinstance(value, dict):
            raise SyncError("%1: %2, line %3: expected an object.", *where)
        out.append(_decode(table, value, where))
    return out


def _check_rows(path: Path, bundle: _Bundle) -> None:
    """Every row has its required fields, and its key (the first) only once."""
    checks = (
        ("categories.jsonl", bundle.categories, ("key", "label")),
        ("sessions.jsonl", bundle.sessions, ("key", "title", "starts_at", "ends_at")),
        ("delegates.jsonl", bundle.delegates, ("number", "created_at", "updated_at")),
        ("scans.jsonl", bundle.scans, ("uuid", "outcome", "created_at")),
    )
    for name, rows, required in checks:
        seen: dict[object, int] = {}
        for i, row in enumerate(rows, start=1):
            where = (path, name, i)
            _require(row, required, where)
            key = row[required[0]]
            if key in seen:
                raise SyncError(
                    "%1: %2, line %3: %4 %5 again (line %6).", *where, required[0], repr(key),
                    seen[key],
                )
            seen[key] = i


def import_bundle(store: Store, path: str | Path) -> ImportReport:
    """Merge a sync file into this station's database, in one transaction."""
    path = Path(path)
    bundle = read_bundle(path)
    event = require_event(store)
    manifest = bundle.manifest
    with store.write() as s:
        row = s.get_one(m.Event, event.id)
        if manifest.get("event_uuid") != row.uuid:
            raise SyncError(
                "%1: this file is from another event (%2, %3); this station holds %4. "
                "Nothing was imported.",
                path,
                repr(manifest.get("event_name")),
                manifest.get("event_date"),
                repr(row.name),
            )
        if manifest.get("fingerprint") != fingerprint(row.secret):
            raise SyncError(
                "%1: the event %2 in this file has other badge keys than this station's (it "
                "was re-created, not copied): its badges would not scan here. Nothing was "
                "imported; set this station up from a copy of the other station's database.",
                path,
                repr(row.name),
            )
        categories_new = _add_categories(s, event, bundle.categories)
        sessions_new = _add_sessions(s, event, bundle.sessions)
        new, updated, conflicts = _merge_delegates(s, event, bundle.delegates)
        report = merge.merge_rows(
            s, event, bundle.scans, lock=not store.is_sqlite,
            skip_numbers=frozenset(c.number for c in conflicts),
        )
    return ImportReport(
        path=path,
        station=str(manifest.get("station") or ""),
        delegates_new=new,
        delegates_updated=updated,
        sessions_new=sessions_new,
        categories_new=categories_new,
        conflicts=tuple(conflicts),
        scans=report,
    )


def _add_categories(s: Session, event: EventInfo, rows: list[dict]) -> int:
    have = set(s.scalars(select(m.Category.key).where(m.Category.event_id == event.id)))
    added = 0
    for row in rows:
        if row.get("key") and row["key"] not in have:
            s.execute(
                insert(m.Category).values(
                    event_id=event.id, **{c: row[c] for c in _CATEGORY_COLUMNS if c in row}
                )
            )
            have.add(row["key"])
            added += 1
    return added


def _add_sessions(s: Session, event: EventInfo, rows: list[dict]) -> int:
    have = set(s.scalars(select(m.Session.key).where(m.Session.event_id == event.id)))
    added = 0
    for row in rows:
        if row["key"] not in have:
            values = {c: row[c] for c in _SESSION_COLUMNS if c in row}
            for c in ("starts_at", "ends_at"):
                values[c] = _naive(values[c])
            s.execute(insert(m.Session).values(event_id=event.id, **values))
            have.add(row["key"])
            added += 1
    return added


def _same_person(here, there: dict) -> bool:
    if _naive(there["created_at"]) == here.created_at:
        return True
    return fold(f"{here.first_name} {here.last_name}") == fold(
        f"{there.get('first_name', '')} {there.get('last_name', '')}"
    )


def _merge_delegates(
    s: Session, event: EventInfo, rows: list[dict]
) -> tuple[int, int, list[Conflict]]:
    columns = delegate_columns()
    table = m.Delegate.__table__
    local = {
        r.number: r
        for r in s.execute(
            select(table).where(m.Delegate.event_id == event.id)
        )
    }
    new = updated = 0
    conflicts: list[Conflict] = []
    for row in rows:
        values = {c: row[c] for c in columns if c in row}
        values.update(sort_keys(values))  # ours, from the names (older bundles lack them)
        for c, v in values.items():
            if isinstance(v, dt.datetime):
                values[c] = _naive(v)
        here = local.get(row["number"])
        if here is None:
            s.execute(insert(m.Delegate).values(event_id=event.id, **values))
            new += 1
            continue
        if not _same_person(here, row):
            conflicts.append(
                Conflict(
                    row["number"],
                    f"{here.first_name} {here.last_name}".strip(),
                    f"{row.get('first_name', '')} {row.get('last_name', '')}".strip(),
                )
            )
            continue
        if values["updated_at"] <= here.updated_at:
            continue  # ours is as new or newer: last writer wins
        changes = {
            c: v for c, v in values.items()
            if c not in ("number", "created_at") and getattr(here, c) != v
        }
        if changes:
            s.execute(update(m.Delegate).where(m.Delegate.id == here.id).values(**changes))
            updated += 1
    return new, updated, conflicts


def _naive(when: dt.datetime) -> dt.datetime:
    if when.tzinfo is not None:
        return when.astimezone(dt.UTC).replace(tzinfo=None)
    return when


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


def iter_report_lines(report: ImportReport) -> Iterator[str]:
    """The import report as lines for people (CLI, desk)."""
    scans = report.scans
    yield (
        f"Imported from {report.station or 'another station'}: {_n(scans.new, 'new scan')} "
        f"({scans.present} already here), {_n(report.delegates_new, 'new delegate')}, "
        f"{_n(report.delegates_updated, 'updated delegate')}, "
        f"{_n(report.sessions_new, 'new session')}."
    )
    for c in report.conflicts:
        yield f"CONFLICT: {c.message}"
    for k in scans.skipped:
        yield f"not merged: scan {k.uuid}: {k.reason}"
    for d in scans.duplicates:
        yield f"DUPLICATE: {d.message}"

"""The ticks of a paper sign-in sheet, entered afterwards through the normal check-in
engine (source ``import``): from ``checkin paper-arrivals`` and from the app's dialog.

``preview_paper_arrivals`` is the dry run of ``record_paper_arrivals``: the same
lookup — a reference exactly, ``#12`` = delegate number 12 — and the same session, with
each reference's fate (to record, already checked in, unknown, cancelled) and nothing
written.  ``record_paper_arrivals`` runs that lookup, refuses the whole list if one
reference is unknown or cancelled, then writes; entering the same sheet twice changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from checkin.core.dashboard.files import ReportError
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.desk import journal
from checkin.core.desk.service import AUTO, CheckinService, resolve_session
from checkin.core.types import DelegateStatus, EventInfo, Outcome, ScanSource, SessionInfo

NEW, ALREADY, UNKNOWN, CANCELLED = "new", "already", "unknown", "cancelled"
_NUMBER = re.compile(r"#(\d+)")


@dataclass(frozen=True)
class PaperLine:
    """One reference of the sheet and what recording it does."""

    ref: str
    state: str  # new | already | unknown | cancelled
    name: str = ""
    admitted_at: dt.datetime | None = None  # for "already": when (event's zone)
    delegate_id: int | None = None


@dataclass(frozen=True)
class PaperPreview:
    """What ``record_paper_arrivals`` would do with these references, in their order."""

    lines: tuple[PaperLine, ...]
    session: str | None

    def refs(self, state: str) -> tuple[str, ...]:
        return tuple(line.ref for line in self.lines if line.state == state)

    @property
    def known(self) -> tuple[str, ...]:
        """Registered delegates: what may be recorded."""
        return tuple(line.ref for line in self.lines if line.state in (NEW, ALREADY))


@dataclass(frozen=True)
class PaperResult:
    admitted: tuple[str, ...]  # references newly recorded
    already: tuple[str, ...]  # references already checked in (nothing written)
    session: str | None


def read_refs(items: Sequence[str]) -> list[str]:
    """References from the command line: a name of an existing file is read (one per
    line, first comma/space-separated field, ``#`` lines are comments); anything else
    is a reference itself."""
    refs: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise ReportError("%1: cannot read the file (%2).", path, exc) from exc
            for line in text.splitlines():
                field = re.split(r"[,;\s]", line.strip(), maxsplit=1)[0]
                comment = field.startswith("#") and not re.fullmatch(r"#\d+", field)
                if field and not comment:
                    refs.append(field)
        elif item.strip():
            refs.append(item.strip())
    return refs


def paper_time(event: EventInfo, text: str) -> dt.datetime:
    """``09:10`` on the event day in its time zone, or an ISO date-time; aware UTC."""
    text = text.strip()
    match = re.fullmatch(r"([01]?\d|2[0-3])[:h.]([0-5]\d)", text)
    if match:
        local = dt.datetime.combine(
            event.date, dt.time(int(match.group(1)), int(match.group(2))), tzinfo=event.tz
        )
        return local.astimezone(dt.UTC)
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ReportError(
            "--at %1: give a time like 09:10 (on the event day) or an ISO date-time.", repr(text)
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=event.tz)
    return when.astimezone(dt.UTC)


def preview_paper_arrivals(
    store: Store,
    event: EventInfo,
    refs: Sequence[str],
    *,
    at: dt.datetime,
    session: str | None = None,
) -> PaperPreview:
    """The dry run of ``record_paper_arrivals``: what recording ``refs`` at ``at``
    would do, each reference once in the order given; nothing is written."""
    sess = _session(event, session, at)
    return _lookup(store, event, _wanted(refs), sess)


def record_paper_arrivals(
    store: Store,
    event: EventInfo,
    refs: Sequence[str],
    *,
    at: dt.datetime,
    station: str,
    session: str | None = None,
    operator: str = "",
) -> PaperResult:
    """Record the ticks of a paper sheet as admissions at ``at`` (aware).

    Every reference is checked first: if one is unknown or cancelled nothing is
    written.  People already admitted (by a scan, or by an earlier run) are left alone
    — no journal row — so entering the same sheet twice changes nothing.
    """
    wanted = _wanted(refs)
    if not wanted:
        raise ReportError("No reference given: list the ticked references (or a file of them).")
    sess = _session(event, session, at)
    preview = _lookup(store, event, wanted, sess)
    _refuse_unknown_or_cancelled(preview)
    service = CheckinService(store, event, station=station, operator=operator)
    new: list[str] = []
    already: list[str] = []
    seen: set[int] = set()
    for line in preview.lines:
        # Unknown ones were refused above; "#12" and its reference are one person.
        if line.state == ALREADY or line.delegate_id is None or line.delegate_id in seen:
            already.append(line.ref)
            continue
        seen.add(line.delegate_id)
        outcome = service.check_in(
            line.delegate_id, session=sess.key if sess else None, source=ScanSource.IMPORT,
            now=at,
        )
        (new if outcome.status is Outcome.ADMITTED else already).append(line.ref)
    return PaperResult(tuple(new), tuple(already), preview.session)


def _wanted(refs: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(r.strip() for r in refs if r.strip()))


def _session(event: EventInfo, session: str | None, at: dt.datetime) -> SessionInfo | None:
    """The session of ``session`` (a key, ``"auto"`` or none), as the desk resolves it."""
    sess = resolve_session(event, session, at)
    if session == AUTO and sess is None:
        raise ReportError("No session was running at %1.", f"{event.local(at):%H:%M}")
    return sess


def _lookup(
    store: Store, event: EventInfo, wanted: list[str], sess: SessionInfo | None
) -> PaperPreview:
    """Each wanted reference matched to its delegate and their standing admission."""
    scope = sess.id if sess else journal.VENUE
    numbers = {r: int(match.group(1)) for r in wanted if (match := _NUMBER.fullmatch(r))}
    d = m.Delegate
    with store.read() as s:
        rows = s.execute(
            select(d.id, d.reference, d.number, d.status, d.first_name, d.last_name).where(
                d.event_id == event.id,
                d.reference.in_([r for r in wanted if r not in numbers])
                | d.number.in_(list(numbers.values())),
            )
        ).all()
        by_number = {row.number: row for row in rows}
        by_reference = {row.reference: row for row in rows if row.reference}
        found = {}
        for r in wanted:
            row = by_number.get(numbers[r]) if r in numbers else None
            if (row := row or by_reference.get(r)) is not None:
                found[r] = row
        admitted = dict(
            s.execute(
                select(m.Admission.delegate_id, m.Admission.admitted_at).where(
                    m.Admission.event_id == event.id,
                    m.Admission.scope == scope,
                    m.Admission.delegate_id.in_([row.id for row in found.values()]),
                )
            ).all()
        )
    lines = []
    for r in wanted:
        row = found.get(r)
        if row is None:
            lines.append(PaperLine(r, UNKNOWN))
            continue
        name = " ".join(p for p in (row.first_name, row.last_name) if p)
        if row.status != DelegateStatus.REGISTERED.value:
            lines.append(PaperLine(r, CANCELLED, name, delegate_id=row.id))
        elif row.id in admitted:
            when = event.local(admitted[row.id])
            lines.append(PaperLine(r, ALREADY, name, when, delegate_id=row.id))
        else:
            lines.append(PaperLine(r, NEW, name, delegate_id=row.id))
    return PaperPreview(tuple(lines), sess.key if sess else None)


def _refuse_unknown_or_cancelled(preview: PaperPreview) -> None:
    unknown, cancelled = preview.refs(UNKNOWN), preview.refs(CANCELLED)
    if unknown and cancelled:
        raise ReportError(
            "Nothing recorded; check these references (unknown: %1; registration cancelled: %2).",
            ", ".join(unknown), ", ".join(cancelled),
        )
    if unknown:
        raise ReportError(
            "Nothing recorded; check these references (unknown: %1).", ", ".join(unknown)
        )
    if cancelled:
        raise ReportError(
            "Nothing recorded; check these references (registration cancelled: %1).",
            ", ".join(cancelled),
        )

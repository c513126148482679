"""Badge printing as organisers do it: choose who, check first, print, keep track.

``render`` draws; this module decides what is drawn and records it:

* ``select_delegates`` — everyone registered, only the never printed, or named people;
* ``preflight`` — every badge with a problem before paper is wasted (a character no
  font has, a name shrunk below the legible minimum, two people with the same name,
  no organisation, no photo for a template that prints one);
* ``print_badges`` — renders the PDF and, only once it is complete, records each print
  in one transaction (``printed_at``, ``print_count``, a ``badge_prints`` row).  A
  reprint bumps the badge version in that same transaction, so the lost badge scans as
  ``revoked`` from then on; a failed or cancelled render changes nothing;
* ``preview_badges`` — the same rendering, recording nothing: the preview is the PDF
  the printer would get;
* ``print_count`` — how often one badge was printed (printing on arrival prints only
  the never printed).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, update

from checkin.core import clock
from checkin.core.badges import legibility
from checkin.core.badges.badge_photos import load_photos, without_photo
from checkin.core.badges.layout import BadgeContent, BadgePhoto, check_badge
from checkin.core.badges.render import RenderResult, render_badges
from checkin.core.badges.templates import Template
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError
from checkin.core.event import codes
from checkin.core.event.stored import event_secret
from checkin.core.roster.countries import country_name
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row, find_in
from checkin.core.text import fold
from checkin.core.types import DelegateInfo, DelegateStatus, EventInfo

LOCALES = {"en": "en_GB", "fr": "fr_CH"}


class PrintError(UserError, ValueError):
    """A print request that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class PreflightProblem:
    number: int
    reference: str
    name: str
    field: str
    # missing_glyph | below_minimum | does_not_fit | overlap | duplicate_name |
    # no_organisation | no_photo
    kind: str
    detail: str

    def __str__(self) -> str:
        ref = f" ({self.reference})" if self.reference else ""
        return f"{self.name}{ref}: {self.detail}"

    @property
    def fix(self) -> str:
        """What the organiser can do about it, in words."""
        return legibility.fix_for(self.field, self.kind)


@dataclass(frozen=True)
class PrintReport:
    path: Path
    template: str
    badges: int
    pages: int
    reprinted: int  # badges whose version was bumped (the old ones are now revoked)
    printed_before: int  # badges printed again at the same version (duplicates of a valid one)
    problems: tuple[PreflightProblem, ...]
    elapsed_s: float
    printer: str = ""  # a label printer's description when sent to one (path is then empty)


def event_date_text(event: EventInfo) -> str:
    from babel.dates import format_date

    return format_date(event.date, format="full", locale=LOCALES.get(event.language, "en_GB"))


def select_delegates(
    store: Store, event: EventInfo, *, unprinted: bool = False, refs: Sequence[str] = ()
) -> list[DelegateInfo]:
    """Registered delegates in alphabetical order (how badges are laid out on a table).

    ``refs`` names people as ``find_by_ref`` reads them: a reference, ``#42`` or a
    badge code."""
    query = (
        select(*DELEGATE_COLUMNS)
        .where(
            m.Delegate.event_id == event.id,
            m.Delegate.status == DelegateStatus.REGISTERED.value,
        )
        .order_by(
            func.lower(m.Delegate.last_name), func.lower(m.Delegate.first_name), m.Delegate.number
        )
    )
    if unprinted:
        query = query.where(m.Delegate.print_count == 0)
    wanted = [r.strip() for r in refs if r.strip()]
    with store.read() as s:
        if wanted:
            query = query.where(m.Delegate.id.in_(_named(s, event, wanted)))
        return [delegate_from_row(row) for row in s.execute(query)]


def _named(s, event: EventInfo, wanted: list[str]) -> set[int]:
    """The ids of the registered people ``wanted`` names; ``PrintError`` naming the
    texts that name no one, or someone cancelled."""
    secret = bytes.fromhex(s.get_one(m.Event, event.id).secret)
    found = {text: find_in(s, event, secret, text) for text in wanted}
    unknown = ", ".join(sorted(t for t, d in found.items() if d is None))
    gone = ", ".join(sorted(
        t for t, d in found.items()
        if d is not None and d.status != DelegateStatus.REGISTERED.value
    ))  # fmt: skip
    if gone and unknown:
        raise PrintError(
            "No badge for these references (cancelled: %1; unknown: %2).", gone, unknown
        )
    if unknown:
        raise PrintError("No badge for these references (unknown: %1).", unknown)
    if gone:
        raise PrintError("No badge for these references (cancelled: %1).", gone)
    return {d.id for d in found.values() if d is not None}


def badge_content(
    event: EventInfo, delegate: DelegateInfo, secret: bytes, *, version: int | None = None,
    date_text: str | None = None, photo: BadgePhoto | None = None,
) -> BadgeContent:
    category = event.category(delegate.category)
    return BadgeContent(
        key=delegate.reference or f"#{delegate.number}",
        first_name=delegate.first_name,
        last_name=delegate.last_name,
        organisation=delegate.organisation,
        country=country_name(delegate.country, event.language) if delegate.country else "",
        category_label=category.label if category else delegate.category,
        category_colour=category.colour if category else "#4D4D4D",
        code=codes.make_code(secret, delegate.number, version or delegate.badge_version),
        event_name=event.name,
        event_date=date_text if date_text is not None else event_date_text(event),
        photo=photo,
    )


def badge_contents(
    store: Store, event: EventInfo, template: Template, delegates: Sequence[DelegateInfo],
    versions: dict[int, int] | None = None,
) -> list[BadgeContent]:
    """What each of these badges shows, at ``versions`` (default: the version held);
    their photos read in one go when the template prints them."""
    secret = event_secret(store, event.id)
    date_text = event_date_text(event)
    photos = load_photos(store, [d.id for d in delegates]) if template.prints_photos else {}
    return [
        badge_content(event, d, secret, date_text=date_text, photo=photos.get(d.id),
                      version=versions[d.id] if versions is not None else None)
        for d in delegates
    ]


def preflight(
    store: Store,
    event: EventInfo,
    template: Template,
    delegates: Sequence[DelegateInfo] | None = None,
) -> list[PreflightProblem]:
    """Every badge that would print with a problem, in roster order."""
    if delegates is None:
        delegates = select_delegates(store, event)
    secret = event_secret(store, event.id)
    date_text = event_date_text(event)
    by_name: dict[str, list[DelegateInfo]] = defaultdict(list)
    problems: list[PreflightProblem] = []
    for d in delegates:
        by_name[fold(d.full_name)].append(d)
        content = badge_content(event, d, secret, date_text=date_text)
        for issue in check_badge(template, content):
            problems.append(PreflightProblem(
                d.number, d.reference, d.full_name, issue.field, issue.kind, issue.detail
            ))
        if not d.organisation:
            problems.append(PreflightProblem(
                d.number, d.reference, d.full_name, "organisation", "no_organisation",
                "no organisation on the badge",
            ))
    if template.prints_photos:
        problems += [
            PreflightProblem(d.number, d.reference, d.full_name, "photo", "no_photo",
                             "no photo: the badge gets an empty frame")
            for d in without_photo(store, event, delegates)
        ]
    for same in by_name.values():
        if len(same) > 1:
            for d in same:
                others = ", ".join(
                    (o.reference or f"#{o.number}") + (f" ({o.organisation})" if o.organisation
                                                       else "")
                    for o in same if o is not d
                )
                problems.append(PreflightProblem(
                    d.number, d.reference, d.full_name, "name", "duplicate_name",
                    f"same name as {others}: check they are two people",
                ))
    order = {d.number: i for i, d in enumerate(delegates)}
    problems.sort(key=lambda p: (order.get(p.number, 0), p.field))
    return problems


def print_badges(
    store: Store,
    event: EventInfo,
    out: str | Path,
    *,
    template: Template,
    unprinted: bool = False,
    refs: Sequence[str] = (),
    reprint: bool = False,
    reason: str = "",
    station: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: dt.datetime | None = None,
) -> PrintReport:
    """Render the chosen badges to ``out`` and record them as printed.

    ``reprint`` needs ``refs``: reprinting invalidates the badges people hold, so it is
    never done to everyone by accident.
    """
    started = time.perf_counter()
    delegates = _to_print(store, event, unprinted=unprinted, refs=refs, reprint=reprint)
    versions = {d.id: d.badge_version + 1 if reprint else d.badge_version for d in delegates}

    def record() -> int:
        return _record(
            store, event, delegates, versions, reprint=reprint, reason=reason,
            template=template.key, station=station, now=now,
        )

    out = Path(out)
    result, printed_before = _render(
        store, event, out, template, delegates, versions,
        record=record, progress=progress, cancelled=cancelled,
    )
    return PrintReport(
        path=out,
        template=template.key,
        badges=result.badges,
        pages=result.pages,
        reprinted=len(delegates) if reprint else 0,
        printed_before=printed_before,
        problems=_render_problems(result),
        elapsed_s=time.perf_counter() - started,
    )


def _to_print(
    store: Store, event: EventInfo, *, unprinted: bool, refs: Sequence[str], reprint: bool
) -> list[DelegateInfo]:
    """The delegates a print request names, or a ``PrintError`` saying why there are none."""
    if reprint and not refs:
        raise PrintError("Name the badges to reprint (--ref): a reprint revokes the old badge.")
    delegates = select_delegates(store, event, unprinted=unprinted, refs=refs)
    if not delegates:
        if unprinted:
            raise PrintError("No badge to print: everyone's badge has been printed.")
        raise PrintError("No badge to print: no registered delegate matches.")
    return delegates


def preview_badges(
    store: Store,
    event: EventInfo,
    out: str | Path,
    *,
    template: Template,
    unprinted: bool = False,
    refs: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """The PDF ``print_badges`` would write for the same choice, recording nothing.

    Same selection, same badges at the versions people hold, same renderer: what the
    organiser looks at is what the printer gets.
    """
    delegates = select_delegates(store, event, unprinted=unprinted, refs=refs)
    if not delegates:
        raise PrintError("No badge to print: no registered delegate matches.")
    versions = {d.id: d.badge_version for d in delegates}
    result, _ = _render(
        store, event, Path(out), template, delegates, versions,
        record=None, progress=progress, cancelled=cancelled,
    )
    return result


@dataclass(frozen=True)
class PrintLogEntry:
    """One badge printed, as the print log shows it."""

    printed_at: dt.datetime  # UTC, naive (as stored)
    reference: str
    name: str
    badge_version: int
    reprint: bool
    reason: str
    template: str
    station: str


def print_log(
    store: Store, event: EventInfo, *, station: str | None = None, limit: int = 200
) -> list[PrintLogEntry]:
    """The latest prints and reprints, newest first (``station``: only that desk's)."""
    query = (
        select(m.BadgePrint, m.Delegate.reference, m.Delegate.first_name, m.Delegate.last_name)
        .join(m.Delegate, m.Delegate.id == m.BadgePrint.delegate_id)
        .where(m.BadgePrint.event_id == event.id)
        .order_by(m.BadgePrint.printed_at.desc(), m.BadgePrint.id.desc())
        .limit(limit)
    )
    if station is not None:
        query = query.where(m.BadgePrint.station == station)
    with store.read() as s:
        return [
            PrintLogEntry(p.printed_at, ref, f"{first} {last}".strip(), p.badge_version,
                          p.reprint, p.reason, p.template, p.station)
            for p, ref, first, last in s.execute(query)
        ]


def print_count(store: Store, delegate_id: int) -> int:
    """How many times this delegate's badge was printed (0: never, or no such delegate)."""
    with store.read() as s:
        count = s.scalar(select(m.Delegate.print_count).where(m.Delegate.id == delegate_id))
    return count or 0


def _render(
    store: Store,
    event: EventInfo,
    out: Path,
    template: Template,
    delegates: Sequence[DelegateInfo],
    versions: dict[int, int],
    *,
    record: Callable[[], int] | None,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[RenderResult, int]:
    """Render to a private file beside ``out``, ``record()`` (if given), then move it in.

    A failed or cancelled render, or a refused record, leaves ``out`` untouched and
    nothing recorded.  Returns the render's result and what ``record()`` returned.
    """
    contents = badge_contents(store, event, template, delegates, versions)
    fd, tmp_name = tempfile.mkstemp(prefix=".badges-", suffix=".pdf", dir=out.parent or None)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        result = render_badges(tmp, template, contents, progress=progress, cancelled=cancelled)
        recorded = record() if record is not None else 0
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return result, recorded


def _render_problems(result: RenderResult) -> tuple[PreflightProblem, ...]:
    """What the renderer had to do to fit the text, as problems (no delegate number)."""
    return tuple(
        PreflightProblem(0, "", i.key, i.field, i.kind, i.detail) for i in result.issues
    )


def _record(
    store: Store,
    event: EventInfo,
    delegates: Sequence[DelegateInfo],
    versions: dict[int, int],
    *,
    reprint: bool,
    reason: str,
    template: str,
    station: str,
    now: dt.datetime | None,
) -> int:
    """One transaction: bump versions (reprint), count prints, journal them.

    Returns how many of these badges had been printed before.
    """
    when = (now or clock.utcnow()).astimezone(dt.UTC).replace(tzinfo=None)
    ids = [d.id for d in delegates]
    with store.write() as s:
        current = dict(
            s.execute(
                select(m.Delegate.id, m.Delegate.badge_version).where(m.Delegate.id.in_(ids))
            ).all()
        )
        expected = {d.id: d.badge_version for d in delegates}
        if current != expected:
            raise PrintError(
                "Badges changed while printing (a reprint at another desk?); print again."
            )
        printed_before = s.scalar(
            select(func.count()).where(m.Delegate.id.in_(ids), m.Delegate.print_count > 0)
        )
        s.execute(
            update(m.Delegate)
            .where(m.Delegate.id.in_(ids))
            .values(
                printed_at=when,
                print_count=m.Delegate.print_count + 1,
                badge_version=m.Delegate.badge_version + (1 if reprint else 0),
                updated_at=when,
            )
            .execution_options(synchronize_session=False)
        )
        s.execute(
            insert(m.BadgePrint),
            [
                {"event_id": event.id, "delegate_id": d.id, "badge_version": versions[d.id],
                 "reprint": reprint, "reason": reason[:200], "template": template,
                 "station": station, "printed_at": when}
                for d in delegates
            ],
        )
    return printed_before or 0

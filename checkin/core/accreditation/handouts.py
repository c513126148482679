"""Hand-outs that come back: interpretation headsets, welcome kits, lunch vouchers.

The items are the event's (TOML ``[[handouts]]``: ``EventInfo.handouts``).  Handing one
out or taking it back is a journal row (action ``handout`` or ``return``, the item's key
in ``item`` and its own number in ``item_code``), written by the desk's service like a
scan, so it is journaled offline and replayed by UUID.  Where a person stands with an
item is the latest of those rows: none = ``due`` (if their category gets it), a hand-out
= ``out``, a return = ``returned``.  Counts are of people, not rows: two desks that both
handed a kit to the same person while apart count one person holding one kit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from checkin.core.accreditation.journal_rows import not_undone, statements
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.errors import UserError, fill, translatable
from checkin.core.roster.delegates import DELEGATE_COLUMNS, delegate_from_row
from checkin.core.types import (
    DelegateInfo,
    DelegateStatus,
    EventInfo,
    HandoutItem,
    HandoutState,
    ScanAction,
)

DUE, OUT, RETURNED = "due", "out", "returned"
_MOVES = (ScanAction.HANDOUT.value, ScanAction.RETURN.value)

# HandoutResult.status -> English template (``errors.fill``), translatable by the app.
TEMPLATES = {
    "given": translatable("%1: %2 handed out."),
    "given_code": translatable("%1: %2 no. %3 handed out."),
    "returned": translatable("%1: %2 returned."),
    "already_out": translatable("%1 already has %2 (handed out at %3)."),
    "not_out": translatable("%1 does not hold %2: nothing to return."),
    "not_returnable": translatable("%2 is not returned: it is kept."),
    "not_for_category": translatable("%2 is not for %1's category (%3)."),
    "cancelled": translatable("Registration cancelled: %1 gets no %2."),
}


class HandoutError(UserError, ValueError):
    """An item the event does not hand out."""


@dataclass(frozen=True)
class HandoutResult:
    """What one give or return did.  ``scan_id`` is the journal row written, or None
    when nothing changed (the refusals: ``already_out``, ``not_out`` …)."""

    status: str  # "given" | "returned" | a refusal key of TEMPLATES
    delegate: DelegateInfo
    item: HandoutItem
    state: HandoutState  # the person's state with the item after this
    scan_id: str | None
    at: dt.datetime  # aware UTC
    message: str
    args: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status in ("given", "returned")


@dataclass(frozen=True)
class HandoutCount:
    """One item's figures: people who get it, hold it now, gave it back, still due."""

    item: str
    label: str
    returnable: bool
    eligible: int  # registered people whose category gets it
    out: int  # holding it now (for a kept item: received it)
    returned: int
    due: int  # eligible and never handed one

    @property
    def outstanding(self) -> int:
        """Returnable items still out: what must come back before the end of the day."""
        return self.out if self.returnable else 0


@dataclass(frozen=True)
class Holder:
    """One person's standing with one item (the end-of-day list's row)."""

    delegate: DelegateInfo
    item: str
    label: str
    state: str  # OUT or RETURNED
    returnable: bool
    out_at: dt.datetime | None  # aware UTC
    returned_at: dt.datetime | None
    item_code: str


def require_item(event: EventInfo, key: str) -> HandoutItem:
    item = event.handout(key.strip())
    if item is None:
        names = ", ".join(h.key for h in event.handouts) or "none"
        raise HandoutError("Unknown hand-out item %1; items: %2.", repr(key), names)
    return item


def say(status: str, delegate: DelegateInfo, item: HandoutItem, *extra: str) -> tuple[str, ...]:
    """The values of ``status``'s template: name, item label, then ``extra``."""
    return (delegate.full_name, item.label, *extra)


def message(status: str, args: tuple[str, ...]) -> str:
    return fill(TEMPLATES[status], args)


def _moves(s: Session | Connection, event_id: int, delegate_ids: Sequence[int] | None):
    if delegate_ids is not None and len(delegate_ids) == 1:  # the scan path: prebuilt
        return s.execute(statements().moves, {"d": delegate_ids[0]}).all()
    query = (
        select(m.Scan.delegate_id, m.Scan.item, m.Scan.action, m.Scan.created_at,
               m.Scan.item_code)
        .where(m.Scan.event_id == event_id, m.Scan.action.in_(_MOVES), not_undone())
        .order_by(m.Scan.created_at, m.Scan.id)
    )
    if delegate_ids is not None:
        query = query.where(m.Scan.delegate_id.in_(delegate_ids))
    return s.execute(query).all()


def _fold(rows: Iterable[Row]) -> dict[tuple[int, str], dict]:
    """(delegate id, item) -> state, out_at, returned_at, item_code, from rows in order."""
    out: dict[tuple[int, str], dict] = {}
    for r in rows:
        st = out.setdefault((r.delegate_id, r.item), {"out_at": None, "returned_at": None,
                                                     "item_code": ""})
        at = r.created_at.replace(tzinfo=dt.UTC)
        if r.action == ScanAction.HANDOUT.value:
            st.update(state=OUT, out_at=at, returned_at=None, item_code=r.item_code or "")
        else:
            st.update(state=RETURNED, returned_at=at)
    return out


def _state(item: HandoutItem, folded: dict | None) -> HandoutState:
    if folded is None:
        return HandoutState(item.key, item.label, DUE, item.returnable)
    return HandoutState(
        item.key, item.label, folded["state"], item.returnable, folded["out_at"],
        folded["returned_at"], folded["item_code"],
    )


def states(s: Session | Connection, event: EventInfo, delegate: DelegateInfo
           ) -> tuple[HandoutState, ...]:
    """The person's items: those their category gets, and any other they were handed."""
    if not event.handouts:
        return ()
    folded = _fold(_moves(s, event.id, [delegate.id]))
    return tuple(
        _state(item, folded.get((delegate.id, item.key)))
        for item in event.handouts
        if item.for_category(delegate.category) or (delegate.id, item.key) in folded
    )


def state_of(s: Session | Connection, event: EventInfo, delegate: DelegateInfo,
             item: HandoutItem) -> HandoutState:
    folded = _fold(_moves(s, event.id, [delegate.id]))
    return _state(item, folded.get((delegate.id, item.key)))


def decide(delegate: DelegateInfo, item: HandoutItem, current: HandoutState,
           give: bool) -> str | None:
    """The refusal key for giving (``give``) or taking back the item, or None to go on."""
    if give:
        if delegate.status == DelegateStatus.CANCELLED.value:
            return "cancelled"
        if not item.for_category(delegate.category):
            return "not_for_category"
        return "already_out" if current.state == OUT else None
    if not item.returnable:
        return "not_returnable"
    return None if current.state == OUT else "not_out"


# ------------------------------------------------------------------ reports


def counts(store: Store, event: EventInfo) -> list[HandoutCount]:
    """Per item, in the file's order: eligible, out, returned, due."""
    with store.read() as s:
        folded = _fold(_moves(s, event.id, None))
        people = s.execute(
            select(m.Delegate.id, m.Delegate.category).where(
                m.Delegate.event_id == event.id,
                m.Delegate.status == DelegateStatus.REGISTERED.value,
            )
        ).all()
    result = []
    for item in event.handouts:
        eligible = [p.id for p in people if item.for_category(p.category)]
        mine = [v["state"] for (d, k), v in folded.items() if k == item.key]
        got = {d for (d, k) in folded if k == item.key}
        result.append(HandoutCount(
            item=item.key, label=item.label, returnable=item.returnable,
            eligible=len(eligible), out=mine.count(OUT), returned=mine.count(RETURNED),
            due=sum(1 for d in eligible if d not in got),
        ))  # fmt: skip
    return result


def holders(store: Store, event: EventInfo, *, outstanding: bool = False) -> list[Holder]:
    """Everyone who was handed an item, by item then name; ``outstanding``: only the
    returnable items still out (the end-of-day list of who still holds what)."""
    items = {h.key: h for h in event.handouts}
    with store.read() as s:
        folded = _fold(_moves(s, event.id, None))
        ids = sorted({d for d, _ in folded})
        people = {}
        for i in range(0, len(ids), 500):
            rows = s.execute(select(*DELEGATE_COLUMNS).where(m.Delegate.id.in_(ids[i:i + 500])))
            people.update({r.id: delegate_from_row(r) for r in rows})
    out = []
    for (did, key), v in folded.items():
        item = items.get(key)
        returnable = item.returnable if item else True
        if outstanding and not (v["state"] == OUT and returnable):
            continue
        out.append(Holder(
            people[did], key, item.label if item else key, v["state"], returnable,
            v["out_at"], v["returned_at"], v["item_code"],
        ))  # fmt: skip
    order = {k: i for i, k in enumerate(items)}
    out.sort(key=lambda h: (order.get(h.item, len(order)), h.delegate.last_name.casefold(),
                            h.delegate.first_name.casefold(), h.delegate.number))
    return out

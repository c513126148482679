"""Delegates' photos for their badges: read in bulk, and who has none.

The photos themselves are kept by ``accreditation.photos`` (imported from a folder or
taken at the desk, JPEG, at most 480 px).  A badge template with a ``photo`` box prints
them: the renderer gets each badge's JPEG with its content, read here for the whole
batch in one query (500 people at a time: a database's limit on bound values), never
one per badge.  Preflight asks ``without_photo`` who would get an empty frame.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from checkin.core.accreditation.photos import with_photos
from checkin.core.badges.layout import BadgePhoto
from checkin.core.db import models as m
from checkin.core.db.store import Store
from checkin.core.types import DelegateInfo, EventInfo

CHUNK = 500


def load_photos(store: Store, delegate_ids: Sequence[int]) -> dict[int, BadgePhoto]:
    """Delegate id -> photo, for those of ``delegate_ids`` who have one."""
    table = m.DelegatePhoto.__table__
    ids = list(dict.fromkeys(delegate_ids))
    found: dict[int, BadgePhoto] = {}
    with store.read() as s:
        for i in range(0, len(ids), CHUNK):
            query = select(table.c.delegate_id, table.c.data, table.c.width, table.c.height)
            rows = s.execute(query.where(table.c.delegate_id.in_(ids[i:i + CHUNK])))
            found.update({r.delegate_id: BadgePhoto(r.data, r.width, r.height) for r in rows})
    return found


def without_photo(
    store: Store, event: EventInfo, delegates: Sequence[DelegateInfo]
) -> list[DelegateInfo]:
    """Those of ``delegates`` with no photo, in the order given."""
    have = with_photos(store, event)
    return [d for d in delegates if d.id not in have]

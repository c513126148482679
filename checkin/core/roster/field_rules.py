"""What one field of a delegate may hold, the same for a list, a walk-in and an edit:
column lengths, e-mail addresses, categories by key or label.

(Countries have a module of their own: ``countries.normalise_country``.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import String

from checkin.core.db import models as m
from checkin.core.text import fold
from checkin.core.types import CategoryInfo


def _length(column: str) -> int:
    kind = m.Delegate.__table__.c[column].type
    assert isinstance(kind, String) and kind.length is not None
    return kind.length


# The longest value each text column of a delegate takes.
LIMITS: dict[str, int] = {
    name: _length(name)
    for name in ("reference", "first_name", "last_name", "organisation", "email")
}

# ``fold`` remembered: in a list, values repeat (organisations, first names).
fold_value = lru_cache(maxsize=65536)(fold)

# One pattern, the local part's dots included (not first, not last, never two in a row):
# an import checks every row's address with it.
_EMAIL = re.compile(
    r"^(?!\.)(?![^@]*\.\.)[^@\s\"(),:;<>\[\\\]]{1,64}(?<!\.)"
    r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_][\w-]*[^\W_]$"
)


def valid_email(value: str) -> bool:
    return _EMAIL.match(value) is not None


def invalid_emails(values: Iterable[str]) -> set[str]:
    """The addresses among ``values`` that ``valid_email`` refuses ("" is no address)."""
    given = set(values)
    given.discard("")
    valid = cast(Callable[[str], Any], _EMAIL.match)
    good: Iterable[str] = filter(valid, given)  # calls the C function from C
    return given.difference(good)


def normalise_email(value: str) -> str:
    """A cleaned e-mail cell as stored: lower case, without a pasted "mailto:"."""
    email = value.lower()
    if email.startswith("mailto:"):
        email = email[7:].strip()
    return email


def category_index(categories: Sequence[CategoryInfo]) -> dict[str, str]:
    """Folded key or label -> category key; a key wins over another category's label."""
    index: dict[str, str] = {}
    for cat in categories:
        index.setdefault(fold(cat.label), cat.key)
    for cat in categories:  # a key wins over another category's label
        index[fold(cat.key)] = cat.key
    return index


def category_list(categories: Sequence[CategoryInfo]) -> str:
    """The categories as a problem lists them: "participant, press (Presse)"."""
    return ", ".join(
        c.key if fold(c.key) == fold(c.label) else f"{c.key} ({c.label})" for c in categories
    )


def category_choices(categories: Sequence[CategoryInfo]) -> str:
    """What an unknown category could have been, in words."""
    if not categories:
        return "this event defines no categories"
    return "known: " + category_list(categories)

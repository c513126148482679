"""Messages for the user from the core: English here, in the user's language on screen.

The core never imports Qt, yet its refusals (a roster file it cannot read, a database
that is locked, a backup that cannot be restored, a badge that cannot be printed) reach
a French-speaking organiser.  So they are raised as an English *template* with ``%1``,
``%2``… and the values that fill it::

    raise RosterError("%1: row %2 has more cells than the header.", path.name, row)

``str(exc)`` is the English sentence (logs, the command line, tests).  The desktop app
translates the template through Qt, in the context ``"Messages"``, then fills in the
values (``checkin.ui.widgets.messages.explain``).  ``scripts/update_translations.py`` collects
the templates from every ``SomeUserError("literal", …)`` in ``checkin/core`` and from
``translatable("literal")``, which marks a template kept aside (in a table, or built
before it is raised).  Values are data — names, files, numbers — and are never
translated; a template is written so that it reads well around them.
"""

from __future__ import annotations

import re

CONTEXT = "Messages"  # the Qt translation context of every template
_PLACEHOLDER = re.compile(r"%(\d+)")


def translatable(template: str) -> str:
    """Marks ``template`` for the translation tool; returns it unchanged."""
    return template


def fill(template: str, values: tuple[str, ...]) -> str:
    """``%1``… replaced by the values, in one pass (a value that happens to contain
    ``%2`` is left as it is); a number with no value stays as written."""

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return values[n - 1] if 0 < n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template) if values else template


class UserError(Exception):
    """A refusal meant for the user: ``template`` (English, translatable) and the
    ``values`` that fill it.  ``args`` holds both, so the error survives pickling (the
    dashboard's worker process, background jobs) with its template intact."""

    def __init__(self, template: str, *values: object) -> None:
        super().__init__(template, *values)
        self.template = template
        self.values = tuple(str(v) for v in values)

    def __str__(self) -> str:
        return fill(self.template, self.values)

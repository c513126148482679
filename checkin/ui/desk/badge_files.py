"""The badge machinery as the desk uses it, loaded on first use.

Rendering a badge pulls in reportlab, qrcode, Pillow and the Arabic shaping: a tenth of
a second to import, which the desk's first paint should not wait for.  The desk's
controller reaches the machinery through these functions, which import it when a
walk-in's badge or the settings dialog first needs it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checkin.core.badges.printing import PrintReport
    from checkin.core.badges.templates import Template

log = logging.getLogger(__name__)


def print_badges(store, event, path: Path, **options) -> PrintReport:
    """``printing.print_badges``: render badges to the PDF at ``path``."""
    from checkin.core.badges import printing

    return printing.print_badges(store, event, path, **options)


def load_template(key: str) -> Template:
    from checkin.core.badges.templates import load_template as load

    return load(key)


def templates() -> list[Template]:
    """The badge templates to offer; a broken template file leaves the others."""
    from checkin.core.badges.templates import list_templates

    try:
        return list_templates()
    except Exception as exc:  # a broken template file: the others still work
        log.error("badge templates could not be read: %s", type(exc).__qualname__)
        return []


def cancelled(exc: BaseException) -> bool:
    """Whether ``exc`` says a rendering was cancelled (``RenderCancelled``)."""
    from checkin.core.badges.render import RenderCancelled

    return isinstance(exc, RenderCancelled)

"""The core's messages in the app's language (see checkin/core/errors.py).

Every place that shows a core error to the user goes through ``explain``: a
``UserError`` is translated from its English template and filled with its values;
anything else keeps its own words (an ``OSError``'s system text, already in the
machine's language).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from checkin.core.errors import CONTEXT, UserError, fill


def explain(exc: BaseException) -> str:
    """The whole message, translated when the core wrote it for the user."""
    if isinstance(exc, UserError):
        return fill(QCoreApplication.translate(CONTEXT, exc.template), exc.values)
    return str(exc)


def first_line(exc: BaseException) -> str:
    """The message's first line, or the kind of error when it has no words at all."""
    text = explain(exc).strip() or type(exc).__name__
    return text.splitlines()[0]

"""What is wrong with the Agenda page's draft, in the operator's words.

``core.event.agenda.check_spec`` says where (event, session or category, and its
position), which field and what kind of problem; this turns each into a sentence that
names the session or category by its number and title, in the app's language.  The
words are filed under the page's translation context ("AgendaPage").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from checkin.core.errors import CONTEXT, fill
from checkin.core.event.agenda import AgendaProblem
from checkin.core.event.definition import EventSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgendaPage", text)


def _field(name: str) -> str:
    fields = {
        "name": _tr("the name"), "venue": _tr("the venue"),
        "address": _tr("the address"), "timezone": _tr("the time zone"),
        "language": _tr("the language"), "title": _tr("the title"),
        "room": _tr("the room"), "start": _tr("the start"),
        "end": _tr("the end"), "label": _tr("the name"),
        "colour": _tr("the colour"), "key": _tr("the key"),
    }  # fmt: skip
    return fields.get(name, name)


def _template(kind: str) -> str | None:
    kinds = {
        "required": _tr("%1: %2 is required."),
        "too_long": _tr("%1: %2 is too long."),
        "end_before_start": _tr("%1: the end must be after the start."),
        "duplicate_title": _tr("%1: %2 is the same as another one's."),
        "duplicate_key": _tr("%1: %2 is used twice."),
        "bad_colour": _tr("%1: the colour must look like #1F6FB2."),
        "bad_timezone": _tr("%1: unknown time zone (e.g. Europe/Zurich)."),
        "bad_language": _tr("%1: the language must be English or French."),
    }
    return kinds.get(kind)


def _where(problem: AgendaProblem, spec: EventSpec) -> str | None:
    """"Session 2 “Lunch”", "Category 1 “Press”" or "Event"; None: a place not in ``spec``."""
    if problem.section == "session" and 0 <= problem.index < len(spec.sessions):
        title = spec.sessions[problem.index].title or _tr("untitled")
        where = _tr("Session %1 “%2”").replace("%1", str(problem.index + 1))
        return where.replace("%2", title)
    if problem.section == "category" and 0 <= problem.index < len(spec.categories):
        label = spec.categories[problem.index].label or _tr("unnamed")
        where = _tr("Category %1 “%2”").replace("%1", str(problem.index + 1))
        return where.replace("%2", label)
    if problem.section == "event":
        return _tr("Event")
    return None


def problem_text(problem: AgendaProblem, spec: EventSpec) -> str:
    """A problem as a sentence that names the session or category and the field."""
    where = _where(problem, spec)
    template = _template(problem.kind)
    if where is None or template is None:
        return own_words(problem)
    return template.replace("%1", where).replace("%2", _field(problem.field))


def own_words(problem: AgendaProblem) -> str:
    """A problem the core worded itself (a session with scans, a vanished event),
    translated from its template when it has one."""
    if not problem.template:
        return problem.message
    return fill(QCoreApplication.translate(CONTEXT, problem.template), problem.values)

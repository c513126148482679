"""Whose badges to print, as the Badges page offers it, and what is wrong with them.

An organiser chooses one of three ways (``Selection``): everyone registered, only those
whose badge was never printed, or people named by reference.  The page lists everyone
with whether their badge was printed (``load_choices``) and checks the current choice
before any paper is used (``check_selection``).  Both run in the background and return
plain values; the printing itself is ``printing.print_badges`` (or ``preview_badges``)
with the selection's ``unprinted`` and ``refs``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checkin.core.badges.printing import PreflightProblem, preflight, select_delegates
from checkin.core.badges.templates import Template
from checkin.core.db.store import Store
from checkin.core.types import DelegateInfo, EventInfo

ALL, UNPRINTED, CHOSEN = "all", "unprinted", "chosen"


@dataclass(frozen=True)
class Choice:
    """One registered person on the list, and whether their badge was printed."""

    delegate: DelegateInfo
    printed: bool


@dataclass(frozen=True)
class Selection:
    """Whose badges: ``ALL``, ``UNPRINTED`` or ``CHOSEN`` (the people named in ``refs``)."""

    mode: str
    refs: tuple[str, ...] = ()

    @property
    def unprinted(self) -> bool:
        return self.mode == UNPRINTED


@dataclass(frozen=True)
class SelectionCheck:
    """The preflight of a selection, and delegate number -> id to open a problem's form."""

    problems: tuple[PreflightProblem, ...]
    ids_by_number: Mapping[int, int]


def load_choices(store: Store, event: EventInfo) -> list[Choice]:
    """Registered delegates in badge order, each with whether a badge was printed."""
    everyone = select_delegates(store, event)
    unprinted = {d.id for d in select_delegates(store, event, unprinted=True)}
    return [Choice(d, d.id not in unprinted) for d in everyone]


def check_selection(
    store: Store, event: EventInfo, template: Template, selection: Selection
) -> SelectionCheck:
    """Every badge of the selection that would print with a problem, in roster order."""
    delegates = select_delegates(store, event, unprinted=selection.unprinted, refs=selection.refs)
    problems = preflight(store, event, template, delegates) if delegates else []
    return SelectionCheck(tuple(problems), {d.number: d.id for d in delegates})

"""One person's details as typed in a form, and the one set of rules they must meet.

The same form serves a walk-in registered at the desk (``walkins``) and a delegate
edited by an organiser (``edits``): ``normalise_form`` cleans it (countries as ISO
codes, categories as keys, e-mail in lower case) and says, field by field, what is
wrong.  ``validate`` is that check alone, without the database, for a dialog to call as
the user types; who else already has an e-mail or a name is asked by the services that
write (``identity.find_known``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from checkin.core.roster.countries import normalise_country
from checkin.core.roster.field_rules import (
    LIMITS,
    category_choices,
    category_index,
    normalise_email,
    valid_email,
)
from checkin.core.text import clean, fold
from checkin.core.types import DelegateInfo, EventInfo

# A person's details, in form order; an organiser's form also has the reference.
PERSON_FIELDS = ("first_name", "last_name", "organisation", "country", "email", "category")
FORM_FIELDS = (*PERSON_FIELDS, "reference")
# Checked for length here; the e-mail's length is checked with its address.
_LENGTH_CHECKED = ("first_name", "last_name", "organisation", "reference")


@dataclass(frozen=True)
class PersonForm:
    """A person as typed, before cleaning."""

    first_name: str
    last_name: str
    organisation: str = ""
    country: str = ""  # name in English or French, or ISO code
    email: str = ""
    category: str = ""  # key or label; "" = the event's first category
    # The registration reference, which an organiser may correct; a walk-in's is made
    # at registration (``WALKIN-<number>``) and this one is not used.
    reference: str = ""

    @classmethod
    def of(cls, delegate: DelegateInfo) -> PersonForm:
        """The form filled with a delegate's current values."""
        return cls(**{f.name: getattr(delegate, f.name) for f in dataclasses.fields(cls)})


@dataclass(frozen=True)
class FieldProblem:
    field: str  # a PersonForm field name ("first_name" for "no name at all")
    message: str
    # Why, as data (a key and its values), so a form can say it in its own language;
    # not part of equality: the same problem is the same whatever its wording.
    reason: str = dataclasses.field(default="", compare=False)
    args: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.field.replace('_', ' ')}: {self.message}"


@dataclass(frozen=True)
class CleanPerson:
    """A form's values as they are stored."""

    first_name: str
    last_name: str
    organisation: str
    country: str  # ISO alpha-2 or ""
    email: str  # lower case or ""
    category: str  # a category key of the event, or ""
    reference: str


def too_long(name: str, length: int, limit: int) -> FieldProblem:
    return FieldProblem(
        name, f"too long ({length} characters; at most {limit})", "too_long",
        (str(length), str(limit)),
    )  # fmt: skip


def _name_and_lengths(values: dict[str, str]) -> list[FieldProblem]:
    problems = []
    if not values["first_name"] and not values["last_name"]:
        problems.append(FieldProblem("first_name", "enter a first name or a last name", "no_name"))
    for name in _LENGTH_CHECKED:
        if len(values[name]) > LIMITS[name]:
            problems.append(too_long(name, len(values[name]), LIMITS[name]))
    return problems


def _country(raw: str) -> tuple[str, list[FieldProblem]]:
    if not raw:
        return "", []
    country = normalise_country(raw) or ""
    if country:
        return country, []
    return "", [FieldProblem("country", f"unknown country {raw!r}", "unknown_country", (raw,))]


def _email(raw: str) -> tuple[str, list[FieldProblem]]:
    email = normalise_email(raw)
    if not email:
        return "", []
    if len(email) > LIMITS["email"]:
        return email, [too_long("email", len(email), LIMITS["email"])]
    if not valid_email(email):
        return email, [FieldProblem("email", f"invalid e-mail address {email!r}",
                                    "invalid_email", (email,))]  # fmt: skip
    return email, []


def _category(event: EventInfo, raw: str) -> tuple[str, list[FieldProblem]]:
    if not raw:
        return (event.categories[0].key if event.categories else ""), []
    category = category_index(event.categories).get(fold(raw), "")
    if category:
        return category, []
    choices = category_choices(event.categories)
    return "", [FieldProblem("category", f"unknown category {raw!r} ({choices})",
                             "unknown_category", (raw, choices))]  # fmt: skip


def _required(values: dict[str, str], required: Sequence[str]) -> list[FieldProblem]:
    """An empty field the event requires (a walk-in's: ``event.walk_ins``)."""
    return [FieldProblem(name, "required", "required") for name in required
            if name in values and not values[name]]  # fmt: skip


def normalise_form(
    event: EventInfo, form: PersonForm, required: Sequence[str] = ()
) -> tuple[CleanPerson, tuple[FieldProblem, ...]]:
    """The form cleaned (countries as ISO codes, categories as keys) and its problems,
    in form order: the one set of rules for a person typed in at the desk or edited by
    an organiser.  ``required``: fields that must not be empty (a walk-in's)."""
    values = {name: clean(getattr(form, name) or "") for name in FORM_FIELDS}
    missing = _required(values, required)
    empty = {p.field for p in missing}
    problems = missing + [p for p in _name_and_lengths(values) if p.field not in empty]
    country, found = _country(values["country"])
    problems += found
    email, found = _email(values["email"])
    problems += found
    category, found = _category(event, values["category"])
    problems += found
    problems.sort(key=lambda p: FORM_FIELDS.index(p.field))
    cleaned = CleanPerson(
        values["first_name"], values["last_name"], values["organisation"], country, email,
        category, values["reference"],
    )  # fmt: skip
    return cleaned, tuple(problems)


def validate(
    event: EventInfo, form: PersonForm, required: Sequence[str] = ()
) -> tuple[FieldProblem, ...]:
    """The problems of ``form``, by field, in form order; () when it can be saved.

    No database access: an e-mail, name or reference someone else has is found only by
    the service that writes (``register_walk_in``, ``update_delegate``).
    """
    return normalise_form(event, form, required)[1]


def form_from_search(text: str) -> PersonForm:
    """What was typed in the desk's search, as the start of a walk-in's form: an e-mail
    address goes to the e-mail, "Last, First" is read as such, and words are a first
    name (all but the last word) and a last name (the last word; one word alone is
    taken as the last name, what people search by)."""
    text = clean(text)
    if "@" in text and " " not in text:
        return PersonForm("", "", email=text)
    if "," in text:
        last, _sep, first = text.partition(",")
        return PersonForm(clean(first), clean(last))
    words = text.split()
    if not words:
        return PersonForm("", "")
    return PersonForm(" ".join(words[:-1]), words[-1])

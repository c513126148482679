"""The words the core prints or exports (donors' report, sign-in sheet, workbook and
mail-merge headings), in the event's language.

The core may not import Qt, so it cannot use the app's ``.ts`` translations: this is a
small catalogue keyed by the English text, which is also what an English event gets.
A key with no translation prints in English rather than failing: a missing word is a
blemish on paper, a crash the evening before the event is not.

French follows Geneva print usage: typographic apostrophe, « » quotes, a no-break
space (U+00A0) before ``:`` and a narrow no-break space (U+202F) before ``; ? !``.
Dates and numbers come from babel's CLDR data for the event's locale (the same
locales as the badges, see ``printing.event_date_text``), so they are never hand-made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

# Same as printing.LOCALES (a test keeps them equal): badges and reports agree.
LOCALES = {"en": "en_GB", "fr": "fr_CH"}

NBSP = "\u00a0"  # before ":" and inside « »
NNBSP = "\u202f"  # before ";", "?" and "!"

FRENCH: dict[str, str] = {
    # Donors' report
    "Attendance report": "Rapport de présence",
    "attendance report": "rapport de présence",
    "Attendance report generated {when} ({timezone}).":
        "Rapport de présence établi le {when} ({timezone}).",
    "{date} at {time}": "{date} à {time}",
    "Totals": "Totaux",
    "count": "nombre",
    "Registered": "Inscrits",
    "Arrived": "Arrivés",
    "Did not come": "Ne sont pas venus",
    "Registered on the day (walk-ins)": "Inscrits le jour même (sur place)",
    "Cancelled registrations": "Inscriptions annulées",
    "Sessions": "Séances",
    "Session": "Séance",
    "Start": "Début",
    "Attended": "Présents",
    "Capacity": "Capacité",
    "Attendance per session": "Présence par séance",
    "Arrivals per quarter hour": "Arrivées par quart d’heure",
    "Categories": "Catégories",
    "Category": "Catégorie",
    "Countries": "Pays",
    "Country": "Pays",
    "Organisations": "Organisations",
    "Organisation": "Organisation",
    # Sign-in sheet
    "Sign-in sheet": "Feuille d’émargement",
    "sign-in sheet (fallback)": "feuille d’émargement (secours)",
    "desk {desk}": "guichet {desk}",
    " and other names": " et autres noms",
    "Ref": "Réf.",
    "Name": "Nom",
    "Time": "Heure",
    "Tick the box and write the time.": "Cochez la case et notez l’heure.",
    "Enter the ticks afterwards with:": f"Saisissez ensuite les coches avec{NBSP}:",
    "(nobody)": "(aucune personne)",
    # Attendance workbook (the CSV keeps its machine headings: scripts read it)
    "Attendance": "Présences",
    "reference": "Référence",
    "first_name": "Prénom",
    "last_name": "Nom",
    "organisation": "Organisation",
    "country": "Pays",
    "category": "Catégorie",
    "email": "E-mail",
    "status": "Statut",
    "arrived_at": "Arrivée",
    "arrived_via": "Arrivée par",
    "arrival_station": "Poste d’arrivée",
    "registered": "inscrit",
    "cancelled": "annulé",
    "scanner": "lecteur",
    "camera": "caméra",
    "manual": "saisie manuelle",
    "typed": "code tapé",
    "walk-in": "sur place",
    "import": "import",
    "kiosk": "borne",
    "arrived_source": "Source de l’arrivée",
    # Mail-merge list (the badge and QR files)
    "pdf": "pdf",
    "png": "png",
}

CATALOGUES: dict[str, dict[str, str]] = {"fr": FRENCH}


def words(language: str) -> Callable[[str], str]:
    """The translator for ``language``: the English text itself when it has no entry."""
    table = CATALOGUES.get(language, {})

    def tr(text: str) -> str:
        return table.get(text, text)

    return tr


def plural(count: int, one: str, many: str) -> str:
    """ "1 delegate", "2 delegates", "0 delegates": a count and its noun, in English (the
    command line's language; the desktop app has Qt's plural forms instead)."""
    return f"{count} {one if count == 1 else many}"


def locale(language: str) -> str:
    return LOCALES.get(language, LOCALES["en"])


def number(value: float, language: str) -> str:
    """A count as the event's readers write it (12,345 / 12'345)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=locale(language))


def percent(part: int, whole: int, language: str) -> str:
    """``part`` of ``whole`` as a whole percentage; a dash when there is no whole."""
    from babel.numbers import format_percent

    if not whole:
        return "—"
    return format_percent(part / whole, locale=locale(language))


def date_text(when: dt.date, language: str, *, format: str = "full") -> str:
    from babel.dates import format_date

    return format_date(when, format=format, locale=locale(language))


def time_text(when: dt.datetime | dt.time, language: str) -> str:
    """Hours and minutes in the event's usage (24-hour clock in both languages)."""
    from babel.dates import format_time

    return format_time(when, format="short", locale=locale(language))


def datetime_text(when: dt.datetime, language: str) -> str:
    """A local (aware) date-time as words: "28 November 2026 at 09:05"."""
    return words(language)("{date} at {time}").format(
        date=date_text(when.date(), language, format="long"), time=time_text(when, language)
    )

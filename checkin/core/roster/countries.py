"""Country names and codes as people type them in registration lists.

``normalise_country`` turns "CH", "CHE", "Switzerland", "Suisse", "suisse " or
"Confédération helvétique" into ``"CH"``; ``country_name`` gives the display name back in
any language CLDR knows (babel): the UI's language on screen, the event's on badges.
Reading names uses pycountry (ISO 3166-1 and its gettext catalogues), CLDR's English and
French names, plus a small table of names that none of them has.
"""

from __future__ import annotations

import gettext
import re
import threading
from collections.abc import Mapping
from functools import lru_cache

import pycountry

from checkin.core.text import fold

# Names in common use that pycountry's name / official_name / common_name (English or
# French) do not give, or give only in an inverted "Congo, The Democratic Republic of
# the" form.  Keys are compared after ``_key`` (accents, case and punctuation ignored).
ALIASES: dict[str, str] = {
    # United Kingdom / United States
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "Grande-Bretagne": "GB",
    "Angleterre": "GB",
    "Ecosse": "GB",
    "USA": "US",
    "U.S.A.": "US",
    "U.S.": "US",
    "US": "US",
    "United States of America": "US",
    "America": "US",
    "Etats-Unis": "US",
    "Etats-Unis d'Amerique": "US",
    # Switzerland (pycountry has "Suisse" in French but people also write these)
    "Suisse": "CH",
    "Switzerland": "CH",
    "Schweiz": "CH",
    "Svizzera": "CH",
    "Confederation suisse": "CH",
    # Côte d'Ivoire
    "Cote d'Ivoire": "CI",
    "Cote dIvoire": "CI",
    "Ivory Coast": "CI",
    # Türkiye
    "Turkey": "TR",
    "Turkiye": "TR",
    "Turquie": "TR",
    # Russia, Syria, Iran, Koreas, Laos, Moldova, Bolivia, Venezuela, Tanzania
    "Russia": "RU",
    "Russie": "RU",
    "Syria": "SY",
    "Syrie": "SY",
    "Iran": "IR",
    "South Korea": "KR",
    "Korea": "KR",
    "Republic of Korea": "KR",
    "Coree du Sud": "KR",
    "North Korea": "KP",
    "Coree du Nord": "KP",
    "Laos": "LA",
    "Moldova": "MD",
    "Moldavie": "MD",
    "Bolivia": "BO",
    "Bolivie": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Tanzanie": "TZ",
    "Micronesia": "FM",
    "Micronesie": "FM",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Holy See": "VA",
    "Saint-Siege": "VA",
    "Taiwan": "TW",
    # South Sudan
    "South Sudan": "SS",
    "Soudan du Sud": "SS",
    "Sud-Soudan": "SS",
    # The two Congos
    "DRC": "CD",
    "DR Congo": "CD",
    "D.R. Congo": "CD",
    "RDC": "CD",
    "R.D.C.": "CD",
    "Congo-Kinshasa": "CD",
    "Congo Kinshasa": "CD",
    "Democratic Republic of the Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Republique democratique du Congo": "CD",
    "Congo (Kinshasa)": "CD",
    "Zaire": "CD",
    "Congo-Brazzaville": "CG",
    "Congo Brazzaville": "CG",
    "Congo (Brazzaville)": "CG",
    "Republic of the Congo": "CG",
    # Palestine, Kosovo (XK is a user-assigned code in wide use; pycountry lacks it)
    "Palestine": "PS",
    "State of Palestine": "PS",
    "Etat de Palestine": "PS",
    "Occupied Palestinian Territory": "PS",
    "Territoire palestinien occupe": "PS",
    "Kosovo": "XK",
    "XK": "XK",
    "XKX": "XK",
    # Viet Nam
    "Vietnam": "VN",
    "Viet Nam": "VN",
    # Others often written differently
    "Netherlands": "NL",
    "The Netherlands": "NL",
    "Holland": "NL",
    "Pays-Bas": "NL",
    "Czechia": "CZ",
    "Czech Republic": "CZ",
    "Republique tcheque": "CZ",
    "Tchequie": "CZ",
    "Macedonia": "MK",
    "North Macedonia": "MK",
    "Macedoine": "MK",
    "Macedoine du Nord": "MK",
    "Swaziland": "SZ",
    "Eswatini": "SZ",
    "Burma": "MM",
    "Myanmar": "MM",
    "Cape Verde": "CV",
    "Cap-Vert": "CV",
    "Cabo Verde": "CV",
    "East Timor": "TL",
    "Timor-Leste": "TL",
    "Gambia": "GM",
    "The Gambia": "GM",
    "Bahamas": "BS",
    "The Bahamas": "BS",
    "Brunei": "BN",
    "Palestinian Territories": "PS",
    "Emirates": "AE",
    "UAE": "AE",
    "U.A.E.": "AE",
    "EAU": "AE",
    "Emirats arabes unis": "AE",
    "Hong Kong": "HK",
    "Macau": "MO",
    "Macao": "MO",
    "Guinea Bissau": "GW",
    "Guinee-Bissau": "GW",
    "Guinee Bissau": "GW",
    "Saint Lucia": "LC",
    "St Lucia": "LC",
    "St. Lucia": "LC",
}

_KEY_JUNK = re.compile(r"[^\w]+")
_NAMES: dict[str, str] | None = None
_LOCK = threading.Lock()


def _key(value: str) -> str:
    """The comparison key of a country name: folded, punctuation and "the " dropped."""
    key = _KEY_JUNK.sub(" ", fold(value).replace("'", "")).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def _french() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # a pycountry build without catalogues: English only
        return gettext.NullTranslations()


def _inverted(name: str) -> str | None:
    """ "Iran, Islamic Republic of" -> "Islamic Republic of Iran" (None if no comma)."""
    head, sep, tail = name.partition(", ")
    if not sep or "," in tail:
        return None
    return f"{tail} {head}"


def _official_names() -> tuple[dict[str, str], dict[str, set[str]]]:
    """Every country's English and French names -> code, and the shortened forms
    ("Islamic Republic of Iran", "Korea") with the codes each could mean."""
    names: dict[str, str] = {}
    fr = _french()
    derived: dict[str, set[str]] = {}

    def add(name: str, code: str) -> None:
        names.setdefault(_key(name), code)
        inverted = _inverted(name)
        if inverted:
            derived.setdefault(_key(inverted), set()).add(code)
            # "Korea, Republic of" -> "Korea": kept only when no other country shares it.
            derived.setdefault(_key(name.partition(", ")[0]), set()).add(code)

    for country in pycountry.countries:
        code = country.alpha_2
        english = [
            country.name,
            getattr(country, "official_name", None),
            getattr(country, "common_name", None),
        ]
        for name in english:
            if name:
                add(name, code)
        for name in english:
            if name:
                add(fr.gettext(name), code)
    return names, derived


def _build() -> dict[str, str]:
    names, derived = _official_names()
    for key, codes in derived.items():
        if len(codes) == 1 and key:
            names.setdefault(key, next(iter(codes)))
    for alias, code in ALIASES.items():
        names[_key(alias)] = code
    for language in DISPLAY_LANGUAGES:  # what country_name() shows
        for code in country_codes():
            names.setdefault(_key(country_name(code, language)), code)
    # Codes last so that a code always means its country ("CHE", "IN", "NO"...).
    for country in pycountry.countries:
        names[_key(country.alpha_2)] = country.alpha_2
        names[_key(country.alpha_3)] = country.alpha_2
    names[_key("UK")] = "GB"
    names[_key("XK")] = "XK"
    names[_key("XKX")] = "XK"
    names.pop("", None)
    return names


def _lookup() -> dict[str, str]:
    global _NAMES
    if _NAMES is None:
        with _LOCK:
            if _NAMES is None:
                _NAMES = _build()
    return _NAMES


@lru_cache(maxsize=4096)
def normalise_country(value: str) -> str | None:
    """ISO 3166-1 alpha-2 (upper case) for a code or an English/French name, else None."""
    if not value:
        return None
    key = _key(value)
    # A code means its country (``_build`` sets the codes last): answered without the
    # table of names, which costs a command 0.1 s to build when the list has codes only.
    if len(key) == 2 and key.upper() in country_codes():
        return key.upper()
    code = _lookup().get(key)
    return code or None


# CLDR's standard names, except where they are not what a Geneva badge prints: CLDR's
# "Congo - Kinshasa", "Hong Kong SAR China", "Palestinian Territories".
_OVERRIDES: dict[str, dict[str, str]] = {
    "CD": {"en": "Democratic Republic of the Congo", "fr": "République démocratique du Congo"},
    "CG": {"en": "Republic of the Congo", "fr": "République du Congo"},
    "HK": {"en": "Hong Kong", "fr": "Hong Kong"},
    "MO": {"en": "Macao", "fr": "Macao"},
    "PS": {"en": "Palestine", "fr": "Palestine"},
}
DISPLAY_LANGUAGES = ("en", "fr")  # names read back by normalise_country, whatever the UI


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every alpha-2 code a delegate may have: ISO 3166-1 and Kosovo's XK."""
    return frozenset({c.alpha_2 for c in pycountry.countries} | {"XK"})


@lru_cache(maxsize=16)
def _territories(language: str) -> Mapping[str, str]:
    """CLDR's territory names in ``language`` ("fr", "fr_CH", "en-GB"…; English when
    babel does not know it)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse((language or "en").replace("-", "_")).territories
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en").territories


@lru_cache(maxsize=4096)
def country_name(code: str, language: str = "en") -> str:
    """The display name of an alpha-2 code in ``language`` (CLDR's, through babel: the
    UI's language on screen, the event's on badges and reports).

    An unknown code is returned as given.
    """
    upper = (code or "").strip().upper()
    if upper not in country_codes():
        return code
    base = (language or "en").replace("-", "_").split("_")[0].lower()
    override = _OVERRIDES.get(upper, {}).get(base)
    return override or _territories(language).get(upper, code)


def country_choices(language: str) -> list[tuple[str, str, str]]:
    """``(name, code, other)`` for a country field: each country once, by its name in
    ``language``, with its name in the other display language too ("Suisse", "CH",
    "Switzerland"), so a French desk finds Switzerland by either name; by name."""
    base = (language or "en").replace("-", "_").split("_")[0].lower()
    other = "fr" if base == "en" else "en"
    rows = [(country_name(code, language), code, country_name(code, other))
            for code in country_codes()]
    return sorted(rows, key=lambda row: fold(row[0]))

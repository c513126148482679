"""Country codes and names as people type them, in English and French."""

from __future__ import annotations

import pytest

from checkin.core.roster.countries import country_name, normalise_country


@pytest.mark.parametrize(
    ("value", "code"),
    [
        # ISO codes, any case, with stray spaces
        ("CH", "CH"),
        ("ch", "CH"),
        (" CHE ", "CH"),
        ("fra", "FR"),
        ("NO", "NO"),
        ("IN", "IN"),
        # English: name, official name, common name
        ("Switzerland", "CH"),
        ("Swiss Confederation", "CH"),
        ("Germany", "DE"),
        ("Bolivia, Plurinational State of", "BO"),
        ("Bolivia", "BO"),
        ("Iran, Islamic Republic of", "IR"),
        ("Islamic Republic of Iran", "IR"),
        # French from pycountry's catalogue, accents and case ignored
        ("Suisse", "CH"),
        ("SUISSE", "CH"),
        ("Allemagne", "DE"),
        ("Sénégal", "SN"),
        ("senegal", "SN"),
        ("Liban", "LB"),
        ("Royaume-Uni", "GB"),
        ("Confédération helvétique", "CH"),
        ("États-Unis", "US"),
        ("Etats Unis", "US"),
        ("Russie", "RU"),
        # The alias table
        ("UK", "GB"),
        ("USA", "US"),
        ("Etats-Unis", "US"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("cote divoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Turquie", "TR"),
        ("Russia", "RU"),
        ("Syria", "SY"),
        ("Iran", "IR"),
        ("South Sudan", "SS"),
        ("Soudan du Sud", "SS"),
        ("DRC", "CD"),
        ("RDC", "CD"),
        ("Congo-Kinshasa", "CD"),
        ("République démocratique du Congo", "CD"),
        ("Congo", "CG"),
        ("Congo-Brazzaville", "CG"),
        ("Palestine", "PS"),
        ("Kosovo", "XK"),
        ("XK", "XK"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Viêt Nam", "VN"),
        ("The Netherlands", "NL"),
        ("Pays-Bas", "NL"),
    ],
)
def test_normalise_country(value, code):
    assert normalise_country(value) == code


@pytest.mark.parametrize("value", ["", "   ", "Atlantis", "Genève", "EU", "ZZ", "Corée", "123"])
def test_unknown_or_ambiguous_is_none(value):
    # "Corée" names two countries: refusing beats guessing.
    assert normalise_country(value) is None


@pytest.mark.parametrize(
    ("code", "en", "fr"),
    [
        ("CH", "Switzerland", "Suisse"),
        ("CI", "Côte d’Ivoire", "Côte d’Ivoire"),
        ("IR", "Iran", "Iran"),
        ("RU", "Russia", "Russie"),
        ("KR", "South Korea", "Corée du Sud"),
        ("VN", "Vietnam", "Viêt Nam"),
        ("CD", "Democratic Republic of the Congo", "République démocratique du Congo"),
        ("XK", "Kosovo", "Kosovo"),
        ("ch", "Switzerland", "Suisse"),
    ],
)
def test_country_name(code, en, fr):
    assert country_name(code) == en
    assert country_name(code, "en") == en
    assert country_name(code, "fr") == fr


@pytest.mark.parametrize("code", ["ZZ", "", "Atlantis"])
def test_country_name_of_unknown_code_is_the_code(code):
    assert country_name(code) == code
    assert country_name(code, "fr") == code


def test_every_display_name_reads_back_to_its_code():
    import pycountry

    for country in pycountry.countries:
        for language in ("en", "fr"):
            name = country_name(country.alpha_2, language)
            assert normalise_country(name) == country.alpha_2, (name, language)


def test_country_names_come_from_cldr_in_any_language():
    assert country_name("CH", "fr_CH") == "Suisse"
    assert country_name("CH", "de") == "Schweiz"
    assert country_name("US", "fr") == "États-Unis"
    assert country_name("CH", "xx") == "Switzerland"  # a language CLDR lacks: English


def test_country_choices_give_both_names_so_either_finds_the_country():
    from checkin.core.roster.countries import country_choices

    french = {code: (name, other) for name, code, other in country_choices("fr")}
    assert french["CH"] == ("Suisse", "Switzerland")
    assert french["DE"] == ("Allemagne", "Germany")
    english = country_choices("en")
    assert ("Switzerland", "CH", "Suisse") in english
    assert len(english) == len(french) > 240

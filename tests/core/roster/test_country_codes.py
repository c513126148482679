"""A two-letter country code is answered without building the table of names, and
the answer is the table's."""

from __future__ import annotations

from checkin.core.roster import countries


def test_codes_are_the_tables_answer_without_the_table(monkeypatch):
    monkeypatch.setattr(countries, "_NAMES", None)
    countries.normalise_country.cache_clear()
    typed = [code for c in sorted(countries.country_codes()) for code in (c, c.lower(), f" {c} ")]
    answers = [countries.normalise_country(v) for v in typed]
    assert countries._NAMES is None  # codes only: no names looked at
    table = countries._lookup()
    assert answers == [table.get(countries._key(v)) for v in typed]
    assert countries.normalise_country("UK") == "GB"  # a name-like code: the table's
    countries.normalise_country.cache_clear()

"""The badges the badge tests draw: names in every script the shipped fonts cover."""

from __future__ import annotations

from checkin.core.badges.layout import BadgeContent
from checkin.core.event.codes import make_code

SECRET = b"test-secret"
SHIPPED = {
    "a6", "a6-foldover", "a6-photo", "a4-herma-4412", "letter-avery-5392", "cr80", "brother-62mm",
}

PEOPLE = [
    ("Łukasz", "Wróblewski", "Caritas Polska", "Poland", "Participant", "#1F5FA8"),
    ("Gülşen", "Straße-Öğüt", "Deutsches Rotes Kreuz", "Germany", "Staff", "#FFFFFF"),
    ("Nguyễn Thị", "Đặng Ứng", "Vietnam Red Cross", "Viet Nam", "Participant", "#1F5FA8"),
    ("Ξανθή", "Παπαδοπούλου", "Ελληνικό Συμβούλιο για τους Πρόσφυγες", "Greece", "Organiser",
     "#2E7D32"),
    ("Дмитрий", "Ковальчук", "Красный Крест", "Ukraine", "Participant", "#1F5FA8"),
    ("محمد", "عبد الله", "الهلال الأحمر", "Egypt", "Speaker", "#B3261E"),
    ("Maximiliano Alejandro", "Fernández de Córdoba y Villalobos-Saavedra", "", "Spain",
     "Press", "#F2C94C"),
    ("Zoë", "Lefèvre", "Médecins Sans Frontières", "France", "Press", "#6A1B9A"),
    ("Jean-Christophe", "Okafor-Brooks", "International Organization for Migration (IOM)",
     "United States", "Speaker", "#B3261E"),
    ("Amira", "Haddad", "Danish Refugee Council", "", "Participant", "#1F5FA8"),
    ("Sigríður", "Þórsdóttir", "Rauði krossinn", "Iceland", "Participant", ""),
    ("Ana", "Ng", "IOM", "Switzerland", "Staff", "#000000"),
]  # fmt: skip
LATIN_NAMES = ["Łukasz", "Wróblewski", "Gülşen", "Lefèvre", "Okafor-Brooks", "Sigríður"]


def content(i: int, person=None, **changes) -> BadgeContent:
    first, last, org, country, label, colour = person or PEOPLE[i % len(PEOPLE)]
    fields = dict(
        key=f"R{i:04d}",
        first_name=first,
        last_name=last,
        organisation=org,
        country=country,
        category_label=label,
        category_colour=colour,
        code=make_code(SECRET, i + 1, 1),
        event_name="IOM–NGO Humanitarian Consultation 2026",
        event_date="Saturday 28 November 2026 · Geneva",
    )
    fields.update(changes)
    return BadgeContent(**fields)


CONTENTS = [content(i) for i in range(len(PEOPLE))]

"""Legibility rules the renderer cannot break: the first-name floor, wrapping before
shrinking, text that never runs into another element, and a fix for every problem."""

from __future__ import annotations

import pytest

from checkin.core.badges import legibility
from checkin.core.badges.layout import check_badge, face_layout, overlaps
from checkin.core.badges.templates import load_template
from tests.core.badges.samples import SHIPPED, content

HOSTILE = [
    ("Marie-Christine Anne-Sophie", "Lefèvre-Dubois de la Rochefoucauld",
     "International Federation of Red Cross and Red Crescent Societies (IFRC)"),
    ("Jean-Baptiste-Emmanuel", "Okafor-Brooks",
     "Office of the United Nations High Commissioner for Refugees – Regional Bureau"),
    ("Aminata Sokhna Ndèye Khady", "Diop",
     "Coordination Humanitaire des ONG d'Afrique de l'Ouest et du Centre"),
    ("Wolfeschlegelsteinhausenbergerdorff", "Schmidt", "Deutsches Rotes Kreuz"),
]  # fmt: skip


def hostile(i: int):
    first, last, org = HOSTILE[i % len(HOSTILE)]
    return content(i, first_name=first, last_name=last, organisation=org,
                   country="Democratic Republic of the Congo",
                   category_label="Participant – Observer delegation")


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_no_text_runs_into_another_element_even_with_long_values(key):
    template = load_template(key)
    for i in range(len(HOSTILE)):
        face = face_layout(template, hostile(i))
        assert overlaps(face) == [], (key, i)
        fields = {t.field for t in face.texts}
        assert {"first_name", "organisation", "qr", "category"} <= fields
        assert not [p for p in check_badge(template, hostile(i)) if p.kind == "overlap"]


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_a_hyphenated_first_name_wraps_before_it_shrinks(key):
    template = load_template(key)
    face = face_layout(template, content(0, first_name="Marie-Christine"))
    lines = [t for t in face.texts if t.field == "first_name"]
    floor = legibility.first_name_floor(template.face_width, template.face_height)
    assert min(t.size for t in lines) >= floor
    if len(lines) == 2:
        assert [t.text for t in lines] == ["Marie-", "Christine"]


@pytest.mark.parametrize("key", sorted(SHIPPED))
def test_past_the_floor_the_first_name_is_flagged_with_a_fix(key):
    template = load_template(key)
    issues = check_badge(template, hostile(3))  # one 35-letter word cannot wrap
    flagged = [i for i in issues if (i.field, i.kind) == ("first_name", "below_minimum")]
    assert flagged, key
    floor = legibility.first_name_floor(template.face_width, template.face_height)
    assert f"legible minimum {floor:g} pt" in flagged[0].detail
    assert "first-name column" in legibility.fix_for("first_name", "below_minimum")


def test_every_problem_kind_has_a_fix():
    for field, kind in [("first_name", "below_minimum"), ("organisation", "below_minimum"),
                        ("last_name", "missing_glyph"), ("qr", "does_not_fit"),
                        ("name", "duplicate_name"), ("organisation", "no_organisation")]:
        assert legibility.fix_for(field, kind), (field, kind)


def test_the_floor_depends_on_the_badge_size():
    assert legibility.first_name_floor(105, 148) == 32  # A6
    assert legibility.first_name_floor(101.6, 76.2) == 32  # 4 x 3 in
    assert legibility.first_name_floor(80, 50) == 18  # Herma 4412
    assert legibility.first_name_floor(62, 100) == 18  # 62 mm label


def test_the_overlap_check_sees_text_running_into_the_code():
    from checkin.core.badges.layout import Text

    face = face_layout(load_template("a6"), content(0))
    code = next(t for t in face.texts if t.field == "qr")
    face.texts.append(Text(code.font, 12, code.x, code.y, "IOM", (0, 0, 0), "organisation"))
    assert ("qr", "organisation") in overlaps(face)

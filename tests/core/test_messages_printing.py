"""Printing, check-in, badge-template and export refusals carry an English template and
its values (issue 9).

The app translates the template (checkin/ui/widgets/messages.py); the command line, the logs
and these tests read ``str(exc)``, which must stay the English sentence it always was.
"""

from __future__ import annotations

import datetime as dt
import pickle
import sys
from pathlib import Path

import pytest

from checkin.core.badges.printing import PrintError, print_badges
from checkin.core.badges.templates import TemplateError, load_template
from checkin.core.dashboard.files import ReportError
from checkin.core.dashboard.paper import record_paper_arrivals
from checkin.core.dashboard.sign_in import parse_split
from checkin.core.desk.service import CheckinError, CheckinService
from checkin.core.errors import UserError
from tests.conftest import insert_delegates

ROOT = Path(__file__).resolve().parents[2]


def collected() -> tuple[set[str], list[str]]:
    """What scripts/update_translations.py hands to the translators, and the raise sites
    it cannot read."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations as u
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    calls, blind = u.core_messages(u.core_sources())
    return {text for _context, text in calls}, blind


def test_refused_references_name_each_kind_in_one_whole_template(tmp_path, store, event):
    insert_delegates(store, event, [{"reference": "R1"}, {"reference": "R2",
                                                          "status": "cancelled"}])
    a6 = load_template("a6")
    with pytest.raises(PrintError) as both:
        print_badges(store, event, tmp_path / "x.pdf", template=a6, refs=["R2", "NOPE"])
    exc = both.value
    assert isinstance(exc, UserError) and isinstance(exc, ValueError)
    assert exc.template == "No badge for these references (cancelled: %1; unknown: %2)."
    assert exc.values == ("R2", "NOPE")
    assert str(exc) == "No badge for these references (cancelled: R2; unknown: NOPE)."
    with pytest.raises(PrintError) as one:
        print_badges(store, event, tmp_path / "x.pdf", template=a6, refs=["NOPE", "ZZZ"])
    assert one.value.template == "No badge for these references (unknown: %1)."
    assert str(one.value) == "No badge for these references (unknown: NOPE, ZZZ)."
    templates, _blind = collected()
    assert {exc.template, one.value.template} <= templates


def test_a_check_in_refusal_keeps_its_sentence(store, event):
    insert_delegates(store, event, [{"reference": "R1"}])
    desk = CheckinService(store, event, station="Door")
    with pytest.raises(CheckinError) as caught:
        desk.check_in(999_999)
    assert caught.value.template == "No delegate with id %1 in this event."
    assert caught.value.values == ("999999",)
    assert str(caught.value) == "No delegate with id 999999 in this event."
    with pytest.raises(CheckinError) as unknown:
        desk.resolve_session("nope", dt.datetime(2026, 11, 28, 9, tzinfo=dt.UTC))
    assert unknown.value.template == "Unknown session %1; sessions: %2, or 'auto'."
    assert str(unknown.value) == (
        "Unknown session 'nope'; sessions: opening, financing, or 'auto'."
    )


def test_a_template_error_puts_file_and_field_first(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('title = "Mine"\nface_width = "wide"\n', encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    exc = caught.value
    assert exc.template == "%1: %2: must be a number, not %3"
    assert exc.values == (str(path), "face_width", "'wide'")
    assert (exc.path, exc.field) == (str(path), "face_width")
    assert str(exc) == f"{path}: face_width: must be a number, not 'wide'"
    # A background job hands it over pickled: the template and the place survive.
    copy = pickle.loads(pickle.dumps(exc))
    assert (copy.template, copy.values, copy.field) == (exc.template, exc.values, exc.field)
    assert str(copy) == str(exc)
    with pytest.raises(TemplateError) as shipped:
        load_template("a7")
    assert shipped.value.template == "unknown badge template %1; shipped: %2"
    assert shipped.value.values[0] == "'a7'" and shipped.value.path is None


def test_export_refusals_keep_their_sentence(store, event, tmp_path):
    with pytest.raises(ReportError) as caught:
        parse_split("A-K,C-Z")
    assert caught.value.template == "--split: %1 and %2 overlap; list them in order."
    assert str(caught.value) == "--split: A–K and C–Z overlap; list them in order."
    insert_delegates(store, event, [{"reference": "R1"}, {"reference": "R2",
                                                          "status": "cancelled"}])
    at = dt.datetime(2026, 11, 28, 9, tzinfo=dt.UTC)
    with pytest.raises(ReportError) as paper:
        record_paper_arrivals(store, event, ["R2", "NOPE"], at=at, station="Door")
    assert paper.value.values == ("NOPE", "R2")
    assert str(paper.value) == (
        "Nothing recorded; check these references (unknown: NOPE; "
        "registration cancelled: R2)."
    )


def test_every_raise_site_of_these_modules_is_readable_by_the_translation_tool():
    _templates, blind = collected()
    assert blind == []

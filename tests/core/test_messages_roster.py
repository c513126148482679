"""Roster, event and agenda refusals carry an English template and its values (issue 9).

The app translates the template (checkin/ui/widgets/messages.py); the command line, the logs
and these tests read ``str(exc)``, which must stay the English sentence it always was.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from checkin.core.errors import UserError, fill
from checkin.core.event.agenda import AgendaError, spec_from_info, update_event
from checkin.core.event.definition import parse_event
from checkin.core.event.rules import EventError
from checkin.core.event.stored import require_event
from checkin.core.roster.apply import import_roster
from checkin.core.roster.read import read_roster
from checkin.core.roster.report import ImportCancelled, RosterError
from tests.conftest import insert_delegates

ROOT = Path(__file__).resolve().parents[2]


def collected_templates() -> set[str]:
    """What scripts/update_translations.py hands to the translators."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations as u
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    calls, _blind = u.core_messages(u.core_sources())
    return {text for _context, text in calls}


def refusal(path: Path) -> RosterError:
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    return caught.value


def test_a_refused_file_carries_its_template_and_the_file_name(tmp_path):
    path = tmp_path / "list.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    exc = refusal(path)
    assert isinstance(exc, UserError)
    assert exc.template == (
        "%1: an old Excel 97-2003 (.xls) file or a password-protected workbook; "
        "save it as .xlsx (without a password) or CSV UTF-8."
    )
    assert exc.values == (str(path),)
    assert str(exc) == (
        f"{path}: an old Excel 97-2003 (.xls) file or a password-protected workbook; "
        "save it as .xlsx (without a password) or CSV UTF-8."
    )


@pytest.mark.parametrize(
    ("start", "what"),
    [
        (b"%PDF-1.7\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"GIF89a", "a GIF image"),
        (b"{\\rtf1\\ansi", "a Rich Text (RTF) document"),
    ],
)
def test_a_document_that_is_not_a_list_is_one_whole_sentence(tmp_path, start, what):
    path = tmp_path / "list.csv"
    path.write_bytes(start + b"x" * 100)
    exc = refusal(path)
    # The kind of document is part of the template (a translation agrees with it),
    # never a value.
    assert what in exc.template and exc.values == (str(path),)
    assert str(exc) == (
        f"{path}: {what}, not a delegate list; export the list as CSV or .xlsx "
        "from where it is kept."
    )
    assert exc.template in collected_templates()


def test_a_missing_name_column_lists_the_columns_as_a_value(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Email;Country\na@example.org;CH\n", encoding="utf-8")
    exc = refusal(path)
    assert exc.template == (
        "%1: no name column in row %2. Columns found: %3. Expected one of: %4 "
        "(or map one with field=column)."
    )
    assert exc.values[:3] == (str(path), "1", "'Email', 'Country'")
    assert str(exc).startswith(
        f"{path}: no name column in row 1. Columns found: 'Email', 'Country'. "
        "Expected one of: 'First name', "
    )
    assert exc.template in collected_templates()


def test_a_bad_quote_names_file_and_row_as_values(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text('First name;Last name\nAda;"Lovelace\nAlan;Turing\n', encoding="utf-8")
    exc = refusal(path)
    assert exc.values == (str(path), "2")
    assert str(exc).startswith(f'{path}: row 2: a quote (") opens a cell that is never closed')


def test_cancelling_an_import_is_a_translatable_refusal(store, event, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("First name;Last name\nAda;Lovelace\n", encoding="utf-8")
    with pytest.raises(ImportCancelled) as caught:
        import_roster(store, event, path, cancelled=lambda: True)
    exc = caught.value
    assert exc.template == "%1: import cancelled; nothing was changed."
    assert str(exc) == f"{path}: import cancelled; nothing was changed."


@pytest.mark.parametrize(
    ("data", "template", "english"),
    [
        (
            {"event": {"name": "x"}, "sessions": [{"key": "s", "start": "9:00", "end": "10:00"}]},
            "%1: session %2: '%3' is required.",
            "f.toml: session 's': 'title' is required.",
        ),
        (
            {"event": {"name": "x", "capacity": -1}},
            "%1: %2: '%3' must be a whole number >= 0.",
            "f.toml: [event]: 'capacity' must be a whole number >= 0.",
        ),
        (
            {"event": {"name": "x"}, "categories": [{"key": "a"}, {"key": "a"}]},
            "%1: %2: category %3 is defined twice.",
            "f.toml: [[categories]] #2: category 'a' is defined twice.",
        ),
    ],
)
def test_an_event_file_refusal_keeps_the_word_session_in_the_template(data, template, english):
    with pytest.raises(EventError) as caught:
        parse_event(data, source="f.toml")
    exc = caught.value
    assert isinstance(exc, ValueError)  # callers still catch it as before
    assert exc.template == template
    assert str(exc) == english
    assert not any("session" in v for v in exc.values)
    assert template in collected_templates()


def test_no_event_yet_is_translatable(store):
    with pytest.raises(EventError) as caught:
        require_event(store)
    assert caught.value.values == ()
    assert str(caught.value).startswith("This database has no event yet")


def test_removing_a_category_in_use_gives_a_problem_with_a_template(store, event):
    insert_delegates(store, event, [{"category": "participant"}])
    spec = spec_from_info(event)
    kept = tuple(c for c in spec.categories if c.key != "participant")
    with pytest.raises(AgendaError) as caught:
        update_event(store, event.id, dataclasses.replace(spec, categories=kept))
    (problem,) = caught.value.problems
    assert problem.kind == "in_use"
    assert problem.template == "category %1 cannot be removed: delegates have it (%2)"
    assert problem.values[1] == "1"
    assert problem.message == fill(problem.template, problem.values)
    assert problem.message.endswith("cannot be removed: delegates have it (1)")
    assert problem.template in collected_templates()


def test_every_module_of_this_area_is_readable_by_the_translation_tool():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations as u
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    core = ROOT / "checkin" / "core"
    ours = sorted([*(core / "roster").glob("*.py"), *(core / "event").glob("*.py")])
    _calls, blind = u.core_messages(ours)
    assert blind == []
    assert RosterError.__mro__[1] is UserError

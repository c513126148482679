"""The stored sort keys (``sort_first_name``...) stay ``fold`` of the names through
every writer, and the migration that added them fills an existing database."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from checkin.core.db import migrations
from checkin.core.db import models as m
from checkin.core.db.sort_keys import SORTED_FIELDS, sort_column, sort_keys
from checkin.core.db.store import Store
from checkin.core.roster.apply import import_roster
from checkin.core.roster.edits import update_delegate
from checkin.core.roster.person import PersonForm
from checkin.core.roster.purge import purge
from checkin.core.roster.walkins import register_walk_in
from checkin.core.text import fold
from tests.conftest import insert_delegates

DATA = Path(__file__).resolve().parents[2] / "data"
_FIELDS = ", ".join(SORTED_FIELDS)
_KEYS = ", ".join(sort_column(f) for f in SORTED_FIELDS)


def stale_keys(store) -> list[tuple]:
    """Delegates whose stored keys are not ``fold`` of their names (none, or it is a bug)."""
    with store.read() as s:
        rows = s.execute(text(f"SELECT id, {_FIELDS}, {_KEYS} FROM delegates")).all()
    n = len(SORTED_FIELDS)
    return [r for r in rows if tuple(r[1 + n:]) != tuple(fold(v or "") for v in r[1:1 + n])]


def keys_of(store, delegate_id: int) -> dict[str, str]:
    with store.read() as s:
        row = s.execute(select(*(getattr(m.Delegate, sort_column(f)) for f in SORTED_FIELDS))
                        .where(m.Delegate.id == delegate_id)).one()
    return dict(zip((sort_column(f) for f in SORTED_FIELDS), row, strict=True))


def test_sort_keys_fold_case_and_accents():
    assert sort_keys({"last_name": "Élodie", "first_name": "ŁUKASZ  Ø", "country": "CH"}) == {
        "sort_last_name": "elodie", "sort_first_name": "lukasz o"}
    assert sort_keys({"email": None}) == {"sort_email": ""}


@pytest.fixture
def store(any_store):
    return any_store


def test_an_insert_that_gives_only_the_names_gets_their_keys(store, event):
    (d,) = insert_delegates(store, event, [{"last_name": "Élodie", "first_name": "Åsa",
                                            "organisation": "Médecins", "email": "É@x.org"}])
    assert keys_of(store, d) == {"sort_first_name": "asa", "sort_last_name": "elodie",
                                 "sort_organisation": "medecins", "sort_email": "e@x.org"}


def test_an_edit_keeps_the_keys_current(store, event):
    (d,) = insert_delegates(store, event, [{"last_name": "Dupont", "first_name": "Jean"}])
    update_delegate(store, event, d, PersonForm("Jean", "Émery", "Øresund", "CH",
                                                "jean@example.org"))
    assert keys_of(store, d)["sort_last_name"] == "emery"
    assert keys_of(store, d)["sort_organisation"] == "oresund"
    assert stale_keys(store) == []


def test_an_import_new_and_changed_rows_and_a_walk_in_keep_the_keys_current(
    store, event, tmp_path
):
    roster = tmp_path / "roster.csv"
    roster.write_text("First name,Last name,Organisation,Email\n"
                      "Zoë,Ödegaard,ÉCOLE,zoe@example.org\nBo,Li,IOM,bo@example.org\n",
                      encoding="utf-8")
    import_roster(store, event, roster)
    roster.write_text("First name,Last name,Organisation,Email\n"
                      "Zoë,Æsir,École,zoe@example.org\nBo,Li,IOM,bo@example.org\n",
                      encoding="utf-8")
    report = import_roster(store, event, roster)
    assert len(report.updated) == 1
    walk_in = register_walk_in(store, event, PersonForm("Ève", "Ñúñez", "MSF", "FR"))
    assert keys_of(store, walk_in.id)["sort_last_name"] == "nunez"
    with store.read() as s:
        keys = s.execute(select(m.Delegate.sort_last_name, m.Delegate.sort_organisation)
                         .order_by(m.Delegate.number)).all()
    assert [tuple(k) for k in keys] == [("aesir", "ecole"), ("li", "iom"), ("nunez", "msf")]
    assert stale_keys(store) == []


def test_a_purge_blanks_the_keys_with_the_names(store, event, tmp_path):
    insert_delegates(store, event, [{"last_name": "Élodie", "email": "e@x.org"}])
    purge(store, event, backups=tmp_path)
    with store.read() as s:
        left = s.execute(text("SELECT sort_last_name, sort_first_name, sort_email "
                              "FROM delegates")).all()
    assert left and all(tuple(r) == ("", "", "") for r in left)
    assert stale_keys(store) == []


def test_the_migration_fills_the_keys_of_an_old_database(tmp_path):
    """A database at the revision before the keys, with delegates, opened by this
    version: every key filled from the names."""
    path = tmp_path / "old.sqlite"
    old = Store("sqlite:///" + str(path), migrate=False)
    migrations.upgrade(old.engine, "0010")
    with old.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO events (uuid, name, venue, address, date, timezone, language, "
            "secret, created_at) VALUES ('u', 'E', '', '', '2026-11-20', 'UTC', 'en', "
            "'00', '2026-11-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO delegates (event_id, number, reference, first_name, last_name, "
            "organisation, country, email, category, status, badge_version, search_text, "
            "created_at, updated_at) VALUES "
            "(1, 1, 'R1', 'Élodie', 'Łaska', 'Ærø', 'CH', 'E@X.org', 'p', 'registered', 1, "
            "'', '2026-11-01 00:00:00', '2026-11-01 00:00:00'), "
            "(1, 2, 'R2', '', 'Bach', '', 'CH', '', 'p', 'registered', 1, "
            "'', '2026-11-01 00:00:00', '2026-11-01 00:00:00')"))
    old.close()
    opened = Store("sqlite:///" + str(path))
    assert opened.revision == migrations.HEAD
    assert keys_of(opened, 1) == {"sort_first_name": "elodie", "sort_last_name": "laska",
                                  "sort_organisation": "aero", "sort_email": "e@x.org"}
    assert keys_of(opened, 2) == {"sort_first_name": "", "sort_last_name": "bach",
                                  "sort_organisation": "", "sort_email": ""}
    opened.close()


@pytest.mark.parametrize("fixture", sorted((DATA / "db").glob("*.sqlite")), ids=lambda p: p.name)
def test_databases_written_by_older_versions_get_their_keys(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM delegates WHERE last_name != ''").fetchone()[0]
    opened = Store("sqlite:///" + str(path))
    assert stale_keys(opened) == []
    with opened.read() as s:
        assert s.execute(text("SELECT count(*) FROM delegates WHERE sort_last_name = ''")
                         ).scalar() == s.execute(text(
                             "SELECT count(*) FROM delegates WHERE last_name = ''")).scalar()
    opened.close()

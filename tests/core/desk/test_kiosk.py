"""The kiosk's core: a typed search that never returns people, one confirming detail,
check-ins with the source kiosk, and what goes to staff."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select

from checkin.core.accreditation.notes import set_note
from checkin.core.db import models as m
from checkin.core.desk import kiosk
from checkin.core.desk.kiosk import BADGE, SEE_DESK, KioskDesk, kiosk_cases
from checkin.core.desk.kiosk_search import MAX_TRIES, TOKEN_SECONDS, KioskSearch, confirms
from checkin.core.desk.service import CheckinService
from checkin.core.roster.delegates import list_delegates
from checkin.core.text import fold
from checkin.core.types import DelegateInfo, Outcome, ScanResult
from tests.conftest import Clock, badge_code, insert_delegates

NOW = dt.datetime(2026, 11, 12, 8, 30, tzinfo=dt.UTC)

PEOPLE = [
    {"first_name": "Maria", "last_name": "Schmidt", "organisation": "Caritas Internationalis",
     "email": "maria.schmidt@caritas.example"},
    {"first_name": "Maria", "last_name": "Schmitt", "organisation": "Red Cross",
     "email": "m.schmitt@redcross.example"},
    {"first_name": "Zoë", "last_name": "Lefèvre", "organisation": "IOM",
     "email": "zoe@iom.example", "status": "cancelled"},
    {"first_name": "Jonas", "last_name": "Berg", "organisation": "IOM",
     "email": "jberg@iom.example"},
]


@pytest.fixture
def crowd(store, event):
    ids = insert_delegates(store, event, PEOPLE)
    with store.write() as s:  # the fixture leaves e-mails out of the searched text
        for row in s.scalars(select(m.Delegate)):
            row.search_text = fold(
                f"{row.first_name} {row.last_name} {row.organisation} {row.email}"
            )
    return ids


def test_a_typed_name_gives_a_token_never_people(store, event, crowd):
    search = KioskSearch(lambda: store, event.id)
    found = search.find("maria")
    assert found.token and not found.too_short
    assert not hasattr(found, "candidates") and set(vars(found)) == {"token", "too_short"}
    # A name nobody has gets a token too: typing tells nothing about who is registered.
    nobody = search.find("Nobodyhere")
    assert nobody.token and nobody.token != found.token
    assert search.confirm(nobody.token, "Caritas") is None
    assert search.find("m").too_short


def test_the_confirming_detail_picks_exactly_one(store, event, crowd):
    search = KioskSearch(lambda: store, event.id)
    token = search.find("Maria Schm").token
    assert search.confirm(token, "red cross").last_name == "Schmitt"
    token = search.find("maria").token
    assert search.confirm(token, "maria.sch").last_name == "Schmidt"  # e-mail's start
    # A detail both Marias share ("ma" is too short anyway; "m" e-mails): nobody.
    token = search.find("maria").token
    assert search.confirm(token, "ma") is None
    assert search.confirm(token, "Caritas").first_name == "Maria"


def test_a_token_allows_few_details_and_expires(store, event, crowd):
    clock = Clock(0.0)
    search = KioskSearch(lambda: store, event.id, clock=clock)
    token = search.find("maria").token
    for _ in range(MAX_TRIES - 1):
        assert search.confirm(token, "Unicef") is None
    assert search.tries_left(token) == 1
    assert search.confirm(token, "Unicef") is None
    assert search.confirm(token, "Caritas") is None  # spent: right detail, too late
    token = search.find("maria").token
    clock.now += TOKEN_SECONDS + 1
    assert search.confirm(token, "Caritas") is None


def test_confirms_needs_three_letters_and_word_starts():
    d = DelegateInfo(1, 1, "R1", "A", "B", "International Red Cross", "CH", "ab@x.org",
                     "participant", "registered", 1)
    assert confirms(d, "red cross") and confirms(d, "INTERN") and confirms(d, "ab@")
    assert not confirms(d, "re") and not confirms(d, "cross red x") and not confirms(d, "")
    assert not confirms(d, "ernational")


def test_kiosk_check_ins_carry_the_source_kiosk(store, event, crowd):
    desk = KioskDesk(CheckinService(store, event, station="Kiosk 1"))
    jonas = badge_code(store, 4)
    shown = desk.scan(jonas, now=NOW)
    assert (shown.screen, shown.result.status, shown.prints) == (BADGE, Outcome.ADMITTED, True)
    with store.read() as s:
        row = s.execute(select(m.Scan.source, m.Scan.station)).one()
        assert tuple(row) == ("kiosk", "Kiosk 1")
    entry = next(e for e in list_delegates(store, event) if e.delegate.first_name == "Jonas")
    assert entry.arrived_source == "kiosk"
    other = next(e for e in list_delegates(store, event) if e.delegate.first_name != "Jonas")
    assert other.arrived_source is None


def test_staff_cases_go_to_the_desk_and_are_listed(store, event, crowd):
    desk = KioskDesk(CheckinService(store, event, station="Kiosk 1"))
    maria, zoe = crowd[0], crowd[2]
    assert desk.check_in(maria, now=NOW).screen == BADGE
    again = desk.check_in(maria, now=NOW + dt.timedelta(minutes=1))
    assert (again.screen, again.why) == (SEE_DESK, "already_admitted")
    cancelled = desk.check_in(zoe, now=NOW + dt.timedelta(minutes=2))
    assert (cancelled.screen, cancelled.why) == (SEE_DESK, "cancelled")
    junk = desk.scan("NOTABADGE", now=NOW + dt.timedelta(minutes=3))
    assert (junk.screen, junk.why) == (SEE_DESK, "invalid")
    set_note(store, event, crowd[3], "Collect the visa letter")
    noted = desk.check_in(crowd[3], now=NOW + dt.timedelta(minutes=4))
    assert (noted.screen, noted.why, noted.result.status) == (SEE_DESK, kiosk.WHY_NOTE,
                                                              Outcome.ADMITTED)
    cases = kiosk_cases(store, event)
    assert [c.why for c in cases] == ["note", "invalid", "cancelled", "already_admitted"]
    assert cases[0].delegate.first_name == "Jonas" and cases[1].delegate is None
    later = kiosk_cases(store, event, since=NOW + dt.timedelta(minutes=2, seconds=30))
    assert [c.why for c in later] == ["note", "invalid"]


def test_the_desks_look_reads_the_kiosks_rows_by_their_index(store, event, crowd):
    """Every desk looks every 5 s: the kiosk's rows alone, not the whole day's journal."""
    seen: list[tuple[str, object]] = []

    def note(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().startswith("SELECT scans.uuid"):
            seen.append((statement, parameters))

    sa_event.listen(store.engine, "before_cursor_execute", note)
    try:
        kiosk_cases(store, event, since=NOW)
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", note)
    assert len(seen) == 1
    with store.read() as s:
        plan = s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + seen[0][0],
                                              seen[0][1]).all()
    assert "ix_scans_event_source_time" in str(plan)


def test_revoked_badge_goes_to_the_desk(store, event, crowd):
    with store.write() as s:
        s.get(m.Delegate, crowd[3]).badge_version = 2
    shown = KioskDesk(CheckinService(store, event)).scan(badge_code(store, 4, 1), now=NOW)
    assert (shown.screen, shown.why) == (SEE_DESK, "revoked")


def test_an_identity_check_due_goes_to_the_desk():
    d = DelegateInfo(1, 1, "R1", "A", "B", "IOM", "CH", "a@x.org", "vip", "registered", 1)
    result = ScanResult(Outcome.ADMITTED, d, None, "u", NOW, "Welcome.", id_check="due")
    assert (kiosk.verdict(result).screen, kiosk.verdict(result).why) == (SEE_DESK, "id_check")
    done = ScanResult(Outcome.ADMITTED, d, None, "u", NOW, "Welcome.", id_check="done")
    assert kiosk.verdict(done).prints

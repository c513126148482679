"""Walk-ins and edits made offline, in a desk's copy, then replayed on the server: the
walk-in keeps its number (its badge stays valid), an edit applies only over the values
it started from, and every clash is listed until dismissed.  Two SQLite files set up
from one (the server, and the desk's copy with the same ids); the same code runs
against PostgreSQL in test_offline.py."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select, update

from checkin.core.db import models as m
from checkin.core.desk import merge, pending
from checkin.core.desk.service import CheckinService
from checkin.core.event import codes
from checkin.core.event.stored import event_secret, require_event
from checkin.core.roster.delegates import get_delegate
from checkin.core.roster.edits import DelegateEditError, update_delegate
from checkin.core.roster.numbers import reserve_block
from checkin.core.roster.person import PersonForm
from checkin.core.roster.walkins import WalkInError, register_walk_in
from checkin.core.types import Outcome, ScanSource
from tests.conftest import T0

LATER = T0 + dt.timedelta(minutes=20)


def no_lock():
    return contextlib.nullcontext()


@pytest.fixture
def desk(stations):
    """The server (a) with a block of numbers reserved for the desk, whose copy (b) knows
    the block."""
    server, copy = stations
    event = require_event(server)
    with server.write() as s:
        block = reserve_block(s, event, holder="b", station="Desk 2", size=5, now=T0)
    pending.add_block(copy, block)
    return server, copy, event


def offline_walk_in(copy, event, form, when=T0):
    delegate = pending.register_offline(copy, event, form, station="Desk 2", operator="",
                                        now=when)
    CheckinService(copy, event, station="Desk 2").check_in(
        delegate.id, source=ScanSource.WALK_IN, now=when
    )
    return delegate


def replay(server, copy, event):
    changes = pending.replay_changes(server, copy, event, no_lock)
    with copy.read() as s:
        rows = merge.portable_scans(s, event.id, station="Desk 2")
    scans = merge.merge_scans(server, event, rows,
                              skip_numbers=pending.blocked_numbers(copy, event.id))
    return changes, scans


def test_an_offline_walk_in_is_replayed_with_its_number_and_badge(desk):
    server, copy, event = desk
    person = offline_walk_in(copy, event, PersonForm("Bo", "Li", "UN", email="bo@x.org"))
    assert person.id < 0 and person.number == 13  # the block: 13..17
    assert person.reference == "WALKIN-13"
    assert pending.count_pending(copy, event.id) == 1
    secret = event_secret(copy, event.id)
    badge = codes.make_code(secret, person.number, 1)  # printed at the desk, offline
    again = CheckinService(copy, event, station="Desk 2").scan(badge, now=T0)
    assert again.status is Outcome.ALREADY_ADMITTED

    changes, scans = replay(server, copy, event)
    assert (changes.walk_ins, changes.clashes) == (1, ())
    ((old, new),) = changes.rekeyed
    assert old == person.id and new > 0
    assert scans.new == 2 and scans.skipped == ()  # the check-in, the scan
    on_server = get_delegate(server, new)
    assert (on_server.number, on_server.reference) == (13, "WALKIN-13")
    # The badge printed offline scans on the server as this person, admitted already.
    seen = CheckinService(server, event, station="Desk 1").scan(badge, now=LATER)
    assert seen.status is Outcome.ALREADY_ADMITTED and seen.delegate.id == new
    # In the copy the person now has the server's id, scans and admission included.
    assert get_delegate(copy, person.id) is None
    with copy.read() as s:
        assert set(s.scalars(select(m.Scan.delegate_id).where(m.Scan.code == badge))) == {new}
        assert s.scalar(select(m.Admission.delegate_id).where(
            m.Admission.delegate_id == new)) == new
    assert pending.count_pending(copy, event.id) == 0


def test_replaying_twice_or_after_a_half_done_replay_changes_nothing_more(desk):
    server, copy, event = desk
    offline_walk_in(copy, event, PersonForm("Bo", "Li", "UN"))
    pending.edit_offline(copy, event, 2, dataclasses.replace(
        PersonForm.of(get_delegate(copy, 2)), organisation="UNHCR"), station="Desk 2",
        operator="", now=T0)
    replay(server, copy, event)
    # As if the desk stopped after the server's commits, before noting them in its copy.
    with copy.write() as s:
        s.execute(update(m.PendingChange).values(state=pending.PENDING))
    changes, scans = replay(server, copy, event)
    assert (changes.walk_ins, changes.edits, changes.clashes) == (0, 0, ())
    assert scans.new == 0
    with server.read() as s:
        assert s.scalar(select(m.Delegate.organisation).where(m.Delegate.number == 2)) == "UNHCR"
        assert len(s.scalars(select(m.Delegate.id).where(
            m.Delegate.reference == "WALKIN-13")).all()) == 1


def test_a_walk_in_registered_twice_while_apart_is_listed_both_kept(desk):
    server, copy, event = desk
    offline_walk_in(copy, event, PersonForm("Ana", "Silva", "KRCS", email="ana@krcs.org"))
    meanwhile = register_walk_in(server, event, PersonForm("Ana", "Silva", "Kenya RC", "KE",
                                                           email="ANA@krcs.org"))
    assert meanwhile.number == 18  # after the desk's block

    changes, _scans = replay(server, copy, event)
    (clash,) = changes.clashes
    assert (clash.kind, clash.reason, clash.number, clash.other) == ("walk_in", "same_person",
                                                                      13, 18)
    assert "both are kept" in clash.message and "Desk 2" in clash.message
    with server.read() as s:
        assert sorted(s.scalars(select(m.Delegate.number).where(
            m.Delegate.last_name == "Silva"))) == [13, 18]
    # Listed until a person dismisses it.
    assert [c.change for c in pending.clashes(copy, event.id)] == [clash.change]
    assert pending.dismiss(copy, clash.change)
    assert pending.clashes(copy, event.id) == []
    assert not pending.dismiss(copy, clash.change)


def test_an_edit_applies_over_its_own_values_and_clashes_otherwise(desk):
    server, copy, event = desk

    def edit(number, **changes):
        form = dataclasses.replace(PersonForm.of(get_delegate(copy, number)), **changes)
        return pending.edit_offline(copy, event, number, form, station="Desk 2",
                                    operator="", now=T0)

    edit(2, organisation="UNHCR")  # nobody touches no. 2 on the server
    edit(3, first_name="Carla")  # the server renames no. 3 meanwhile
    edit(4, last_name="Okafor")  # the server changes no. 4's e-mail only: no clash
    edit(5, email="shared@example.org")  # the server gives it to no. 6 meanwhile
    with pytest.raises(DelegateEditError):  # the copy refuses what it knows at once
        edit(5, email="p6@example.org")
    for number, changes in ((3, {"first_name": "Karla"}), (4, {"email": "new4@example.org"}),
                            (6, {"email": "shared@example.org"})):
        form = dataclasses.replace(PersonForm.of(get_delegate(server, number)), **changes)
        update_delegate(server, event, number, form)

    changes, _ = replay(server, copy, event)
    assert changes.edits == 2
    meanwhile, refused = changes.clashes
    assert (meanwhile.kind, meanwhile.reason, meanwhile.number, meanwhile.fields) == (
        "edit", "changed_meanwhile", 3, ("first_name",))
    assert "first name changed on the server meanwhile" in meanwhile.message
    assert (refused.reason, refused.number, refused.fields) == ("refused", 5, ("email",))
    assert "already the e-mail of First6 Last6 (no. 6)" in refused.message
    assert get_delegate(server, 5).email == "p5@example.org"
    assert get_delegate(copy, 5).email == "p5@example.org"
    assert get_delegate(server, 2).organisation == "UNHCR"
    assert get_delegate(server, 3).first_name == "Karla"  # not overwritten
    assert (get_delegate(server, 4).last_name, get_delegate(server, 4).email) == (
        "Okafor", "new4@example.org")
    # The copy shows what the server has, applied or not.
    assert get_delegate(copy, 3).first_name == "Karla"
    assert get_delegate(copy, 4).email == "new4@example.org"


def test_offline_refusals_and_a_desk_without_numbers(stations):
    _server, copy = stations
    event = require_event(copy)
    with pytest.raises(WalkInError) as known:
        pending.register_offline(copy, event, PersonForm("First1", "Last1", "IOM"),
                                 station="Desk 2", operator="")
    assert known.value.existing is not None and known.value.existing.number == 1
    with pytest.raises(pending.NoOfflineNumbers, match="desk that is online"):
        pending.register_offline(copy, event, PersonForm("New", "Person"), station="Desk 2",
                                 operator="")
    assert pending.count_pending(copy, event.id) == 0

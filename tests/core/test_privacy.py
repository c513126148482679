"""Personal data stays out of the logs and the files stay private.

A busy morning with every log level switched on — an import with a bad row, scans,
refusals, a walk-in, an edit, a backup — and then not one name, e-mail address or the
event's badge secret may appear in what was logged.  Files holding personal data are
readable by their user only.
"""

from __future__ import annotations

import logging
import os
import stat

import pytest

from checkin.core.db.backup import backup
from checkin.core.desk.service import CheckinService
from checkin.core.desk.walkin import admit_walk_in
from checkin.core.event.stored import event_secret
from checkin.core.roster.apply import import_roster
from checkin.core.roster.delegates import list_delegates
from checkin.core.roster.edits import update_delegate
from checkin.core.roster.person import PersonForm

ROSTER = (
    "Reference,First name,Last name,Organisation,Country,Email\n"
    "R1,Hélène,Dupont-Secretname,Médecins Sans Frontières,France,helene@private.example\n"
    "R2,Łukasz,Wróblewski,Caritas Polska,Poland,lukasz@private.example\n"
    "R3,Bad,Email-Person,UNHCR,Kenya,not-an-email\n"
)
PERSONAL = ("Hélène", "Secretname", "helene@private.example", "Łukasz", "Wróblewski",
            "lukasz@private.example", "Email-Person", "not-an-email", "Amani", "Njoroge",
            "amani@private.example")  # fmt: skip


def test_no_personal_data_or_secret_in_the_logs(store, event, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    refused = import_roster(store, event, roster)  # a bad e-mail: refused, logged
    assert not refused.applied
    import_roster(store, event, roster, skip_invalid=True)
    service = CheckinService(store, event, station="Desk 1")
    entries = list_delegates(store, event)
    for entry in entries:
        service.scan(entry.code)
        service.scan(entry.code)  # already checked in
    service.scan("NOTABADGE123")
    service.scan(entries[0].code[:-2] + "00")  # a forged check
    admit_walk_in(store, event, PersonForm("Amani", "Njoroge", "KRCS", "KE",
                                             email="amani@private.example"))
    update_delegate(store, event, entries[0].delegate.id,
                    PersonForm("Hélène", "Dupont-Secretname", "MSF", "FR"))  # fmt: skip
    backup(store.path)
    logged = caplog.text
    assert logged  # something was logged: the check below is not vacuous
    leaked = [p for p in PERSONAL if p in logged]
    assert leaked == []
    secret = event_secret(store, event.id)
    assert secret.hex() not in logged and secret.hex()[:16] not in logged


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_wal_and_backups_are_private(store, event, people):
    CheckinService(store, event, station="Desk 1").scan("NOTABADGE123")  # WAL written
    made = backup(store.path)
    files = [store.path, made.path]
    files += [p for p in store.path.parent.glob(store.path.name + "-*")]
    for path in files:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"
    folder = stat.S_IMODE(made.path.parent.stat().st_mode)
    assert folder & 0o077 == 0

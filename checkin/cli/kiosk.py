"""``checkin kiosk``: the self check-in kiosk, full screen (``checkin.ui.kiosk``), and
``checkin kiosk --cases``: the people a kiosk sent to the desk, and why.

The kiosk is closed with the desk's lock PIN (set in the desk settings on this
machine); ``$CHECKIN_KIOSK_PIN`` gives one for a kiosk with no desk settings (4–8
digits), and the demo uses 0000 when neither is set.  Without a PIN it does not open:
nothing would let staff close it.
"""

from __future__ import annotations

import argparse
import os
import sys

from checkin.cli.common import (
    EXIT_NO_DISPLAY,
    EXIT_OK,
    Commands,
    UsageError,
    iso,
    open_store,
    print_json,
)
from checkin.core.wording import plural

PIN_ENV = "CHECKIN_KIOSK_PIN"
DEMO_PIN = "0000"


def cmd_kiosk(args: argparse.Namespace) -> int:
    if args.cases:
        return _print_cases(args)
    if args.idle is not None and not 5 <= args.idle <= 3600:
        raise UsageError("--idle takes 5 to 3600 seconds")
    from checkin.cli.display import problem

    said = problem()
    if said is not None:
        print(said, file=sys.stderr)
        return EXIT_NO_DISPLAY
    from checkin.core.event.stored import require_event
    from checkin.ui.app import application
    from checkin.ui.desk import settings as desk_settings
    from checkin.ui.kiosk import launch

    application()
    settings = desk_settings.load(desk_settings.default_qsettings())
    pin_hash = settings.lock_pin_hash or _pin_hash(args.demo)
    with open_store(args) as store:
        event = require_event(store)
        options = launch.options_from(
            settings, pin_hash=pin_hash, station=args.station, printer=args.printer,
            template=args.template, session=args.session, language=args.language,
            idle_ms=args.idle * 1000 if args.idle else None,
            full_screen=False if args.window else None, camera=args.camera or None,
        )
        return launch.run(store, event, options)


def _pin_hash(demo: bool) -> str:
    from checkin.ui.desk.settings import hash_pin, valid_pin

    pin = os.environ.get(PIN_ENV, "")
    if pin and not valid_pin(pin):
        raise UsageError(f"${PIN_ENV} must be 4 to 8 digits")
    if not pin and demo:
        print(f"checkin: the demo kiosk closes with the PIN {DEMO_PIN} "
              "(Ctrl+Shift+K, or hold the top left corner).", file=sys.stderr)
        pin = DEMO_PIN
    if not pin:
        raise UsageError(
            "the kiosk needs a lock PIN to be closed: set one in the desk settings "
            f"(Desk > Settings > Lock) or in ${PIN_ENV}")
    return hash_pin(pin)


def _print_cases(args: argparse.Namespace) -> int:
    from checkin.core.desk.kiosk import kiosk_cases
    from checkin.core.event.stored import require_event

    with open_store(args) as store:
        event = require_event(store)
        cases = kiosk_cases(store, event, limit=args.limit)
    if args.json:
        print_json([
            {"scan_id": c.scan_id, "at": iso(event, c.at), "station": c.station,
             "outcome": c.outcome, "why": c.why, "code": c.code,
             "reference": c.delegate.reference if c.delegate else None,
             "name": c.delegate.full_name if c.delegate else None}
            for c in cases
        ])
        return EXIT_OK
    for c in cases:
        who = f"{c.delegate.full_name} ({c.delegate.reference})" if c.delegate else c.code
        print(f"{event.local(c.at):%H:%M}  {c.station:<16} {c.why:<17} {who}")
    print(f"{plural(len(cases), 'case', 'cases')} sent to the desk by a kiosk.", file=sys.stderr)
    return EXIT_OK


def register(commands: Commands) -> None:
    p = commands.add("kiosk", cmd_kiosk,
                     "open the self check-in kiosk full screen (closed with the desk's lock "
                     "PIN), or list the people it sent to the desk (--cases)")
    p.add_argument("--station", help="name of this kiosk in the journal (default: this "
                                     "desk's station + ' kiosk')")
    p.add_argument("--printer", help="badge printer: a Brother QL address (usb://, tcp://, "
                                     "file://), a printer's name or @default (default: the "
                                     "desk's arrival printer)")
    p.add_argument("--template", help="badge template key (default: the desk's)")
    p.add_argument("--session", metavar="KEY|auto",
                   help="record attendance in a session instead of the venue arrival")
    p.add_argument("--language", choices=["en", "fr"],
                   help="the kiosk's language between visitors (default: the app's)")
    p.add_argument("--idle", type=int, metavar="SECONDS",
                   help="back to the welcome screen after this long untouched (default 30)")
    p.add_argument("--camera", action="store_true",
                   help="also read QR codes held up to the webcam (a phone's screen)")
    p.add_argument("--window", action="store_true", help="a window, not full screen (trying "
                                                          "it out)")
    p.add_argument("--cases", action="store_true",
                   help="list the people kiosks sent to the desk, newest first, and why")
    p.add_argument("--limit", type=int, default=50, help="with --cases: how many (50)")

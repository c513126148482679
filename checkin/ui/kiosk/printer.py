"""The kiosk's badge printing: the desk's arrival printing and print queue, for every
person the kiosk checks in.

``KioskPrinter`` is the desk's ``ArrivalPrinter`` (same printers: a Brother QL address,
an office printer, or none; same queue: one badge at a time off the GUI thread, tried
again after 3, 10 and 30 s when the printer is out of paper or off) with one difference:
a kiosk prints whoever it checks in, even if a badge of the same version was printed
before (it is the same badge, not a reprint: nothing is revoked).  The kiosk shows no
notice bar: ``controller.KioskController`` hears ``printed``, ``ready`` and
``attempt_failed`` and tells the person, and staff, in its own words.
"""

from __future__ import annotations

from checkin.core.types import Outcome, ScanResult
from checkin.ui.desk.arrival_badges import ArrivalPrinter
from checkin.ui.desk.print_queue import QueuedBadge


class KioskPrinter(ArrivalPrinter):
    """Queue the badge of each admission at the kiosk, printed before or not."""

    def consider(self, outcome: ScanResult) -> QueuedBadge | None:
        d = outcome.delegate
        if d is None or outcome.status is not Outcome.ADMITTED:
            return None
        queued = self.jobs.get(d.reference)
        if queued is not None:
            return queued  # already on its way (scanned twice quickly)
        return self.enqueue(d)

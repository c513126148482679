"""Screenshots of badges printed on arrival to a Brother QL, for docs/images/ (offscreen).

    python scripts/make_print_queue_images.py [--lang fr] [OUT_DIR]

A throwaway demo database and settings file (``demo_window``): the desk settings with
the label printer row, a desk whose label printer is off (the notice with Retry and
Print log), and the print log after a badge went to a printer (a ``file://`` raster, as
in the tests).
"""

from __future__ import annotations

import socket
from dataclasses import replace

from demo_window import arguments, demo_window


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    args = arguments(__doc__.splitlines()[0])
    with demo_window(args) as demo:
        controller, codes = demo.controller, demo.codes
        off = f"tcp://127.0.0.1:{_closed_port()}"
        controller.apply_settings(replace(
            controller.settings, print_on_arrival=True, printer=off, printer_model="QL-820NWB",
            printer_label="62", arrival_template="brother-62mm",
        ))
        dialog = controller.open_settings()
        demo.settle()
        demo.save(dialog, "desk-settings-label-printer")
        dialog.reject()
        printer = controller.arrival_printer
        controller.scan(codes["Sigrid"])
        demo.settle(lambda: printer.queue.items and printer.queue.items[0].notice is not None)
        demo.save(demo.window, "desk-print-failed")
        target = demo.tmp / "ql.bin"
        controller.apply_settings(replace(controller.settings, printer=f"file://{target}"))
        controller.scan(codes["Łukasz"])
        demo.settle(lambda: printer.queue.items[-1].state == "printed")
        log = printer.open_log()
        demo.settle(lambda: log.printed_list.topLevelItemCount() > 0)
        demo.save(log, "desk-print-log")
        log.close()
    print(f"print queue images written to {demo.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

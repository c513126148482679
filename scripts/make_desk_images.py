"""Screenshots of the Desk page in each state, for docs/images/ (offscreen, the real app).

    python scripts/make_desk_images.py [--lang fr] [OUT_DIR]

A throwaway demo database and settings file (``demo_window``); each state reached
through the desk controller as a scan would (admitted, already checked in, refused, a
door counting someone out).  With --lang the app's translation is installed first.
"""

from __future__ import annotations

from demo_window import arguments, demo_window


def main() -> int:
    args = arguments(__doc__.splitlines()[0])
    with demo_window(args) as demo:
        controller, codes, window = demo.controller, demo.codes, demo.window
        controller.scan(codes["Sigrid"])
        demo.settle()
        demo.save(window, "desk-admitted")
        controller.scan(codes["Sigrid"])
        demo.settle()
        demo.save(window, "desk-already")
        controller.scan("R3002X01126E3GRG")  # a badge of another event
        demo.settle()
        demo.save(window, "desk-refused")
        desk = controller.view
        desk.mode_box.setCurrentIndex(desk.mode_box.findData("opening"))
        controller.scan(codes["Łukasz"])
        desk.direction_box.setCurrentIndex(desk.direction_box.findData("exit"))
        controller.scan(codes["Łukasz"])
        demo.settle()
        demo.save(window, "desk-door-exit")
    print(f"desk images written to {demo.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

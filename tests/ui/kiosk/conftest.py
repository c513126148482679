"""The virtual X screen of the desk's real-keystroke tests, for the kiosk's too."""

from tests.ui.desk.test_x11_scanner import display  # noqa: F401  (a fixture)

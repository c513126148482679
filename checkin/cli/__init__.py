"""The ``checkin`` command line: one module per command group."""

from checkin.cli.commands import main

__all__ = ["main"]

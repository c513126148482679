"""checkin: a conference check-in desk that works offline."""

__version__ = "0.1.0"

"""The delegate list: import (read, map columns, validate, apply), delegates as values,
edits, walk-in registration, countries, the purge and the demo.

May import ``event``, ``db`` and the shared leaves.
"""

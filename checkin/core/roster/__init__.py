"""The delegate list: import (read, map columns, validate, apply), delegates as values,
edits, walk-in registration, countries, the purge and the demo.

The import, in the order a file goes through it: ``read`` (the entry points
``read_roster`` and ``preview_roster``) opens the file as a ``table`` (``decode`` for
CSV text, ``xlsx`` for workbooks), ``columns`` maps its header to fields, ``validate``
checks every row, ``plan`` compares the rows with the delegates and ``apply`` writes
the plan; ``report`` holds what they hand back.  A list of 50,000 rows is handled a
column at a time (``row_columns``) and written with one executemany (``bulk``).
Shared by the import, walk-ins and edits: ``identity`` (who is the same person),
``field_rules`` (what a field may hold), ``person`` (one person's form) and ``numbers``
(the next delegate number, and the blocks desks set aside for walk-ins registered
offline).

May import ``event``, ``db`` and the shared leaves; never ``desk`` (checking a walk-in
in is ``checkin.core.desk.walkin``).
"""

"""The front desk: the check-in service and its journal, presence at sessions, search,
the offline desk (its copy kept current, walk-ins and edits made offline), journal
merging and camera frames.

May import ``badges``, ``roster``, ``event``, ``db`` and the shared leaves.
"""

"""Headcounts, the coordinators' dashboard and the reports built on the journal.

May import every core package below it (``desk``, ``badges``, ``roster``, ``event``, ``db``).
"""

"""Badges: templates as data, typesetting, the PDF renderer, printing and badges by e-mail.

May import: ``checkin.core.roster``, ``event``, ``db`` and the shared leaves.
"""

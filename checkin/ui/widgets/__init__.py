"""Shared pieces of the UI: background workers and their progress, table models, the
core's messages in the user's language, plain-text labels, the printer, the app's
language and the garbage-collection policy.
"""

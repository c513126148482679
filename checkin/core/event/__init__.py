"""The event: its definition (TOML, sessions, categories), the agenda editor's changes
and the signed badge codes.

May import ``db`` and the shared leaves.
"""

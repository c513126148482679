"""The event: its definition (TOML, sessions, categories), the event as stored, the
agenda editor's changes, the rules both editors share and the signed badge codes.

May import ``db`` and the shared leaves.
"""

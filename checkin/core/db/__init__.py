"""The bottom layer: the schema (ORM models), the store (engines, sessions, SQLite pragmas,
PostgreSQL), migrations, backups and the change counter.

May import only the shared leaves (``errors``, ``text``, ``types``...).
"""

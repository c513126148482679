"""The accreditation desk: attention notes, hand-outs that come back, photos, ID checks
and entry rules with reasons (issue 19).

Between ``roster`` and ``badges`` in the layers: it reads delegates and the journal, and
the desk (``desk.service``) calls it on the scan path.  Every act of the desk — an item
handed out or returned, a note marked done, an ID checked, a rule overridden — is a row
of the same append-only ``scans`` journal (``ScanAction.HANDOUT`` …), written by the
desk's service, so offline desks journal and replay them by UUID exactly like scans, and
a replay never counts one twice.  State (who holds what, which note is done) is derived
from those rows.

Modules: ``rules`` (may this person enter this session now?), ``notes``, ``handouts``,
``photos`` (import, resize, store, read), ``extras`` (what a scan result adds about the
person).
"""

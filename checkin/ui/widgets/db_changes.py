"""Changes pushed by the shared server, as a Qt signal: one listener per database per app.

On PostgreSQL (``core.db.notify``) a thread LISTENs for the notices that every commit to
the journal or the roster sends; ``ChangeNotices.changed(table)`` reaches the GUI
thread (a signal emitted from another thread is queued to its receivers).  The live
dashboard and the desk's offline copy both listen to the same object (``acquire`` /
``release`` count the users), so an app holds one extra connection, not one per view.

``acquire`` gives None on SQLite, or when the URL's driver cannot LISTEN: the views
then poll as they always did.  ``listening`` says whether LISTEN is in force right now
(false while the server is unreachable): the views poll fast while it is not.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from checkin.core.db.notify import Listener, can_listen


class ChangeNotices(QObject):
    changed = Signal(str)  # the table ("scans", "delegates"), or "" after a gap

    def __init__(self, url) -> None:
        super().__init__()
        self.users = 0
        self._listener = Listener(url, self.changed.emit)

    @property
    def listening(self) -> bool:
        return self._listener.listening.is_set()

    def wait_listening(self, timeout_s: float) -> bool:
        """Block until LISTEN is in force (tests, before they write)."""
        return self._listener.listening.wait(timeout_s)

    def stop(self) -> None:
        self._listener.stop()


_shared: dict[str, ChangeNotices] = {}


def acquire(url) -> ChangeNotices | None:
    """The app's listener for ``url`` (a URL string or object), or None where there is
    nothing to listen to."""
    try:
        if not can_listen(url):
            return None
    except Exception:  # not a URL we can parse: no listener, the views poll
        return None
    key = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    notices = _shared.get(key)
    if notices is None:
        notices = _shared[key] = ChangeNotices(url)
    notices.users += 1
    return notices


def release(notices: ChangeNotices | None) -> None:
    """One user fewer; the last one stops the listener and its connection."""
    if notices is None:
        return
    notices.users -= 1
    if notices.users <= 0:
        for key, value in list(_shared.items()):
            if value is notices:
                del _shared[key]
        notices.stop()

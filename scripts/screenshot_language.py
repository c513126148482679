"""The language of the screenshots the image scripts take (shared by them)."""

from __future__ import annotations

import os


def install(app) -> str:
    """CHECKIN_LANG=fr: the app in French, the images named *-fr.png (the suffix)."""
    lang = os.environ.get("CHECKIN_LANG", "")
    if lang:
        from checkin.ui.widgets import translations

        translations.install(app, lang)
    return f"-{lang}" if lang else ""

"""The self check-in kiosk: a full-screen window where delegates scan their QR code or
type their name, confirm, and leave with their badge (``checkin kiosk``, or the Desk's
Event menu).  Screens in ``screens``, the on-screen keyboard in ``keypad``, the window
that cannot be left without the staff PIN in ``window``, the glue to the core's
``desk.kiosk`` in ``controller``, printing in ``printer``, starting it in ``launch``.
"""

"""The front desk: the Desk page, its controller, the scanner capture, the result panel,
walk-ins, the camera, sounds, settings and the lock.
"""

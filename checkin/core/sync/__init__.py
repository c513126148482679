"""Station-to-station sync without a server: bundles carried on a USB stick.

May import every core package below it.
"""

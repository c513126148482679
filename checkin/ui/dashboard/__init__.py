"""The coordinators' dashboard: figures, charts, lists, projector mode, the live feed.
"""

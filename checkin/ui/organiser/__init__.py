"""The organiser's workspace: the Agenda page and the Event menu (exports, paper ticks,
backups, the purge).
"""

"""The Badges page: choose a template and who, check, preview, print.
"""

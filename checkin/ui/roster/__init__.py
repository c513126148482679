"""The Roster page, the import wizard and the delegate form.
"""

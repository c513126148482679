"""The import wizard: a delegate list imported step by step, one module per page.
"""

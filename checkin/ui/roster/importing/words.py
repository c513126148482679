"""The import wizard's words: what was found in the file, what went wrong, and each
problem of a delegate list in the app's language.

Filed under the wizard's translation context ("ImportWizard"), whichever page shows them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from checkin.core.errors import UserError
from checkin.core.roster.report import FilePreview, Problem
from checkin.ui.widgets.messages import explain


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def _trn(text: str, n: int) -> str:
    """``_tr`` for a count ("%n row(s)"), with the language's plural forms."""
    return QCoreApplication.translate("ImportWizard", text, "", n)


def failure(exc: BaseException) -> str:
    """An exception from the core as words for the organiser (never a traceback), in
    the app's language: a refused file (``RosterError``) or a database that cannot be
    used (``StoreError``) says what is wrong; anything else only that it went wrong."""
    if isinstance(exc, UserError):
        return explain(exc)
    if isinstance(exc, OSError):
        return _tr("The file could not be read (%1).").replace("%1", exc.strerror or str(exc))
    return _tr("Something went wrong (%1); nothing was changed.").replace(
        "%1", type(exc).__name__
    )


def _problem_words() -> dict[str, str]:
    """English as the core words it (so an English UI reads as the CLI does)."""
    return {
        "mixed_encoding": _tr(
            "this line is not UTF-8 like the rest of the file: read as Windows-1252 "
            "(check its accents)"
        ),
        "nul_removed": _tr("a NUL character was removed"),
        "merged_cells": _tr(
            "cells %1 are merged: in this row they read as empty; unmerge them and fill in "
            "every row"
        ),
        "formula_without_result": _tr(
            "cell %1 holds a formula with no saved result and reads as empty; open the file "
            "in Excel and save it again"
        ),
        "csv_sheet_ignored": _tr("the file is CSV: sheet %1 ignored"),
        "duplicate_column": _tr(
            "%1 columns are named %2 (%3): the first (%4) is read, the others are not"
        ),
        "columns_not_imported": _tr("columns not imported: %1"),
        "row_too_long": _tr(
            "%1 cells but the header has %2: the cells after column %3 are not read "
            "(a delimiter inside a name?)"
        ),
        "row_too_short": _tr("only %1 cells but the header has %2: the row may be cut short"),
        "no_name": _tr("no first name and no last name"),
        "reference_too_long": _tr("reference too long (%1 characters; at most %2)"),
        "first_name_too_long": _tr("first name too long (%1 characters; at most %2)"),
        "last_name_too_long": _tr("last name too long (%1 characters; at most %2)"),
        "organisation_too_long": _tr("organisation too long (%1 characters; at most %2)"),
        "email_too_long": _tr("email too long (%1 characters; at most %2)"),
        "invalid_email": _tr("invalid e-mail address %1"),
        "unknown_country": _tr("unknown country %1"),
        "unknown_category": _tr("unknown category %1 (known: %2)"),
        "unknown_category_none": _tr("unknown category %1 (this event defines no categories)"),
        "duplicate_reference": _tr("same reference as row %1"),
        "duplicate_email": _tr("same email as row %1"),
        "duplicate_name": _tr("same name and organisation as row %1"),
        "kept_row_has_error": _tr("delegate no. %1 kept: the row that lists them has an error"),
    }


_PLACEHOLDER = re.compile(r"%(\d)")


def problem_text(problem: Problem) -> str:
    """A problem found in a delegate list, in the app's language; a problem with no
    known reason keeps the core's English words."""
    template = _problem_words().get(problem.reason)
    if template is None:
        return problem.message
    args = problem.args

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    # One pass: a value that itself holds "%2" (a column header) is not replaced again.
    return _PLACEHOLDER.sub(value, template)


def field_label(field: str) -> str:
    labels = {
        "reference": _tr("Reference"),
        "first_name": _tr("First name"),
        "last_name": _tr("Last name"),
        "full_name": _tr("Full name (split into first and last)"),
        "organisation": _tr("Organisation"),
        "country": _tr("Country"),
        "email": _tr("E-mail"),
        "category": _tr("Category"),
        "note": _tr("Attention note"),
    }
    return labels[field]


def describe(preview: FilePreview) -> str:
    """What was detected in the file, in words."""
    delimiters = {",": _tr("comma"), ";": _tr("semicolon"), "\t": _tr("tab")}
    if preview.sheet is not None:
        kind = _tr("Excel workbook, sheet “%1”").replace("%1", preview.sheet)
    else:
        kind = (
            _tr("CSV, encoding %1, delimiter: %2")
            .replace("%1", preview.encoding or "?")
            .replace("%2", delimiters.get(preview.delimiter or "", repr(preview.delimiter)))
        )
    return (
        _trn("%1. Header in row %2; %n delegate row(s). The first rows:", preview.data_rows)
        .replace("%1", kind)
        .replace("%2", str(preview.header_row))
    )

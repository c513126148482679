"""Refresh the French translation of the desktop app and its English plural forms, then
compile them.

    python3 scripts/update_translations.py            # resources/translations/checkin_{fr,en}.*
    python3 scripts/update_translations.py --ts X.ts --qm X.qm   # elsewhere (the tests)

English needs a file too, for its plurals only: ``tr("%n person(s)", "", n)`` shows
"1 person(s)" unless a translation gives "1 person" / "%n people".  ``checkin_en.ts`` is
made with lupdate's ``-pluralonly``: it holds the ``%n`` entries and nothing else, and
its unfinished ones are filled from the source text with "(s)" dropped or made "s"
("%n badge(s)" -> "%n badge" / "%n badges"); irregular words ("person(s)") are in
``IRREGULAR`` below, and any entry can be edited by hand in the .ts: finished entries are
kept.

Step 1, ``pyside6-lupdate checkin/ui/*.py -ts resources/translations/checkin_fr.ts``:
new ``tr()`` strings arrive as ``type="unfinished"`` entries, existing translations are
kept, and strings gone from the code are dropped (``-no-obsolete``).  Step 2,
``pyside6-lrelease`` compiles the ``.ts`` into ``checkin_fr.qm``, the file the app loads
(see checkin/ui/widgets/translations.py).  Translate the unfinished entries (Qt Linguist, or any
editor) and run the script again; ``tests/ui/test_translations.py`` fails while any entry
is unfinished, while the ``.qm`` is older than the ``.ts``, or while the code has a
string the ``.ts`` lacks.

Why a shim: several modules translate through a one-line helper,
``def _tr(text): return QCoreApplication.translate("Context", text)``, which lupdate
cannot follow (it would file ``_tr("…")`` under no context, and the app would never find
it).  The script finds such helpers with ``ast``, and hands lupdate a throw-away file
that spells each ``helper("literal")`` call out as ``QCoreApplication.translate("Context",
"literal")``.  A helper called with something other than a literal is reported: lupdate
cannot see that string, whatever we do.

The core's messages for the user (``checkin/core``, which never imports Qt) are
English templates raised with ``UserError`` subclasses, or marked ``translatable("…")``
(see checkin/core/errors.py); the shim files them under the context ``Messages``, where
``checkin.ui.widgets.messages.explain`` looks them up.

Deterministic: no source locations (``-locations none``), so moving code around does not
rewrite the ``.ts``; entries are in lupdate's order; the same ``.ts`` always compiles to the
same ``.qm`` bytes.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGE = "fr"
TS = TRANSLATIONS / f"checkin_{LANGUAGE}.ts"
QM = TRANSLATIONS / f"checkin_{LANGUAGE}.qm"
MESSAGES = "Messages"  # checkin.core.errors.CONTEXT: the core's messages for the user
TEMPLATES = "BadgeTemplate"  # the shipped badge templates' titles and descriptions
BADGES = ROOT / "resources" / "badges"
PLURAL = "\x00"  # marks a plural helper's text in helper_calls (never in a real string)
ENGLISH_TS = TRANSLATIONS / "checkin_en.ts"
ENGLISH_QM = TRANSLATIONS / "checkin_en.qm"

# English plurals that are not the singular + "s" (the word with "(s)", its plural).
IRREGULAR = {"person(s)": "people"}


def sources() -> list[Path]:
    return sorted((ROOT / "checkin" / "ui").rglob("*.py"))


def core_sources() -> list[Path]:
    return sorted((ROOT / "checkin" / "core").rglob("*.py"))


def _helpers(tree: ast.Module) -> dict[str, tuple[str, bool]]:
    """Module-level ``def f(text): return QCoreApplication.translate("Ctx", text)``, and
    the plural kind ``def f(text, n): return QCoreApplication.translate("Ctx", text, "",
    n)``: name -> (context, plural)."""
    found = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and len(node.args.args) in (1, 2)):
            continue
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        params = [a.arg for a in node.args.args]
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2 * len(params)
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == params[0]
            and (len(params) == 1 or (
                isinstance(call.args[3], ast.Name) and call.args[3].id == params[1]))
        ):
            continue
        found[node.name] = (call.args[0].value, len(params) == 2)
    return found


def helper_calls(paths: list[Path]) -> tuple[list[tuple[str, str]], list[str]]:
    """``(context, text)`` of each ``helper("literal")`` call, and where non-literals are.
    A plural helper's text comes back as ``PLURAL + text``."""
    calls: list[tuple[str, str]] = []
    blind: list[str] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = _helpers(tree)
        if not helpers:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            context, plural = helpers.get(node.func.id, ("", False))
            if not context:
                continue
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                calls.append((context, PLURAL * plural + arg.value))
            elif not (  # the helper's own body passes its parameter on: not a call
                isinstance(arg, ast.Name) and node.func.id in helpers
            ):
                blind.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return calls, blind


def _user_errors(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of the classes of ``checkin/core`` that derive from ``UserError``."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                    for b in node.bases
                }
    found = {"UserError"}
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return found
        found |= more


def core_messages(paths: list[Path]) -> tuple[list[tuple[str, str]], list[str]]:
    """``(CONTEXT, template)`` of each ``SomeUserError("literal", …)`` and
    ``translatable("literal")`` in the core (see checkin/core/errors.py), and where a
    user error is raised with something lupdate cannot read."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in paths}
    errors = _user_errors(trees)
    calls: list[tuple[str, str]] = []
    blind: list[str] = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in errors and name != "translatable":
                continue
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                if arg.value.strip("%0123456789 "):  # not a bare "%1": words to translate
                    calls.append((MESSAGES, arg.value))
            elif not (isinstance(arg, ast.Starred) or (
                isinstance(arg, ast.Name) and name == "translatable")):
                blind.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return calls, blind


def template_texts(folder: Path = BADGES) -> list[tuple[str, str]]:
    """``(TEMPLATES, text)`` of each shipped badge template's title and description, shown
    in the UI through ``QCoreApplication.translate(TEMPLATES, …)`` (their keys stay)."""
    import tomllib

    calls = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        calls += [(TEMPLATES, data[k]) for k in ("title", "description") if data.get(k)]
    return calls


def _shim(calls: list[tuple[str, str]]) -> str:
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text in calls:
        if text.startswith(PLURAL):  # lupdate files it as plural only with a literal n
            lines.append(f"QCoreApplication.translate({context!r}, {text[1:]!r}, '', 2)")
        else:
            lines.append(f"QCoreApplication.translate({context!r}, {text!r})")
    return "\n".join(lines) + "\n"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (pip install PySide6)")
    return found


def lupdate(ts: Path, language: str = LANGUAGE) -> str:
    """Bring ``ts`` in line with the code; lupdate's summary line is returned.  English
    (the source language) gets the plural entries only."""
    calls, blind = helper_calls(sources())
    messages, unread = core_messages(core_sources())
    calls += messages + template_texts()
    blind += unread
    for where in blind:
        print(f"warning: {where}: translated text that is not a literal", file=sys.stderr)
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / "translate_helpers.py"
        shim.write_text(_shim(calls), encoding="utf-8")
        done = subprocess.run(
            [
                _tool("lupdate"),
                *(str(p) for p in sources()),
                str(shim),
                "-locations", "none",
                "-no-obsolete",
                "-no-ui-lines",
                *(["-pluralonly"] if language == "en" else []),
                "-source-language", "en",
                "-target-language", language,
                "-ts", str(ts),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return done.stdout.strip()


_NUMERUS = re.compile(
    r'(<message numerus="yes">\s*<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)'
    r'<translation type="unfinished">(?:(?!</translation>).)*</translation>',
    re.S,
)
_WORD_S = re.compile(r"(\w+)\(s\)")


def english_plurals(source: str) -> tuple[str, str]:
    """ "%n badge(s) on %n page(s)" -> ("%n badge…", "%n badges…"); "person(s)" -> people."""
    def plural(match: re.Match[str]) -> str:
        word = match.group(1)
        return IRREGULAR.get(match.group(0), word + "s")

    return _WORD_S.sub(lambda m: m.group(1), source), _WORD_S.sub(plural, source)


def fill_english(ts: Path) -> int:
    """Fill the unfinished plural entries of the English ``ts``; how many were filled."""
    text = ts.read_text(encoding="utf-8")
    count = 0

    def fill(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        one, many = english_plurals(match.group(2))
        return (f"{match.group(1)}<translation>\n            <numerusform>{one}</numerusform>"
                f"\n            <numerusform>{many}</numerusform>\n        </translation>")

    ts.write_text(_NUMERUS.sub(fill, text), encoding="utf-8")
    return count


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--ts", type=Path, default=TS)
    parser.add_argument("--qm", type=Path, default=QM)
    parser.add_argument("--no-release", action="store_true", help="only update the .ts")
    parser.add_argument("--en-ts", type=Path, default=ENGLISH_TS)
    parser.add_argument("--en-qm", type=Path, default=ENGLISH_QM)
    args = parser.parse_args(argv)
    print(lupdate(args.ts))
    unfinished = args.ts.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"English plurals: {lupdate(args.en_ts, 'en')}")
    filled = fill_english(args.en_ts)
    if filled:
        print(f"{filled} English plural entries filled from their source (check them)")
    if not args.no_release:
        lrelease(args.ts, args.qm)
        lrelease(args.en_ts, args.en_qm)
    if unfinished:
        print(f"{unfinished} entries still to translate in {args.ts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

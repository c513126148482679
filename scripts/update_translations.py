"""Refresh the French translation of the desktop app, then compile it.

    python3 scripts/update_translations.py            # resources/translations/checkin_fr.*
    python3 scripts/update_translations.py --ts X.ts --qm X.qm   # elsewhere (the tests)

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


def sources() -> list[Path]:
    return sorted((ROOT / "checkin" / "ui").rglob("*.py"))


def core_sources() -> list[Path]:
    return sorted((ROOT / "checkin" / "core").rglob("*.py"))


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(text): return QCoreApplication.translate("Ctx", text)``."""
    found = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and len(node.args.args) == 1):
            continue
        if len(node.body) != 1 or not isinstance(node.body[0], ast.Return):
            continue
        call = node.body[0].value
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            continue
        found[node.name] = call.args[0].value
    return found


def helper_calls(paths: list[Path]) -> tuple[list[tuple[str, str]], list[str]]:
    """``(context, text)`` of each ``helper("literal")`` call, and where non-literals are."""
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
            context = helpers.get(node.func.id)
            if context is None:
                continue
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                calls.append((context, arg.value))
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


def _shim(calls: list[tuple[str, str]]) -> str:
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, text in calls:
        lines.append(f"QCoreApplication.translate({context!r}, {text!r})")
    return "\n".join(lines) + "\n"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (pip install PySide6)")
    return found


def lupdate(ts: Path) -> str:
    """Bring ``ts`` in line with the code; lupdate's summary line is returned."""
    calls, blind = helper_calls(sources())
    messages, unread = core_messages(core_sources())
    calls += messages
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
                "-source-language", "en",
                "-target-language", LANGUAGE,
                "-ts", str(ts),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return done.stdout.strip()


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
    args = parser.parse_args(argv)
    print(lupdate(args.ts))
    unfinished = args.ts.read_text(encoding="utf-8").count('type="unfinished"')
    if not args.no_release:
        lrelease(args.ts, args.qm)
    if unfinished:
        print(f"{unfinished} entries still to translate in {args.ts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

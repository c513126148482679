"""The command line counts in English with proper plurals: "1 delegate", "2 delegates",
never "1 delegates" nor "delegate(s)" — through the real entry point."""

from __future__ import annotations

import re

from tests.cli.conftest import listing
from tests.cli.test_cli import ROOT

ONE_CSV = "first_name,last_name,organisation,country,email\nAna,Silva,IOM,PT,ana@example.org\n"
BAD_PLURAL = re.compile(r"\b1 (delegates|badges|pages|problems|sessions|rows|arrivals)\b|\(s\)")


def _one_delegate(run, tmp_path):
    assert run("event", "init", ROOT / "resources" / "demo" / "event.toml").returncode == 0
    path = tmp_path / "one.csv"
    path.write_text(ONE_CSV, encoding="utf-8")
    assert run("import", path).returncode == 0


def test_one_delegate_is_counted_in_the_singular(run, tmp_path):
    _one_delegate(run, tmp_path)
    listed = run("list")
    assert listed.stderr.strip().endswith("1 delegate.")
    checked = run("badges", "--preflight")
    assert "1 badge checked on 'a6': 0 problems." in checked.stderr
    printed = run("badges", tmp_path / "one.pdf")
    assert printed.returncode == 0, printed.stderr
    assert "Wrote 1 badge on 1 page to" in printed.stdout
    exported = run("export", tmp_path / "one.csv.out", "--kind", "csv")
    assert "(1 delegate)." in exported.stdout
    code = listing(run)[0]["code"]
    assert run("scan", code).returncode == 0
    for proc in (listed, checked, printed, exported):
        assert not BAD_PLURAL.search(proc.stdout + proc.stderr), proc.stdout + proc.stderr


def test_many_are_counted_in_the_plural(demo, tmp_path):
    listed = demo("list")
    assert listed.stderr.strip().endswith("86 delegates.")
    printed = demo("badges", tmp_path / "all.pdf", "--template", "a4-herma-4412")
    assert "Wrote 86 badges on 9 pages to" in printed.stdout


def test_plural_helper():
    from checkin.core.wording import plural

    assert plural(1, "delegate", "delegates") == "1 delegate"
    assert plural(2, "delegate", "delegates") == "2 delegates"
    assert plural(0, "person", "people") == "0 people"

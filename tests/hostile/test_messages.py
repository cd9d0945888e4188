"""Messages quote inputs escaped, one message per line; odd environments get clear errors.

A key, value or name from a pull request reaches the CI log through docgen's messages: raw, an
escape sequence would drive the terminal and a newline would forge a line of its own, such as
GitHub's ``::error::`` workflow command.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from docgen.app.cli import run
from docgen.errors import Location, Problem, escape
from tests.hostile.cases import HEAD
from tests.hostile.run import copy_seed, docgen

BODY = HEAD + "      - Text.\n"
LINE = re.compile(r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$")


@pytest.mark.parametrize(("name", "source", "brand", "shown"), [
    ("a key", '"\\e[2Jev\\nil": x\n' + BODY, None, "unknown key '\\x1b[2Jev\\nil'"),
    ("a slug", 'slug: "a\\n::error::forged"\n' + BODY, None, "'a\\n::error::forged' is not valid"),
    ("a date", 'date: "2026\\n::error file=x::forged"\n' + BODY, None,
     "'2026\\n::error file=x::forged' is not a date"),
    ("a font family", "brand: brand.yml\n" + BODY, 'typography:\n  base: "Evil\\u202EFont"\n',
     "font 'Evil\\u202eFont' is not available"),
    ("a bidi override", 'slug: "abc\\u202Edef"\n' + BODY, None, "'abc\\u202edef' is not valid"),
    ("a C1 control", 'title: "abc\\x9bdef"\n' + BODY.split("\n", 1)[1], None, "U+009B"),
])
def test_input_text_in_messages_is_escaped_one_message_per_line(
        name: str, source: str, brand: str | None, shown: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "article.yaml").write_text(source)
    if brand:
        (tmp_path / "brand.yml").write_text(brand)
    run(["check", str(tmp_path / "article.yaml")])
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert shown in err
    assert all(LINE.match(line) for line in lines), lines
    assert all(re.match(r"^/\S+:\d+:\d+: (error|warning): ", line) for line in lines), lines


def test_escape_keeps_every_printable_character() -> None:
    text = "Café déjà vu, Αθήνα, 市场, שלום, \u00a0nbsp, emoji \U0001F680, soft\u00adhyphen, zwj\u200d"
    assert escape(text) == text
    assert escape("\x00\x07\x1b\t\r\n\x7f\x85\u2028\u2029\u061c\u200e\u2066") == (
        "\\x00\\x07\\x1b\\t\\r\\n\\x7f\\x85\\u2028\\u2029\\u061c\\u200e\\u2066")
    problem = Problem("bad\nvalue", Location("dir\n/a.yaml", 3, 4), "fix\x1b[0m it")
    assert str(problem) == "dir\\n/a.yaml:3:4: error: bad\\nvalue (fix\\x1b[0m it)"


@pytest.mark.parametrize(("value", "what"), [
    ("tomorrow", "is not a whole number of seconds"), ("1.5e9", "is not a whole number"),
    ("\u00b2", "is not a whole number"), ("\u0661\u0662", "is not a whole number"),
    ("-5", "is not a whole number"), ("99999999999999", "is after the year 9999"),
    ("1\x1b[31m", "is not a whole number"),
])
def test_an_invalid_source_date_epoch_is_a_clear_error_naming_it(
        value: str, what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "article.yaml").write_text(BODY)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for verb in ("pdf", "deck"):
        assert run([verb, str(tmp_path / "article.yaml"), "--out", str(tmp_path / "out")]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"SOURCE_DATE_EPOCH: error: '{escape(value)}' {what}"), err
        assert err.count("\n") == 1 and "internal error" not in err
    assert not (tmp_path / "out" / "hostile-input.pdf").exists()


def test_a_valid_source_date_epoch_with_spaces_still_builds(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from pypdf import PdfReader

    (tmp_path / "article.yaml").write_text(BODY)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1764201600 ")
    assert run(["pdf", str(tmp_path / "article.yaml"), "--out", str(tmp_path / "out"), "-q"]) == 0
    info = PdfReader(tmp_path / "out" / "hostile-input.pdf").metadata
    assert info["/CreationDate"].startswith("D:20251127")


def test_a_home_that_is_a_file_still_builds_with_one_warning(tmp_path: Path) -> None:
    copy_seed(tmp_path)
    done = docgen(tmp_path, "build", "article.yaml", "--out", "out",
                  env={"HOME": "/etc/passwd", "DOCGEN_CACHE_DIR": None, "XDG_CACHE_HOME": None})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ("warning: the cache folder /etc/passwd/.cache/docgen cannot be created "
                           "(Not a directory), so builds are slower; set DOCGEN_CACHE_DIR to a "
                           "folder of yours, or to nothing to turn the cache off\n")


def test_a_deleted_working_folder_is_a_clear_error(tmp_path: Path) -> None:
    copy_seed(tmp_path / "project")
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
              "from docgen.app.cli import run; "
              f"sys.exit(run(['build', {str(tmp_path / 'project' / 'article.yaml')!r}, "
              f"'--out', {str(tmp_path / 'out')!r}]))")
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=60)
    assert done.returncode == 1
    assert done.stderr == ("docgen: error: the working folder no longer exists (cd to an existing "
                           "folder and run docgen again)\n")


def test_reportlab_hooks_in_the_working_folder_never_run(tmp_path: Path) -> None:
    """reportlab imports ``reportlab_mods`` and ``reportlab_settings`` from its path (the working
    folder under ``python -m``) and ~/.reportlab_mods: a pull request could add them."""
    copy_seed(tmp_path)
    canary = tmp_path / "CANARY_WAS_HERE"
    for hook in ("reportlab_mods.py", "reportlab_settings.py"):
        (tmp_path / hook).write_text(f"open({str(canary)!r}, 'a').write('{hook}')\n")
    home = tmp_path / "home"
    home.mkdir()
    (home / ".reportlab_mods").write_text(f"open({str(canary)!r}, 'a').write('home')\n")
    (home / ".reportlab_settings").write_text(f"open({str(canary)!r}, 'a').write('home')\n")
    done = docgen(tmp_path, "pdf", "article.yaml", "--out", "out", env={"HOME": str(home)})
    assert done.returncode == 0, done.stderr
    assert not canary.exists()

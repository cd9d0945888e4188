"""Every command the README shows is real: the set-up commands are what CI runs, the tasks and
verbs exist, and the shown error format is what docgen prints."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from docgen.app.cli import VERBS
from tests.app.test_tasks import invoke, tasks
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## From clone to artifacts", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.strip().splitlines() if line.strip()]


def test_the_readme_gives_two_commands_from_clone_to_artifacts_and_tests() -> None:
    first, second = setup_commands()
    assert first.startswith("python3 -m venv .venv") and "-r requirements.txt -e ." in first
    assert second == ".venv/bin/invoke build test"


def test_ci_runs_exactly_the_readme_set_up_commands() -> None:
    script = ROOT / ".ci" / "run"
    extract = re.search(r'commands="\$\((awk .*?)\)"', script.read_text()).group(1)  # type: ignore[union-attr]
    result = subprocess.run(["bash", "-c", extract], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().splitlines() == setup_commands()


def test_every_task_in_the_readme_exists() -> None:
    named = set(re.findall(r"`invoke (\w+)", README))
    assert named >= {"pdf", "deck", "build", "check", "watch", "preview", "test", "bench"}
    for name in named:
        assert hasattr(tasks, name), name


def test_every_verb_in_the_readme_exists() -> None:
    verbs = re.search(r"`docgen ([a-z|]+) \[SOURCE", README).group(1).split("|")  # type: ignore[union-attr]
    assert set(verbs) == set(VERBS)


def test_invoke_check_and_list_work_as_shown() -> None:
    assert invoke("check").returncode == 0
    assert invoke("--help", "build").returncode == 0


def test_the_error_format_shown_is_what_docgen_prints(tmp_path) -> None:  # type: ignore[no-untyped-def]
    shown = re.search(r"```text\n(.*?)\n```", README, re.S).group(1)  # type: ignore[union-attr]
    assert re.fullmatch(r"source/article\.yaml:\d+:\d+: error: unknown key 'subtitel' in the "
                        r"article \(did you mean 'subtitle'\?\)", shown)
    article = (ROOT / "source" / "article.yaml").read_text().replace("subtitle:", "subtitel:")
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "article.yaml").write_text(article)
    for name in ("brand.yml",):
        (tmp_path / "source" / name).write_text((ROOT / "source" / name).read_text())
    shutil.copytree(ROOT / "source" / "images", tmp_path / "source" / "images")
    result = subprocess.run([sys.executable, "-m", "docgen", "check"], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 1
    assert re.sub(r":\d+:\d+:", ":L:C:", result.stderr.strip()) == re.sub(r":\d+:\d+:", ":L:C:", shown)

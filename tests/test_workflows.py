"""The GitHub workflows are valid (checked against the published workflow schema) and do the job."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
#: The first major of each action that runs on Node 24 (Node 20 is deprecated on GitHub's runners),
#: and the current major: checkout v7 (2026-06), setup-python v7 (2026-07), upload-artifact v7,
#: download-artifact v8 (2026-03).
NODE24_MAJORS = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 5,
                 "actions/download-artifact": 5}
CURRENT_MAJORS = {"actions/checkout": 7, "actions/setup-python": 7, "actions/upload-artifact": 7,
                  "actions/download-artifact": 8}


def test_workflows_validate_against_the_github_workflow_schema() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def workflow(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text())  # type: ignore[no-any-return]


def job_commands(name: str, job: str | None = None) -> str:
    """Return the shell commands a workflow's jobs run, following reusable workflows it calls."""
    lines = []
    for job_name, body in workflow(name)["jobs"].items():
        if job not in (None, job_name):
            continue
        called = body.get("uses", "")
        if called.startswith("./.github/workflows/"):
            lines.append(job_commands(called.rsplit("/", 1)[1]))
        lines.extend(str(step.get("run", "")) for step in body.get("steps", ()))
    return "\n".join(lines)


def actions_used() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for m in re.finditer(r"uses:\s*(actions/[\w-]+)@v(\d+)\b", path.read_text()):
            found.append((path.name, m.group(1), int(m.group(2))))
    return found


def test_every_action_is_a_current_major_that_runs_on_node_24() -> None:
    used = actions_used()
    assert {action for _, action, _ in used} <= set(CURRENT_MAJORS), used
    assert {"actions/checkout", "actions/setup-python", "actions/upload-artifact"} <= {
        action for _, action, _ in used}
    for file, action, major in used:
        assert major >= NODE24_MAJORS[action], f"{file}: {action}@v{major} runs on a deprecated Node"
        assert major == CURRENT_MAJORS[action], f"{file}: {action}@v{major} is not the current major"


def test_ci_runs_the_readme_test_command_and_uploads_artifacts() -> None:
    text = (WORKFLOWS / "ci.yml").read_text()
    assert "invoke test --require-tools" in job_commands("ci.yml")
    assert "invoke preview" in job_commands("ci.yml")
    assert "actions/upload-artifact" in text and "build/manifest.json" in text


def test_release_attaches_pdf_deck_and_manifest_on_version_tags() -> None:
    data = workflow("release.yml")
    assert data[True]["push"]["tags"] == ["v*"]  # PyYAML reads the key `on` as True
    assert "build/*.pdf build/*.pptx build/manifest.json" in job_commands("release.yml", "release")


def test_release_publishes_only_after_the_tests_pass_with_every_tool() -> None:
    jobs = workflow("release.yml")["jobs"]
    needs = jobs["release"]["needs"]
    needs = [needs] if isinstance(needs, str) else needs
    tested = "\n".join(job_commands("release.yml", job) for job in needs)
    assert "invoke test --require-tools" in tested
    assert "invoke build" in tested  # the published files are the ones the tested job built
    assert "DOCGEN_REQUIRE_TOOLS" in (WORKFLOWS / "ci.yml").read_text()
    assert "workflow_call" in workflow("ci.yml")[True]
    # The token that may write releases is given to the publishing job alone.
    assert workflow("release.yml")["permissions"] == {"contents": "read"}
    assert jobs["release"]["permissions"] == {"contents": "write"}


def test_a_ci_job_tests_the_newest_reportlab_and_python_pptx_but_not_for_releases() -> None:
    job = workflow("ci.yml")["jobs"]["newest-libraries"]
    commands = job_commands("ci.yml", "newest-libraries")
    assert "pip install --upgrade reportlab python-pptx" in commands
    assert commands.index("--upgrade") < commands.index("invoke test --require-tools")
    assert "refs/tags/" in job["if"]

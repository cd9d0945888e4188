"""The GitHub workflows are valid (checked against the published workflow schema) and do the job."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def test_workflows_validate_against_the_github_workflow_schema() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def steps(name: str) -> str:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    return "\n".join(str(step.get("run", "")) for job in data["jobs"].values()
                     for step in job["steps"])


def test_ci_runs_the_readme_test_command_and_uploads_artifacts() -> None:
    text = (WORKFLOWS / "ci.yml").read_text()
    assert "invoke test --require-tools" in steps("ci.yml")
    assert "invoke preview" in steps("ci.yml")
    assert "actions/upload-artifact" in text and "build/manifest.json" in text


def test_release_attaches_pdf_deck_and_manifest_on_version_tags() -> None:
    data = yaml.safe_load((WORKFLOWS / "release.yml").read_text())
    assert data[True]["push"]["tags"] == ["v*"]  # PyYAML reads the key `on` as True
    assert "build/*.pdf build/*.pptx build/manifest.json" in steps("release.yml")

"""The disk cache cannot change an artifact, hang a build, or touch files that are not docgen's.

Every attack of issue 13 on the cache, each through the real command line in a new process (a
process's own memory would hide the disk): the artifacts must be byte-identical to a build with
the cache turned off.
"""

from __future__ import annotations

import marshal
import os
import re
from pathlib import Path

import pytest

from docgen.infra import diskcache
from tests.conftest import ROOT
from tests.hostile.run import copy_seed, docgen, outputs

_NAME = re.compile(r"(?P<kind>[a-z0-9-]+)-[0-9a-f]{40}\.docgen")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The seed's artifacts built with the cache turned off."""
    folder = tmp_path_factory.mktemp("reference")
    copy_seed(folder)
    done = docgen(folder, "build", "article.yaml", "--out", "out", env={"DOCGEN_CACHE_DIR": ""})
    assert done.returncode == 0, done.stderr
    return outputs(folder / "out")


def entries(cache: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in sorted(cache.iterdir()):
        match = _NAME.fullmatch(path.name)
        if match:
            found.setdefault(match["kind"], []).append(path)
    return found


def payload(path: Path) -> object:
    return marshal.loads(path.read_bytes()[diskcache._HEAD:])


def rewrite(path: Path, value: object) -> None:
    """Replace an entry's content, keeping its header (the digest of the genuine content)."""
    path.write_bytes(path.read_bytes()[:diskcache._HEAD] + marshal.dumps(value))


def poison(cache: Path) -> int:
    """Replace every entry's content by a plausible wrong one of the right shape; return how
    many: fonts swapped with other fonts, the QR code for another link, another picture's pixels,
    a template that only starts like one."""
    from docgen.infra.qr import _matrix

    count = 0
    for kind, paths in entries(cache).items():
        values = [payload(p) for p in paths]
        for i, path in enumerate(paths):
            if kind == "qr":
                wrong: object = _matrix("https://tracker.example/?from=docgen")
            elif kind == "pdf-image":
                name, image, mask = values[i]  # type: ignore[misc]
                wrong = (name, {**image, "streamContent": image["streamContent"][::-1]}, mask)
            elif kind == "deck-template":
                wrong = b"PK" + values[i][:1:-1]  # type: ignore[index]
            else:  # fonts: another face's facts
                wrong = values[(i + 1) % len(values)]
                if len(values) == 1 or wrong == values[i]:
                    continue
            rewrite(path, wrong)
            count += 1
    return count


def test_a_poisoned_cache_changes_nothing(tmp_path: Path, reference: dict[str, bytes]) -> None:
    copy_seed(tmp_path)
    env = {"DOCGEN_CACHE_DIR": str(tmp_path / "cache")}
    assert docgen(tmp_path, "build", "article.yaml", "--out", "out", env=env).returncode == 0
    kinds = set(entries(tmp_path / "cache"))
    assert {"qr", "pdf-image", "reportlab-face", "widths"} <= kinds
    assert poison(tmp_path / "cache") >= 10

    done = docgen(tmp_path, "build", "article.yaml", "--out", "out", "--force", env=env)
    assert done.returncode == 0, done.stderr
    assert outputs(tmp_path / "out") == reference
    assert not done.stderr
    # ... and the genuine entries were written back.
    qr = entries(tmp_path / "cache")["qr"][0]
    from docgen.infra.qr import _matrix

    assert payload(qr) == _matrix("https://www.rocketmarketdevelopment.com")


def test_an_entry_copied_under_another_name_is_not_used(tmp_path: Path,
                                                        reference: dict[str, bytes]) -> None:
    """A complete entry (its own valid digest) renamed to the seed's QR entry: the digest covers
    the key, so it does not match there."""
    cache = tmp_path / "cache"
    copy_seed(tmp_path)
    env = {"DOCGEN_CACHE_DIR": str(cache)}
    assert docgen(tmp_path, "pdf", "article.yaml", "--out", "out", env=env).returncode == 0
    os.environ["DOCGEN_CACHE_DIR"], saved = str(cache), os.environ["DOCGEN_CACHE_DIR"]
    try:
        from docgen.infra.qr import _matrix

        diskcache.remember("qr", "evil", b"x", lambda: _matrix("https://tracker.example"),
                           lambda _: True)
    finally:
        os.environ["DOCGEN_CACHE_DIR"] = saved
    genuine, foreign = sorted(entries(cache)["qr"], key=lambda p: p.stat().st_mtime_ns)
    foreign.replace(genuine)
    done = docgen(tmp_path, "pdf", "article.yaml", "--out", "out", "--force", env=env)
    assert done.returncode == 0, done.stderr
    assert outputs(tmp_path / "out")["the-difference-between-marketing-and-sales.pdf"] == \
        reference["the-difference-between-marketing-and-sales.pdf"]


def test_entries_that_are_not_regular_files_neither_hang_nor_are_read(
        tmp_path: Path, reference: dict[str, bytes]) -> None:
    """Entries replaced by named pipes (open would block), links to /dev/zero (read would never
    end) and folders: the build neither hangs nor fails, and regular entries take their place."""
    cache = tmp_path / "cache"
    copy_seed(tmp_path)
    env = {"DOCGEN_CACHE_DIR": str(cache)}
    assert docgen(tmp_path, "build", "article.yaml", "--out", "out", env=env).returncode == 0
    replaced = sorted(p for paths in entries(cache).values() for p in paths)
    for n, path in enumerate(replaced):
        path.unlink()
        [os.mkfifo, lambda p: p.symlink_to("/dev/zero"), Path.mkdir][n % 3](path)
    done = docgen(tmp_path, "build", "article.yaml", "--out", "out", "--force", env=env,
                  timeout=60)
    assert done.returncode == 0, done.stderr
    assert outputs(tmp_path / "out") == reference
    assert all(p.is_file() and not p.is_symlink() for n, p in enumerate(replaced) if n % 3 < 2)


def test_only_docgens_own_entries_are_ever_deleted(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    foreign = {"other-tool.marshal": b"x" * 5000, "notes.txt": b"y" * 5000,
               "qr-" + "0" * 40 + ".marshal": b"z" * 5000, "QR-" + "a" * 40 + ".docgen": b"w"}
    for name, data in foreign.items():
        (cache / name).write_bytes(data)
    (cache / ("qr-" + "b" * 40 + ".docgen")).symlink_to(tmp_path / "elsewhere")
    (tmp_path / "elsewhere").write_bytes(b"v" * 5000)
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(cache))
    monkeypatch.setattr(diskcache, "MAX_BYTES", 3000)
    for n in range(6):
        diskcache.remember("kind", "1", f"source {n}".encode(), lambda: b"e" * 1000,
                           lambda v: isinstance(v, bytes))
    assert {n: (cache / n).read_bytes() for n in foreign} == foreign
    assert (tmp_path / "elsewhere").exists() and (cache / ("qr-" + "b" * 40 + ".docgen")).is_symlink()
    assert len(list(cache.glob("kind-*.docgen"))) < 6  # docgen's own entries were pruned


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    monkeypatch.delenv("DOCGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert diskcache.cache_dir() == tmp_path / "home" / ".cache" / "docgen"
    copy_seed(tmp_path / "project")
    done = docgen(tmp_path / "project", "pdf", "article.yaml", "--out", "out",
                  env={"DOCGEN_CACHE_DIR": None, "XDG_CACHE_HOME": "relative-cache",
                       "HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "project" / "relative-cache").exists()
    assert list((tmp_path / "home" / ".cache" / "docgen").glob("*.docgen"))


def _owned_by_someone_else(folder: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("changing a folder's owner needs root")
    os.chown(folder, 4242, 4242)


@pytest.mark.parametrize("unsafe", ["group-writable", "world-writable", "another user's"])
def test_an_unsafe_cache_folder_is_ignored_with_one_warning(
        unsafe: str, tmp_path: Path, reference: dict[str, bytes]) -> None:
    """Even an entry with a correct digest (anyone can compute one) is not read from a folder
    others can write to; two sources, one warning."""
    from docgen.infra.qr import _matrix

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    project = tmp_path / "project"
    copy_seed(project)
    text = (project / "article.yaml").read_text()
    (project / "second.yaml").write_text(text.replace("title: ", "title: Copy of ", 1))
    forged = marshal.dumps(_matrix("https://tracker.example"))
    key = _key("qr", "https://www.rocketmarketdevelopment.com")
    (cache / f"qr-{key[:40]}.docgen").write_bytes(
        diskcache._MAGIC + diskcache._digest(key, forged) + forged)
    if unsafe == "another user's":
        _owned_by_someone_else(cache)
    else:
        cache.chmod(0o770 if unsafe == "group-writable" else 0o777)
    done = docgen(project, "pdf", "article.yaml", "second.yaml", "--out", "out",
                  env={"DOCGEN_CACHE_DIR": str(cache)})
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "cache folder" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: the cache folder "), done.stderr
    assert outputs(project / "out")["the-difference-between-marketing-and-sales.pdf"] == \
        reference["the-difference-between-marketing-and-sales.pdf"]


def test_a_forged_entry_in_a_private_folder_is_read() -> None:
    """The other side of the test above: a digest anyone can compute is no defence by itself,
    which is why the folder must be private (docs/security.md)."""
    import reportlab

    from docgen.infra.qr import _matrix

    forged = _matrix("https://tracker.example")
    key = _key("qr", "https://genuine.example")
    folder = diskcache.usable_dir()
    assert folder is not None
    payload = marshal.dumps(forged)
    (folder / f"qr-{key[:40]}.docgen").write_bytes(
        diskcache._MAGIC + diskcache._digest(key, payload) + payload)
    assert diskcache.remember("qr", reportlab.Version, b"https://genuine.example",
                              lambda: None, lambda _: True) == forged


def _key(kind: str, source: str) -> str:
    """Return the full key of an entry (what anyone can compute)."""
    import hashlib

    import reportlab

    return hashlib.sha256(f"{kind}\0{reportlab.Version}\0{diskcache.FORMAT}\0".encode()
                          + source.encode()).hexdigest()


def test_release_builds_run_with_the_cache_off() -> None:
    """.ci/run and the CI job whose artifacts the release workflow publishes build with the cache
    turned off."""
    import yaml

    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^export DOCGEN_CACHE_DIR=$", ci, re.M)
    workflows = ROOT / ".github" / "workflows"
    release = yaml.safe_load((workflows / "release.yml").read_text())
    assert release["jobs"]["test-and-build"]["uses"] == "./.github/workflows/ci.yml"
    ci_job = yaml.safe_load((workflows / "ci.yml").read_text())["jobs"]["test-and-build"]
    (build,) = [s for s in ci_job["steps"] if "invoke build" in s.get("run", "")]
    assert build["env"]["DOCGEN_CACHE_DIR"] == ""

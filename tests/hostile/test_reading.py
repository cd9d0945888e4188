"""Inputs are read only when they are regular files inside the project, and never past a limit.

A pull request controls the project folder: its article may be a symbolic link to a CI secret, a
named pipe or a device. None of them may be read, echoed, or hang the build.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from docgen.infra.files import FileRefused, read_limited
from tests.hostile.cases import HEAD, article
from tests.hostile.run import docgen

SECRET = "AKIA-SECRET-TOKEN-DO-NOT-PRINT"


def test_an_article_linking_outside_its_folder_is_neither_read_nor_echoed(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.yaml"
    secrets.write_text(f"token: {SECRET}\n")  # read, it would give "unknown key 'token'"
    project = tmp_path / "project"
    project.mkdir()
    (project / "article.yaml").symlink_to(secrets)
    done = docgen(project, "check", "article.yaml", timeout=60)
    assert done.returncode == 1
    assert done.stderr == ("article.yaml: error: the article is a link to a file outside its "
                           "folder (copy the file into the folder instead of linking to it)\n")
    assert SECRET not in done.stdout + done.stderr


def test_an_article_linking_inside_its_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "real.yaml").write_text(article("Linked text."))
    (tmp_path / "article.yaml").symlink_to("drafts/real.yaml")
    done = docgen(tmp_path, "check", "article.yaml", timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("kind", ["fifo", "device", "socket", "folder"])
def test_an_article_that_is_not_a_regular_file_is_refused_at_once(kind: str, tmp_path: Path
                                                                 ) -> None:
    path = tmp_path / "article.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o644, os.makedev(1, 5))  # what /dev/zero is
    elif kind == "socket":
        import socket

        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path.mkdir()
    done = docgen(tmp_path, "build", "article.yaml", "--out", "out", timeout=60)
    assert done.returncode == 1
    what = {"fifo": "a named pipe", "device": "a device", "socket": "a socket"}.get(kind)
    expected = (f"article.yaml: error: cannot read the file: it is {what}, not a regular file "
                "(name a YAML file saved in the project)\n" if what
                else "article.yaml: error: is a folder, not a YAML file\n")
    assert done.stderr == expected
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("asset", ["picture", "logo", "font", "brand"])
def test_an_asset_that_is_a_named_pipe_is_refused_without_hanging(asset: str, tmp_path: Path
                                                                 ) -> None:
    brand = {"picture": None, "logo": "logo: pipe.png\n",
             "font": "typography:\n  fonts:\n    - family: Pipe\n      source: file\n"
                     "      files: [pipe.ttf]\n  base: Pipe\n", "brand": None}[asset]
    blocks = ["image: {src: pipe.png, alt: A pipe}"] if asset == "picture" else ["Text."]
    head = "brand: pipe.yml\n" if asset == "brand" else "brand: brand.yml\n" if brand else ""
    (tmp_path / "article.yaml").write_text(head + article(*blocks))
    if brand:
        (tmp_path / "brand.yml").write_text(brand)
    name = {"picture": "pipe.png", "logo": "pipe.png", "font": "pipe.ttf", "brand": "pipe.yml"}
    os.mkfifo(tmp_path / name[asset])
    done = docgen(tmp_path, "check", "article.yaml", timeout=60)
    assert done.returncode == 1
    assert "is not a file" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_reads_stop_at_the_limit_whatever_the_size_claims(tmp_path: Path) -> None:
    """/proc files claim a size of 0 and hold more; /dev/zero never ends."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc")
    assert maps.stat().st_size == 0
    with pytest.raises(FileRefused) as info:
        read_limited(maps, 16)
    assert info.value.errno == errno.EFBIG
    assert len(read_limited(maps, 10_000_000)) > 16
    with pytest.raises(FileRefused, match="a device"):
        read_limited("/dev/zero", 1024)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match="a named pipe"):
        read_limited(fifo, 1024)  # opened without blocking: no writer needed
    (tmp_path / "exact").write_bytes(b"x" * 100)
    assert read_limited(tmp_path / "exact", 100) == b"x" * 100
    with pytest.raises(FileRefused):
        read_limited(tmp_path / "exact", 99)


def test_a_five_megabyte_article_is_still_read(tmp_path: Path) -> None:
    from docgen.source.yamlsafe import MAX_SOURCE_BYTES, read_text

    path = tmp_path / "article.yaml"
    text = HEAD + "      - " + "w" * (MAX_SOURCE_BYTES - len(HEAD) - 9) + "\n"
    path.write_text(text)
    assert path.stat().st_size == MAX_SOURCE_BYTES
    assert read_text(path, "article.yaml") == text

"""Build products kept between builds (generator/kept.py): made once per key, and never read from a folder that
someone else could have written to."""

import os

import pytest

from generator import kept


@pytest.fixture
def temporary(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    return tmp_path


def test_a_product_is_made_once_per_key(temporary):
    made = []

    def make():
        made.append(1)
        return b"bytes"

    assert kept.bytes_of("thing", "inputs A", ".bin", make) == b"bytes"
    assert kept.bytes_of("thing", "inputs A", ".bin", make) == b"bytes"
    assert len(made) == 1
    kept.bytes_of("thing", "inputs B", ".bin", make)
    assert len(made) == 2
    assert oct(kept.directory().stat().st_mode & 0o777) == "0o700"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_trusted(temporary):
    folder = kept.directory()
    kept.write("snapshot", "key", ".bin", b"ours")
    os.chmod(folder, 0o777)  # as if someone had made it for us, open to all
    assert kept.directory() is None
    assert kept.read("snapshot", "key", ".bin") is None  # a planted file is never read
    assert kept.bytes_of("snapshot", "key", ".bin", lambda: b"made afresh") == b"made afresh"


def test_a_product_that_cannot_be_kept_is_still_made(temporary, monkeypatch):
    def disk_full(self, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pathlib.Path.replace", disk_full)
    assert kept.bytes_of("wheel", "key", ".whl", lambda: b"made") == b"made"
    assert list(kept.directory().iterdir()) == []  # no half-written file left behind

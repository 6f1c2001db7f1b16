"""Build products kept between builds, under a digest of everything that makes them (their inputs and the code
that makes them): equal keys, equal bytes, so a later build reads the file instead of making it again.

They live in a folder of the temporary directory that only this user may write: a file planted there by someone
else (a snapshot with other code in it) would otherwise reach the site. When the folder is not this user's alone,
nothing is kept. Written atomically: a concurrent build reads the whole file or none."""

import hashlib
import os
import stat
import tempfile
from pathlib import Path


def directory():
    """This user's folder for kept products, or None when it cannot be trusted."""
    uid = os.getuid() if hasattr(os, "getuid") else None  # Windows: the temporary directory is the user's own
    folder = Path(tempfile.gettempdir()) / ("handbook-kept" if uid is None else f"handbook-kept-{uid}")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or (uid is not None and (info.st_uid != uid or info.st_mode & 0o077)):
        return None
    return folder


def files_digest(contents: dict) -> str:
    """One SHA-256 over named files ({name: bytes or Path}), names included: what a product made from them is
    kept, checked or named under."""
    summary = hashlib.sha256()
    for name, content in sorted(contents.items()):
        data = content.read_bytes() if isinstance(content, Path) else content
        summary.update(f"{name}\0{hashlib.sha256(data).hexdigest()}\0".encode())
    return summary.hexdigest()


def _path(kind, key, suffix):
    folder = directory()
    return folder and folder / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:16]}{suffix}"


def read(kind: str, key: str, suffix: str):
    """The bytes kept for `kind` made from `key`, or None."""
    where = _path(kind, key, suffix)
    try:
        return where.read_bytes() if where and where.is_file() else None
    except OSError:
        return None


def write(kind: str, key: str, suffix: str, data: bytes):
    """Keeps `data`, or nothing when it cannot be written (a full disk): keeping only saves time."""
    where = _path(kind, key, suffix)
    if where:
        partial = where.with_suffix(f".{os.getpid()}.tmp")
        try:
            partial.write_bytes(data)
            partial.replace(where)
        except OSError:
            partial.unlink(missing_ok=True)


def bytes_of(kind: str, key: str, suffix: str, make) -> bytes:
    """The kept bytes, or `make()`'s, kept for the next build."""
    data = read(kind, key, suffix)
    if data is None:
        data = make()
        write(kind, key, suffix, data)
    return data

"""Compressed copies beside the site's files (`x.js.gz`, and `x.js.br` where brotli is installed), made once at
build time. A server then sends them whatever its list of compressible types says: nginx with `gzip_static`,
Apache with the rules on the 管理员说明 page. Behind the documented nginx the engine's snapshot (31 MB, mostly
zeros) went out uncompressed because its type was in no `gzip_types`: a first visit moved 36.6 MB, not 10.

Copies of large files are kept between builds under their content's digest (generator/kept.py): the engine's
snapshot and the runtime are the same in every build of every handbook."""

import gzip
import hashlib
from pathlib import Path

from .. import kept

try:
    import brotli  # optional: the `site` extra pins it
except ImportError:  # pragma: no cover — a machine without it still gets .gz
    brotli = None

SMALLEST = 1024  # bytes: below this a copy saves less than its request's headers
ALREADY_COMPRESSED = {".gz", ".br", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".ico"}
KEEP_FROM = 256 * 1024  # larger files' copies are kept between builds
GZIP_LEVEL, BROTLI_QUALITY = 6, 9  # level 9 saved 1 % of the snapshot for 5× the time; brotli 11 took 49 s


def _gzip(data):
    return gzip.compress(data, GZIP_LEVEL, mtime=0)  # mtime 0: the same file gives the same bytes


def _brotli(data):
    return brotli.compress(data, quality=BROTLI_QUALITY)


def _compressed(data, name, make):
    if len(data) < KEEP_FROM:
        return make(data)
    key = f"{name}:{GZIP_LEVEL}:{BROTLI_QUALITY}:{hashlib.sha256(data).hexdigest()}"
    return kept.bytes_of("compressed", key, "." + name, lambda: make(data))


def precompress(site: Path) -> dict:
    """Writes the copies that save at least a tenth of a file; returns {encoding: bytes written} for the report."""
    written = {"gzip": 0, "br": 0}
    encoders = [("gzip", ".gz", _gzip)] + ([("br", ".br", _brotli)] if brotli else [])
    for path in sorted(Path(site).rglob("*")):
        if not path.is_file() or path.suffix.lower() in ALREADY_COMPRESSED or path.stat().st_size < SMALLEST:
            continue
        data = path.read_bytes()
        for encoding, suffix, make in encoders:
            copy = _compressed(data, encoding, make)
            if len(copy) <= len(data) * 0.9:
                path.with_name(path.name + suffix).write_bytes(copy)
                written[encoding] += len(copy)
    return written

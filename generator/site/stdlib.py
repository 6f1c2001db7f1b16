"""Pyodide's `python_stdlib.zip` trimmed to the modules its start-up and the engine import.

The full zip is 2.5 MB and already compressed, so a web server's gzip cannot shrink it; the
self-assessment imports a third of it. KEEP lists the top-level modules and packages found in
`sys.modules` after Pyodide 314 boots, unpacks the engine wheel and runs every worked example (the
engine adds decimal, numbers and difflib; the worker checks its downloads with hashlib). The parity
tests run the engine on the trimmed zip, under Node and in Chromium, so a module missing here fails them
rather than a person's browser.
"""

import io
import sys
import zipfile
from pathlib import Path

from .. import kept

KEEP = frozenset("""
    __future__ _collections_abc _colorize _opcode_metadata _py_warnings _pyodide _sitebuiltins _ssl
    _weakrefset abc annotationlib ast asyncio base64 bisect bz2 codecs codeop collections compression
    concurrent contextlib contextvars copy copyreg dataclasses decimal difflib dis encodings enum fnmatch
    functools genericpath glob hashlib heapq importlib inspect io json keyword linecache locale logging lzma
    ntpath numbers opcode operator os pathlib posixpath pyodide random re reprlib selectors shutil signal
    site socket ssl stat string struct subprocess tempfile textwrap threading token tokenize traceback
    types typing warnings weakref zipfile zipimport
    sysconfig _sysconfigdata__emscripten_wasm32-emscripten site-packages
""".split())  # the last line: read lazily by `site` and package installs; small


def _top(name):
    first = name.split("/", 1)[0]
    return first[:-3] if first.endswith(".py") else first


def trim(source):
    """The trimmed zip's bytes; entries keep their order and timestamps, so the output is reproducible.
    Kept between builds, keyed by the source file and KEEP: every build would redo it."""
    source = Path(source)
    stat = source.stat()
    return kept.bytes_of("stdlib", f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{sorted(KEEP)}", ".zip",
                         lambda: _trim(source))


def _trim(source):
    return _copy(source, lambda name: _top(name) in KEEP)


def without(data: bytes, imported) -> bytes:
    """The zip `data` less the files in `imported` (paths inside Python, "/lib/python314.zip/json/decoder.py"):
    what a memory snapshot that already imported them still needs. Folders stay."""
    inside = {path.split(".zip/", 1)[1] for path in imported if ".zip/" in path}
    return _copy(io.BytesIO(data), lambda name: name not in inside)


def _copy(source, keep):
    """The zip `source` (a path or a file) with only the entries whose name `keep` accepts, in their order."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as whole, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as kept:
        for info in whole.infolist():
            if keep(info.filename):
                kept.writestr(info, whole.read(info), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


if __name__ == "__main__":
    data = trim(sys.argv[1])
    Path(sys.argv[2]).write_bytes(data)
    print(f"{sys.argv[2]}: {len(data):,} bytes (from {Path(sys.argv[1]).stat().st_size:,})")

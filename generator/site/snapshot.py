"""A memory snapshot of Pyodide with the engine already imported: the worker restores it instead of booting
Python and importing the engine (Pyodide 314's experimental `_makeSnapshot` / `_loadSnapshot`).

It comes with its own standard library: the trimmed one without the files already imported into the heap (Pyodide
installs a library before restoring; what is imported is never read again), about a third of the size. Memory
freed before the snapshot is zeroed, so it compresses away.

Made at build time under Node (`snapshot.mjs`) from the very files the site serves — the runtime, the trimmed
standard library and the engine wheel — and shipped as a hashed asset. A snapshot made under Node restores in
Chromium: the heap holds no reference to the JavaScript side (Pyodide refuses to snapshot one). The worker
falls back to the normal boot, and says why in the console, when restoring fails or the snapshot is not of
this engine and runtime (`KEY`, baked into the snapshot). `HANDBOOK_SNAPSHOT=off` builds without one.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import kept
from . import stdlib as library

MAKER = Path(__file__).with_name("snapshot.mjs")
NAME = "engine.snapshot"
SWITCH = "HANDBOOK_SNAPSHOT"  # off: no snapshot, every page boots Python as before


def wanted():
    return os.environ.get(SWITCH, "on").strip().lower() not in ("off", "0", "no", "false")


@dataclass(frozen=True)
class Snapshot:
    heap: bytes
    stdlib: bytes  # the standard library a page restores it with


def make(runtime: dict, stdlib: bytes, wheel: bytes, key: str):
    """The Snapshot, or None with the reason on stderr (the site then works without it).
    `runtime`: {Pyodide file name: its Path}; `key` names these very inputs (the site passes the digests of the
    runtime folder, trimmed library included, and of the wheel), so the snapshot is kept between builds
    (generator/kept.py) under it and the maker's own text: they rarely change, and making one takes Node a few
    seconds."""
    if not wanted():
        return None
    named = f"{key}|{MAKER.read_text(encoding='utf-8')}"
    heap, library_left = kept.read("snapshot", named, ".bin"), kept.read("snapshot-stdlib", named, ".zip")
    if heap is not None and library_left is not None:
        return Snapshot(heap, library_left)
    node = shutil.which("node")
    if node is None:
        return _without("找不到 node")
    with tempfile.TemporaryDirectory(prefix="handbook-snapshot-") as folder:
        work = Path(folder)
        for name, source in runtime.items():
            shutil.copyfile(source, work / name)
        (work / "stdlib.zip").write_bytes(stdlib)
        (work / "engine.whl").write_bytes(wheel)
        try:
            done = subprocess.run([node, str(MAKER), str(work), str(work / "stdlib.zip"), str(work / "engine.whl"),
                                   key, str(work / NAME)], capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as error:
            return _without(str(error))
        if done.returncode != 0:
            errors = [line for line in done.stderr.splitlines() if "Error" in line and len(line) < 500]
            return _without((errors or [f"node 退出码 {done.returncode}"])[-1].strip())
        made = Snapshot((work / NAME).read_bytes(),
                        library.without(stdlib, json.loads((work / f"{NAME}.imported").read_text(encoding="utf-8"))))
    kept.write("snapshot-stdlib", named, ".zip", made.stdlib)
    kept.write("snapshot", named, ".bin", made.heap)
    return made


def _without(reason):
    print(f"注意：没有生成计分引擎的内存快照（{reason}）；自评页照常启动 Python，只是慢一些 / "
          f"note: no engine snapshot ({reason}); pages boot Python as before", file=sys.stderr)
    return None

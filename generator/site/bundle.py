"""What an installed handbook carries in place of a checkout's `mkdocs.yml`, `content/`, npm packages and Node.

`make dist` (generator/site/distribution.py) writes it into the wheel, under `generator/site/bundled/`: the site's
configuration and the product's own pages, Pyodide's files as the site serves them (the standard library already
trimmed), the engine wheel and its memory snapshot. Its files are the very bytes a checkout would make, so a
site built from an installed handbook equals one built from the checkout it came from. A checkout has no bundle
and makes all of it from npm, with Node, as before.

The bundle is used only for the engine it was made with: when the installed engine's sources are not the ones
recorded at `make dist` (someone edited them in place), the engine wheel is made afresh, and the snapshot, which
would not match it, is not used.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from .. import kept
from . import snapshot, wheel

HERE = Path(__file__).with_name("bundled")
CONFIG = "mkdocs.yml"
RUNTIME = "runtime"
MANIFEST = "manifest.json"
ENGINE_FILE = "engine.whl"
HEAP_FILE = "engine.snapshot"
HEAP_STDLIB_FILE = "engine-stdlib.zip"


def config_file(checkout_config: Path) -> Path:
    """The site configuration to build with: the bundle's in an installed handbook, else the checkout's."""
    bundled = HERE / CONFIG
    return bundled if bundled.is_file() else checkout_config


def engine_sources_digest() -> str:
    """One digest over the engine's sources (its modules and catalogs), as the engine wheel is made from them."""
    return kept.files_digest(wheel.sources())


@dataclass(frozen=True)
class Prebuilt:
    files: dict  # Pyodide's files as served: name → Path
    engine: bytes  # the engine wheel
    snapshot: snapshot.Snapshot | None
    key: str  # what the snapshot was made from (generator.assets.snapshot_key)


def runtime(folder: Path = HERE) -> Prebuilt | None:
    """The bundle's runtime, or None when there is none or it is not of the installed engine."""
    manifest = folder / RUNTIME / MANIFEST
    if not manifest.is_file():
        return None
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    if recorded["engine_sources"] != engine_sources_digest():
        return None
    runtime_dir = folder / RUNTIME
    heap, heap_stdlib = runtime_dir / HEAP_FILE, runtime_dir / HEAP_STDLIB_FILE
    made = snapshot.Snapshot(heap.read_bytes(), heap_stdlib.read_bytes()) if heap.is_file() else None
    return Prebuilt({name: runtime_dir / "pyodide" / name for name in recorded["files"]},
                    (runtime_dir / ENGINE_FILE).read_bytes(), made, recorded["key"])

"""The files the site carries besides its pages: the self-assessment's engine, the definitions it scores
against, its scripts, and the Pyodide runtime copied from npm. No MkDocs imports: the plugin adds these
files to the site, and the benchmark writes the same ones to disk for its baseline.

Every one of them lives under `assets/hashed/<digest>/`, the digest taken over its bytes, so a new release
gets new URLs and no HTTP cache can hand a returning person last release's rules (a server may cache that
folder for ever; pages are revalidated, see the 管理员说明 page). The worker checks each digest again on
what it downloaded before scoring with it.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from assessment.contract import Rulebook
from assessment.fingerprint import excerpt
from assessment.messages import catalog, language_of

from .. import kept
from . import bundle, snapshot, stdlib, wheel
from ..definitions.serialised import dumps
from ..pages.engine_files import APP, HASHED, PAGE_SCRIPTS, WORDS_SCRIPT, EngineFiles

DIGEST_LENGTH = 12  # hex characters of SHA-256: 48 bits, ample for a site's few dozen files
STDLIB_NAME = "python_stdlib.zip"  # beside the other Pyodide files: loadPyodide's indexURL


class MissingAsset(Exception):
    """A front-end file that `npm ci` should have installed."""


def digest(data):
    return hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]


@dataclass
class Assets:
    files: dict  # site path → bytes to write, or the Path of a file to copy
    engine: EngineFiles


def site_assets(rulebook: Rulebook, root, runtime: dict, stdlib_source=None) -> Assets:
    """`runtime`: {file name: path of a Pyodide file, relative to root}; `stdlib_source`: its stdlib zip,
    trimmed here."""
    files = {}

    def add(name, data):
        path = f"{HASHED}/{digest(data)}/{name}"
        files[path] = data
        return path

    definitions = {d["id"]: add(f"{d['id']}.json", dumps(excerpt(rulebook, d["id"])).encode())
                   for d in rulebook["standards"] + rulebook["rules"]}
    prebuilt = bundle.runtime()  # an installed handbook's, made by `make dist`; a checkout makes its own
    if prebuilt:
        runtime_files, engine = prebuilt.files, prebuilt.engine
    else:
        runtime_files, engine = runtime_contents(root, runtime, stdlib_source), wheel.data()
    runtime_dir = f"{HASHED}/{_folder_digest(runtime_files)}/pyodide/"
    files.update({runtime_dir + name: content for name, content in runtime_files.items()})
    wheel_path = add(wheel.FILENAME, engine)
    key = snapshot_key(runtime_files, engine)
    made = prebuilt.snapshot if prebuilt and prebuilt.key == key else engine_snapshot(runtime_files, engine, key)
    snapshot_path = add(snapshot.NAME, made.heap) if made else ""
    snapshot_stdlib = add(STDLIB_NAME, made.stdlib) if made else ""
    worker_text = (APP / "worker.mjs").read_text(encoding="utf-8")
    # the worker finds the runtime and the engine beside its own folder; its digest covers where they are
    worker_text = (worker_text.replace("@RUNTIME@", "../" + runtime_dir.removeprefix(HASHED + "/"))
                   .replace("@WHEEL@", "../" + wheel_path.removeprefix(HASHED + "/"))
                   .replace("@SNAPSHOT@", snapshot_path and "../" + snapshot_path.removeprefix(HASHED + "/"))
                   .replace("@SNAPSHOT_STDLIB@", snapshot_stdlib and "../" + snapshot_stdlib.removeprefix(HASHED + "/"))
                   .replace("@SNAPSHOT_KEY@", key))
    worker_path = add("worker.mjs", worker_text.encode())
    # the page's scripts import each other by relative name: one folder, its digest over both
    scripts = {name: (APP / name).read_bytes() for name in PAGE_SCRIPTS if name != WORDS_SCRIPT}
    scripts[WORDS_SCRIPT] = page_words(language_of(rulebook))
    scripts_dir = f"{HASHED}/{_folder_digest(scripts)}/"
    files.update({scripts_dir + name: data for name, data in scripts.items()})
    return Assets(files, EngineFiles(scripts_dir + "app.js", worker_path, runtime_dir, definitions))


def page_words(lang: str) -> bytes:
    """words.js: the catalog's page.* entries in `lang`, the page scripts' only words (dom.js `t`)."""
    words = {key: text for key, text in catalog(lang).items() if key.startswith("page.")}
    return f"export default {json.dumps(words, ensure_ascii=False, indent=0)};\n".encode()


def inputs(rulebook: Rulebook, root, runtime: dict, stdlib_source=None):
    """Everything site_assets reads, comparable with ==: equal inputs make the same assets (a preview keeps
    the last ones). The engine's sources and the page scripts count by size and time of change."""
    engine = sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in APP.parent.rglob("*") if p.is_file())
    return (str(root), sorted(runtime.items()), stdlib_source, engine,
            rulebook["format"], rulebook["version"], rulebook["standards"], rulebook["rules"], language_of(rulebook))


def _folder_digest(contents):
    """One digest over a folder's files ({name: bytes or Path}), names included."""
    return kept.files_digest(contents)[:DIGEST_LENGTH]


def runtime_contents(root, runtime, stdlib_source) -> dict:
    """Pyodide's files as the site serves them, {name: Path or bytes}: they keep their names (pyodide.mjs finds
    the others beside itself; their folder is hashed), and the standard library is trimmed."""
    contents = {name: _required(Path(root) / source) for name, source in sorted(runtime.items())}
    if stdlib_source:
        contents[STDLIB_NAME] = stdlib.trim(_required(Path(root) / stdlib_source))
    return contents


def engine_snapshot(runtime_files: dict, engine: bytes, key: str):
    """The memory snapshot of this runtime with this engine (snapshot.make), or None; none without a stdlib."""
    if STDLIB_NAME not in runtime_files:
        return None
    runtime = {name: path for name, path in runtime_files.items() if name != STDLIB_NAME}
    return snapshot.make(runtime, runtime_files[STDLIB_NAME], engine, key)


def snapshot_key(runtime_files: dict, engine: bytes) -> str:
    """Names this runtime and this engine, nothing else: a snapshot is used only with what it was made from."""
    return f"{_folder_digest(runtime_files)}-{digest(engine)}"


def _required(path):
    if not path.is_file():
        raise MissingAsset(path)
    return path

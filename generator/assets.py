"""The files the site carries besides its pages: the self-assessment's engine, the definitions it scores
against, its scripts, and the front-end packages copied from npm. No MkDocs imports: the plugin adds
these files to the site, and the benchmark writes the same ones to disk for its baseline."""

import shutil
import tempfile
from pathlib import Path

from . import stdlib, wheel
from .definitions.compile import dumps, excerpt

APP = Path(__file__).resolve().parent.parent / "assessment" / "app"
STDLIB_DEST = "assets/pyodide/python_stdlib.zip"  # beside the other Pyodide files: loadPyodide's indexURL


class MissingAsset(Exception):
    """A front-end file that `npm ci` should have installed."""


def site_assets(rulebook, root, vendor, stdlib_source=None):
    """{site path: text or bytes to write, or the Path of a file to copy}."""
    assets = {}
    for definition in rulebook["standards"] + rulebook["rules"]:
        assets[f"assets/assessment/definitions/{definition['id']}.json"] = dumps(excerpt(rulebook, definition["id"]))
    work = tempfile.mkdtemp(prefix="handbook-wheel-")
    try:
        built = wheel.build(work)
        assets[f"assets/assessment/{built.name}"] = built.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for script in sorted(APP.glob("*.*js")):
        assets[f"assets/assessment/{script.name}"] = script
    for dest, source in vendor.items():
        assets[dest] = _required(Path(root) / source)
    if stdlib_source:
        assets[STDLIB_DEST] = stdlib.trim(_required(Path(root) / stdlib_source))
    return assets


def _required(path):
    if not path.is_file():
        raise MissingAsset(path)
    return path

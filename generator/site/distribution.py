"""`make dist`: the handbook as one wheel that builds sites with no checkout, no Node and no network.

    python -m generator.site.distribution [--out dist]

The wheel holds the `generator` and `assessment` packages and the bundle (generator/site/bundle.py), made here from
the checkout's own files: its `mkdocs.yml` and `content/`, Pyodide's files from the pinned npm package, the
engine wheel and a memory snapshot made with Node. pip and setuptools build it from a staging copy, so the
checkout never holds a bundle and keeps making its engine from its sources.
"""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from .. import ROOT
from . import assets, builder, bundle, wheel

PACKAGES = ("generator", "assessment")
PROJECT_FILES = ("pyproject.toml", "README.md")
STAGING = ROOT / "build" / "dist-src"


class CannotBundle(Exception):
    """What the checkout lacks to make the bundle, in the person's words."""


def runtime_settings(config: Path):
    """(runtime, stdlib) of the handbook plugin in the MkDocs configuration: where Pyodide's files are."""
    settings = builder.read_config(config)
    for plugin in settings.get("plugins", []):
        if isinstance(plugin, dict) and "handbook" in plugin:
            return plugin["handbook"].get("runtime", {}), plugin["handbook"].get("stdlib")
    raise CannotBundle(f"{config}: 没有 handbook 插件的设置 / no settings of the handbook plugin")


def write_bundle(folder: Path, root: Path = ROOT) -> None:
    """Writes the bundle into `folder` (made afresh)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    config = root / bundle.CONFIG
    shutil.copyfile(config, folder / bundle.CONFIG)
    shutil.copytree(root / "content", folder / "content")
    if (root / "translations").is_dir():  # the hand-written pages in other languages (mkdocs_plugin._translate)
        shutil.copytree(root / "translations", folder / "translations")
    runtime, stdlib_source = runtime_settings(config)
    try:
        files = assets.runtime_contents(root, runtime, stdlib_source)
    except assets.MissingAsset as missing:
        raise CannotBundle(f"{missing}: 缺少 Pyodide 的文件, 先运行 `npm ci` / missing, run `npm ci` first") from None
    engine = wheel.data()
    key = assets.snapshot_key(files, engine)
    made = assets.engine_snapshot(files, engine, key)
    if made is None:
        raise CannotBundle("没有生成内存快照(原因见上), 安装包必须带上它 — 装好 Node 和 `npm ci` 后再运行 / "
                           "the wheel must carry the engine snapshot: it needs Node and `npm ci`")
    runtime_dir = folder / bundle.RUNTIME
    (runtime_dir / "pyodide").mkdir(parents=True)
    for name, content in files.items():
        target = runtime_dir / "pyodide" / name
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content)
    (runtime_dir / bundle.ENGINE_FILE).write_bytes(engine)
    (runtime_dir / bundle.HEAP_FILE).write_bytes(made.heap)
    (runtime_dir / bundle.HEAP_STDLIB_FILE).write_bytes(made.stdlib)
    manifest = {"key": key, "engine_sources": bundle.engine_sources_digest(), "files": sorted(files)}
    (runtime_dir / bundle.MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def stage(staging: Path = STAGING, root: Path = ROOT) -> Path:
    """A copy of the project's packages with the bundle written into it, ready for `pip wheel`."""
    shutil.rmtree(staging, ignore_errors=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "bundled")
    for package in PACKAGES:
        shutil.copytree(root / package, staging / package, ignore=skip)
    for name in PROJECT_FILES:
        shutil.copyfile(root / name, staging / name)
    write_bundle(staging / "generator" / "site" / "bundled", root)
    return staging


def build(out_dir: Path, staging: Path = STAGING, root: Path = ROOT) -> Path:
    """The wheel's path in `out_dir`. Needs the checkout's `npm ci`, Node and setuptools (`make dist` has them)."""
    stage(staging, root)
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--wheel-dir", str(out_dir), str(staging)], capture_output=True, text=True)
    if done.returncode != 0:
        raise CannotBundle(f"pip wheel 失败 / failed:\n{done.stderr.strip()}")
    return max(out_dir.glob("competency_handbook-*-py3-none-any.whl"), key=lambda path: path.stat().st_mtime_ns)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m generator.site.distribution")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the wheel goes (default: dist/)")
    args = parser.parse_args(argv)
    try:
        path = build(args.out)
    except CannotBundle as reason:
        print(f"安装包未生成 / no wheel made: {reason}", file=sys.stderr)
        return 1
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

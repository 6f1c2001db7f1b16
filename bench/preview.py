"""The preview (`make serve`, i.e. `mkdocs serve --dirty`) after a one-line edit: a duty of one role.

measure(): in a browser, from saving the YAML to the new duty on the page, through the real server; and the
same rebuild without the server, whose folder must equal a full `mkdocs build` of the edited handbook.

The rebuild without the server, in its own process (MkDocs keeps plugin instances for the life of a process):
build once, change one file, build again; prints {"first": s, "rebuild": s, "pages_written": [...]} as JSON.

    python -m bench.preview CONFIG SITE_DIR FILE OLD NEW
"""

import filecmp
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.site.mkdocs_plugin import SERVE_ONLY

from . import pairs

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0


def main(argv=None):
    config_file, site_dir, path, old, new = argv or sys.argv[1:]
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def once():
        config = load_config(config_file=config_file, site_dir=site_dir)
        started = time.perf_counter()
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        return time.perf_counter() - started

    load_config(config_file=config_file).plugins.on_startup(command="serve", dirty=True)
    first = once()
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{path}: no {old!r}")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = time.time()
    if profile := os.environ.get("PREVIEW_PROFILE"):  # where the rebuild's time goes: python -m pstats FILE
        import cProfile

        profiler = cProfile.Profile()
        rebuild = profiler.runcall(once)
        profiler.dump_stats(profile)
    else:
        rebuild = once()
    rendered = sorted(p.relative_to(site_dir).as_posix() for p in Path(site_dir).rglob("*.html")
                      if p.stat().st_mtime >= before)
    print(json.dumps({"first": first, "rebuild": rebuild, "pages_written": rendered}, ensure_ascii=False))


def _duty(definitions):
    """(role file, page path, first duty's text) of the first role, by file name."""
    role = sorted((Path(definitions) / "roles").glob("*.yaml"))[0]
    lines = role.read_text(encoding="utf-8").splitlines()
    start = lines.index("duties:")
    duty = next(line for line in lines[start + 1:] if line.lstrip().startswith("- ")).split("- ", 1)[1].strip()
    department = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("department:"))
    return role, f"roles/{department}/{role.stem}.html", duty


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _differences(comparison, here=""):
    found = [here + name for name in comparison.diff_files + comparison.left_only + comparison.right_only]
    for name, sub in comparison.subdirs.items():
        found += _differences(sub, f"{here}{name}/")
    return found


def measure(definitions, config, work, chromium, runs):
    """`config`: the handbook's mkdocs configuration (bench/build.py's ours.yml); its definitions are copied,
    since this edits them."""
    work = Path(work) / "preview"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    defs = shutil.copytree(definitions, work / "defs")
    text = Path(config).read_text(encoding="utf-8")
    assert json.dumps(str(definitions), ensure_ascii=False) in text
    config = work / "preview.yml"
    config.write_text(text.replace(json.dumps(str(definitions), ensure_ascii=False),
                                  json.dumps(str(defs), ensure_ascii=False)), encoding="utf-8")
    role, page_path, duty = _duty(defs)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    # the first edit after a release also moves each page's "changed since the release" box (the sample is
    # released, the synthetic handbooks are not): the figures are for the edits after it, the everyday case
    role.write_text(role.read_text(encoding="utf-8").replace(duty, duty + "（初改）", 1), encoding="utf-8")

    # without the server: the rebuild alone, and its folder against a full build
    done = subprocess.run([sys.executable, "-m", "bench.preview", str(config), str(work / "served"), str(role),
                           duty + "（初改）", duty + "（修订）"], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    rebuild = json.loads(done.stdout.splitlines()[-1])
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                    "-d", str(work / "full")], cwd=ROOT, env=env, check=True, capture_output=True)
    # the live-reload and search scripts are written for `serve` only
    differences = [d for d in _differences(filecmp.dircmp(work / "served", work / "full")) if d not in SERVE_ONLY]
    shutil.rmtree(work / "full")

    # through the server and a browser
    port = _free_port()
    log = open(work / "serve.log", "w", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config),
                               "-a", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{page_path}"
    seconds = []
    try:
        _wait_until_served(url, server)
        context = chromium.new_context()
        page = context.new_page()
        page.goto(url)
        current = duty + "（修订）"
        while pairs.another(len(seconds), runs, seconds, TARGET_S):  # more runs while the range straddles the target
            new = f"{duty}（第 {len(seconds) + 1} 次修订）"
            seconds.append(_edit_and_see(page, role, current, new))
            current = new
            time.sleep(1)  # the server settles; the next save is a new edit
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {"page": page_path, "roles": len(list((defs / "roles").rglob("*.yaml"))), "runs": len(seconds),
            "edit_to_page_s": statistics.median(seconds),
            "edit_to_page_min_s": min(seconds), "edit_to_page_max_s": max(seconds),
            "verdict": pairs.verdict(seconds, TARGET_S),
            "rebuild_s": rebuild["rebuild"], "pages_rendered": rebuild["pages_written"],
            "same_as_full_build": not differences, "differences": differences[:10]}


def _wait_until_served(url, server, seconds=600):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped ({server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url}: not served after {seconds} s")


def _edit_and_see(page, role, old, new):
    """Seconds from saving the edit to the reloaded page showing it. The live-reload script reloads the page when
    the rebuild is done; this waits for that navigation (not polling the page, which would take a core from the
    server on a 2-core machine), then reads the article."""
    with page.expect_navigation(wait_until="domcontentloaded", timeout=60_000):
        role.write_text(role.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        started = time.perf_counter()
    if new not in page.inner_text("article"):
        raise RuntimeError(f"{new!r} not on the reloaded page")
    return time.perf_counter() - started


if __name__ == "__main__":
    main()

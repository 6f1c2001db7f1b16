"""`make site` and `make serve`: build atomically, serve with live reload.

    python -m generator.site build [--dir DEFS] [--site-dir site]   # validate, build into a temp dir, swap on success
    python -m generator.site serve [--dir DEFS] [--addr 127.0.0.1:8000]
    python -m generator.site preview [--site-dir site] [--addr 127.0.0.1:8000]   # the built site, as a web server would serve it

A failed build prints the located errors and leaves the previous site untouched.
"""

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .precompress import precompress

ROOT = Path(__file__).resolve().parent.parent


def _mkdocs(*args, definitions=None):
    """MkDocs with the product's configuration; `definitions`: the handbook folder to build (the plugin reads it
    from HANDBOOK_DIR, as the `handbook` command does), else the configuration's own."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if definitions is not None:
        env["HANDBOOK_DIR"] = str(Path(definitions).resolve())
    # run where the person is, so that the paths in its messages are theirs (the configuration's own are
    # relative to its file)
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], env=env)


def build(site_dir, *, definitions=None, config=ROOT / "mkdocs.yml"):
    """Paths relative to the working directory: `handbook build --dir DIR --site-dir OUT` works from anywhere."""
    site_dir = Path(site_dir).resolve()
    if not site_dir.parent.is_dir():
        print(f"{site_dir.parent}: 找不到文件夹, 网站未生成 — 先建好它 / no such folder: create it first", file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        done = _mkdocs("build", "--strict", "--config-file", str(config), "--site-dir", str(staging),
                       definitions=definitions)
        if done.returncode != 0:
            print("网站未更新: 构建失败, 已保留上一版 site/ / build failed, the previous site is kept",
                  file=sys.stderr)
            return done.returncode
        precompress(staging)  # .gz/.br beside each file: every documented server sends them compressed
        _publishable(staging)
        old = site_dir.with_name(site_dir.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        print(f"网站已生成 / site built: {site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _publishable(directory):
    """World-readable, as a web server running as another user needs: mkdtemp makes the staging folder 0700,
    and `cp -r site /srv/www/…` behind nginx answered 403 for every page."""
    directory.chmod(0o755)
    for path in directory.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def serve(addr, definitions=None):
    # --dirty: after an edit MkDocs renders only the pages that changed (generator/preview.py keeps the rest exact)
    return _mkdocs("serve", "--config-file", str(ROOT / "mkdocs.yml"), "--dev-addr", addr, "--livereload", "--dirty",
                   definitions=definitions).returncode


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """The MIME types the self-assessment needs (module scripts, WebAssembly); quiet."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".whl": "application/octet-stream"}

    def log_message(self, *args):
        pass


def serve_static(directory, addr="127.0.0.1:0"):
    """Serve a built site in a background thread; returns (server, base URL)."""
    host, port = addr.rsplit(":", 1)
    server = http.server.ThreadingHTTPServer((host, int(port)), functools.partial(StaticHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m generator.site")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--site-dir", default="site")
    b.add_argument("--dir", help="the handbook folder (default: the configuration's, competencies/)")
    b.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    s = sub.add_parser("serve")
    s.add_argument("--addr", default="127.0.0.1:8000")
    s.add_argument("--dir")
    p = sub.add_parser("preview")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.site_dir, definitions=args.dir, config=args.config)
    if args.command == "preview":
        server, url = serve_static(ROOT / args.site_dir, args.addr)
        print(f"{url}/ (Ctrl+C 停止 / to stop)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            server.shutdown()
        return 0
    return serve(args.addr, args.dir)


if __name__ == "__main__":
    sys.exit(main())

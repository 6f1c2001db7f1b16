"""`make site` and `make serve`: build atomically, serve with live reload.

    python -m generator.site build [--dir DEFS] [--site-dir site]   # validate, build into a temp dir, swap on success
    python -m generator.site serve [--dir DEFS] [--addr 127.0.0.1:8000]
    python -m generator.site preview [--site-dir site] [--addr 127.0.0.1:8000]   # the built site, as a web
                                                                                 # server would serve it

A failed build prints the located errors and leaves the previous site untouched.
"""

import argparse
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

import yaml

from assessment.messages import DEFAULT, say

from .. import ROOT
from ..definitions.load import declared_language
from . import bundle
from .precompress import precompress

RUNNER = "mkdocs"  # the one place the site runner is named: "properdocs" runs the same (docs/decisions/0001)
CONFIG = bundle.config_file(ROOT / "mkdocs.yml")  # an installed handbook's own, else the checkout's


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: the tags only MkDocs constructs (`!ENV`, `!!python/…`) become None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path = CONFIG) -> dict:
    """The site configuration's settings, for the tools that read it besides MkDocs (make dist, make bench)."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 — tags dropped


def _mkdocs(*args, definitions=None, site_url=None):
    """MkDocs with the product's configuration; `definitions`: the handbook folder to build (the plugin reads it
    from HANDBOOK_DIR, as the `handbook` command does), else the configuration's own; `site_url`: the site's
    address (mkdocs.yml reads HANDBOOK_SITE_URL)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if definitions is not None:
        env["HANDBOOK_DIR"] = str(Path(definitions).resolve())
    if site_url:
        env["HANDBOOK_SITE_URL"] = site_url
    # run where the person is, so that the paths in its messages are theirs (the configuration's own are
    # relative to its file)
    return subprocess.run([sys.executable, "-m", RUNNER, *args], env=env)


def site_url_problem(url, lang=None):
    """Why `url` cannot be the site's address (in the person's words), or None. Every page links relatively and
    works at any address; only the 404 page, shown at whatever address was not found, needs to know where the
    site's root is: MkDocs takes the path of `site_url` for its links."""
    if not re.fullmatch(r"https?://[^/\s]+(/[^\s]*)?", url or ""):
        return say("build.site_url", lang, url=url)
    return None


def build(site_dir, *, definitions=None, config=CONFIG, site_url=None):
    """Paths relative to the working directory: `handbook build --dir DIR --site-dir OUT` works from anywhere.
    `site_url`: the site's address, needed only when it is served under a sub-path (see site_url_problem)."""
    lang = declared_language(Path(definitions)) if definitions else DEFAULT
    if site_url is not None and (problem := site_url_problem(site_url, lang)):
        print(problem, file=sys.stderr)
        return 2
    site_url = site_url and site_url.rstrip("/") + "/"
    site_dir = Path(site_dir).resolve()
    if not site_dir.parent.is_dir():
        print(say("build.no_folder", lang, folder=site_dir.parent), file=sys.stderr)
        return 1
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        done = _mkdocs("build", "--strict", "--config-file", str(config), "--site-dir", str(staging),
                       definitions=definitions, site_url=site_url)
        if done.returncode != 0:
            print(say("build.failed", lang), file=sys.stderr)
            return done.returncode
        precompress(staging)  # .gz/.br beside each file: every documented server sends them compressed
        _publishable(staging)
        old = site_dir.with_name(site_dir.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        print(say("build.built", lang, folder=site_dir))
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
    # --dirty: after an edit MkDocs renders only the pages that changed (generator/site/preview.py keeps the rest exact)
    return _mkdocs("serve", "--config-file", str(CONFIG), "--dev-addr", addr, "--livereload", "--dirty",
                   definitions=definitions).returncode


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """The MIME types the self-assessment needs (module scripts, WebAssembly); quiet."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".whl": "application/octet-stream"}

    def send_head(self):
        if "\0" in urllib.parse.unquote(self.path):  # /index.html%00: no file has such a name (it was a traceback)
            self.send_error(404)
            return None
        return super().send_head()

    def log_message(self, *args):
        pass


def serve_static(directory, addr="127.0.0.1:0"):
    """Serve a built site in a background thread; returns (server, base URL)."""
    host, port = addr.rsplit(":", 1)
    server = http.server.ThreadingHTTPServer((host, int(port)),
                                             functools.partial(StaticHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m generator.site")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--site-dir", default="site")
    b.add_argument("--dir", help="the handbook folder (default: the configuration's, competencies/)")
    b.add_argument("--config", default=str(CONFIG))
    b.add_argument("--site-url", help="the site's address, when it is served under a sub-path")
    s = sub.add_parser("serve")
    s.add_argument("--addr", default="127.0.0.1:8000")
    s.add_argument("--dir")
    p = sub.add_parser("preview")
    p.add_argument("--site-dir", default="site")
    p.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.site_dir, definitions=args.dir, config=args.config, site_url=args.site_url)
    if args.command == "preview":
        server, url = serve_static(Path(args.site_dir), args.addr)  # from where the person is, as build writes it
        print(f"{url}/ (Ctrl+C 停止 / to stop)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            server.shutdown()
        return 0
    return serve(args.addr, args.dir)


if __name__ == "__main__":
    sys.exit(main())

"""`make site` and `make serve`: build atomically, serve with live reload.

    python -m generator.site build [--site-dir site]   # validate, build into a temp dir, swap on success
    python -m generator.site serve [--addr 127.0.0.1:8000]

A failed build prints the located errors and leaves the previous site untouched.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _mkdocs(*args):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=ROOT, env=env)


def build(site_dir, config="mkdocs.yml"):
    site_dir = (ROOT / site_dir).resolve()
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        done = _mkdocs("build", "--strict", "--config-file", config, "--site-dir", str(staging))
        if done.returncode != 0:
            print("网站未更新: 构建失败, 已保留上一版 site/ / build failed, the previous site is kept",
                  file=sys.stderr)
            return done.returncode
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


def serve(addr):
    return _mkdocs("serve", "--dev-addr", addr, "--livereload").returncode


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m generator.site")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--site-dir", default="site")
    b.add_argument("--config", default="mkdocs.yml")
    s = sub.add_parser("serve")
    s.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.site_dir, args.config)
    return serve(args.addr)


if __name__ == "__main__":
    sys.exit(main())

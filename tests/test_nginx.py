"""The built site, copied as the 管理员说明 page says, behind a real nginx (Debian's package; loopback only,
started and stopped by the test) using the configuration printed on that page: pages are readable by
nginx's unprivileged workers, the MIME types are right, and the self-assessment scores there."""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from test_assessment_browser import fill, settle

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def documented_config():
    page = (ROOT / "content" / "guide" / "hosting.md").read_text(encoding="utf-8")
    return re.search(r"```nginx\n(.*?)```", page, re.S).group(1)


@pytest.fixture(scope="module")
def nginx_url(built_site):
    if not os.path.exists(NGINX):
        if os.environ.get("CI"):
            pytest.fail("Debian nginx is required in CI (.ci/run installs it)")
        pytest.skip("needs Debian's nginx (apt-get install nginx)")
    home = Path(tempfile.mkdtemp(prefix="handbook-nginx-"))
    home.chmod(0o755)  # nginx's workers run as another user: they must be able to reach the copy
    subprocess.run(["cp", "-r", str(built_site), str(home / "handbook")], check=True)  # "copy site/ over"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = (documented_config().replace("listen 80;", f"listen 127.0.0.1:{port};")
              .replace("/srv/www/handbook", str(home / "handbook")))
    temp = home / "temp"
    temp.mkdir()
    (home / "nginx.conf").write_text(
        f"worker_processes 1; daemon off; pid {home}/nginx.pid; error_log {home}/error.log;\n"
        "events {}\n"
        f"http {{ access_log off; client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi; uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;\n"
        f"{server}\n}}\n", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-c", str(home / "nginx.conf"), "-p", str(home)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/index.html", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(home, ignore_errors=True)


def head(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.headers.get("Content-Type", ""), response.headers.get("Cache-Control", "")


def test_pages_and_engine_files_are_served_with_their_types_and_cache_rules(nginx_url, built_site):
    hashed = lambda pattern: next(built_site.glob(pattern)).relative_to(built_site).as_posix()  # noqa: E731
    assert head(f"{nginx_url}/index.html") == (200, "text/html", "no-cache")
    assert head(f"{nginx_url}/assets/handbook.css") == (200, "text/css", "no-cache")
    forever = "public, max-age=31536000, immutable"
    assert head(f"{nginx_url}/{hashed('assets/hashed/*/worker.mjs')}") == (200, "text/javascript", forever)
    assert head(f"{nginx_url}/{hashed('assets/hashed/*/pyodide/pyodide.asm.wasm')}") == (200, "application/wasm", forever)


def test_the_iis_configuration_on_the_page_is_the_one_the_site_carries(built_site):
    page = (ROOT / "content" / "guide" / "hosting.md").read_text(encoding="utf-8")
    shown = re.search(r"```xml\n(.*?)```", page, re.S).group(1)
    assert shown == (built_site / "web.config").read_text(encoding="utf-8")


def test_the_self_assessment_scores_behind_nginx(page, nginx_url, standard):
    kpi = standard("cs_kpi_monthly")
    page.goto(f"{nginx_url}/assess/cs_kpi_monthly.html")
    fill(page, "standard", kpi, {"return_visit_rate": 92, "satisfaction": 88, "timeliness_accuracy": 95,
                                  "training_level": 80, "attendance": 100})
    # weights 20/20/25/25/10 (by hand): 18.4 + 17.6 + 23.75 + 20 + 10 = 89.75
    assert settle(page)["total"] == "89.75"

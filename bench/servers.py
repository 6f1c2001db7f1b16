"""Real web servers (Debian's nginx and Apache httpd) serving a built site on 127.0.0.1 with the configuration the
管理员说明 page prints, word for word except the port and the folder. Each logs the bytes it sent per request, so a
test or `make bench` can count what a first visit costs — a worker's downloads never appear in the page's own network
events."""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
GUIDE = ROOT / "content" / "guide" / "hosting.md"


def documented(language):
    """The configuration block of that language on the hosting page."""
    return re.search(rf"```{language}\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S).group(1)


@dataclass
class Server:
    name: str
    url: str
    log: Path  # one line per request: "METHOD PATH PROTOCOL STATUS BYTES"
    root: Path

    def requests(self):
        lines = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        found = []
        for line in lines:
            request, status, sent = line.rsplit(" ", 2)
            found.append((request.split(" ")[1], int(status), int(sent)))
        return found

    def forget(self):
        self.log.write_text("", encoding="utf-8")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerMissing(Exception):
    """The Debian package is not installed (`.ci/run` installs it)."""


def _need(program, package):
    if not os.path.exists(program):
        raise ServerMissing(f"needs Debian's {package} (apt-get install {package})")


def _wait(url, process, home):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error_log = home / "error.log"
            raise RuntimeError(f"the server stopped: {process.stdout.read().decode(errors='replace')}"
                               f"{error_log.read_text(errors='replace') if error_log.exists() else ''}")
        try:
            urllib.request.urlopen(url + "/index.html", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within 20 s")


def _copy(site):
    """`site/` copied as /srv/www/handbook, as the page says; returns the stand-in for /srv/www."""
    home = Path(tempfile.mkdtemp(prefix="handbook-server-"))
    (home / "www").mkdir()
    for folder in (home, home / "www"):
        folder.chmod(0o755)  # the servers' workers run as another user: they must be able to reach the copy
    subprocess.run(["cp", "-r", str(site), str(home / "www" / "handbook")], check=True)
    return home


# The page's paragraph on a site under /handbook/, applied as it is written: each pair is (as printed, as changed).
SUB_PATH = {
    "nginx": [("location /assets/hashed/", "location /handbook/assets/hashed/"),
              ("error_page 404 /404.html;", "error_page 404 /handbook/404.html;"),
              ("root /srv/www/handbook;", "root /srv/www;")],
    "apache": [("ErrorDocument 404 /404.html", "ErrorDocument 404 /handbook/404.html"),
               ("DocumentRoot /srv/www/handbook", "DocumentRoot /srv/www")],
}


def _configured(name, prefix, home):
    text = documented(name)
    for printed, changed in SUB_PATH[name] if prefix else ():
        assert printed in text, f"the page no longer prints {printed!r}: update SUB_PATH"
        text = text.replace(printed, changed)
    return text.replace("/srv/www", str(home / "www"))


def nginx(site, prefix=""):
    """`prefix` "/handbook": the site under that path, configured as the page's paragraph on sub-paths says."""
    _need(NGINX, "nginx")
    home, port = _copy(site), _free_port()
    server = _configured("nginx", prefix, home).replace("listen 80;", f"listen 127.0.0.1:{port};")
    temp = home / "temp"
    temp.mkdir()
    (home / "nginx.conf").write_text(
        f"worker_processes 1; daemon off; pid {home}/nginx.pid; error_log {home}/error.log;\n"
        "events {}\n"
        "http { log_format sent '$request $status $bytes_sent';\n"
        f"  access_log {home}/access.log sent; client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;\n"
        f"  fastcgi_temp_path {temp}/fastcgi; uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;\n"
        f"{server}\n}}\n", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-c", str(home / "nginx.conf"), "-p", str(home)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return _running("nginx", process, home, port, prefix)


# What Debian's own apache2.conf and its enabled modules give a site, reduced to what the page relies on: the
# modules `a2enmod rewrite headers` adds to Debian's defaults (mime, dir, deflate with its filter), and mime.types.
APACHE_BASE = """\
ServerRoot {home}
Listen 127.0.0.1:{port}
PidFile {home}/httpd.pid
ErrorLog {home}/error.log
User www-data
Group www-data
ServerName 127.0.0.1
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule filter_module {modules}/mod_filter.so
LoadModule deflate_module {modules}/mod_deflate.so
LoadModule headers_module {modules}/mod_headers.so
LoadModule rewrite_module {modules}/mod_rewrite.so
TypesConfig /etc/mime.types
DirectoryIndex index.html
AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css text/javascript \
application/javascript application/json
LogFormat "%r %>s %O" sent
CustomLog {home}/access.log sent
"""


def apache(site, prefix=""):
    _need(APACHE, "apache2")
    home, port = _copy(site), _free_port()
    host = _configured("apache", prefix, home).replace("<VirtualHost *:80>", f"<VirtualHost 127.0.0.1:{port}>")
    (home / "httpd.conf").write_text(APACHE_BASE.format(home=home, port=port, modules=APACHE_MODULES) + host,
                                     encoding="utf-8")
    process = subprocess.Popen([APACHE, "-f", str(home / "httpd.conf"), "-DFOREGROUND"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return _running("apache", process, home, port, prefix)


def _running(name, process, home, port, prefix):
    url = f"http://127.0.0.1:{port}{prefix}"
    try:
        _wait(url, process, home)
    except Exception:
        process.kill()
        raise
    return Server(name, url, home / "access.log", home / "www" / "handbook"), lambda: _stop(process, home)


def _stop(process, home):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(home, ignore_errors=True)


SERVERS = {"nginx": nginx, "apache": apache}  # name → start(site, prefix) → (Server, stop)

"""The built site behind real nginx and real Apache httpd, each started on 127.0.0.1 with the configuration the
管理员说明 page prints: types, cache rules, compressed copies sent whatever their type, security headers, the
site's own 404 page, the bytes a first visit costs (counted at the server) and a score in Chromium."""

import re
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from servers import apache, documented, nginx
from test_assessment_browser import fill, settle

FOREVER = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module", params=["nginx", "apache"])
def server(request, built_site):
    start = {"nginx": nginx, "apache": apache}[request.param]
    running, stop = start(built_site)
    yield running
    stop()


def get(url, encoding="gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def hashed(site, pattern):
    return next(site.glob(pattern)).relative_to(site).as_posix()


def test_pages_and_engine_files_have_their_types_and_cache_rules(server, built_site):
    for path, kind, cache in [("index.html", "text/html", "no-cache"), ("assets/handbook.css", "text/css", "no-cache"),
                              (hashed(built_site, "assets/hashed/*/worker.mjs"), "text/javascript", FOREVER),
                              (hashed(built_site, "assets/hashed/*/pyodide/pyodide.asm.wasm"), "application/wasm", FOREVER),
                              (hashed(built_site, "assets/hashed/*/engine.snapshot"), "application/octet-stream", FOREVER)]:
        status, headers, _ = get(f"{server.url}/{path}", encoding="identity")
        assert (status, headers.get_content_type(), headers.get("Cache-Control")) == (200, kind, cache), path
        assert headers.get("X-Content-Type-Options") == "nosniff", path
        assert headers.get("Content-Security-Policy") == "frame-ancestors 'self'", path


def test_the_large_files_go_out_compressed_whatever_their_type(server, built_site):
    snapshot = hashed(built_site, "assets/hashed/*/engine.snapshot")
    status, headers, body = get(f"{server.url}/{snapshot}")
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert headers.get_content_type() == "application/octet-stream"  # the copy keeps the original's type
    assert body == (built_site / (snapshot + ".gz")).read_bytes()  # the copy made at build time, sent as it is
    assert len(body) < (built_site / snapshot).stat().st_size / 4
    assert "Accept-Encoding" in (headers.get("Vary") or "")
    status, headers, body = get(f"{server.url}/{snapshot}", encoding="identity")  # a client that cannot unpack
    assert headers.get("Content-Encoding") is None and len(body) == (built_site / snapshot).stat().st_size


def test_brotli_copies_where_the_server_can_send_them(server, built_site):
    wasm = hashed(built_site, "assets/hashed/*/pyodide/pyodide.asm.wasm")
    status, headers, body = get(f"{server.url}/{wasm}", encoding="br, gzip")
    assert headers.get_content_type() == "application/wasm"
    expected = {"apache": "br", "nginx": "gzip"}[server.name]  # Debian's nginx has no module that sends .br
    assert headers.get("Content-Encoding") == expected
    assert body == (built_site / f"{wasm}.{'br' if expected == 'br' else 'gz'}").read_bytes()


def test_an_unknown_address_gets_the_handbooks_own_404_page(server):
    status, headers, body = get(f"{server.url}/no-such-page.html", encoding="identity")
    assert status == 404 and headers.get_content_type() == "text/html"
    assert "404" in body.decode("utf-8") and "md-typeset" in body.decode("utf-8")  # the theme's page, not the server's


def test_a_first_visit_costs_about_ten_megabytes_and_scores(page, server, standard):
    server.forget()
    page.goto(f"{server.url}/assess/cs_kpi_monthly.html")
    fill(page, "standard", standard("cs_kpi_monthly"), {"return_visit_rate": 92, "satisfaction": 88,
                                                         "timeliness_accuracy": 95, "training_level": 80,
                                                         "attendance": 100})
    # weights 20/20/25/25/10 (by hand): 18.4 + 17.6 + 23.75 + 20 + 10 = 89.75
    assert settle(page)["total"] == "89.75"
    sent = server.requests()
    total = sum(size for _, _, size in sent)
    snapshot = [size for path, _, size in sent if path.endswith("engine.snapshot")]
    assert snapshot and snapshot[0] < 7_000_000, sent  # 31.5 MB raw
    assert total < 12_000_000, f"{server.name}: {total:,} bytes"  # 36.6 MB before the compressed copies


def test_the_iis_configuration_on_the_page_is_the_one_the_site_carries(built_site):
    assert documented("xml") == (built_site / "web.config").read_text(encoding="utf-8")
    assert '<mimeMap fileExtension=".snapshot"' in documented("xml")  # IIS refuses a type it does not know


def test_the_page_says_what_each_server_needs():
    page = (ROOT / "content" / "guide" / "hosting.md").read_text(encoding="utf-8")
    assert "a2enmod rewrite headers" in page and re.search(r"gzip_static on;", page)

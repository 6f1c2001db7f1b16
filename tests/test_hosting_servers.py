"""The built site behind real nginx and real Apache httpd, each started on 127.0.0.1 with the configuration the
管理员说明 page prints: types, cache rules, compressed copies sent whatever their type, security headers, the
site's own 404 page, the bytes a first visit costs (counted at the server), a score in Chromium, a republish seen
on the next visit without F5, and the site under a sub-path (/handbook/) set up as the page's paragraph says."""

import os
import re
import shutil
import time
import urllib.error
import urllib.request

import pytest

from bench.servers import SERVERS, ServerMissing, documented
from conftest import ROOT
from test_assessment_browser import fill, settle

FOREVER = "public, max-age=31536000, immutable"


KPI = {"return_visit_rate": 92, "satisfaction": 88, "timeliness_accuracy": 95, "training_level": 80, "attendance": 100}
KPI_TOTAL = "89.75"  # weights 20/20/25/25/10, by hand: 18.4 + 17.6 + 23.75 + 20 + 10


def started(name, site, **options):
    try:
        return SERVERS[name](site, **options)
    except ServerMissing as missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}: required in CI (.ci/run installs it)")
        pytest.skip(str(missing))


@pytest.fixture(scope="module", params=list(SERVERS))
def server(request, built_site):
    running, stop = started(request.param, built_site)
    yield running
    stop()


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    """Built as the page says for a site under /handbook/: with its address (the host does not matter)."""
    from generator.site.builder import build

    site = tmp_path_factory.mktemp("sub-path") / "site"
    assert build(site, site_url="http://handbook.example.local/handbook/") == 0
    return site


@pytest.fixture(scope="module", params=list(SERVERS))
def under_sub_path(request, sub_path_site):
    running, stop = started(request.param, sub_path_site, prefix="/handbook")
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
                              (hashed(built_site, "assets/hashed/*/pyodide/pyodide.asm.wasm"), "application/wasm",
                               FOREVER),
                              (hashed(built_site, "assets/hashed/*/engine.snapshot"), "application/octet-stream",
                               FOREVER)]:
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
    fill(page, "standard", standard("cs_kpi_monthly"), KPI)
    assert settle(page)["total"] == KPI_TOTAL
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


def _dated(folder, days_ago):
    then = time.time() - days_ago * 24 * 3600
    for path in folder.rglob("*"):
        os.utime(path, (then, then))


@pytest.mark.parametrize("name", list(SERVERS))
def test_a_republish_is_seen_on_the_next_visit_without_f5(browser, name, built_site, library_site):
    """Files a month old: without Cache-Control a browser keeps such a page for days on its own judgement (a tenth
    of its age) and a person kept seeing last release's page. Another handbook copied over stands for the next
    release: the next visit, by a link, must show it."""
    server, stop = started(name, built_site)  # its own: the copy over changes what it serves
    context = browser.new_context()
    try:
        _dated(server.root, days_ago=30)
        page = context.new_page()
        page.goto(f"{server.url}/index.html")
        assert page.title().startswith("示例客户服务中心")
        page.goto(f"{server.url}/guide/hosting.html")  # a product page: in both handbooks
        shutil.copytree(library_site, server.root, dirs_exist_ok=True)  # "copy the new site/ over", as the page says
        _dated(server.root, days_ago=1)
        page.click("a.md-header__button.md-logo")  # back to the home page, as a person does
        page.wait_for_load_state()
        assert page.title().startswith("Greenfield Community Library"), page.title()
    finally:
        context.close()
        stop()


def test_under_a_sub_path_pages_score_and_the_404_page_is_the_handbooks(page, under_sub_path, sub_path_site, standard):
    page.goto(f"{under_sub_path.url}/assess/cs_kpi_monthly.html")
    fill(page, "standard", standard("cs_kpi_monthly"), KPI)
    assert settle(page)["total"] == KPI_TOTAL
    worker = hashed(sub_path_site, "assets/hashed/*/worker.mjs")
    status, headers, _ = get(f"{under_sub_path.url}/{worker}", encoding="identity")
    assert (status, headers.get("Cache-Control")) == (200, FOREVER)
    status, headers, body = get(f"{under_sub_path.url}/no/such-page.html", encoding="identity")
    assert status == 404 and "md-typeset" in body.decode("utf-8")
    page.goto(f"{under_sub_path.url}/no/such-page.html")  # two folders down: relative links would miss
    assert "404" in page.inner_text("article")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"  # styled
    page.click("a.md-header__button.md-logo")  # and the way home leads home
    page.wait_for_load_state()
    assert page.url == f"{under_sub_path.url}/index.html" and page.title().startswith("示例客户服务中心")

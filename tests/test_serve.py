"""`mkdocs serve` with the plugin: a YAML edit updates its page; a YAML error is printed with its
location and the last good pages keep being served, with the error on every page until it is fixed."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

from playwright.sync_api import Error as PlaywrightError
from test_site_build import copy_project


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except (OSError, PlaywrightError):  # not up yet; a page being reloaded
            pass
        time.sleep(0.5)
    return False


def test_serve_reloads_edits_and_survives_yaml_errors(tmp_path, page):
    project = copy_project(tmp_path)
    port = free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    # as `make serve` runs it: --dirty, only the pages that changed are rendered again (generator/site/preview.py)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project / "mkdocs.yml"),
                               "-a", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    url = f"http://127.0.0.1:{port}/roles/ecommerce/tmall_agent.html"
    role = project / "competencies" / "roles" / "tmall_agent.yaml"
    try:
        assert wait_for(lambda: "接待客户" in fetch(url)), open(tmp_path / "serve.log").read()
        page.goto(url)  # HR's browser, left open on the page: it reloads by itself when the rebuild is done
        page.wait_for_load_state("load")

        role.write_text(role.read_text(encoding="utf-8").replace("接待客户", "热情接待每一位客户"), encoding="utf-8")
        assert wait_for(lambda: "热情接待每一位客户" in fetch(url))
        assert wait_for(lambda: "热情接待每一位客户" in page.inner_text("article", timeout=1000), seconds=20)

        role.write_text(role.read_text(encoding="utf-8").replace("department: ecommerce", "department: ecommerse"),
                        encoding="utf-8")
        assert wait_for(lambda: "tmall_agent.yaml:" in (tmp_path / "serve.log").read_text(encoding="utf-8"))
        output = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert "引用了不存在的部门“ecommerse”" in output
        assert "热情接待每一位客户" in fetch(url)  # still the last good page

        # and the browser says so, on the page HR is looking at (it reloads by itself), until the file is fixed
        banner = page.locator(".hb-build-error")
        assert wait_for(lambda: "引用了不存在的部门" in banner.inner_text(timeout=1000), seconds=20)
        assert "定义有错误" in banner.inner_text() and "引用了不存在的部门“ecommerse”" in banner.inner_text()
        assert "tmall_agent.yaml:" in banner.inner_text() and "热情接待每一位客户" in page.inner_text("article")
        home = f"http://127.0.0.1:{port}/index.html"  # a page whose Markdown did not change carries it too
        assert "hb-build-error" in fetch(home)
        role.write_text(role.read_text(encoding="utf-8").replace("department: ecommerse", "department: ecommerce"),
                        encoding="utf-8")
        assert wait_for(lambda: "hb-build-error" not in fetch(url))
        assert "hb-build-error" not in fetch(home)
        assert wait_for(lambda: page.locator(".hb-build-error").count() == 0
                        and "热情接待每一位客户" in page.inner_text("article", timeout=1000), seconds=20)

        # each reload does not fetch the whole search index again (as on assessment pages); search works when used
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.reload(wait_until="load")  # not networkidle: live reload keeps a request open
        page.wait_for_timeout(1500)  # Material would have asked for the index by now (test_search_waits.py)
        assert not [u for u in requests if u.endswith("/search/search_index.json")]
        field = page.locator("input.md-search__input")
        field.click()
        field.fill("接待")
        field.press("End")  # Material searches on keyup
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        found = [t.replace("\u200b", "") for t in page.locator(".md-search-result__item").all_inner_texts()]
        assert any("天猫客服" in t for t in found), found[:3]
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()

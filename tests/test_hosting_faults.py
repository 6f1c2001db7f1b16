"""The self-assessment diagnoses its own hosting faults in Chinese, with the fix, within seconds, and the
form keeps working: a server that sends the wrong MIME type for a module script or for WebAssembly, a
Content-Security-Policy that forbids WebAssembly, a missing page or engine script, the page opened straight
from disk (file://). Each of these once left the page on "计分引擎加载中…" for ever."""

import functools
import http.server
import threading


from generator.site.builder import StaticHandler


def serve(directory, headers=(), **overrides):
    """`overrides`: suffix → the MIME type this server sends; `headers`: (name, value) added to every answer."""
    def end_headers(self):
        for name, value in headers:
            self.send_header(name, value)
        StaticHandler.end_headers(self)

    handler = type("Misconfigured", (StaticHandler,), {"extensions_map": {**StaticHandler.extensions_map, **overrides},
                                                       "end_headers": end_headers})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def message(page):
    page.wait_for_selector("#hb-result[data-state=error]", timeout=60000)
    text = page.inner_text("#hb-result")
    assert page.inner_text("[data-status]") in text  # said where the person looks first, too
    return text


def served_badly(page, built_site, headers=(), **overrides):
    server, url = serve(built_site, headers, **overrides)
    try:
        page.goto(f"{url}/assess/cs_kpi_monthly.html")
        return message(page)
    finally:
        server.shutdown()


def test_a_module_script_with_the_wrong_mime_type_is_named_with_the_type(page, built_site):
    text = served_badly(page, built_site, **{".mjs": "application/octet-stream"})  # nginx before mime.types knew .mjs
    assert "application/octet-stream" in text and "worker.mjs" in text and "text/javascript" in text
    assert "管理员说明" in text
    page.fill('[name="satisfaction"]', "88")  # the form still works
    assert page.input_value('[name="satisfaction"]') == "88"


def test_a_missing_engine_script_is_named_with_the_status(browser, site_url):
    context = browser.new_context()
    context.route("**/worker.mjs", lambda route: route.fulfill(status=404, body="not found"))
    page = context.new_page()
    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    text = message(page)
    context.close()
    assert "worker.mjs" in text and "404" in text


def test_opened_from_disk_says_the_form_works_and_scoring_needs_a_web_server(page, built_site):
    page.goto((built_site / "assess" / "cs_kpi_monthly.html").as_uri())
    text = message(page)
    assert "file://" in text and "填写表格" in text and "http://" in text
    assert "计分、保存、导出和导入" in text and "已停用" in text  # it promises nothing it cannot do
    page.fill('[name="satisfaction"]', "88")
    assert page.input_value('[name="satisfaction"]') == "88"
    for name in ("导出答案", "清除答案", "审核他人的自评"):
        assert page.get_by_role("button", name=name).is_disabled(), name
    assert page.locator('input[data-action="import"]').is_disabled()


def test_webassembly_with_the_wrong_mime_type_is_named_with_the_type(page, built_site):
    text = served_badly(page, built_site, **{".wasm": "application/octet-stream"})  # IIS or Apache without the type
    assert "application/octet-stream" in text and "pyodide.asm.wasm" in text and "application/wasm" in text
    assert "管理员说明" in text


def test_a_policy_that_forbids_webassembly_says_so(page, built_site):
    text = served_badly(page, built_site, headers=[("Content-Security-Policy", "default-src 'self'")])  # a proxy's
    assert "Content-Security-Policy" in text and "wasm-unsafe-eval" in text and "管理员说明" in text


def _page_script_fails(browser, site_url, pattern, **fulfilled):
    context = browser.new_context()
    context.route(pattern, lambda route: route.fulfill(**fulfilled))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    text = message(page)
    page.fill('[name="satisfaction"]', "88")
    assert page.input_value('[name="satisfaction"]') == "88" and not errors
    context.close()
    return text


def test_a_missing_page_script_is_named_with_the_status(browser, site_url):
    text = _page_script_fails(browser, site_url, "**/app.js", status=404, body="not found")
    assert "app.js" in text and "404" in text and "Ctrl+F5" in text


def test_a_missing_script_that_the_page_script_imports_is_named(browser, site_url):
    text = _page_script_fails(browser, site_url, "**/review.js", status=404, body="not found")
    assert "review.js" in text and "404" in text


def test_a_page_script_sent_as_text_is_named_with_the_type(browser, site_url):
    text = _page_script_fails(browser, site_url, "**/app.js", status=200, body="x", content_type="text/plain")
    assert "app.js" in text and "text/plain" in text and "text/javascript" in text

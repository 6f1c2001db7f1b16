"""The self-assessment diagnoses its own hosting faults in Chinese, with the fix, and the form keeps
working: a server that sends the wrong MIME type for a module script, a missing engine file, the page
opened straight from disk (file://)."""

import functools
import http.server
import threading


from generator.site import StaticHandler


def serve(directory, **overrides):
    handler = type("Misconfigured", (StaticHandler,), {"extensions_map": {**StaticHandler.extensions_map, **overrides}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def message(page):
    page.wait_for_selector("#hb-result[data-state=error]", timeout=60000)
    return page.inner_text("#hb-result")


def test_a_module_script_with_the_wrong_mime_type_is_named_with_the_type(page, built_site):
    server, url = serve(built_site, **{".mjs": "application/octet-stream"})  # stock nginx before its mime.types knew .mjs
    try:
        page.goto(f"{url}/assess/cs_kpi_monthly.html")
        text = message(page)
    finally:
        server.shutdown()
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
    assert "file://" in text and "填写、打印和导出" in text and "http://" in text
    page.fill('[name="satisfaction"]', "88")
    assert page.input_value('[name="satisfaction"]') == "88"

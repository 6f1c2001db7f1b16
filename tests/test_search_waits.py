"""On an assessment page, Material's search index is neither downloaded nor built until the person uses the
search box, so that it does not compete with the engine's start-up; search still works there when used.
Other pages load it as Material does. These tests fail if Material stops asking for the index with an
XMLHttpRequest to search/search_index.json (the page's engine starter holds that request back)."""

import pytest


def index_requests(page):
    return [url for url in page.requests if url.endswith("/search/search_index.json")]


def engine_ready(page):
    page.wait_for_function("() => performance.getEntriesByName('hb-engine-ready').length", timeout=60000)
    page.wait_for_load_state("networkidle")


def results(page, query):
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    return [t.replace("\u200b", "") for t in page.locator(".md-search-result__item").all_inner_texts()]


@pytest.mark.parametrize("width", [1280, 375])
def test_the_assessment_page_loads_the_index_only_when_search_is_used(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(f"{site_url}/assess/cs_grading.html")
    engine_ready(page)
    assert index_requests(page) == []
    if width < 1000:  # on a phone the search box opens from the magnifier in the header
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator("input.md-search__input").click()
    found = results(page, "投诉")
    assert any("投诉处理" in text for text in found), found[:3]
    assert len(index_requests(page)) == 1
    context.close()


def test_the_keyboard_shortcut_opens_search_on_the_assessment_page(page, site_url):
    page.goto(f"{site_url}/assess/cs_grading.html")
    engine_ready(page)
    page.locator("body").press("s")  # Material's shortcut: focuses the search box
    assert any("人力资源部" in text for text in results(page, "资源"))


def test_other_pages_still_load_the_index_at_once(page, site_url):
    page.goto(f"{site_url}/standards/cs_grading.html", wait_until="networkidle")
    assert len(index_requests(page)) == 1

"""The built handbook in headless Chromium: Chinese and English search, same-origin only, file://, print."""

from urllib.parse import urlparse

import pytest

PAGES = ["index.html", "roles/call_center/call_center_agent.html", "standards/cs_grading.html",
         "rules/cs_promotion.html", "org.html", "skills/index.html"]


def search(page, query):
    field = page.locator("input.md-search__input")
    field.click()
    field.fill(query)
    field.press("End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    # jieba's segments are joined by zero-width spaces in the index; readers never see them
    return [t.replace("\u200b", "") for t in page.locator(".md-search-result__item").all_inner_texts()]


@pytest.mark.parametrize("query, expected", [
    ("资源", "人力资源部"),          # a two-character word inside a department name
    ("制度", "客服岗位晋升制度"),     # inside a rule's name
    ("投诉", "投诉处理"),            # inside duties
    ("晋升", "晋升"),
    ("KPI", "KPI"),                  # English words too
    ("CCVMS", "CCVMS"),
])
def test_search_finds_words_inside_longer_words(page, site_url, query, expected):
    page.goto(f"{site_url}/index.html")
    results = search(page, query)
    assert any(expected in text for text in results), results[:3]


def test_every_request_stays_on_the_site(page, site_url):
    for path in PAGES:
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
    search(page, "投诉")
    page.wait_for_timeout(300)
    origin = urlparse(site_url).netloc
    foreign = [u for u in page.requests if not u.startswith(("data:", "blob:")) and urlparse(u).netloc != origin]
    assert foreign == []
    assert len(page.requests) > len(PAGES)


def test_search_works_from_file_urls(page, built_site):
    page.goto((built_site / "index.html").as_uri())
    results = search(page, "座席")
    assert any("座席" in text for text in results)
    assert all(u.startswith(("file:", "data:", "blob:")) for u in page.requests)


def test_print_hides_navigation_and_keeps_rows_whole(page, site_url, tmp_path):
    for path in ("roles/call_center/call_center_supervisor.html", "standards/cs_grading.html"):
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer']
            .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
        assert set(hidden) == {"none"}
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-typeset tr')).breakInside") == "avoid"
        pdf = page.pdf(path=str(tmp_path / "page.pdf"), format="A4", print_background=True)
        assert pdf[:4] == b"%PDF" and len(pdf) > 10000
        page.emulate_media(media="screen")


@pytest.mark.parametrize("alias, name", [("客服专员", "客户服务专员"), ("月度绩效", "客服岗位月度绩效")])
def test_an_alias_finds_its_role_or_standard_in_the_top_ten(page, site_url, alias, name):
    page.goto(f"{site_url}/index.html")
    results = search(page, alias)[:10]
    assert any(text.startswith(name) or f"\n{name}" in text or name in text.split("\n", 1)[0] for text in results), \
        [t.split("\n", 1)[0] for t in results]

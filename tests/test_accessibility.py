"""axe-core (npm, pinned in package-lock.json, loaded from node_modules — no network) on one page of each
type at desktop and phone widths, the self-assessment with a result shown included; and the org chart's
labels at a size people can read."""

import pytest

from conftest import ROOT
from test_assessment_browser import settle

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["index.html", "roles/index.html", "roles/call_center/index.html", "roles/call_center/call_center_agent.html",
         "skills/index.html", "skills/listening.html", "standards/index.html", "standards/cs_grading.html",
         "rules/index.html", "rules/cs_promotion.html", "assess/index.html", "assess/cs_grading.html",
         "assess/cs_promotion.html", "org.html", "tags.html", "guide/editing.html", "guide/reading-a-standard.html"]


def serious_violations(page):
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`)""")
    return found


@pytest.mark.parametrize("width", [1280, 375])
def test_no_serious_or_critical_violation_on_any_page_type(browser, site_url, width):
    # bypass_csp: axe is injected as an inline script, which the pages' policy rightly refuses
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
        if path == "assess/cs_promotion.html":  # with a result and its explanations shown
            page.select_option('[name="level"]', "junior")
            page.fill('[name="tenure_months"]', "2")
            settle(page)
        violations = serious_violations(page)
        if violations:
            found[path] = violations
    context.close()
    assert found == {}


@pytest.mark.parametrize("width", [1280, 375])
def test_org_chart_labels_are_at_least_12_px(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/org.html", wait_until="networkidle")
    heights = page.locator("svg.hb-org text").evaluate_all("ts => ts.map(t => t.getBoundingClientRect().height)")
    wide = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert heights and min(heights) >= 12
    assert wide <= width  # the chart scrolls in its own box, the page does not

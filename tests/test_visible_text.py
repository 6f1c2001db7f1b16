"""What a person reads on every built page: no escape artefacts, no raw Markdown or template syntax,
formulas in words; every role reachable from the roles index and every page linked from somewhere."""

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin

import pytest

ARTEFACTS = {
    "a Markdown escape shown": r"\\[#()_*\[\]`{}|!+~]",
    "an HTML entity shown": r"&(?:gt|lt|quot|amp|#x27|#\d+);",
    "a raw Markdown link": r"\]\(",
    "a raw Markdown heading": r"^[ \t]*#{1,6} ",
    "a raw Markdown list link": r"^[ \t]*- \[",
    "template syntax": r"\{\{|\{%",
}


class Page(HTMLParser):
    """The visible text (a line per block) and the links of one page."""

    HIDDEN = {"script", "style", "template", "head", "title"}
    BLOCKS = {"p", "li", "tr", "h1", "h2", "h3", "h4", "div", "br", "td", "th", "label", "option", "summary"}

    def __init__(self):
        super().__init__()
        self.parts, self.links, self._hidden = [], [], 0
        self.code, self._pre = [], 0  # what code blocks show: configuration to copy, where `# …` is a comment

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag == "pre":
            self._pre += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "a" and dict(attrs).get("href"):
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden -= 1
        if tag == "pre":
            self._pre -= 1

    def handle_data(self, data):
        if not self._hidden:
            (self.code if self._pre else self.parts).append(data)

    @property
    def text(self):
        """Everything read as prose (code blocks are in `code`)."""
        return "".join(self.parts).replace("\u200b", "")


def read(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(built_site):
    return {p.relative_to(built_site).as_posix(): read(p) for p in sorted(built_site.rglob("*.html"))}


def test_no_page_shows_escapes_markdown_or_template_syntax(pages):
    found = []
    for name, page in pages.items():
        for what, pattern in ARTEFACTS.items():
            match = re.search(pattern, page.text, re.M)
            if match:
                found.append(f"{name}: {what}: …{page.text[max(0, match.start() - 30):match.end() + 30]!r}…")
    assert found == []


def test_rule_conditions_read_as_words_with_field_names(pages, rulebook):
    text = pages["rules/cs_promotion.html"].text
    assert "截至最近一期连续满足「当月部门考评名次 > 3」的期数 ≥ 3" in text
    assert "streak(monthly_rank > 3) >= 3" in text  # the formula stays, in small print, for HR


def test_the_roles_index_links_every_role(pages, rulebook):
    links = {urljoin("roles/index.html", unquote(h)) for h in pages["roles/index.html"].links}
    for role in rulebook["roles"]:
        assert f"roles/{role['department']}/{role['id']}.html" in links, role["id"]


def test_every_page_is_linked_from_another_page(pages):
    linked = set()
    for name, page in pages.items():
        for href in page.links:
            target = urljoin(name, unquote(href.split("#", 1)[0]))
            if target != name:
                linked.add(target)
    orphans = [name for name in pages if name not in linked and name not in ("index.html", "404.html")]
    assert orphans == []


def test_tag_links_land_on_their_tag(pages, built_site):
    role = pages["roles/call_center/call_center_agent.html"]
    tag_links = [h for h in role.links if h.startswith("../../tags.html#")]
    assert len(tag_links) == 2  # 呼叫中心, 一线
    tags_html = (built_site / "tags.html").read_text(encoding="utf-8")
    for href in tag_links:
        heading = re.search(rf'<h2 id="{href.split("#", 1)[1]}">(.*?)<', tags_html)
        assert heading and heading.group(1) in ("呼叫中心", "一线"), href


def test_standards_and_rules_of_a_role_are_separate_items(pages):
    text = pages["roles/call_center/call_center_agent.html"].text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert any(ln.startswith("定级/考核标准") for ln in lines)
    assert any(ln.startswith("晋升/降级规则") for ln in lines)
    assert not any("定级/考核标准" in ln and "晋升/降级规则" in ln for ln in lines)


def test_the_performance_page_is_for_maintainers_only(built_site):
    import json

    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "performance.html" not in nav and "性能" not in nav
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("performance.html")]
    assert (built_site / "performance.html").exists()  # still there, linked from the editing guide


def test_worked_examples_show_what_each_item_adds_to_the_total(pages):
    # cs_rank_evaluation, every item 70, weights 30/25/20/15/10: 21 + 17.5 + 14 + 10.5 + 7 = 70 (by hand)
    text = pages["standards/cs_rank_evaluation.html"].text
    example = text.rsplit("各项 70 分", 1)[1].split("总分 70", 1)[0]  # the heading, not its entry in the contents
    cells = [ln.strip() for ln in example.splitlines() if ln.strip()]
    assert "计入总分" in cells
    for name, share in (("专业知识与技能", "21"), ("沟通能力", "17.5"), ("团队合作", "14"), ("工作效率", "10.5"),
                        ("客户满意度", "7")):
        row = cells.index(name)
        assert cells[row + 3] == share, (name, cells[row:row + 5])
    assert cells[cells.index("合计") + 1] == "70"


def test_lists_follow_reporting_lines_not_english_ids(pages):
    text = pages["roles/index.html"].text
    order = [name for name in ("客户服务部经理", "客户服务主管", "客户服务专员", "行政部经理") if name in text]
    positions = [text.index(name) for name in order]
    # 客户服务部 comes before 行政部 (departments.yaml), and its manager before the people reporting to them
    assert positions == sorted(positions), order
    org = pages["org.html"].text
    assert org.index("总经理") < org.index("客户服务部经理") < org.index("客服代表")


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory):
    """The sample with every free-text field holding names that use Markdown's and HTML's characters."""
    from generator.site.builder import build
    from poison import awkward, poison
    from test_site_build import copy_project

    project = copy_project(tmp_path_factory.mktemp("awkward"))
    poison(project / "competencies", make=awkward)
    assert build(project / "site", config=project / "mkdocs.yml") == 0
    return project / "site"


def test_names_with_markdown_characters_read_as_typed_on_every_page(awkward_site):
    from poison import AWKWARD

    found, seen = [], ""
    for path in sorted(awkward_site.rglob("*.html")):
        text = read(path).text
        seen += text
        for what, pattern in ARTEFACTS.items():
            if what in ("template syntax",):
                continue  # "{备注}" is a name here
            match = re.search(pattern, text, re.M)
            if match:
                found.append(f"{path.relative_to(awkward_site)}: {what}: "
                             f"…{text[max(0, match.start() - 30):match.end() + 30]!r}…")
    assert found == []
    missing = [name for name in AWKWARD if name not in seen]
    assert missing == []  # each shows somewhere exactly as typed


def test_each_self_assessment_page_links_its_definitions_page_by_kind(pages, rulebook):
    """The kind's name comes from the catalogs: a template that asks for it wrongly prints nothing, silently."""
    for kind, noun in (("standards", "标准"), ("rules", "规则")):
        for definition in rulebook[kind]:
            assert f"查看完整的{noun}说明" in pages[f"assess/{definition['id']}.html"].text

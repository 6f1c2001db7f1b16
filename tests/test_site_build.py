"""A real `mkdocs build --strict` of the sample, scanned for anything loaded from elsewhere."""

import re
import shutil

from generator.site.builder import build

from conftest import EFFECTIVE_DATE, ROOT, VERSION

LOADS = [
    # tags a browser fetches by itself, with the attribute it fetches
    re.compile(r"<(?:script|img|iframe|source|video|audio|embed|track)\b[^>]*?\b(?:src|srcset|data)"
               r"\s*=\s*[\"']?([^\"'\s>]+)", re.I),
    re.compile(r"<link\b[^>]*?\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.I),
    re.compile(r"url\(\s*[\"']?([^\"')\s]+)", re.I),
    re.compile(r"@import\s+(?:url\()?\s*[\"']([^\"']+)", re.I),
    re.compile(r"importScripts\(\s*[\"']([^\"']+)", re.I),
]
CDN_HOSTS = re.compile(r"(unpkg\.com|jsdelivr\.net|googleapis\.com|gstatic\.com|cdnjs|bootcdn|staticfile\.org)", re.I)


def test_strict_build_produces_every_page(built_site, rulebook):
    assert (built_site / "index.html").exists()
    for role in rulebook["roles"]:
        assert (built_site / "roles" / role["department"] / f"{role['id']}.html").exists()
    for std in rulebook["standards"]:
        assert (built_site / "standards" / f"{std['id']}.html").exists()
    for rule in rulebook["rules"]:
        assert (built_site / "rules" / f"{rule['id']}.html").exists()
    assert (built_site / "search" / "search_index.js").exists()  # offline search index
    assert (built_site / "assets" / "iframe-worker.js").exists()  # workers from file:// (search)


def test_no_file_loads_anything_from_another_origin(built_site):
    foreign = []
    for path in built_site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".svg", ".mjs"):
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        for pattern in LOADS:
            for url in pattern.findall(text):
                if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I) and not url.startswith("data:"):
                    foreign.append((path.relative_to(built_site).as_posix(), url))
        if path.suffix in (".html", ".css") and CDN_HOSTS.search(text):
            foreign.append((path.relative_to(built_site).as_posix(), CDN_HOSTS.search(text).group(0)))
    assert foreign == []


def test_no_generator_badge_and_chinese_ui(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    assert "Made with" not in html and "squidfunk" not in html.split("<footer")[-1]
    assert f"规则版本 {VERSION}" in html


def test_chinese_heading_anchors_are_readable(built_site):
    html = (built_site / "roles" / "call_center" / "call_center_agent.html").read_text(encoding="utf-8")
    assert 'id="工作职责"' in html


def test_navigation_is_pruned(built_site, rulebook):
    """A role page carries its own department's roles, not every role of the handbook."""
    html = (built_site / "roles" / "call_center" / "call_center_agent.html").read_text(encoding="utf-8")
    others = [r for r in rulebook["roles"] if r["department"] not in ("call_center",)]
    listed = [r for r in others if f'{r["id"]}.html' in html]
    assert len(listed) < len(others) / 2


def test_injected_markup_in_yaml_renders_as_text(tmp_path):
    project = copy_project(tmp_path)
    role = project / "competencies" / "roles" / "tmall_agent.yaml"
    text = role.read_text(encoding="utf-8")
    text = text.replace("duties:\n", "duties:\n- '<script>alert(\"x\")</script><img src=x onerror=alert(1)>'\n", 1)
    role.write_text(text, encoding="utf-8")
    assert build(tmp_path / "site", config=project / "mkdocs.yml") == 0
    html = (tmp_path / "site" / "roles" / "ecommerce" / "tmall_agent.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html and '<script>alert("x")' not in html


def copy_project(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    for name in ("content", "competencies"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project


def test_failed_build_keeps_the_previous_site(tmp_path, capfd):
    project = copy_project(tmp_path)
    site = tmp_path / "site"
    assert build(site, config=project / "mkdocs.yml") == 0
    marker = (site / "index.html").read_bytes()
    standard = project / "competencies" / "standards" / "cs_rank_evaluation.yaml"
    standard.write_text(standard.read_text(encoding="utf-8").replace("weight: 30", "weight: 20"), encoding="utf-8")
    capfd.readouterr()
    assert build(site, config=project / "mkdocs.yml") != 0
    err = capfd.readouterr().err
    assert re.search(r"cs_rank_evaluation\.yaml:\d+:\d+: 权重合计为 90%", err)
    assert (site / "index.html").read_bytes() == marker
    assert not list(tmp_path.glob(".site-*"))  # no staging directory left behind


def test_search_index_is_plain_utf8(built_site):
    """Material escapes every Chinese character (six bytes); the plugin rewrites the index in UTF-8."""
    for name in ("search_index.json", "search_index.js"):
        text = (built_site / "search" / name).read_text(encoding="utf-8")
        assert "呼叫中心" in text.replace("\u200b", "") and "\\u547c" not in text


def test_every_page_names_the_rulebook_version_at_its_foot(built_site):
    for path in ("index.html", "roles/call_center/call_center_agent.html", "assess/cs_grading.html"):
        html = (built_site / path).read_text(encoding="utf-8")
        assert f"规则版本 {VERSION} · 生效日期 {EFFECTIVE_DATE}" in html, path


def test_the_built_site_is_readable_by_a_web_server_running_as_another_user(built_site):
    import stat

    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in [built_site, *built_site.rglob("*")]}
    assert {m for p, m in modes.items() if p.is_dir()} == {0o755}
    assert {m for p, m in modes.items() if p.is_file()} == {0o644}

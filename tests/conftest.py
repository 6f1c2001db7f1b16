import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "competencies"
LIBRARY = ROOT / "examples" / "library"  # the second example, of another shape
# the sample's rulebook version and its date, as organisation.yaml says (raised with every release of the sample)
_ORGANISATION = yaml.safe_load((SAMPLE / "organisation.yaml").read_text(encoding="utf-8"))
VERSION, EFFECTIVE_DATE = _ORGANISATION["version"], str(_ORGANISATION["effective_date"])
NEXT_VERSION = f"{VERSION.split('.')[0]}.{int(VERSION.split('.')[1]) + 1}"  # 2026.2 → 2026.3


@pytest.fixture(scope="session")
def rulebook():
    from generator.definitions.compile import build_rulebook

    return build_rulebook(SAMPLE)


@pytest.fixture(scope="session")
def standard(rulebook):
    index = {s["id"]: s for s in rulebook["standards"]}
    return index.__getitem__


@pytest.fixture(scope="session")
def rule(rulebook):
    index = {r["id"]: r for r in rulebook["rules"]}
    return index.__getitem__


def run_cli(*args, cwd=ROOT):
    """Run the real `handbook` console script; returns CompletedProcess with text output."""
    exe = Path(sys.executable).with_name("handbook")
    return subprocess.run([str(exe), *map(str, args)], cwd=cwd, capture_output=True, text=True)


def as_json(result):
    return json.loads(json.dumps(result))


# --- the built site, served on loopback, and a real Chromium -------------------------------

import os  # noqa: E402

from bench.browser import CHROMIUM, launch  # noqa: E402  Debian's Chromium and its flags, one place for tests and bench


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """One real `mkdocs build --strict` of the sample handbook (through the atomic builder)."""
    from generator.site.builder import build

    site = tmp_path_factory.mktemp("built") / "site"
    assert build(site) == 0
    return site


LIBRARY = ROOT / "examples" / "library"  # the second handbook, of another shape (tests/test_another_organisation.py)


@pytest.fixture(scope="session")
def library_url(tmp_path_factory):
    from generator.site.builder import build, serve_static

    site = tmp_path_factory.mktemp("library-built") / "site"
    assert build(site, definitions=LIBRARY) == 0
    server, url = serve_static(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def library_site(tmp_path_factory):
    """The second example handbook (examples/library), built by `handbook build --dir` from another folder."""
    out = tmp_path_factory.mktemp("library") / "site"
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # not the checkout: paths are the person's, from where they are
    done = run_cli("build", "--dir", LIBRARY, "--site-dir", out, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert f"Handbook folder: {LIBRARY}" in done.stderr  # in the handbook's language
    return out


@pytest.fixture(scope="session")
def site_url(built_site):
    from generator.site.builder import serve_static

    server, url = serve_static(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is required in CI (.ci/run installs it)")
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = launch(p)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))

    def confirm(dialog):  # a person who clicks 删除 or 清除答案 means it (tests that say no remove this)
        dialog.accept()

    page.on("dialog", confirm)
    page.accept_dialogs = confirm
    yield page
    context.close()

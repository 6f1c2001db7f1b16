"""The handbook installed from its wheel (`make dist`, generator/site/distribution.py) on a machine with Python and
nothing else: no checkout, no Node, no network. A new handbook is made and built there, its site equals the one
the checkout builds from the same folder, and its self-assessment boots from the snapshot the wheel carries."""

import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from generator.site import distribution
from generator.definitions.compile import build_rulebook
from generator.site.builder import serve_static
from test_assessment_browser import fill, settle


def _offline_prefix():
    """A command prefix that runs without any network: a new network namespace (as root, or as a mapped root)."""
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if shutil.which(prefix[0]) and subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    pytest.skip("no network namespace here (unshare -n): the offline install cannot be shown")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A virtual environment outside the checkout with only the wheel installed in it; its dependencies come
    from the test's own environment (a .pth line), as a wheelhouse would supply them."""
    work = tmp_path_factory.mktemp("installed")
    wheel = distribution.build(work / "dist", staging=work / "staging")
    env = work / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index",
                    "--no-deps", str(wheel)], check=True, capture_output=True)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return work, wheel, env


def offline(env, work, *args):
    """`handbook …` in `work` with no network, a PATH holding only the environment (no node, no npm) and an
    empty temporary folder (nothing kept from the checkout's builds: the snapshot must come from the wheel)."""
    temporary = work / "tmp"
    temporary.mkdir(exist_ok=True)
    clean = {"PATH": str(env / "bin"), "HOME": str(work), "TMPDIR": str(temporary), "LANG": "C.UTF-8"}
    return subprocess.run([*_offline_prefix(), "env", "-i", *(f"{k}={v}" for k, v in clean.items()),
                           str(env / "bin" / "handbook"), *map(str, args)], cwd=work, capture_output=True, text=True)


def test_the_wheel_carries_the_runtime_and_says_what_it_needs(installed):
    work, wheel, env = installed
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("generator/site/bundled/mkdocs.yml", "generator/site/bundled/content/guide/hosting.md",
                   "generator/site/bundled/runtime/pyodide/pyodide.asm.wasm",
                   "generator/site/bundled/runtime/engine.snapshot"):
        assert needed in names, needed
    root = Path(distribution.ROOT)
    for package in distribution.PACKAGES:  # every file of the packages, not only their Python (livereload.js)
        for path in (root / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                assert str(path.relative_to(root)) in names, path
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    for requirement in ("mkdocs==1.6.1", "mkdocs-material==9.8.2", "jieba==0.42.1", "openpyxl==3.1.5"):
        assert f"Requires-Dist: {requirement}" in metadata, requirement
    checked = subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "check"],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_a_new_handbook_builds_offline_without_node_and_equals_the_checkouts(installed, tmp_path):
    work, _, env = installed
    assert shutil.which("node", path=str(env / "bin")) is None
    where = subprocess.run([str(env / "bin" / "python"), "-c", "import generator; print(generator.__file__)"],
                           capture_output=True, text=True, cwd=work).stdout
    assert where.startswith(str(env)), where  # the installed package, not the checkout
    made = offline(env, work, "init", "ours", "--name", "离线测试机构")
    assert made.returncode == 0, made.stderr
    built = offline(env, work, "build", "--dir", "ours", "--site-dir", "web")
    assert built.returncode == 0, built.stderr
    assert "没有生成计分引擎的内存快照" not in built.stderr
    assert "<title>离线测试机构 · 岗位能力手册</title>" in (work / "web" / "index.html").read_text(encoding="utf-8")
    # the checkout builds the same folder into the same engine files: equal names are equal bytes (hashed URLs)
    from_checkout = run_cli("build", "--dir", work / "ours", "--site-dir", tmp_path / "web", cwd=tmp_path)
    assert from_checkout.returncode == 0, from_checkout.stderr

    def engine_files(site):
        return sorted(str(p.relative_to(site)) for p in (site / "assets" / "hashed").rglob("*") if p.is_file())

    assert engine_files(work / "web") == engine_files(tmp_path / "web")
    assert any(name.endswith("/engine.snapshot") for name in engine_files(work / "web"))


def test_the_installed_handbooks_self_assessment_boots_from_the_snapshot(installed, page):
    work, _, env = installed
    if not (work / "web" / "index.html").is_file():
        assert offline(env, work, "init", "ours", "--name", "离线测试机构").returncode == 0
        assert offline(env, work, "build", "--dir", "ours", "--site-dir", "web").returncode == 0
    definition = next(d for d in build_rulebook(work / "ours")["standards"] if d["id"] == "monthly_review")
    server, url = serve_static(work / "web")
    try:
        page.goto(f"{url}/assess/monthly_review.html")
        fill(page, "standard", definition, {"quality": 90, "attendance": 100})
        result = settle(page)
        # by hand from the starter's standard: 90/100 × 60 + 100/100 × 40 = 94 ≥ 80, 良好 (good)
        assert (result["state"], result["total"], result["grade"]) == ("ready", "94", "good")
        assert page.evaluate("document.documentElement.dataset.engine") == "snapshot"
    finally:
        server.shutdown()

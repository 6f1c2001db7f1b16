"""Releases as HR publishes them: `handbook release` archives a version, validation guards the archive and
notices content that changed under an unchanged version number."""

import json
import shutil

import pytest

from conftest import ROOT, VERSION, run_cli
from conftest import NEXT_VERSION as NEXT


@pytest.fixture
def defs(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", root)
    return root


def change_a_weight(root):
    path = root / "standards" / "cs_kpi_monthly.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: 客户回访率, kind: number, max: 100, weight: 20",
                                 "name: 客户回访率, kind: number, max: 100, weight: 10")
                    .replace("name: 考勤, kind: number, max: 100, weight: 10",
                             "name: 考勤, kind: number, max: 100, weight: 20")
                    .replace("expect: {total: 76.5}", "expect: {total: 77.5}"),  # 9 + 16 + 17.5 + 15 + 20
                    encoding="utf-8")


def raise_version(root, version):
    path = root / "organisation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f'version: "{VERSION}"', f'version: "{version}"'),
                    encoding="utf-8")


def test_the_samples_current_version_is_released(defs):
    done = run_cli("validate", defs)
    assert done.returncode == 0 and done.stderr == ""
    archived = json.loads((defs / "_releases" / f"{VERSION}.json").read_text(encoding="utf-8"))
    assert archived["version"] == VERSION
    assert run_cli("release", "--dir", defs).stdout.startswith(f"版本 {VERSION} 已发布，内容未变")


def test_changed_content_under_the_same_version_is_noted_at_the_version_line(defs):
    change_a_weight(defs)
    done = run_cli("validate", defs)
    assert done.returncode == 0, done.stderr  # a note: HR may rebuild to preview before raising the version
    line = next(n for n, text in enumerate((defs / "organisation.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("version:"))
    assert f"organisation.yaml:{line}:" in done.stderr
    assert f"规则内容与已发布的版本 {VERSION} 不同，但 version 仍是 {VERSION}" in done.stderr
    refused = run_cli("release", "--dir", defs)
    assert refused.returncode == 1 and f"先在 organisation.yaml 中提高 version（例如改为 {NEXT}）" in refused.stderr


def test_release_archives_a_raised_version_once(defs):
    change_a_weight(defs)
    raise_version(defs, NEXT)
    assert run_cli("validate", defs).stderr == ""
    done = run_cli("release", "--dir", defs)
    assert done.returncode == 0 and f"已存档版本 {NEXT}" in done.stdout
    assert json.loads((defs / "_releases" / f"{NEXT}.json").read_text(encoding="utf-8"))["version"] == NEXT
    assert "内容未变" in run_cli("release", "--dir", defs).stdout


@pytest.mark.parametrize("edit", [
    lambda text: text.replace('"weight": "20"', '"weight": "30"', 1),          # a number changed by hand
    lambda text: text.replace(f'"version": "{VERSION}"', '"version": "2025.1"', 1),  # renamed inside
])
def test_an_edited_archive_is_an_error(defs, edit):
    archive = defs / "_releases" / f"{VERSION}.json"
    archive.write_text(edit(archive.read_text(encoding="utf-8")), encoding="utf-8")
    done = run_cli("validate", defs)
    assert done.returncode == 1
    assert f"_releases/{VERSION}.json:1:1: 已发布版本 {VERSION} 的存档被改动过" in done.stderr
    assert "git checkout" in done.stderr and "Traceback" not in done.stderr


def test_an_unreadable_archive_is_an_error(defs):
    (defs / "_releases" / f"{VERSION}.json").write_text("{ not json", encoding="utf-8")
    done = run_cli("validate", defs)
    assert done.returncode == 1 and "无法读取已发布版本的存档" in done.stderr and "Traceback" not in done.stderr


def test_english_messages(defs):
    change_a_weight(defs)
    done = run_cli("validate", defs, "--lang", "en")
    assert f"differs from released version {VERSION}" in done.stderr

"""`handbook new` and `handbook init` write in the handbook's language: an English handbook gets English
skeletons and starter files, as valid as the Chinese ones and without a Chinese character in them."""

import re
import shutil

import pytest
import yaml

from conftest import LIBRARY, run_cli
from assessment.messages import DEFAULT, LANGUAGES
from generator import skeletons, starter

CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]")  # ideographs, CJK and full-width marks
KINDS = {"role": "roles", "skill": "skills", "standard": "standards", "rule": "rules", "process": "processes",
         "policy": "policies"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_its_skeletons_and_starter_files(lang):
    # a catalog added without them fails here, not with a KeyError in front of HR
    assert set(skeletons.SKELETONS[lang]) == set(skeletons.SKELETONS[DEFAULT]) >= set(skeletons.WRITTEN)
    assert set(starter.STARTERS[lang]) == set(starter.STARTERS[DEFAULT])


def test_every_new_file_in_an_english_handbook_is_english_and_validates(tmp_path):
    folder = tmp_path / "library"
    shutil.copytree(LIBRARY, folder)
    for kind, place in KINDS.items():
        done = run_cli("new", kind, f"night_{kind}", "--dir", folder, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        text = (folder / place / f"night_{kind}.yaml").read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../_schema/{kind}.schema.json")
        assert not CJK.search(text), (kind, CJK.findall(text))
    checked = run_cli("validate", folder, cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_lang_chooses_the_language_of_a_new_file(tmp_path):
    folder = tmp_path / "library"
    shutil.copytree(LIBRARY, folder)
    assert run_cli("new", "role", "night_shift", "--dir", folder, "--lang", "zh", cwd=tmp_path).returncode == 0
    assert "一句话说明这个岗位做什么。" in (folder / "roles" / "night_shift.yaml").read_text(encoding="utf-8")
    assert run_cli("validate", folder, cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_level_name_that_would_break_the_line_is_quoted(lang):
    rulebook = {"scales": [{"id": "p", "levels": [{"id": "a", "name": "Basic, guided"}, {"id": "b", "name": "A: b"},
                                                  {"id": "c", "name": "{x}"}]}]}
    levels = yaml.safe_load(skeletons.skeleton("skill", "s", "S", rulebook, lang))["levels"]
    assert [level["level"] for level in levels] == ["a", "b", "c"]
    assert all(name in level["description"] for name, level in zip(("Basic, guided", "A: b", "{x}"), levels))


def test_an_english_handbook_from_nothing_validates_and_builds_as_written(tmp_path):
    made = run_cli("init", "ours", "--lang", "en", cwd=tmp_path)
    assert made.returncode == 0 and "New handbook ours" in made.stdout, made.stderr
    folder = tmp_path / "ours"
    written = [path for path in folder.rglob("*") if path.is_file()]
    assert len(written) > 10
    for path in written:  # the editor's schema and the README too
        assert not CJK.search(path.read_text(encoding="utf-8")), path
    assert yaml.safe_load((folder / "organisation.yaml").read_text(encoding="utf-8"))["language"] == "en"
    assert "# Our organisation · competency handbook" in (folder / "README.md").read_text(encoding="utf-8")
    checked = run_cli("validate", "ours", cwd=tmp_path)
    assert checked.returncode == 0 and checked.stdout.startswith("Definitions valid (ours)"), checked.stderr
    done = run_cli("build", "--dir", "ours", "--site-dir", "site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert ("<title>Our organisation · competency handbook</title>"
            in (tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    # a role added to it is English too, and validates at once
    assert run_cli("new", "role", "night_shift", "--dir", "ours", cwd=tmp_path).returncode == 0
    assert not CJK.search((folder / "roles" / "night_shift.yaml").read_text(encoding="utf-8"))
    assert run_cli("validate", "ours", cwd=tmp_path).returncode == 0


def test_lang_before_the_command_and_a_name_start_an_english_handbook_too(tmp_path):
    made = run_cli("--lang", "en", "init", "ours", "--name", "Riverside Clinic", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    organisation = yaml.safe_load((tmp_path / "ours" / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["name"] == "Riverside Clinic" and organisation["language"] == "en"
    assert run_cli("validate", "ours", cwd=tmp_path).returncode == 0


def test_init_without_lang_writes_a_chinese_handbook(tmp_path):
    assert run_cli("init", "ours", cwd=tmp_path).returncode == 0
    organisation = yaml.safe_load((tmp_path / "ours" / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["name"] == "我们的机构" and "language" not in organisation

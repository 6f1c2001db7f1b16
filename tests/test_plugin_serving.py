"""The MkDocs adapter while serving: whatever goes wrong reading the definitions, the last good pages stay
(an unexpected error used to leave every request hanging)."""

import logging

import pytest

from conftest import ROOT
from generator.site import mkdocs_plugin


def config():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def test_an_unexpected_error_while_serving_keeps_the_last_good_pages(monkeypatch, caplog):
    plugin = mkdocs_plugin.HandbookPlugin()
    plugin.load_config({"definitions": "competencies"})
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config())
    good = plugin.rulebook

    def broken(*args, **kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(mkdocs_plugin, "compile_definitions", broken)
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.handbook"):
        plugin.on_config(config())
    assert plugin.rulebook is good and plugin.pages.files
    assert "disk went away" in caplog.text and "上一次成功的版本" in caplog.text


def test_an_unexpected_error_fails_a_build(monkeypatch):
    plugin = mkdocs_plugin.HandbookPlugin()
    plugin.load_config({"definitions": "competencies"})
    plugin.on_startup(command="build", dirty=False)
    monkeypatch.setattr(mkdocs_plugin, "compile_definitions", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("x")))
    with pytest.raises(RuntimeError):
        plugin.on_config(config())

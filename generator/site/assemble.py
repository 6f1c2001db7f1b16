"""Everything a handbook site adds to MkDocs, from the compiled definitions: the pages, the engine's files, the
navigation, the footer and the search dictionary. No MkDocs imports: the adapter (mkdocs_plugin.py) and the
bench's plain-MkDocs baseline (bench/build.py) both take what is made here.
"""

import html
from dataclasses import dataclass, field
from pathlib import Path

from assessment.contract import Rulebook
from assessment.messages import DEFAULT, language_of, say

from . import assets as site
from .assets import Assets
from ..definitions import releases
from ..definitions.compile import Compiled
from ..definitions.load import PAGES_FOLDER
from ..pages import Pages, build_pages, footer, incremental, search_terms, site_description, site_name


@dataclass
class Handbook:
    pages: Pages
    assets: Assets
    copyright: str  # the footer line, escaped: the theme prints this slot as HTML
    dictionary: str  # jieba's user dictionary, so that search finds the handbook's terms whole
    rulebook: Rulebook  # what it was made from, for the next preview build to compare with
    asset_inputs: tuple
    page_inputs: tuple
    site_name: str = ""
    site_description: str = ""
    own_pages: dict = field(default_factory=dict)  # the organisation's files in its folder's pages/: path → file

    def nav(self, configured):
        """The configured nav with the organisation's own pages, then the generated sections, after its first
        entry (the home page)."""
        configured = [_in_language(entry, language_of(self.rulebook)) for entry in configured or []]
        own = [path for path in self.own_pages if path.endswith(".md") and path != "index.md"]
        return configured[:1] + own + _escape_sections(self.pages.nav) + configured[1:]


# the product's configured entries (mkdocs.yml nav), written in the default language
_CONFIGURED = ("nav.home", "nav.guide")


def _in_language(entry, lang):
    """A configured nav entry titled in the default language's words, titled in the handbook's instead."""
    if not isinstance(entry, dict):
        return entry
    titles = {say(key, DEFAULT): say(key, lang) for key in _CONFIGURED}
    return {titles.get(title, title): children for title, children in entry.items()}


def own_pages(definitions) -> dict:
    """The organisation's own pages and images: every file below DEFINITIONS/pages/ (hidden ones aside), by the
    path it takes in the site. pages/index.md, when there, is the home page."""
    folder = Path(definitions) / PAGES_FOLDER
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*"))
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)}


def assemble(compiled: Compiled, root, runtime, stdlib=None, directory_urls=True, previous=None,
             definitions=None) -> Handbook:
    """`root`: the folder runtime paths are relative to; `runtime`: Pyodide's files (name → path);
    `stdlib`: its python_stdlib.zip, to trim. assets.MissingAsset when a front-end file is missing.
    `previous`: while previewing, the last build's Handbook: what the edit cannot have changed is kept from it
    (the same files a full build makes; tests/test_incremental.py compares them). `definitions`: the handbook's
    folder, for the organisation's own pages."""
    rulebook = compiled.rulebook
    own = own_pages(definitions) if definitions is not None else {}
    history = releases.history(rulebook, compiled.releases)
    asset_inputs = site.inputs(rulebook, root, runtime, stdlib)
    kept = previous is not None and previous.asset_inputs == asset_inputs
    assets = previous.assets if kept else site.site_assets(rulebook, root, runtime, stdlib)
    # the releases before this rulebook: every page's "changed since the last release" box depends on them
    page_inputs = (directory_urls, [(r["version"], r["hash"]) for r in history[:-1]])
    only = (incremental.pages_changed(previous.rulebook, rulebook)
            if kept and previous.page_inputs == page_inputs else None)
    pages = build_pages(rulebook, directory_urls, compiled.example_results, assets.engine, history,
                        previous.pages.files if only is not None else None, only, home="index.md" not in own)
    return Handbook(pages, assets, html.escape(footer(rulebook)), search_terms.user_dictionary(rulebook),
                    rulebook, asset_inputs, page_inputs, site_name(rulebook), site_description(rulebook), own)


def _escape_sections(nav):
    """Section titles (department names, skill groups) are printed by the theme as HTML: escape them.
    Page titles need nothing here: MkDocs takes them from the rendered, already escaped heading."""
    result = []
    for entry in nav:
        if isinstance(entry, dict):
            result.append({html.escape(title): _escape_sections(children) if isinstance(children, list) else children
                           for title, children in entry.items()})
        else:
            result.append(entry)
    return result

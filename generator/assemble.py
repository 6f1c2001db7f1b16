"""Everything a handbook site adds to MkDocs, from the compiled definitions: the pages, the engine's files, the
navigation, the footer and the search dictionary. No MkDocs imports: the adapter (mkdocs_plugin.py) and the
bench's plain-MkDocs baseline (bench/build.py) both take what is made here.
"""

import html
from dataclasses import dataclass

from .assets import Assets, site_assets
from .definitions import releases
from .definitions.compile import Compiled
from .pages import Pages, build_pages, footer, search_terms


@dataclass
class Handbook:
    pages: Pages
    assets: Assets
    copyright: str  # the footer line, escaped: the theme prints this slot as HTML
    dictionary: str  # jieba's user dictionary, so that search finds the handbook's terms whole

    def nav(self, configured):
        """The configured nav with the generated sections after its first entry (the home page)."""
        configured = list(configured or [])
        return configured[:1] + _escape_sections(self.pages.nav) + configured[1:]


def assemble(compiled: Compiled, root, runtime, stdlib=None, directory_urls=True) -> Handbook:
    """`root`: the folder runtime paths are relative to; `runtime`: Pyodide's files (name → path);
    `stdlib`: its python_stdlib.zip, to trim. assets.MissingAsset when a front-end file is missing."""
    rulebook = compiled.rulebook
    assets = site_assets(rulebook, root, runtime, stdlib)
    pages = build_pages(rulebook, directory_urls, compiled.example_results, assets.engine,
                        releases.history(rulebook, compiled.releases))
    return Handbook(pages, assets, html.escape(footer(rulebook)), search_terms.user_dictionary(rulebook))


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

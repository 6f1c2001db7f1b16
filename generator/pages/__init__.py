"""Rulebook → Markdown pages, navigation and a search dictionary. Imports nothing from MkDocs.

    pages = build_pages(rulebook)
    pages.files   {"roles/call_center/call_center_agent.md": "# 呼叫中心座席 …", …}
    pages.nav     MkDocs-style nav list for the generated sections
    pages.titles  {"roles/call_center": "呼叫中心", …}
"""

from assessment.contract import Rulebook
from assessment.messages import language_of, say

from .engine_files import EngineFiles
from .render import Pages, Renderer


def build_pages(rulebook: Rulebook, directory_urls: bool = False, example_results: dict | None = None,
                engine: EngineFiles | None = None, history: list | None = None, reuse: dict | None = None,
                only: set | None = None, home: bool = True) -> Pages:
    """`example_results`: the worked examples' results from compile_definitions (scored here when absent);
    `engine`: where the engine's files are (assets.EngineFiles; stand-in paths when absent);
    `history`: the released rulebooks, oldest first, then this one (definitions.releases.history);
    `reuse`, `only`: a preview's last pages ({path: Markdown}) and the only ones to render again
    (incremental.pages_changed); every page is rendered when `only` is None. `home`: make the home page
    (index.md) from the definitions — not when the handbook's folder brings its own."""
    return Renderer(rulebook, directory_urls, example_results, engine, history, reuse, only, home).build()


def footer(rulebook: Rulebook) -> str:
    """The line every page carries at its foot: whose handbook it is and which rules it shows."""
    organisation = rulebook["organisation"]
    return say("site.footer", language_of(rulebook), name=organisation["name"], version=rulebook["version"],
               date=organisation["effective_date"])


def site_name(rulebook: Rulebook) -> str:
    """The site's title, in the header and every browser tab: the organisation's handbook."""
    return say("site.name", language_of(rulebook), name=rulebook["organisation"]["name"])


def site_description(rulebook: Rulebook) -> str:
    organisation = rulebook["organisation"]
    return organisation.get("summary") or say("site.description", language_of(rulebook), name=organisation["name"])


__all__ = ["Pages", "build_pages", "footer", "site_description", "site_name"]

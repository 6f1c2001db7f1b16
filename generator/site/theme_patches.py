"""What the adapter changes in Material's rendered HTML, each change named with the markup it looks for.

No MkDocs imports: each patch is text in, text out. When a theme update changes the markup a patch looks for,
the patch finds nothing and the page goes out without it; tests/test_theme_patches.py builds the site and checks
every page carries every patch, so such an update fails a test instead (the move off Material 9 starts there).
"""

import html
from dataclasses import dataclass

from assessment.messages import DEFAULT, say


@dataclass(frozen=True)
class Patch:
    name: str
    marker: str  # the theme's markup the patch finds (and keeps)
    why: str


SEARCH_DIALOG_NAME = Patch("search dialog name", '<div class="md-search" data-md-component="search" role="dialog">',
                           "the theme's search dialog has no name for screen readers (axe-core: aria-dialog-name)")
FOOTER_CHANGES_LINK = Patch("footer changes link", '<div class="md-copyright__highlight">',
                            "the footer names the rules' version on every page; it links to what changed in it")
ERROR_BANNER = Patch("preview error banner", '<article class="md-content__inner md-typeset">',
                     "while previewing, a definitions error shows on every page: "
                     "HR watch the browser, not the terminal")
PATCHES = (SEARCH_DIALOG_NAME, FOOTER_CHANGES_LINK, ERROR_BANNER)
# on 404.html only, and replaced (so not in PATCHES, whose markers every page keeps)
NOT_FOUND = Patch("not found page", "<h1>404 - Not found</h1>",
                  "the theme's page for an address with no page says it in English whatever the language")


def not_found(page: str, lang: str = DEFAULT) -> str:
    said = (f'<h1>{html.escape(say("site.not_found", lang))}</h1>'
            f'<p>{html.escape(say("site.not_found.help", lang))}</p>')
    return page.replace(NOT_FOUND.marker, said, 1)


def search_named(lang: str = DEFAULT) -> str:
    label = html.escape(say("site.search", lang))
    return SEARCH_DIALOG_NAME.marker.replace('role="dialog">', f'role="dialog" aria-label="{label}">')


def changes_link_text(lang: str = DEFAULT) -> str:
    return f'{html.escape(say("recent.changes", lang))}</a>'


SEARCH_NAMED, CHANGES_LINK_TEXT = search_named(), changes_link_text()  # in the default language


def name_search_dialog(page: str, lang: str = DEFAULT) -> str:
    return page.replace(SEARCH_DIALOG_NAME.marker, search_named(lang), 1)


def link_changes(page: str, target: str, lang: str = DEFAULT) -> str:
    """`target`: the changelog page's URL relative to this page."""
    start = page.find(FOOTER_CHANGES_LINK.marker)
    end = page.find("</div>", start)
    if start < 0 or end < 0:
        return page
    return page[:end].rstrip() + f' · <a href="{html.escape(target)}">{changes_link_text(lang)}\n      ' + page[end:]


def error_banner(page: str, report: str, lang: str = DEFAULT) -> str:
    banner = (f'<div class="hb-build-error" role="alert"><p><strong>{html.escape(say("build.banner", lang))}'
              '</strong></p><pre>' + html.escape(report) + '</pre></div>')
    return page.replace(ERROR_BANNER.marker, ERROR_BANNER.marker + banner, 1)

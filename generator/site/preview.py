"""Between two builds of `make serve`: which pages MkDocs must render again, and what stands for the rest.

A page is rendered again when its Markdown changed since the last build, or holds a word that entered or left
the search dictionary (the search plugin segments each page's text with it). Every page is, when what surrounds
every page changed (the frame: the navigation, any page's title, the footer, the definitions-error banner,
mkdocs.yml). A page left alone keeps the file the last build wrote and its title (every page's navigation shows
its neighbours' titles, which MkDocs otherwise reads from the rendered page). The search index is the last one
with the rendered pages' entries put in their place.

`make site` never comes here: a full build renders everything. No MkDocs imports (mkdocs_plugin.py adapts).
"""

import gc
import hashlib
import json
import threading


class Preview:
    def __init__(self):
        self.frame = None  # at the last finished build
        self.markdown = {}  # generated page → its Markdown at the last finished build
        self.words = frozenset()  # the search dictionary's words at the last finished build
        self.titles = {}  # page → its title when last rendered
        self.documents = None  # the search index's documents at the last finished build
        self._next = None  # (frame, markdown, words) of the build in progress
        self.everything = True  # whether the build in progress renders every page
        self.new_words = frozenset()  # the words that entered or left the dictionary in it
        self.stale = set()  # the generated pages it renders again (when not everything)
        self.rendered = set()  # the URLs of the pages it rendered
        self.building = False

    def pause_collector(self):
        """A rebuild allocates a few hundred thousand objects over a heap of millions (the rulebook, the files as
        last read, the pages, the search index): each of the cyclic collector's full passes took 0.3 s at 2,000
        roles, in the time HR waits. It is paused while building and runs a quarter of a second after (while the
        browser renders the reloaded page, and before HR's next save is likely)."""
        self.building = True
        gc.disable()

    def collect_later(self, delay=0.25):
        self.building = False
        timer = threading.Timer(delay, self._collect)
        timer.daemon = True
        timer.start()

    def _collect(self):
        if not self.building:
            gc.enable()
            gc.collect()

    def begin(self, frame, markdown, words):
        """A build starts: `frame` is anything JSON-able around every page; `markdown`, the generated pages;
        `words`, the search dictionary's. True when every page must be rendered."""
        frame = hashlib.sha256(json.dumps(frame, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()
        words = frozenset(words)
        self.everything = frame != self.frame
        self.new_words = words ^ self.words
        self.stale = {page for page, text in markdown.items()
                      if text != self.markdown.get(page) or page not in self.titles
                      or any(word in text for word in self.new_words)}
        self._next = (frame, markdown, words)
        self.rendered = set()
        return self.everything

    def changed(self, page):
        """Whether generated page `page` must be rendered again (MkDocs asks three times a build)."""
        return page in self.stale

    def title(self, page):
        return self.titles.get(page)

    def was_rendered(self, page, url, title):
        self.rendered.add(url)
        self.titles[page] = title

    def search_documents(self, documents):
        """The full index: this build's entries for the pages it rendered, the last build's for the others, in
        the last build's order (an entry's location is the page's URL, then #anchor)."""
        if not self.everything and self.documents is not None:
            fresh = _by_page(documents)
            merged = {}
            for url, entries in _by_page(self.documents).items():
                merged[url] = fresh.pop(url, []) if url in self.rendered else entries
            merged.update(fresh)
            documents = [entry for entries in merged.values() for entry in entries]
        return documents

    def finish(self, documents=None):
        """The build succeeded: it is what the next one is compared with (`documents`: its search index's)."""
        self.frame, self.markdown, self.words = self._next
        self.documents = documents


def heading(markdown):
    """A page's first level-one heading, as written: what MkDocs makes its title from (front matter aside)."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line
    return None


def _by_page(documents):
    pages = {}
    for entry in documents:
        pages.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    return pages

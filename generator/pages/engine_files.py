"""What a page knows of the engine's files: their names, and where the site's assets put them (site/assets.py
makes them; a page only links them)."""

from dataclasses import dataclass, field

from .. import ROOT

APP = ROOT / "assessment" / "app"  # the page's scripts and the engine's worker
HASHED = "assets/hashed"  # every engine file is under HASHED/<digest of its bytes>/
WORDS_SCRIPT = "words.js"  # the page's words in the handbook's language, written by the build (site/assets.py)
# the page's modules: app.js and what it imports (by relative name, so they share one folder)
PAGE_SCRIPTS = ("app.js", *sorted({WORDS_SCRIPT} | {p.name for p in APP.glob("*.js")} - {"app.js"}))


@dataclass(frozen=True)
class EngineFiles:
    """Where the pages find the engine (site paths under HASHED)."""

    app: str
    worker: str
    runtime: str  # Pyodide's folder, ending in "/"
    definitions: dict = field(default_factory=dict)  # id → the definition's part of the rulebook

    @classmethod
    def unbuilt(cls, rulebook):
        """Stand-in paths, for reading the pages without building the engine (tests of page text)."""
        here = f"{HASHED}/unbuilt/"
        return cls(here + "app.js", here + "worker.mjs", here + "pyodide/",
                   {d["id"]: here + f"{d['id']}.json" for d in rulebook["standards"] + rulebook["rules"]})

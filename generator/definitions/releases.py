"""Published releases: each version's compiled rulebook, archived as `<definitions>/_releases/VERSION.json`
by `handbook release` and committed with the YAML (the loader skips folders starting with "_").

The 版本变更 page compares them in order, the rulebook being built last; validation checks that no
archive was edited and that a rulebook whose content changed since the last release carries a new version.
"""

import json
import re
from pathlib import Path

from assessment.contract import Rulebook

from assessment.fingerprint import content_hash

from .serialised import dumps
from .diagnostics import Diagnostic

FOLDER = "_releases"


def archive_path(root, version):
    return Path(root) / FOLDER / f"{version}.json"


def _order(rulebook):
    """Oldest first: by effective date, then by version read as numbers (2026.10 after 2026.9)."""
    version = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(rulebook["version"])) if p]
    return (str(rulebook["organisation"].get("effective_date") or ""), [(isinstance(p, str), p) for p in version])


def load(root: Path) -> tuple[list[Rulebook], list[Diagnostic]]:
    """(archived rulebooks, oldest first; [Diagnostic] for any archive that cannot be trusted)."""
    folder = Path(root) / FOLDER
    releases, problems = [], []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            rulebook = json.loads(path.read_text(encoding="utf-8"))
            intact = (isinstance(rulebook, dict) and rulebook.get("hash") == content_hash(rulebook)
                      and path.stem == str(rulebook.get("version")))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            problems.append(Diagnostic(path, 1, 1, "release_unreadable", {"error": error}))
            continue
        if not intact:
            problems.append(Diagnostic(path, 1, 1, "release_edited", {"version": path.stem}))
            continue
        releases.append(rulebook)
    return sorted(releases, key=_order), problems


def unchanged_version(rulebook, releases, organisation_entry):
    """A Diagnostic (a warning: the build goes on) when the content differs from the archived release of
    the same version: staff would see new rules under an old version number."""
    same = next((r for r in releases if r["version"] == rulebook["version"]), None)
    if same is None or same["hash"] == rulebook["hash"]:
        return None
    return organisation_entry.at(("version",), "version_unchanged", version=rulebook["version"],
                                 next=next_version(rulebook["version"]))


def next_version(version):
    """The version to suggest after `version`: 2026.2 → 2026.3 (2026 → 2026.1)."""
    head, _, last = str(version).rpartition(".")
    return f"{head}.{int(last) + 1}" if last.isdigit() and head else f"{version}.1"


def history(rulebook: Rulebook, releases: list[Rulebook]) -> list[Rulebook]:
    """Every version to show on the 版本变更 page, oldest first, the rulebook being built last, so HR who
    bump the version and rebuild see their changes at once. An archive of the same version stays when
    the content has changed since (the version was not raised): the page lists those edits too."""
    return [r for r in releases if r["version"] != rulebook["version"] or r["hash"] != rulebook["hash"]] + [rulebook]


def release(root: Path, rulebook: Rulebook) -> tuple[Path, str]:
    """Archive the rulebook as its version: (path, "written" | "unchanged"); ValueError when that version
    is archived with other content (the version must be raised first)."""
    path = archive_path(root, rulebook["version"])
    if path.is_file():
        try:
            archived = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            archived = None
        if isinstance(archived, dict) and archived.get("hash") == rulebook["hash"]:
            return path, "unchanged"
        raise ValueError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(rulebook) + "\n", encoding="utf-8")
    return path, "written"

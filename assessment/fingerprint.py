"""The fingerprints of a rulebook: its content hash, and one definition's excerpt with the hash that answers to
it carry. The engine reports that hash with every result, the compiler and the site write it, the page and the
batch compare it: one computation for all of them, in the engine because the browser runs it too."""

import hashlib
import json
from typing import cast

from .contract import Rulebook
from .messages import language_of


def content_hash(rulebook: dict) -> str:
    """sha256 over the canonical JSON of everything but the hash itself."""
    body = {k: v for k, v in rulebook.items() if k != "hash"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def excerpt(rulebook: Rulebook, ident: str) -> Rulebook:
    """What scoring one standard or rule needs: its definition, with the rulebook's version and the hash of
    this excerpt — the fingerprint answers are saved and exported under. It is the definition's own, not the
    whole rulebook's: editing a role's duties leaves saved self-assessments current (no carry-over) and every
    self-assessment page, and its engine files' URLs, unchanged. The page downloads this, not the rulebook.
    The handbook's language rides along outside the hash: it changes the engine's words, not what answers mean."""
    body = {"format": rulebook.get("format"), "version": rulebook.get("version"),
            "standards": [s for s in rulebook.get("standards", []) if s["id"] == ident],
            "rules": [r for r in rulebook.get("rules", []) if r["id"] == ident]}
    return cast(Rulebook, {**body, "hash": content_hash(body), "organisation": {"language": language_of(rulebook)}})


def answers_hash(rulebook: Rulebook, ident: str) -> str:
    """The hash that answers to standard or rule `ident` carry (see excerpt)."""
    return excerpt(rulebook, ident)["hash"]

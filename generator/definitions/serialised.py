"""The rulebook written out: its JSON text, its content hash, and one definition's excerpt with the hash that
answers to it carry. Compiling, archiving releases and the site's assets all write or check these."""

import hashlib
import json
from decimal import Decimal
from typing import cast

from assessment.contract import Rulebook
from assessment.numbers import fmt


def content_hash(rulebook):
    body = {k: v for k, v in rulebook.items() if k != "hash"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def excerpt(rulebook: Rulebook, ident: str) -> Rulebook:
    """What scoring one standard or rule needs: its definition, with the rulebook's version and the hash of
    this excerpt — the fingerprint answers are saved and exported under. It is the definition's own, not the
    whole rulebook's: editing a role's duties leaves saved self-assessments current (no carry-over) and every
    self-assessment page, and its engine files' URLs, unchanged. The page downloads this, not the rulebook."""
    body = {"format": rulebook["format"], "version": rulebook["version"],
            "standards": [s for s in rulebook["standards"] if s["id"] == ident],
            "rules": [r for r in rulebook["rules"] if r["id"] == ident]}
    return cast(Rulebook, {**body, "hash": content_hash(body)})


def answers_hash(rulebook: Rulebook, ident: str) -> str:
    """The hash that answers to standard or rule `ident` carry (see excerpt)."""
    return excerpt(rulebook, ident)["hash"]


def dumps(rulebook: Rulebook) -> str:
    return json.dumps(rulebook, ensure_ascii=False, indent=2, default=_json_default)


def _json_default(value):
    if isinstance(value, Decimal):
        return fmt(value)
    raise TypeError(repr(value))

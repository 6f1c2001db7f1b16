"""The rulebook written out as JSON text (archived releases, the site's assets, `handbook rulebook`); its
hashes are the engine's (assessment/fingerprint.py)."""

import json
from decimal import Decimal

from assessment.contract import Rulebook
from assessment.numbers import fmt


def dumps(rulebook: Rulebook) -> str:
    return json.dumps(rulebook, ensure_ascii=False, indent=2, default=_json_default)


def _json_default(value):
    if isinstance(value, Decimal):
        return fmt(value)
    raise TypeError(repr(value))

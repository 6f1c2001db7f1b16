"""Saved answers carried to a new release of the rulebook.

A page saves, with a person's answers, the `basis` they were given against: for each field its name,
kind, weight and a digest of what decides its answers and points (options, range, step…). Under a new
release, an answer to a field that is gone, changed kind, or changed so that the answer is no longer
allowed is dropped, and the person is told by field name (and, in a rule's table, by period); every other
answer is kept as typed — one that was already invalid keeps its place and its message at the field.
"""

import hashlib
import json

from .answered import STANDARD
from .errors import period_path
from .items import KINDS, check_answer, yes_no
from .messages import enumerated, say
from .standard import all_items

# what only describes a field: a change here needs no new answer
_PROSE = frozenset({"id", "name", "description", "weight", "aliases", "notes"})


def _shape(field):
    decisive = {k: v for k, v in field.items() if k not in _PROSE}
    return hashlib.sha256(json.dumps(decisive, sort_keys=True, default=str).encode()).hexdigest()[:8]


def _fields(kind, definition):
    """{key: (field, weight)}: the answer fields (answered.Answered.fields) with what weighs them: a standard's
    weight × its section's scale; nothing weighs a rule's fields."""
    weights = {item["id"]: f"{item.get('weight', '')}×{section.get('scale', '1')}"
               for section, item in all_items(definition)} if kind is STANDARD else {}
    return {key: (field, weights.get(key, "")) for key, field in kind.fields(definition).items()}


def basis(kind, definition):
    """What the page saves beside the answers, to compare them with a later release."""
    return {key: {"name": f["name"], "kind": f["kind"], "weight": weight, "shape": _shape(f)}
            for key, (f, weight) in _fields(kind, definition).items()}


def carry_over(kind, definition, saved):
    """{answers, changes: [{field, name, change, answer, text}], dropped: [answer paths]}.

    `saved`: {"answers", "basis" (absent in files exported before bases were saved), "names" (field id →
    name, from such files)}. `change` is added | removed | reshaped | reweighted | renamed | invalid (no
    basis: an answer the current field does not allow); `answer` says
    what became of the person's answers to that field: kept | dropped | null (none was given)."""
    now = _fields(kind, definition)
    then = {str(k): {**v, "name": str(v.get("name", k))} for k, v in _mapping(saved, "basis").items()
            if isinstance(v, dict)}
    names = {str(k): str(v) for k, v in _mapping(saved, "names").items()}
    drops = {}  # field key → [(answer path, period number or None, value)] of the answers dropped
    given = set()

    def keep(key, path, period, value):
        given.add(key)
        if _fits(now.get(key), then.get(key), value, bool(then)):
            return True
        drops.setdefault(key, []).append((path, period, value))
        return False

    kept = _kept(kind, _mapping(saved, "answers"), keep)
    changes = []
    for key in dict.fromkeys([*now, *then, *sorted(given)]):
        change = _change(now.get(key), then.get(key), key in then or key in given) if then else \
            _unknown_change(key in now, key in drops)
        if not change:
            continue
        name = (now[key][0]["name"] if key in now else then.get(key, {}).get("name")
                or names.get(key.split(".")[-1]) or key.split(".")[-1])
        answer = None if key not in given else ("dropped" if key in drops else "kept")
        named = now[key][0]["kind"] if key in now else then.get(key, {}).get("kind")  # a file's: any JSON
        choice = isinstance(named, str) and named in KINDS and KINDS[named].chosen
        text = _sentence(change, name, then.get(key, {}).get("name"), answer, drops.get(key, []),
                         (then.get(key, {}).get("weight"), now[key][1] if key in now else None), choice)
        changes.append({"field": key, "name": name, "change": change, "answer": answer, "text": text})
    return {"answers": kept, "changes": changes, "dropped": [d[0] for ds in drops.values() for d in ds]}


def _mapping(saved, key):
    value = saved.get(key) if isinstance(saved, dict) else None
    return value if isinstance(value, dict) else {}


def _kept(kind, answers, keep):
    single = {k: v for k, v in kind.single(answers).items()
              if not _blank(v) and keep(kind.single_path(str(k)), kind.single_path(str(k)), None, v)}
    periods = [{k: v for k, v in p.items() if not _blank(v) and keep(f"period.{k}", period_path(i, k), i + 1, v)}
               if isinstance(p, dict) else {} for i, p in enumerate(kind.periods(answers))]
    return kind.make(single, periods)


def _blank(value):
    return value is None or value == "" or value == []


def _fits(now, then, value, has_basis):
    """Keep an answer unless its field is gone, or changed (kind, or what it allows) so that it no longer
    fits; an answer to an unchanged field stays as typed (if it was invalid, its field says so as before).
    Without a basis (older files) an answer is kept when the current field allows it."""
    if now is None:
        return False
    field, _ = now
    if then and then.get("kind") == field["kind"] and then.get("shape") == _shape(field):
        return True
    if then and then.get("kind") != field["kind"]:
        return False
    return check_answer(field, value)[1] is None


def _change(now, then, known_before):
    if now is None:
        return "removed" if known_before else None
    if then is None:
        return "added" if not known_before else None
    field, weight = now
    if then.get("kind") != field["kind"] or then.get("shape") != _shape(field):
        return "reshaped"
    if then.get("weight") != weight:
        return "reweighted"
    if then.get("name") != field["name"]:
        return "renamed"
    return None


def _unknown_change(exists, dropped):
    """Without a saved basis (older files) only what the answers show can be said."""
    return None if not dropped else "invalid" if exists else "removed"


def _sentence(change, name, old, answer, drops, weights, choice):
    """What changed for one field, and what became of the answer, in words (the catalogs' carry.*)."""
    before, after = (str(w).split("×")[0] if w else "" for w in weights)
    moved = say("carry.weights", before=before, after=after) if before and after else ""
    text = say(f"carry.{change}", name=name, old=old, weights=moved)
    if change == "removed":
        return text + (say("carry.answer_removed") if answer else "")
    if answer == "kept":
        return text + say("carry.answer_kept")
    if answer == "dropped":
        periods = [say("carry.period_choice" if choice else "carry.period_value", period=p, value=_shown(v))
                   for _, p, v in drops if p]
        if periods:
            return text + say("carry.periods_cleared", periods=enumerated(periods))
        yours = say("carry.your_choice") if choice else say("carry.your_answer", value=_shown(drops[0][2]))
        return text + say("carry.invalid_cleared" if change == "invalid" else "carry.cleared", yours=yours)
    return text


def _shown(value):
    if isinstance(value, list):
        return enumerated(map(str, value))
    return yes_no(value) if isinstance(value, bool) else str(value)

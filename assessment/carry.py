"""Saved answers carried to a new release of the rulebook.

A page saves, with a person's answers, the `basis` they were given against: for each field its name,
kind, weight and a digest of what decides its answers and points (options, range, step, checks…). Under a
new release, an answer is kept when its field still exists, has the same kind, and the answer is still
allowed; every other answer is dropped, and the person is told by field name what changed. Period rows
of rules are kept (their cells are checked one by one).
"""

import hashlib
import json

from .history import person_fields
from .items import check_answer
from .standard import all_items

# what only describes a field: a change here needs no new answer
_PROSE = frozenset({"id", "name", "description", "weight", "aliases", "notes"})


def _shape(field):
    decisive = {k: v for k, v in field.items() if k not in _PROSE}
    return hashlib.sha256(json.dumps(decisive, sort_keys=True, default=str).encode()).hexdigest()[:8]


def _fields(kind, definition):
    """{key: (field, weight)}: item ids for a standard; "person.ID" / "period.ID" for a rule."""
    if kind == "standard":
        return {item["id"]: (item, f"{item.get('weight', '')}×{section.get('scale', '1')}")
                for section, item in all_items(definition)}
    fields = {f"person.{f['id']}": (f, "") for f in person_fields(definition)}
    fields.update({f"period.{f['id']}": (f, "") for f in definition.get("periods", [])})
    return fields


def basis(kind, definition):
    """What the page saves beside the answers, to compare them with a later release."""
    return {key: {"name": f["name"], "kind": f["kind"], "weight": weight, "shape": _shape(f)}
            for key, (f, weight) in _fields(kind, definition).items()}


def carry_over(kind, definition, saved):
    """{answers: the answers that still fit, changes: [{field, name, change, answer, text}]}.

    `saved`: {"answers": …, "basis": … or absent (files exported before bases were saved)}.
    `change` is added | removed | reshaped | reweighted | renamed; `answer` says what became of the
    person's answer to that field: kept | dropped | null (none was given)."""
    now = _fields(kind, definition)
    then = saved.get("basis") if isinstance(saved.get("basis"), dict) else {}
    then = {str(k): {**v, "name": str(v.get("name", k))} for k, v in then.items() if isinstance(v, dict)}
    answers = saved.get("answers") if isinstance(saved.get("answers"), dict) else {}
    verdicts = {}  # field key → [fits?] for each answer given to it

    def fits(key, value):
        ok = _fits(now.get(key), then.get(key), value)
        verdicts.setdefault(key, []).append(ok)
        return ok

    kept = _kept(kind, answers, fits)
    changes = []
    for key in dict.fromkeys([*now, *then, *verdicts]):
        change = _change(now.get(key), then.get(key), key in then or key in verdicts) if then else \
            _unknown_change(key in now, verdicts.get(key))
        if change:
            name = (now[key][0]["name"] if key in now else (then.get(key) or {}).get("name")) or key.split(".")[-1]
            answer = None if key not in verdicts else ("kept" if all(verdicts[key]) else "dropped")
            changes.append({"field": key, "name": name, "change": change, "answer": answer,
                            "text": _sentence(change, name, (then.get(key) or {}).get("name"), answer)})
    return {"answers": kept, "changes": changes}


def _kept(kind, answers, fits):
    if kind == "standard":
        return {k: v for k, v in answers.items() if not _blank(v) and fits(str(k), v)}
    person = answers.get("person") if isinstance(answers.get("person"), dict) else {}
    periods = answers.get("periods") if isinstance(answers.get("periods"), list) else []
    return {"person": {k: v for k, v in person.items() if not _blank(v) and fits(f"person.{k}", v)},
            "periods": [{k: v for k, v in p.items() if not _blank(v) and fits(f"period.{k}", v)}
                        if isinstance(p, dict) else {} for p in periods]}


def _blank(value):
    return value is None or value == "" or value == []


def _fits(now, then, value):
    if now is None:
        return False
    field, _ = now
    if then and then.get("kind") != field["kind"]:
        return False
    _, problem = check_answer(field, value)
    return problem is None


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


def _unknown_change(exists, fitted):
    """Without a saved basis (older files) only what the answers show can be said."""
    if not exists:
        return "removed" if fitted is not None else None
    return "reshaped" if fitted is not None and not all(fitted) else None


_ANSWER = {"kept": "你的答案已保留", "dropped": "你的答案已不适用，已清除，请重新填写", None: ""}
_SENTENCES = {
    "added": "新增“{name}”，请填写",
    "removed": "删除“{name}”",
    "reshaped": "“{name}”的满分、选项或填写范围改变",
    "reweighted": "“{name}”的权重改变",
    "renamed": "“{old}”改名为“{name}”",
}


def _sentence(change, name, old, answer):
    text = _SENTENCES[change].format(name=name, old=old)
    if change == "removed" and answer:
        return text + "，你的答案已移除"
    return text + (f"（{_ANSWER[answer]}）" if answer and change != "added" else "")

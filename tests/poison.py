"""Put a markup payload into every free-text field of a definitions folder, found by walking the model.

The model (generator.definitions.model) says which values are free text; every such value in every file
gets a payload (formulas and ids are not free text: they are parsed or checked). Each payload carries a
marker `Pn` and calls `__xss(n)` if it ever runs, so a test can tell which field leaked where.
"""

from pathlib import Path

import yaml

from generator.definitions import kinds
from generator.definitions.schema_types import Formula, ListOf, Obj, Tagged, Text

PAYLOADS = [
    "<img src=x onerror=__xss({n})>",
    "</title><script>__xss({n})</script>",
    "</script><script>__xss({n})</script>",
    '"><svg onload=__xss({n})>',
    "' onmouseover='__xss({n})' x='",
    "[点我](javascript:__xss({n}))",
    '<a href="javascript:__xss({n})">链接</a>',
    "<iframe srcdoc='<script>parent.__xss({n})</script>'>",
    "{{{{ 7*7 }}}}{{% raw %}}",
    "研发部<北京> &lt;b&gt; & `code` *强调* _x_ # 标题 \\ | ~ ![图](x.png)",
]


def payload(n):
    return f"P{n}" + PAYLOADS[n % len(PAYLOADS)].format(n=n)


# What careful HR staff do write: Markdown's and HTML's special characters in ordinary names and text.
AWKWARD = ["研发部<北京>", "A*B_C 组", "[二组]", "新客服(试用)", "#1 小组", "甲|乙", "约 3~5 天", "R&D 部",
           "“引号”与'单引号'", "50% 以上", "`代码`岗", "! 重要", "+1 加分", "{备注}"]


def awkward(n):
    return f"N{n} " + AWKWARD[n % len(AWKWARD)]


def text_fields(spec, where=(), out=None):
    """Every free-text field the model declares, as (file kind, key, key …) without list indices."""
    out = set() if out is None else out
    if isinstance(spec, Text) and not isinstance(spec, Formula):
        out.add(where)
    elif isinstance(spec, ListOf):
        text_fields(spec.of, where, out)
    elif isinstance(spec, Tagged):
        for variant in spec.variants.values():
            text_fields(variant, where, out)
    elif isinstance(spec, Obj):
        for name, field in spec.fields.items():
            text_fields(field.type, where + (name,), out)
    return out


def model_text_fields():
    fields = set()
    for kind, spec in kinds.FILE_KINDS.values():
        fields |= text_fields(spec, (kind,))
    # an example's expected grade is an id; the theme's logo is a file name of pages/ (letters, digits, _-./ only)
    return {f for f in fields if "expect" not in f and f != ("organisation", "theme", "logo")}


class Poisoner:
    def __init__(self, make=payload):
        self.make = make
        self.count = 0
        self.fields = []  # (file kind, key, key …) of every value replaced
        self.given = {}  # (field, text) → its payload: a field that groups by its text (a level's ladder) still groups

    def walk(self, spec, value, where):
        if isinstance(spec, Formula) or "expect" in where:  # an example's expected grade is an id
            return value
        if isinstance(spec, Text):
            if value is None:
                return value
            field = tuple(k for k in where if isinstance(k, str))
            if field[-1] == "ladder" and (field, value) in self.given:
                return self.given[field, value]
            self.count += 1
            self.fields.append(field)
            self.given[field, value] = self.make(self.count)
            return self.given[field, value]
        if isinstance(spec, ListOf) and isinstance(value, list):
            return [self.walk(spec.of, v, where + (i,)) for i, v in enumerate(value)]
        if isinstance(spec, Tagged) and isinstance(value, dict):
            variant = spec.variants.get(value.get(spec.tag))
            return self.walk(variant, value, where) if variant else value
        if isinstance(spec, Obj) and isinstance(value, dict):
            return {k: (self.walk(spec.fields[k].type, v, where + (k,)) if k in spec.fields else v)
                    for k, v in value.items()}
        return value


def poison(root, make=payload):
    """Rewrite every definition file under `root` in place; returns the Poisoner (what was replaced)."""
    root = Path(root)
    poisoner = Poisoner(make)
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root)
        if rel.parts[0].startswith("_"):
            continue
        kind = kinds.FILE_KINDS.get(rel.parts[0] if len(rel.parts) > 1 else rel.name)
        if kind is None:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = poisoner.walk(kind[1], data, (kind[0],))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return poisoner

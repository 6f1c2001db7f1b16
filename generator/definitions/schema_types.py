"""A small declarative type system for the YAML format.

The same objects check a parsed file (collecting located Diagnostics, filling defaults), name the
references it makes and the rules across fields it breaks (`refs`, `breaches`: the semantic checks report
them) and emit JSON Schema for editors, so the format is written down exactly once.
"""

import contextlib
import contextvars
import datetime
import re
import unicodedata
from decimal import Decimal

from assessment.messages import LANGUAGES, NOTHING, Term, did_you_mean, say

from .scalars import MAX_DIGITS, as_text, within_limits

IDENT = re.compile(r"^[a-z][a-z0-9_]*$")
_MISSING = object()

# what the JSON Schema says a field, a mapping or a tagged type means: its own doc, unless the writer names the
# words (jsonschema.py, in the handbook's language: definitions/docs.py)
_DESCRIBE = contextvars.ContextVar("describe", default=lambda thing: thing.doc)


@contextlib.contextmanager
def describing(describe):
    """Schemas emitted inside this block describe each field, mapping and tagged type as `describe(it)` says."""
    token = _DESCRIBE.set(describe)
    try:
        yield
    finally:
        _DESCRIBE.reset(token)


def _kind_of(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "date"
    return type(value).__name__


class Context:
    """Where a check reports: the source file, and the list Diagnostics go to."""

    def __init__(self, source, diagnostics):
        self.source, self.diagnostics = source, diagnostics

    def report(self, path, code, **params):
        self.diagnostics.append(self.source.at(path, code, **params))


class Type:
    doc = ""
    define = None  # a name: the JSON Schema holds this type once, under $defs, and points to it

    def check(self, value, path, ctx):
        raise NotImplementedError

    def refs(self, value, path=(), kinds=None):
        """(path, kind, id) of every reference declared (an Ident with `ref`, of one of `kinds`: a frozenset, or
        None for all) inside checked data."""
        return ()

    def breaches(self, value, path=()):
        """(path, rule) of every rule across fields (ExactlyOne with a code) that checked data breaks."""
        return ()

    def holds(self, what):
        """Whether anything inside this type declares `what` ("rules", or references: None for any kind, or a
        frozenset of kinds): the walks skip what holds none (at 2,000 roles, walking every duty, level and item
        cost a tenth of the validation)."""
        return False

    def schema(self, defs=None):
        raise NotImplementedError

    def emit(self, defs):
        """This type's schema, or, when it is named and `defs` collects, a `$ref` to the one copy in `defs`."""
        if self.define is None or defs is None:
            return self.schema(defs)
        if self.define not in defs:
            defs[self.define] = {}  # taken before it is written: a type that holds itself points here too
            defs[self.define] = self.schema(defs)
        return {"$ref": f"#/$defs/{self.define}"}

    def _wrong(self, value, path, ctx, expected):
        from .diagnostics import type_term

        key = path[-1] if path else "value"
        if isinstance(key, int):
            key = f"{path[-2]}[{key}]" if len(path) > 1 else f"[{key}]"
        ctx.report(path, "wrong_type", key=key, expected=type_term(expected), got=type_term(_kind_of(value)))
        return _MISSING


class Text(Type):
    def __init__(self, doc=""):
        self.doc = doc

    def check(self, value, path, ctx):
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return as_text(value)  # a name like 2023 (or a grade like 010) is still text, as typed
        if isinstance(value, dict) and value and all(_scalar(v) for v in value.values()):
            key, said = next(iter(value.items()))  # `- 说明: 文字`, `- KPI: 达成率`: a colon and a space split the text
            said = "" if said is None else as_text(said) if not isinstance(said, bool) else str(said).lower()
            ctx.report(path, "text_colon", text=f"{key}: {said}".strip(), full=f"{key}：{said}".strip())
            return _MISSING
        if not isinstance(value, str):
            return self._wrong(value, path, ctx, "string")
        return value.strip()

    def schema(self, defs=None):
        return {"type": ["string", "number"], "description": self.doc}


def _scalar(value):
    return not isinstance(value, (dict, list))


class Name(Text):
    """A name shown in the contents, on pages and in search: text that a pair of Chinese quotes around the whole of it
    (`name: “客服组长”`, typed for YAML's quotes) would follow everywhere."""

    def check(self, value, path, ctx):
        text = super().check(value, path, ctx)
        if isinstance(text, str) and len(text) > 2 and (text[0], text[-1]) in _QUOTE_PAIRS \
                and not any(q in text[1:-1] for q in _QUOTE_PAIRS[0] + _QUOTE_PAIRS[1]):
            ctx.report(path, "quoted_name", value=text, inner=text[1:-1].strip())
            return _MISSING
        return text


_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("＂", "＂"))


class Ident(Type):
    """A stable ASCII id; with `ref`, a reference to something of that kind, resolved later."""

    def __init__(self, doc="", ref=None):
        self.doc, self.ref = doc, ref

    def check(self, value, path, ctx):
        if not isinstance(value, str):
            return self._wrong(value, path, ctx, "string")
        if not IDENT.match(value):
            code, params = _bad_id(value, self.ref)
            ctx.report(path, code, **params)
            return _MISSING
        return value

    def refs(self, value, path=(), kinds=None):
        if self.holds(kinds) and isinstance(value, str):
            yield path, self.ref, value

    def holds(self, what):
        return what != "rules" and bool(self.ref) and (what is None or self.ref in what)

    def schema(self, defs=None):
        return {"type": "string", "pattern": IDENT.pattern, "description": self.doc}


_LIST_COMMAS = "，、；"  # what an input method types between the ids of `[a，b]`


def _as_id(typed):
    """What an id typed in capitals, full-width letters, with hyphens or spaces is in the id's own form."""
    return re.sub(r"[\s-]+", "_", unicodedata.normalize("NFKC", typed).strip().lower())


def _bad_id(value, ref):
    """(code, params) for a value that is no id: ids run together by a full-width comma, an id typed in capitals,
    with a hyphen or a space or in full-width letters (the id it must be is said), or else only the rule; a
    reference's params name its kind, so the name of a definition written in its place can be told
    (load.names_for_ids)."""
    parts = [_as_id(p) for p in re.split(f"[{_LIST_COMMAS}]", value)]
    if len(parts) > 1 and all(IDENT.match(p) for p in parts):
        comma = next(c for c in value if c in _LIST_COMMAS)
        return "id_full_width_comma", {"value": value, "char": comma, "fix": ", ".join(parts)}
    if IDENT.match(fix := _as_id(value)):
        return "id_written_as", {"value": value, "fix": fix}
    return "bad_id", {"value": value, **({"ref": ref} if ref else {})}


class Formula(Text):
    def schema(self, defs=None):
        return {"type": "string", "description": self.doc}


class Number(Type):
    def __init__(self, doc="", integer=False, minimum=None, maximum=None):
        self.doc, self.integer, self.minimum, self.maximum = doc, integer, minimum, maximum

    def check(self, value, path, ctx):
        if isinstance(value, str) and value.strip().endswith("%"):
            try:
                value = Decimal(value.strip()[:-1])
            except ArithmeticError:
                pass
        if isinstance(value, str) and (typed := re.fullmatch(r"([-+]?\d+(\.\d+)?)\s*(%?)",
                                                             unicodedata.normalize("NFKC", value).strip())):
            digits = typed.group(1)  # ２０ or ３０％ from an input method
            percent = Term("definitions.full_width_number.percent", ascii=digits) if typed.group(3) else NOTHING
            ctx.report(path, "full_width_number", value=value, ascii=digits, percent=percent)
            return _MISSING
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            return self._wrong(value, path, ctx, "integer" if self.integer else "number")
        if not within_limits(value):  # "NaN%" or "1e999%" written as text
            ctx.report(path, "number_out_of_range", value=value, digits=MAX_DIGITS)
            return _MISSING
        if self.integer and (isinstance(value, Decimal) and value != value.to_integral_value()):
            return self._wrong(value, path, ctx, "integer")
        if self.minimum is not None and value < self.minimum:
            ctx.report(path, "bad_enum", value=value, allowed=f"≥ {self.minimum}")
            return _MISSING
        if self.maximum is not None and value > self.maximum:
            ctx.report(path, "bad_enum", value=value, allowed=f"≤ {self.maximum}")
            return _MISSING
        return int(value) if self.integer else Decimal(value)

    def schema(self, defs=None):
        result = {"type": "integer" if self.integer else ["number", "string"], "description": self.doc}
        if self.minimum is not None:
            result["minimum"] = self.minimum
        if self.maximum is not None:
            result["maximum"] = self.maximum
        return result


class Boolean(Type):
    def __init__(self, doc=""):
        self.doc = doc

    # what people write for yes and no: each is told the one word YAML reads so (`key: 错` → false)
    WORDS = {True: ("对", "是", "正确", "√", "✓", "✔", "yes", "y", "on", "t", "真"),
             False: ("错", "否", "错误", "不对", "不是", "×", "✗", "✘", "no", "n", "off", "f", "假")}

    def check(self, value, path, ctx):
        if isinstance(value, str):
            typed = unicodedata.normalize("NFKC", value).strip().lower()
            for meaning, words in self.WORDS.items():
                if typed in words:
                    ctx.report(path, "boolean_word", value=value, fix=str(meaning).lower())
                    return _MISSING
        return value if isinstance(value, bool) else self._wrong(value, path, ctx, "boolean")

    def schema(self, defs=None):
        return {"type": "boolean", "description": self.doc}


class Date(Type):
    def __init__(self, doc=""):
        self.doc = doc

    def check(self, value, path, ctx):
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):  # the shape is right, the day does not exist
                    ctx.report(path, "impossible_date", value=value.strip())
                    return _MISSING
        return self._wrong(value, path, ctx, "date")

    def schema(self, defs=None):
        return {"type": "string", "format": "date", "description": self.doc}


class Enum(Type):
    """One of `values`; with `words`, the catalogs' prefix of their names (`outcome` for outcome.promote …), so a
    value written as its name in any language (`outcome: 晋升`), or in capitals, is told the value it stands for."""

    def __init__(self, values, doc="", words=None):
        self.values, self.doc, self.words = list(values), doc, words

    def check(self, value, path, ctx):
        if value not in self.values:
            allowed = ", ".join(map(str, self.values))
            if (meant := self.meant(value)) is not None:
                ctx.report(path, "enum_written_as", value=value, fix=meant, allowed=allowed)
            else:
                ctx.report(path, "bad_enum", value=value, allowed=allowed)
            return _MISSING
        return value

    def meant(self, value):
        """The value `value` names, or None."""
        if not isinstance(value, str):
            return None
        typed = unicodedata.normalize("NFKC", value).strip().casefold()
        for allowed in self.values:
            if isinstance(allowed, str) and typed in (allowed.casefold(), allowed.casefold().replace("_", " ")):
                return allowed
        if self.words is None:
            return None
        for allowed in self.values:
            names = {name.strip().casefold() for lang in LANGUAGES
                     for name in re.split(r"[/／]", say(f"{self.words}.{allowed}", lang))}
            if typed in names or typed.removeprefix("每") in names:
                return allowed
        return None

    def schema(self, defs=None):
        return {"enum": self.values, "description": self.doc}


class Any(Type):
    """Free-form data (worked-example answers): checked later by the engine itself."""

    def __init__(self, doc=""):
        self.doc = doc

    def check(self, value, path, ctx):
        return value

    def schema(self, defs=None):
        return {"description": self.doc}


class ListOf(Type):
    def __init__(self, of, doc="", min_items=0):
        self.of, self.doc, self.min_items = of, doc, min_items

    def check(self, value, path, ctx):
        if isinstance(value, str) and re.match(r"^-[^\s-]", value):  # "-接听电话": a list item without its space
            ctx.report(path, "yaml_dash_space", problem="")
            return _MISSING
        if isinstance(value, str) and value.strip().startswith(("［", "【")):  # brackets from an input method
            ctx.report(path, "yaml_full_width", char=value.strip()[0], name="全角方括号", ascii="[", problem="")
            return _MISSING
        if not isinstance(value, list):
            return self._wrong(value, path, ctx, "list")
        if len(value) < self.min_items:
            ctx.report(path, "too_few", key=path[-1] if path else "", min=self.min_items)
        result = [self.of.check(v, path + (i,), ctx) for i, v in enumerate(value)]
        return [r for r in result if r is not _MISSING]

    def refs(self, value, path=(), kinds=None):
        for i, v in enumerate(value if isinstance(value, list) and self.of.holds(kinds) else ()):
            yield from self.of.refs(v, path + (i,), kinds)

    def breaches(self, value, path=()):
        for i, v in enumerate(value if isinstance(value, list) and self.of.holds("rules") else ()):
            yield from self.of.breaches(v, path + (i,))

    def holds(self, what):
        return self.of.holds(what)

    def schema(self, defs=None):
        result = {"type": "array", "items": self.of.emit(defs), "description": self.doc}
        if self.min_items:
            result["minItems"] = self.min_items
        return result


KEEP = ("always", "given", "truthy", "changed")  # when a field is written into the rulebook (normalise.fields)


class Field:
    """`label`: the field's name in the changelog's sentences; `keep`: when normalising writes it into the
    rulebook — always (`absent` when not given), given (not None), truthy, or changed (not its default).
    `absent` is the rulebook's value only: unlike `default`, the checks still see the field as not given."""

    def __init__(self, name, type_, required=False, default=_MISSING, doc="", label="", keep="always", absent=None):
        if keep not in KEEP:
            raise ValueError(f"{name}: keep must be one of {KEEP}")
        self.name, self.type, self.required, self.default = name, type_, required, default
        self.doc = doc or type_.doc
        self.label, self.keep, self.absent = label, keep, absent


class ExactlyOne:
    """A rule across the fields of a mapping: exactly one of `names` is given (with `filled`, a list counts
    only when it holds something). The JSON Schema carries it as `oneOf` of `required`. With a `code`, the
    semantic checks report a breach found by `breaches` (that code and params, at the mapping); without one
    the message needs more than the mapping (a condition names its item's kind) and they ask `given`.
    Not in `check`: a breach there would make the file unreadable for the checks that come after."""

    def __init__(self, *names, code=None, filled=False, **params):
        self.names, self.code, self.filled, self.params = names, code, filled, params

    def given(self, data):
        return [n for n in self.names if n in data and not (self.filled and data[n] == [])]

    def schema(self):
        return {"oneOf": [{"required": [n], **({"properties": {n: {"minItems": 1}}} if self.filled else {})}
                          for n in self.names]}


class Obj(Type):
    def __init__(self, title, fields, doc="", exactly_one=(), define=None):
        self.title, self.fields, self.doc = title, {f.name: f for f in fields}, doc
        self.exactly_one, self.define = list(exactly_one), define

    def check(self, value, path, ctx):
        if not isinstance(value, dict):
            return self._wrong(value, path, ctx, "mapping")
        result = {}
        for key in value:
            if key not in self.fields and value[key] is None and not key.isascii():
                ctx.report(path + (key,), "unknown_key_text", key=key)
            elif key not in self.fields:
                ctx.report(path + (key,), "unknown_key", key=key, allowed=", ".join(self.fields),
                           near=did_you_mean(key, self.fields))
        for name, spec in self.fields.items():
            if name in value and value[name] is not None:
                checked = spec.type.check(value[name], path + (name,), ctx)
                if spec.required and checked == "":
                    ctx.report(path + (name,), "empty_text", key=name)
                    checked = _MISSING
                if checked is not _MISSING:
                    result[name] = checked
            elif spec.required:
                ctx.report(path, "missing_key", key=name)
            elif spec.default is not _MISSING:
                result[name] = spec.default
        return result

    def refs(self, value, path=(), kinds=None):
        if isinstance(value, dict):
            for name, spec in self.fields.items():
                if name in value and spec.type.holds(kinds):
                    yield from spec.type.refs(value[name], path + (name,), kinds)

    def breaches(self, value, path=()):
        if isinstance(value, dict):
            for rule in self.exactly_one:
                if rule.code is not None and len(rule.given(value)) != 1:
                    yield path, rule
            for name, spec in self.fields.items():
                if name in value and spec.type.holds("rules"):
                    yield from spec.type.breaches(value[name], path + (name,))

    def holds(self, what):
        held = self.__dict__.setdefault("_holds", {})
        if what not in held:
            held[what] = False  # a type inside itself adds nothing while it is being asked
            held[what] = (what == "rules" and any(rule.code is not None for rule in self.exactly_one)) or any(
                spec.type.holds(what) for spec in self.fields.values())
        return held[what]

    def schema(self, defs=None):
        describe = _DESCRIBE.get()
        result = {
            "type": "object", "title": self.title, "description": describe(self), "additionalProperties": False,
            "properties": {n: {**f.type.emit(defs), "description": describe(f)} for n, f in self.fields.items()},
            "required": [n for n, f in self.fields.items() if f.required],
        }
        rules = [rule.schema() for rule in self.exactly_one]
        if len(rules) == 1:
            result.update(rules[0])
        elif rules:
            result["allOf"] = rules
        return result


class Tagged(Type):
    """One of several object shapes chosen by a tag key (items by `kind`)."""

    def __init__(self, tag, common, variants, doc="", define=None):
        self.tag, self.doc, self.define = tag, doc, define
        self.variants = {name: Obj(name, common + [Field(tag, Enum([name]), required=True)] + extra, text)
                         for name, (text, extra) in variants.items()}

    def check(self, value, path, ctx):
        if not isinstance(value, dict):
            return self._wrong(value, path, ctx, "mapping")
        kind = value.get(self.tag)
        if not isinstance(kind, str) or kind not in self.variants:
            if kind is None:
                ctx.report(path, "missing_key", key=self.tag)
            else:
                ctx.report(path + (self.tag,), "bad_enum", value=kind, allowed=", ".join(self.variants))
            return _MISSING
        return self.variants[kind].check(value, path, ctx)

    def refs(self, value, path=(), kinds=None):
        variant = self.variants.get(value.get(self.tag)) if isinstance(value, dict) else None
        return variant.refs(value, path, kinds) if variant else ()

    def breaches(self, value, path=()):
        variant = self.variants.get(value.get(self.tag)) if isinstance(value, dict) else None
        return variant.breaches(value, path) if variant else ()

    def holds(self, what):
        return any(variant.holds(what) for variant in self.variants.values())

    def schema(self, defs=None):
        return {"description": _DESCRIBE.get()(self), "oneOf": [v.emit(defs) for v in self.variants.values()]}


MISSING = _MISSING

"""Read one YAML file safely, keeping the line and column of every node.

Values come back as plain dicts, lists and scalars (floats as exact Decimals); `positions`
maps each path tuple, e.g. ("items", 2, "weight"), to (line, col), both 1-based.
File-level problems (encoding, tabs, syntax, emptiness, duplicate keys) become Diagnostics.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from .diagnostics import Diagnostic


@dataclass
class Source:
    path: Path
    data: object = None
    positions: dict = field(default_factory=dict)

    def where(self, path):
        """The position of a path, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def at(self, path, code, **params):
        line, col = self.where(path)
        return Diagnostic(self.path, line, col, code, params)


_constructor = yaml.SafeLoader("")  # only its scalar constructors are used
# libyaml composes the same nodes with the same marks about ten times faster; on a syntax error the
# pure-Python parser runs again, because its messages point closer to the mistake.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _convert(node, path, positions, problems, source_path):
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path + ("<key>",), positions, problems, source_path)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                problems.append(Diagnostic(source_path, line, col, "duplicate_key", {"key": key}))
            result[key] = _convert(value_node, path + (key,), positions, problems, source_path)
            positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        positions.pop(path + ("<key>",), None)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, path + (i,), positions, problems, source_path) for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value  # most scalars: no constructor needed
    if node.tag == "tag:yaml.org,2002:float":
        try:
            return Decimal(node.value.replace("_", ""))
        except ArithmeticError:
            pass
    return _constructor.construct_object(node, deep=True)


def read(path):
    """(Source, [Diagnostic]). Never raises on bad content."""
    path = Path(path)
    source = Source(path)
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 BOM (Windows editors add one) is harmless
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        encoding = "gbk" if _decodes(raw, "gbk") else None
        return source, [Diagnostic(path, line, 1, "not_utf8" if not encoding else "gbk_file", {})]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return source, [Diagnostic(path, 1, 1, "empty_file", {})]
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.append(Diagnostic(path, number, len(line) - len(stripped) + 1, "tab_indent", {}))
    if problems:
        return source, problems
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "stream end" in (exc.problem or ""):
            mark = exc.context_mark  # an unclosed bracket: point where it was opened
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return source, [Diagnostic(path, line, col, "yaml_syntax", {"problem": exc.problem or str(exc)})]
    except yaml.YAMLError as exc:
        return source, [Diagnostic(path, 1, 1, "yaml_syntax", {"problem": str(exc)})]
    try:
        source.data = _convert(node, (), source.positions, problems, path)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        return source, [Diagnostic(path, mark.line + 1, mark.column + 1, "yaml_syntax", {"problem": exc.problem})]
    return source, problems


def _compose(text):
    try:
        return yaml.compose(text, Loader=_FAST)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _decodes(raw, encoding):
    try:
        raw.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False

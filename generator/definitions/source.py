"""Read one YAML file safely, keeping the line and column of every node.

Values come back as plain dicts, lists and scalars (floats as exact Decimals); `positions`
maps each path tuple, e.g. ("items", 2, "weight"), to (line, col), both 1-based.
File-level problems (encoding, tabs, syntax, emptiness, duplicate keys) become Diagnostics.
"""

import copy
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import scalars, syntax
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


# Limits far above any real definition file (the sample's deepest is 8 levels, its largest 2,000 nodes)
# that stop a tiny hostile file from expanding into gigabytes ("billion laughs") or recursing forever.
MAX_DEPTH = 64
MAX_NODES = 100_000

# libyaml parses about ten times faster; on a syntax error the pure-Python parser runs again, because
# its messages point closer to the mistake. Both parse into a stream of events without recursion;
# the tree is built here, iteratively, so depth and alias expansion are bounded before anything grows.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TooComplex(Exception):
    def __init__(self, mark, code, **params):
        super().__init__(code)
        self.mark, self.code, self.params = mark, code, params


class _Frame:
    __slots__ = ("value", "path", "key", "key_mark", "anchor", "nodes_before")

    def __init__(self, value, path, anchor, nodes_before):
        self.value, self.path, self.anchor, self.nodes_before = value, path, anchor, nodes_before
        self.key = self.key_mark = _NO_KEY


_NO_KEY = object()
_NODE_EVENTS = frozenset({yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent})


def _build(events, source_path, positions, problems, lines=()):
    """The document's data from parser events (YAML 1.2 core scalars, see scalars.py)."""
    stack, anchors, open_anchors = [], {}, set()
    nodes, root, documents = 0, None, 0

    def attach(value, mark):
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        elif frame.key is _NO_KEY:
            frame.key, frame.key_mark = (value if isinstance(value, str) else str(value)), mark
            positions.pop(frame.path + ("<key>",), None)
        else:
            key = frame.key
            if key in frame.value:
                problems.append(Diagnostic(source_path, frame.key_mark.line + 1, frame.key_mark.column + 1,
                                           "duplicate_key", {"key": key}))
            frame.value[key] = value
            positions[frame.path + (key,)] = (frame.key_mark.line + 1, frame.key_mark.column + 1)
            frame.key = _NO_KEY

    def child_path():
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.value, list):
            return frame.path + (len(frame.value),)
        return frame.path + (("<key>",) if frame.key is _NO_KEY else (frame.key,))

    for event in events:
        cls = type(event)
        if cls not in _NODE_EVENTS:
            if cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise TooComplex(event.start_mark, "yaml_many_documents")
            elif cls is yaml.SequenceEndEvent or cls is yaml.MappingEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    open_anchors.discard(frame.anchor)
                    anchors[frame.anchor] = (frame.value, nodes - frame.nodes_before + 1)
                attach(frame.value, event.start_mark)
            continue
        mark = event.start_mark
        nodes += 1
        if nodes > MAX_NODES:
            raise TooComplex(mark, "yaml_too_large", limit=MAX_NODES)
        if cls is yaml.ScalarEvent and event.end_mark.line > mark.line and event.style in (None, ""):
            _merged_dash(event, lines, source_path, problems)
        if cls is yaml.ScalarEvent and stack:  # the common case, inline: attach() and child_path() per value
            value = scalars.resolve(event)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            frame = stack[-1]
            if type(frame.value) is list:
                positions[frame.path + (len(frame.value),)] = (mark.line + 1, mark.column + 1)
                frame.value.append(value)
            elif frame.key is _NO_KEY:  # a key: where its value goes is said once the value comes
                frame.key, frame.key_mark = (value if isinstance(value, str) else str(value)), mark
            else:
                attach(value, mark)  # a mapping's value: positioned at its key
            continue
        path = child_path()
        positions[path] = (mark.line + 1, mark.column + 1)
        if cls is yaml.ScalarEvent:
            value = scalars.resolve(event)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            attach(value, mark)
        elif cls is yaml.AliasEvent:
            if event.anchor in open_anchors:
                raise TooComplex(mark, "yaml_recursive_alias", anchor=event.anchor)
            if event.anchor not in anchors:
                raise TooComplex(mark, "yaml_unknown_alias", anchor=event.anchor)
            value, size = anchors[event.anchor]
            nodes += size - 1
            if nodes > MAX_NODES:
                raise TooComplex(mark, "yaml_too_large", limit=MAX_NODES)
            attach(copy.deepcopy(value), mark)
        else:
            if len(stack) >= MAX_DEPTH:
                raise TooComplex(mark, "yaml_too_deep", limit=MAX_DEPTH)
            if event.tag and event.tag not in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!"):
                raise TooComplex(mark, "yaml_bad_tag", tag=event.tag)
            value = [] if cls is yaml.SequenceStartEvent else {}
            stack.append(_Frame(value, path, event.anchor, nodes))
            if event.anchor:
                open_anchors.add(event.anchor)
    return root


def _merged_dash(event, lines, source_path, problems):
    """A plain text over several lines, one of which starts with "- ": a list item indented more than the one
    above it (three spaces where the others have two) is not an item, but more of that item's text."""
    for number in range(event.start_mark.line + 1, min(event.end_mark.line + 1, len(lines))):
        text = lines[number]
        if text.lstrip(" ").startswith("- "):
            merged = event.value if len(event.value) <= 40 else event.value[:39] + "…"
            problems.append(Diagnostic(source_path, number + 1, len(text) - len(text.lstrip(" ")) + 1,
                                       "yaml_merged_dash", {"merged": merged}))
            return


def read(path):
    """(Source, [Diagnostic]). Never raises on bad content."""
    path = Path(path)
    source = Source(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return source, [Diagnostic(path, 1, 1, "unreadable", {"error": exc.strerror or exc})]
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
        source.data = _parse(text, path, source.positions, problems)
    except (TooComplex, scalars.BadScalar) as exc:
        return source, [Diagnostic(path, exc.mark.line + 1, exc.mark.column + 1, exc.code, exc.params)]
    except yaml.MarkedYAMLError as exc:
        return source, [syntax.explain(path, text, exc)]
    except yaml.reader.ReaderError as exc:  # NUL, ESC …: the reader says where, as an offset into the text
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return source, [Diagnostic(path, line, column, "control_character", {"code": code})]
    except yaml.YAMLError as exc:
        return source, [Diagnostic(path, 1, 1, "yaml_syntax", {"problem": str(exc)})]
    return source, problems


def _parse(text, path, positions, problems):
    lines = text.splitlines()
    try:
        return _build_with(_FAST(text), path, positions, problems, lines)
    except yaml.YAMLError:
        positions.clear()
        del problems[:]
        return _build_with(yaml.SafeLoader(text), path, positions, problems, lines)


def _build_with(parser, path, positions, problems, lines):
    try:
        return _build(iter(parser.get_event, None), path, positions, problems, lines)
    finally:
        parser.dispose()


def _decodes(raw, encoding):
    try:
        raw.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False

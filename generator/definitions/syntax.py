"""A YAML syntax error as an HR editor can act on it: where the mistake is (not where the parser gave up),
what it most likely is, in plain Chinese, and what to type instead. PyYAML's English stays for --lang en.

The mistakes met most: punctuation typed with a Chinese input method (`pay_grade： S1`), a colon inside a
sentence, an unclosed quote or bracket, and a line indented differently from its neighbours.
"""

import re

from .diagnostics import Diagnostic

# full-width characters that an input method types where YAML needs the ASCII one
FULL_WIDTH = {"：": ("全角冒号", ":"), "，": ("全角逗号", ","), "［": ("全角方括号", "["), "］": ("全角方括号", "]"),
              "｛": ("全角花括号", "{"), "｝": ("全角花括号", "}"),
              "【": ("中文方括号", "["), "】": ("中文方括号", "]"),
              "“": ("中文引号", '"'), "”": ("中文引号", '"'), "‘": ("中文引号", "'"), "’": ("中文引号", "'"),
              "－": ("全角减号", "-"), "—": ("中文破折号", "-"), "―": ("中文破折号", "-"), "　": ("全角空格", " ")}
_KEY_THEN_FULL_COLON = re.compile(r"^(\s*(?:-\s+)?)[A-Za-z_][A-Za-z0-9_]*\s*(：)")
_LIST_DASH = re.compile(r"^(\s*)(－|—|―)\s")
_FLOW_LINE = re.compile(r"[{\[｛［【]")


def explain(path, text, exc):
    """The Diagnostic for a yaml.MarkedYAMLError raised while reading `text`."""
    lines = text.splitlines()
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line if mark else 0
    near = range(max(0, line - 3), min(len(lines), line + 1))
    flows = sorted({m.line for m in (exc.problem_mark, exc.context_mark) if m and m.line < len(lines)})
    found = _full_width(lines, near, flows)
    if found:
        number, col, char = found
        name, ascii_char = FULL_WIDTH[char]
        return Diagnostic(path, number + 1, col + 1, "yaml_full_width",
                          {"char": char, "name": name, "ascii": ascii_char, "problem": problem,
                           "colon_hint": "，冒号后面留一个空格" if char == "：" else ""})
    code, at = _classify(problem, context, exc, lines)
    if code == "yaml_flow" and (quote := _odd_quote(lines, exc.context_mark)):
        code, at = "yaml_unclosed_quote", quote  # `{…, description: "text}`: the quote swallowed the brace
    line, col = at if isinstance(at, tuple) else ((at or mark).line, (at or mark).column) if (at or mark) else (0, 0)
    params = {"problem": f"{context + ': ' if context else ''}{problem}".strip()}
    if code == "yaml_bad_start" or code == "yaml_escape":
        params["char"] = (re.search(r"'(.+?)'", problem) or [None, "?"])[1]
    return Diagnostic(path, line + 1, col + 1, code, params)


def _odd_quote(lines, mark):
    """(line, column) of the last double quote on the bracket's line, when that line leaves one open."""
    if mark is None or mark.line >= len(lines):
        return None
    text = lines[mark.line]
    return (mark.line, text.rindex('"')) if text.count('"') % 2 else None


def _full_width(lines, near, flows):
    """(line index, column, character) of an input-method character where YAML needs punctuation: after a
    key or as a list dash on the lines before the error, or inside a bracket on the error's own lines
    (elsewhere a full-width comma is just Chinese text)."""
    for number in near:
        if match := _KEY_THEN_FULL_COLON.match(lines[number]) or _LIST_DASH.match(lines[number]):
            return number, match.start(2), match.group(2)
    for number in flows:
        if lines[number].count('"') % 2:
            continue  # an unclosed quote on this line is the likelier mistake (said by the caller)
        text = re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), lines[number])  # quoted text is just text
        if bracket := _FLOW_LINE.search(text):
            for col, char in enumerate(text[bracket.start():], bracket.start()):
                if char in FULL_WIDTH and char not in "“”‘’　":
                    return number, col, char
    return None


def _classify(problem, context, exc, lines):
    """(diagnostic code, the mark to point at or None for the parser's own)."""
    if "could not find expected ':'" in problem:
        if _no_space_after_dash(lines, exc.context_mark):
            return "yaml_dash_space", exc.context_mark
        return "yaml_missing_colon", exc.context_mark  # the key that lacks its colon, not the line after
    if "mapping values are not allowed here" in problem:
        # at the colon right after the line's own key: the key is indented wrongly (a colon in text sits later)
        line = lines[exc.problem_mark.line] if exc.problem_mark and exc.problem_mark.line < len(lines) else ""
        key = re.match(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*\s*:", line)
        if key and key.end() - 1 == exc.problem_mark.column:
            return "yaml_indent", None
        return "yaml_colon_in_text", None
    if "quoted scalar" in context and "end of stream" in problem:
        return "yaml_unclosed_quote", exc.context_mark
    if "unknown escape character" in problem:
        return "yaml_escape", None
    if "flow" in context and ("stream end" in problem or "end of stream" in problem):
        return "yaml_unclosed_bracket", exc.context_mark
    if "flow" in context or "unclosed '['" in problem:
        return "yaml_flow", None
    if "cannot start any token" in problem:
        return ("yaml_tab", None) if "\\t" in problem else ("yaml_bad_start", None)
    if "but found '<scalar>'" in problem and _after_quote(exc.problem_mark, lines):
        return "yaml_after_quote", None
    if "'-'" in problem or "<block sequence start>" in problem or "sequence entries" in problem \
            or "expected '-' indicator" in problem:
        return "yaml_list_level", None
    if "<block end>" in problem or "expected key" in problem or "mapping keys" in problem:
        return "yaml_indent", None
    if "end of stream" in problem:
        return "yaml_unclosed", exc.context_mark
    return "yaml_syntax", None


def _no_space_after_dash(lines, mark):
    return bool(mark and mark.line < len(lines) and re.match(r"^\s*-[^\s-]", lines[mark.line]))


def _after_quote(mark, lines):
    if mark is None or mark.line >= len(lines):
        return False
    return lines[mark.line][:mark.column].rstrip().endswith(('"', "'"))


def full_width_key(text):
    """(line, column), 1-based, of the first `key：` typed with an input method, or None."""
    for number, line in enumerate(text.splitlines(), 1):
        if match := _KEY_THEN_FULL_COLON.match(line):
            return number, match.start(2) + 1
    return None

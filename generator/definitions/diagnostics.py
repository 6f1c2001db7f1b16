"""Located problems in the definitions, printed as `file:line:col: what is wrong — how to fix`.

Each code's message and hint are in the catalogs (assessment/catalogs/LANG.json) as `definitions.CODE` and
`definitions.CODE.hint`; parameters fill the {placeholders}, a parameter that is itself words being a `Term`
(assessment/messages.py: a kind's name, a "did you mean" hint).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from assessment.messages import DEFAULT, Term, catalog, say

CODES = frozenset(key.split(".")[1] for key in catalog(DEFAULT) if key.startswith("definitions.")
                  and key.count(".") == 1)


def type_term(name):
    """The name of a YAML value's type (`string`, `mapping`, …) as words, where the catalogs have it."""
    return Term(f"definitions.type.{name}") if f"definitions.type.{name}" in catalog(DEFAULT) else name


# a file that cannot be read at all: reported before any other message
READING = frozenset({"not_utf8", "gbk_file", "unreadable", "not_a_file", "not_yaml", "folder_link", "empty_file",
                     "tab_indent"} | {code for code in CODES if code.startswith("yaml_")})


@dataclass
class Diagnostic:
    file: Path
    line: int
    col: int
    code: str
    params: dict = field(default_factory=dict)

    def message(self, lang=DEFAULT):
        key = f"definitions.{self.code}"
        return say(key, lang, **self.params), say(f"{key}.hint", lang, **self.params)

    def format(self, lang="zh", root=None):
        text, hint = self.message(lang)
        if self.line == 0:  # about the folder itself: no line to point at
            return f"{text} — {hint}"
        return f"{display_path(self.file, root)}:{self.line}:{self.col}: {text} — {hint}"

    def sort_key(self):
        """Files that cannot be read first (what follows may be their consequence), then by file and line."""
        return (self.code not in READING, str(self.file), self.line, self.col, self.code)


def display_path(path, root=None):
    path = Path(path)
    try:
        return os.path.relpath(path, root or Path.cwd())
    except ValueError:
        return str(path)


class DefinitionError(Exception):
    """Raised when definitions do not validate; carries every Diagnostic found in one run."""

    def __init__(self, diagnostics):
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        super().__init__(f"{len(self.diagnostics)} problem(s) in the definitions")

    def format(self, lang="zh", root=None):
        return "\n".join(d.format(lang, root) for d in self.diagnostics)

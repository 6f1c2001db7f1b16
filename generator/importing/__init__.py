"""`handbook import BOOK.xlsx --dir DIR`: HR's spreadsheets → commented YAML definitions that validate.

Nothing is written unless everything is right: the workbook is read (cells.py), its rows become definitions
(kinds.py), the result is written into a staged copy of the folder and compiled there, and only then are the
files written — new ones at once, changed ones only with --force (the plan lists both). Every problem, and the
comment at the head of each file written, is in the language being spoken (assessment/messages.py `speaking`)."""

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assessment.messages import enumerated, say, spoken

from ..definitions.compile import build_rulebook
from ..definitions.diagnostics import DefinitionError
from ..definitions.kinds import BY_KEY
from . import cells, kinds, standards
from .cells import Problem
from .convert import Registry

# kind → the start of an id whose name gives no letters (its name in messages: the catalog's `import.word.KIND`)
WORDS = {"departments": "dept", "scales": "scale", "skills": "skill", "standards": "standard", "roles": "role"}
IMPORTED = tuple(BY_KEY[key] for key in WORDS)  # the kinds a workbook can hold
FOLDERS = tuple(kind.key for kind in IMPORTED if kind.one_per_file)  # a file per entry; the others share one
SCHEMAS = {kind.key: kind.schema for kind in IMPORTED}
KEY_ORDER = ("id", "name", "aliases", "department", "category", "group", "scale", "reports_to", "parent", "pay_grade",
             "summary", "description", "period", "method", "weights_total", "points", "precision", "rating_scales",
             "items", "sections", "requires", "bands", "examples", "duties", "requirements", "competencies",
             "standards", "rules", "levels")


@dataclass
class Plan:
    new: list = field(default_factory=list)  # relative paths
    changed: list = field(default_factory=list)
    what: dict = field(default_factory=dict)  # changed path → what in it changes (fields, or entries by name)
    same: list = field(default_factory=list)
    texts: dict = field(default_factory=dict)  # relative path → text


class NotAHandbook(Exception):
    pass


def plan(paths, folder, name="我们的机构"):
    """(Plan, problems) of importing the workbooks at `paths` into `folder`; nothing is written."""
    folder = Path(folder)
    rows, problems = [], []
    for path in paths:
        found, wrong = cells.read(Path(path))
        rows += found
        problems += wrong
    if not rows and not problems:
        problems.append(Problem(", ".join(map(str, paths)), say("import.no_rows"), say("import.no_rows.hint")))
    if any(p.blocking for p in problems):
        return None, problems
    fresh = not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))
    if not fresh and not (folder / "organisation.yaml").is_file():
        raise NotAHandbook(folder)
    if not fresh:
        build_rulebook(folder)  # a folder with errors says so first (DefinitionError)
    with tempfile.TemporaryDirectory(prefix="handbook-import-") as staging:
        staged = Path(staging) / "handbook"
        base = _stage(folder, staged, fresh, name, any(r.sheet.kind == "departments" for r in rows))
        registries, files = _registries(staged)
        rows_of = {}  # kind → {id: its row}
        for kind in kinds.ORDER:
            rows_of[kind] = kinds.fill(kind, [r for r in rows if r.sheet.kind == kind], registries, problems)
            if kind == "standards":  # before the roles, which may name a standard the 项目 sheet makes
                standards.fill([r for r in rows if r.sheet.kind == "items"],
                               [r for r in rows if r.sheet.kind == "bands"], registries, problems, rows_of[kind])
        kinds.cycles("roles", "reports_to", registries, rows_of["roles"], problems)
        kinds.cycles("departments", "parent", registries, rows_of["departments"], problems)
        if problems:
            return None, problems
        texts, origins = dict(base), {}
        for kind, claimed in rows_of.items():
            for ident, row in claimed.items():
                relative = files.get((kind, ident)) or _file_of(kind, ident)
                origins.setdefault(relative, row.where)
                texts[relative] = _text(kind, relative, registries[kind], ident, origins[relative])
        for relative, text in texts.items():
            (staged / relative).parent.mkdir(parents=True, exist_ok=True)
            (staged / relative).write_text(text, encoding="utf-8")
        try:
            build_rulebook(staged)
        except DefinitionError as error:
            return None, [_located(d, staged, origins) for d in error.diagnostics]
    return _compare(folder, texts), []


def write(folder, result: Plan):
    folder = Path(folder)
    for relative in result.new + result.changed:
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(result.texts[relative], encoding="utf-8")
    if not (folder / "_schema").exists():
        from ..definitions import jsonschema
        from ..definitions.load import declared_language

        jsonschema.write(folder / "_schema", declared_language(folder))


def _stage(folder, staged, fresh, name, has_departments):
    """The folder as it is (or a new handbook's base files), copied where the import is tried; returns the base
    files {relative: text} a new folder needs written too."""
    if not fresh:
        shutil.copytree(folder, staged, ignore=shutil.ignore_patterns("_releases", "_schema", ".git"))
        return {}
    from ..starter import files

    keep = {"organisation.yaml", "README.md", ".vscode/settings.json", ".vscode/extensions.json"}
    if not has_departments:
        keep.add("departments.yaml")
    base = {k: v for k, v in files(name, str(folder)).items() if k in keep}
    for relative, text in base.items():
        (staged / relative).parent.mkdir(parents=True, exist_ok=True)
        (staged / relative).write_text(text, encoding="utf-8")
    return base


def _registries(staged):
    """Each kind's raw entries as the staged folder's files hold them, and the file of each one-file entry."""
    registries, files = {}, {}
    for kind, single in (("departments", "departments.yaml"), ("scales", "scales.yaml")):
        path = staged / single
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        entries = {e["id"]: e for e in (data or {}).get(kind, []) if isinstance(e, dict) and "id" in e}
        registries[kind] = Registry(kind, WORDS[kind], entries=entries)
    for kind in FOLDERS:
        entries = {}
        for path in sorted((staged / kind).glob("**/*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and "id" in data:
                entries[data["id"]] = data
                files[(kind, data["id"])] = path.relative_to(staged).as_posix()
        registries[kind] = Registry(kind, WORDS[kind], entries=entries)
    return registries, files


def _file_of(kind, ident):
    return f"{kind}/{ident}.yaml" if kind in FOLDERS else f"{kind}.yaml"


def _ordered(entry):
    return {k: entry[k] for k in sorted(entry, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else len(KEY_ORDER))}


def _text(kind, relative, registry, ident, where):
    up = "../" * relative.count("/")
    head = [f"# yaml-language-server: $schema={up}_schema/{SCHEMAS[kind]}.schema.json"]
    if kind in FOLDERS:
        head.append("# " + say("import.file_head", where=where, word=registry.word))
        data = _ordered(registry.entries[ident])
        if kind == "standards" and not data.get("examples"):
            head.append("# " + say("import.file_head.examples"))
    else:
        head.append("# " + say("import.shared_head", word=registry.word, book=where.split("!")[0]))
        data = {kind: [_ordered(e) for e in registry.entries.values()]}
    return "\n".join(head) + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _compare(folder, texts):
    result = Plan(texts=texts)
    for relative, text in texts.items():
        path = folder / relative
        if not path.exists():
            result.new.append(relative)
        elif yaml.safe_load(path.read_text(encoding="utf-8")) == yaml.safe_load(text):
            result.same.append(relative)
        else:
            result.changed.append(relative)
            result.what[relative] = _difference(yaml.safe_load(path.read_text(encoding="utf-8")), yaml.safe_load(text))
    return result


def _difference(old, new):
    """“duties、competencies” of a one-entry file; “售后部（新）、客服部” of a file of many (in the language spoken)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return ""
    if "id" in new:
        return enumerated(k for k in new if old.get(k) != new[k])
    [key] = [k for k in new if isinstance(new[k], list)] or [None]
    before = {e.get("id"): e for e in old.get(key) or [] if isinstance(e, dict)}
    return enumerated(f"{e.get('name')}{'' if e.get('id') in before else say('import.new_entry')}"
                      for e in new.get(key, []) if before.get(e.get("id")) != e)


def _located(diagnostic, staged, origins):
    """A problem the compiler found in a staged file, said at the row it came from."""
    try:
        relative = Path(diagnostic.file).resolve().relative_to(staged.resolve()).as_posix()
    except ValueError:
        relative = str(diagnostic.file)
    text, hint = diagnostic.message(spoken())
    where = origins.get(relative, relative)
    return Problem(where, say("import.in_generated", text=text, file=relative, line=diagnostic.line), hint)

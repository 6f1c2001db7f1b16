"""Find the definition files in a directory, read them and check their structure against the model."""

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from assessment.messages import DEFAULT, LANGUAGES, Term

from . import kinds, source
from .diagnostics import Diagnostic, display_path
from .schema_types import Context


@dataclass
class Entry:
    """One definition (a role, a standard …) with the file and path it came from."""

    kind: str
    data: dict
    source: source.Source
    path: tuple = ()

    def at(self, subpath, code, **params):
        return self.source.at(self.path + tuple(subpath), code, **params)


KINDS = kinds.NAMES


@dataclass
class Definitions:
    root: Path
    organisation: Entry | None = None
    sources: Entry | None = None  # sources.yaml, optional
    entries: dict = field(default_factory=lambda: {k: [] for k in KINDS})
    # ids defined in files that failed the structural check: references to them are not reported twice
    broken_ids: dict = field(default_factory=lambda: {k: set() for k in KINDS})


def declared_language(root: Path) -> str:
    """The language organisation.yaml names, read before anything is validated (the messages about the rest
    are in it); the default language where the file is absent or unreadable — its own check says why."""
    found, _ = source.read(Path(root) / "organisation.yaml")  # bounded like every definition file; never raises
    lang = found.data.get("language") if isinstance(found.data, dict) else None
    return lang if lang in LANGUAGES else DEFAULT


def definition_files(root):
    return find_files(root)[0]


_NOT_DEFINITIONS = {"thumbs.db", "desktop.ini"}  # what Windows leaves in folders


PAGES_FOLDER = "pages"  # the organisation's own Markdown pages and images (generator/site/assemble.py), not definitions


def find_files(root):
    """(definition files, [Diagnostic]): every .yaml/.yml file (any case) below root, except in folders
    starting with "." or "_". Whatever cannot be read, is a link to a folder or is another kind of file
    (notes in .md aside) is reported, never silently skipped: a skipped file would publish a smaller
    handbook without a word."""
    root = Path(root)
    files, problems = [], []

    def unreadable(error):
        problems.append(Diagnostic(Path(error.filename or root), 1, 1, "unreadable",
                                   {"error": error.strerror or error}))

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        folder = Path(folder)
        for name in sorted(subfolders):
            if (folder / name).is_symlink() and not name.startswith((".", "_")):
                problems.append(Diagnostic(folder / name, 1, 1, "folder_link", {}))
        subfolders[:] = sorted(n for n in subfolders if not n.startswith((".", "_")) and not (folder / n).is_symlink()
                               and not (folder == root and n == PAGES_FOLDER))
        for name in sorted(names):
            path = folder / name
            if name.startswith((".", "_")) or name.lower() in _NOT_DEFINITIONS or path.suffix.lower() == ".md":
                continue
            if path.suffix.lower() not in (".yaml", ".yml"):
                problems.append(Diagnostic(path, 1, 1, "not_yaml", {}))  # agent.txt, agent.yaml.bak …
                continue
            if not path.is_file():
                problems.append(Diagnostic(path, 1, 1, "not_a_file", {}))
                continue
            files.append(path)
    return sorted(files), problems


def _file_kind(root, path):
    rel = path.relative_to(root)
    if len(rel.parts) == 1:
        stem = path.name.rsplit(".", 1)[0]
        return kinds.FILE_KINDS.get(stem + ".yaml")
    return kinds.FILE_KINDS.get(rel.parts[0])


def load(root, cache=None):
    """(Definitions, [Diagnostic]) — structure only; semantic checks come after. `cache`: a dict kept between
    loads of the same folder (a preview's rebuilds): a file unchanged since its last clean read (by its size and
    times of change, as git and make tell) is not read again."""
    root = Path(root)
    defs, diagnostics = Definitions(root), []
    if not root.is_dir():
        code = "not_a_folder" if root.exists() else "no_folder"
        return defs, [Diagnostic(root, 0, 0, code, {"path": display_path(root)})]
    files, diagnostics = find_files(root)
    if not files and not diagnostics:
        return defs, [Diagnostic(root, 0, 0, "no_definitions", {"path": display_path(root)})]
    for path in files:
        kind_model = _file_kind(root, path)
        if kind_model is None:
            files = ", ".join(k for k in kinds.FILE_KINDS if k.endswith(".yaml"))
            folders = ", ".join(k + "/" for k in kinds.FILE_KINDS if not k.endswith(".yaml"))
            diagnostics.append(Diagnostic(path, 1, 1, "bad_file_kind", {"files": files, "folders": folders}))
            continue
        kind, spec = kind_model
        stamp = _stamp(path) if cache is not None else None
        if stamp is not None and cache.get(path, (None,))[0] == stamp:
            src, data = cache[path][1:]
        else:
            src, problems = source.read(path)
            diagnostics += problems
            if problems:
                _remember_unread(defs, kind, path)
                continue
            before = len(diagnostics)
            data = spec.check(src.data, (), Context(src, diagnostics))
            if len(diagnostics) > before or not isinstance(data, dict):
                _remember_ids(defs, kind, src.data)
                continue
            if stamp is not None:
                cache[path] = (stamp, src, data)
        if kind in ("organisation", "sources"):
            setattr(defs, kind, Entry(kind, data, src))
        elif kind in ("departments", "scales"):
            key = kind
            for i, item in enumerate(data.get(key, [])):
                defs.entries[kind[:-1]].append(Entry(kind[:-1], item, src, (key, i)))
        else:
            defs.entries[kind].append(Entry(kind, data, src))
    names_for_ids(defs, diagnostics)
    if defs.organisation is None and not any(d.file.name == "organisation.yaml" for d in diagnostics):
        organisation = root / "organisation.yaml"  # a folder of that name is walked like any other, and holds none
        code = "not_a_file" if organisation.exists() or organisation.is_symlink() else "missing_organisation"
        diagnostics.append(Diagnostic(organisation, 1, 1, code, {}))
    return defs, diagnostics


def names_for_ids(defs, diagnostics):
    """A reference written as the name of what it refers to (`reports_to: 客服组长`, `department: 售前客服部`) is
    told the id of that name (or alias), or of the closest name: an id is not a name, but HR knows the names."""
    for diagnostic in diagnostics:
        kind = diagnostic.params.pop("ref", None) if diagnostic.code == "bad_id" else None
        if kind not in defs.entries:
            continue
        names = {}
        for entry in defs.entries[kind]:
            for name in (entry.data.get("name"), *entry.data.get("aliases", ())):
                if isinstance(name, str):
                    names.setdefault(name, entry.data["id"])
        value = str(diagnostic.params["value"]).strip().strip("“”‘’\"'「」")
        noun = Term(f"kind.{kind}")
        if value in names:
            diagnostic.code, diagnostic.params = "name_for_id", {"value": value, "kind": noun, "id": names[value]}
        elif near := difflib.get_close_matches(value, list(names), n=1, cutoff=0.5):
            diagnostic.code = "name_near_id"
            diagnostic.params = {"value": diagnostic.params["value"], "kind": noun, "name": near[0],
                                 "id": names[near[0]]}


def _stamp(path):
    """What changes whenever the file's content does: ctime is set by every write and cannot be set back."""
    try:
        st = path.stat()
    except OSError:
        return None  # read (and reported) as usual
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


class _Every(set):
    """Every id: what a list file that could not be read (departments.yaml, scales.yaml) may have defined."""

    def __contains__(self, item):
        return True


def _remember_unread(defs, kind, path):
    """A file that could not be read defined ids nobody can know: references to its file name's id, to any
    `id:` line in it, or (for a list file) to any id of its kind are its consequences, not new errors."""
    if kind in ("departments", "scales"):
        defs.broken_ids[kind[:-1]] = _Every()
    elif kind in defs.broken_ids:
        try:
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            text = ""
        defs.broken_ids[kind].update({path.stem, *re.findall(r"^id:\s*[\"']?([\w-]+)", text, re.M)})


def _remember_ids(defs, kind, raw):
    if not isinstance(raw, dict):
        return
    if kind in ("departments", "scales"):
        items = raw.get(kind) if isinstance(raw.get(kind), list) else []
        defs.broken_ids[kind[:-1]].update(i["id"] for i in items
                                          if isinstance(i, dict) and isinstance(i.get("id"), str))
    elif kind in defs.broken_ids and isinstance(raw.get("id"), str):
        defs.broken_ids[kind].add(raw["id"])

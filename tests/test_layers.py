"""generator/'s folders are the pipeline, and each imports only what comes before it: definitions are read and
checked, spreadsheets are imported into them, pages are written from them, appraisal outputs and the site are
made from pages. (The top-level modules are shared; only the CLI there uses every folder.)"""

import ast

from conftest import ROOT

GENERATOR = ROOT / "generator"
UPSTREAM = {"definitions": set(), "importing": {"definitions"}, "pages": {"definitions"},
            "appraisal": {"definitions", "pages"}, "site": {"definitions", "pages"}}


def imported(path):
    """The generator modules a file imports, as path parts under generator/."""
    package = list(path.relative_to(GENERATOR).parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package[:len(package) - node.level + 1]
        elif node.module and node.module.split(".")[0] == "generator":
            base = []
        else:
            continue
        module = (node.module or "").split(".")
        module = module[1:] if not node.level else module
        parts = base + [m for m in module if m]
        yield from ([parts] if node.module else [parts + [alias.name] for alias in node.names])


def test_each_folder_imports_only_the_folders_before_it():
    assert set(UPSTREAM) == {p.name for p in GENERATOR.iterdir() if (p / "__init__.py").is_file()}
    wrong = []
    for folder, allowed in UPSTREAM.items():
        for path in (GENERATOR / folder).rglob("*.py"):
            if "bundled" in path.parts:
                continue
            for parts in imported(path):
                target = parts[0] if parts else ""
                if target in UPSTREAM and target != folder and target not in allowed:
                    wrong.append(f"{path.relative_to(ROOT)} imports generator.{'.'.join(parts)}")
                if target == "cli":
                    wrong.append(f"{path.relative_to(ROOT)} imports the CLI")
    assert wrong == []

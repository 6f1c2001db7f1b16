"""Every kind of definition a handbook folder holds, and every file it may have, in one table.

A kind says where its definitions are written (a file per definition in a folder, or a list in one file), the
model that checks them, its noun in both languages, the rulebook's list of them, the page each gets, the
fields printed on that page only (what an edit re-renders) and whether it has a self-assessment. The loader,
the checks, the JSON Schema, the format reference, the pages, the preview, the changelog, `handbook new`,
`handbook init` and `handbook import` all read it here: a new kind is one row.
"""

from collections.abc import Callable
from dataclasses import dataclass

from assessment.messages import Term

from . import model
from .schema_types import Obj


@dataclass(frozen=True)
class Kind:
    name: str  # one of them: an entry's kind, what `Ident(ref=…)` names, `handbook new NAME`
    key: str  # all of them: the rulebook's list and the folder (or file `KEY.yaml`) they are written in
    model: Obj  # one definition
    contents: str  # what their folder or file holds, on the format reference page
    one_per_file: bool = True  # else one file KEY.yaml lists them all under KEY
    file_model: Obj | None = None  # that file's model
    page: Callable[[dict], str] | None = None  # a definition's page (a function: every link is one call of it)
    own_fields: frozenset = frozenset()  # printed on their own pages only (generator/pages/incremental.py)
    assessed: bool = False  # a self-assessment page and a part in the browser's rulebook: standards and rules

    @property
    def noun(self) -> Term:
        """The kind's name in messages: the catalogs' kind.NAME."""
        return Term(f"kind.{self.name}")

    @property
    def place(self) -> str:
        """The folder or file name in a handbook folder."""
        return self.key if self.one_per_file else f"{self.key}.yaml"

    @property
    def schema(self) -> str:
        """The JSON Schema's name for their files: one definition's, or the whole file's."""
        return self.name if self.one_per_file else self.key

    def page_of(self, definition: dict) -> str:
        if self.page is None:
            raise ValueError(f"a {self.name} has no page of its own")
        return self.page(definition)


_NOTES = frozenset({"notes", "source"})

KINDS = (
    Kind("department", "departments", model.DEPARTMENT, "部门",
         one_per_file=False, file_model=model.DEPARTMENTS, page=lambda d: f"roles/{d['id']}/index.md"),
    Kind("scale", "scales", model.SCALE, "熟练度量表",
         one_per_file=False, file_model=model.SCALES),
    Kind("role", "roles", model.ROLE, "岗位说明书，每个岗位一个文件",
         page=lambda d: f"roles/{d['department']}/{d['id']}.md",
         own_fields=_NOTES | {"duties", "requirements", "collaboration", "subordinates", "aliases"}),
    Kind("skill", "skills", model.SKILL, "能力与各等级的行为描述，每项能力一个文件",
         page=lambda d: f"skills/{d['id']}.md", own_fields=_NOTES),
    Kind("standard", "standards", model.STANDARD, "定级与考核标准，每个标准一个文件",
         page=lambda d: f"standards/{d['id']}.md", own_fields=_NOTES, assessed=True),
    Kind("rule", "rules", model.RULE, "晋升与降级规则，每条规则一个文件",
         page=lambda d: f"rules/{d['id']}.md", own_fields=_NOTES, assessed=True),
    Kind("process", "processes", model.PROCESS, "流程，每个流程一个文件（可不写）",
         page=lambda d: f"processes/{d['id']}.md", own_fields=_NOTES),
    Kind("policy", "policies", model.POLICY, "制度，每项制度一个文件（可不写）",
         page=lambda d: f"policies/{d['id']}.md", own_fields=_NOTES),
)
BY_NAME = {kind.name: kind for kind in KINDS}
BY_KEY = {kind.key: kind for kind in KINDS}
NAMES = tuple(BY_NAME)
ASSESSED = tuple(kind for kind in KINDS if kind.assessed)
WITH_PAGES = tuple(kind for kind in KINDS if kind.page)

# the files that are not lists of definitions: file name → (schema name, model, what it holds)
SINGLE_FILES = {
    "organisation.yaml": ("organisation", model.ORGANISATION, "机构信息与规则版本"),
    "sources.yaml": ("sources", model.SOURCES, "资料来源：原始文档的每一节收录在哪里（可不写）"),
}

# kind of definition → its model (what checks.py resolves references against)
DEFINITIONS = {kind.name: kind.model for kind in KINDS}


def _file_kinds():
    """Folder or file name → (schema name, model of one file), in the order the format reference lists them."""
    places = {"organisation.yaml": SINGLE_FILES["organisation.yaml"][:2]}
    places.update({kind.place: (kind.schema, kind.file_model or kind.model) for kind in KINDS})
    places["sources.yaml"] = SINGLE_FILES["sources.yaml"][:2]
    return places


FILE_KINDS = _file_kinds()
CONTENTS = {**{kind.place: kind.contents for kind in KINDS}, **{name: held[2] for name, held in SINGLE_FILES.items()}}

"""The sheets `handbook import` reads and `handbook import --template` writes: one sheet per kind of definition,
one column per field, each with the explanation the template shows under its header.

Their names, headers and explanations are catalog entries (`import.sheet.KIND`, `import.KIND.KEY` and its
`.help`): the template is written in the language being spoken, and a workbook is read in any language the
catalogs hold — an English HR may fill in a Chinese template, and the other way round."""

import unicodedata
from dataclasses import dataclass

from assessment.messages import LANGUAGES, say


def normal(text):
    """A name as it is compared: NFKC (full-width letters and brackets as half-width), case-folded, trimmed."""
    return unicodedata.normalize("NFKC", str(text)).casefold().strip()


def every_wording(message_id):
    """The normalised wording of `message_id` in every catalog."""
    return {normal(say(message_id, lang)) for lang in LANGUAGES}


def note_mark():
    """What the first cell of the template's explanation row starts with (说明：): that row is never data."""
    return say("import.note_mark")


def is_note(text):
    return any(normal(text).startswith(mark) for mark in every_wording("import.note_mark"))


@dataclass(frozen=True)
class Column:
    word: str  # its catalog entry: the header; `.help` what the column takes
    key: str
    required: bool = False
    lines: bool = False  # one entry per line of the cell (职责, 任职资格 …)

    @property
    def header(self):
        return say(self.word)

    @property
    def help(self):
        return say(f"{self.word}.help")


@dataclass(frozen=True)
class Sheet:
    kind: str  # departments · roles · scales · skills · standards, and a standard's items and bands
    columns: tuple[Column, ...]

    @property
    def title(self):
        return say(f"import.sheet.{self.kind}")

    def named(self, title):
        return normal(title) in every_wording(f"import.sheet.{self.kind}")

    def column(self, header):
        """The column a header names in any language ("职责（每行一条）", "职责*" and "Duties" name 职责), or None."""
        bare = normal(header).split("(")[0].rstrip("* ").strip()
        return next((c for c in self.columns if bare in every_wording(c.word)), None)

    def by_key(self, key):
        return next(c for c in self.columns if c.key == key)


def _columns(kind, *specs):
    """Columns of a sheet from (key, required, lines); the 标识 column's words are shared by every sheet."""
    return tuple(Column("import.column.id" if key == "id" else f"import.{kind}.{key}", key, *flags)
                 for key, *flags in specs)


DEPARTMENTS = Sheet("departments", _columns(
    "departments", ("name", True), ("id",), ("parent",), ("summary",)))

ROLES = Sheet("roles", _columns(
    "roles", ("name", True), ("id",), ("department", True), ("reports_to",), ("category",), ("pay_grade",),
    ("summary",), ("duties", True, True), ("requirements", False, True), ("competencies", False, True),
    ("standards", False, True), ("notes", False, True)))

SCALES = Sheet("scales", _columns(
    "scales", ("name", True), ("id",), ("levels", True, True), ("description",)))

SKILLS = Sheet("skills", _columns(
    "skills", ("name", True), ("id",), ("group",), ("scale", True), ("description",), ("levels", True, True)))

STANDARDS = Sheet("standards", _columns(
    "standards", ("name", True), ("id",), ("period",), ("summary",), ("points",)))

ITEMS = Sheet("items", _columns(
    "items", ("standard", True), ("section",), ("name", True), ("id",), ("kind",), ("max",), ("weight",),
    ("options", False, True), ("description",)))

BANDS = Sheet("bands", _columns(
    "bands", ("standard", True), ("name", True), ("min", True), ("max",)))

ALL = (DEPARTMENTS, ROLES, SCALES, SKILLS, STANDARDS, ITEMS, BANDS)
TEMPLATES = {"roles": (DEPARTMENTS, ROLES), "skills": (SCALES, SKILLS), "standard": (STANDARDS, ITEMS, BANDS)}


def sheet_named(title):
    """The sheet a worksheet's (or a CSV file's) name means in any language, or None."""
    return next((sheet for sheet in ALL if sheet.named(title)), None)


def titles():
    """The sheets' names in the language being spoken, as a message lists them."""
    from assessment.messages import enumerated

    return enumerated(sheet.title for sheet in ALL)


def is_guide(title):
    """The template's first sheet (填写说明): read by people, skipped on import."""
    return normal(title) in every_wording("import.sheet.guide")

"""Rows of HR's workbook → definitions: names resolved to ids (the workbook's own, then the folder's), ids made
from pinyin where HR gives none, every problem located at its cell. An entry whose name the folder already has is
an update of it: the cells given replace those fields, the others keep what the file says."""

import re
from dataclasses import dataclass, field

from assessment.messages import did_you_mean, enumerated, say

from .cells import Problem

IDENT = re.compile(r"[a-z][a-z0-9_]*")
RESERVED = {"index"}  # a page of its own in every section


def pinyin_id(name, fallback):
    """客服专员 → ke_fu_zhuan_yuan; ASCII runs kept as they are (客服 P1 → ke_fu_p1)."""
    from pypinyin import Style, lazy_pinyin

    words = re.findall(r"[a-z0-9]+", " ".join(lazy_pinyin(name, style=Style.NORMAL)).lower())
    ident = "_".join(words)[:48].strip("_")
    if not ident:
        return fallback
    return ident if ident[0].isalpha() else f"{fallback}_{ident}"


@dataclass
class Registry:
    """One kind's entries: the folder's (by id, as their files say) and the workbook's; found by name or id."""

    kind: str  # departments, roles …: its name in messages is the catalog's `import.word.KIND`
    fallback: str  # the id's start when a name gives no letters
    entries: dict = field(default_factory=dict)  # id → raw data
    existing: set = field(default_factory=set)  # ids the folder had before this import
    rows: dict = field(default_factory=dict)  # name → where the workbook gives it

    def __post_init__(self):
        self.existing = set(self.entries)

    @property
    def word(self):
        """部门, 岗位 … (department, role …) in the language being spoken."""
        return say(f"import.word.{self.kind}")

    def claim(self, row, problems):
        """The id of the row's entry (an existing one with its name, or a new one), or None after a problem."""
        name, given = row.get("name"), row.get("id")
        if name in self.rows:
            first = re.search(r"(\d+)$", self.rows[name])[1]
            problems.append(Problem(row.at("name"), say("import.name_twice", word=self.word, name=name, row=first),
                                    say("import.name_twice.hint", word=self.word)))
            return None
        self.rows[name] = row.at("name")
        same = next((i for i, e in self.entries.items() if e.get("name") == name), None)
        if given is not None and not (IDENT.fullmatch(given) and given not in RESERVED):
            problems.append(Problem(row.at("id"), say("import.bad_id", id=given), say("import.bad_id.hint")))
            return None
        if same is not None:
            if given is not None and given != same:
                problems.append(Problem(row.at("id"),
                                        say("import.other_id", word=self.word, name=name, id=same, given=given),
                                        say("import.other_id.hint", id=same)))
                return None
            return same
        if given is not None:
            if given in self.entries:
                problems.append(Problem(row.at("id"), say("import.id_taken", id=given, word=self.word,
                                                          name=self.entries[given].get("name")),
                                        say("import.id_taken.hint")))
                return None
            ident = given
        else:
            base = pinyin_id(name, self.fallback)
            base = f"{base}_{self.fallback}" if base in RESERVED else base
            ident = unique(base, self.entries)
        self.entries[ident] = {"id": ident, "name": name}
        return ident

    def find(self, text):
        """The id that a cell's name (or id) means, or None."""
        by_name = next((i for i, e in self.entries.items() if str(e.get("name")) == text), None)
        return by_name or (text if text in self.entries else None)

    def unknown(self, where, text, problems, hint):
        names = [str(e.get("name")) for e in self.entries.values()]
        near = did_you_mean(text, names, cutoff=0.5)
        problems.append(Problem(where, say("import.unknown", word=self.word, name=text, near=near), hint))


def unique(base, taken):
    """`base`, or the first of base_2, base_3 … not in `taken`."""
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}_{n}", n + 1
    return ident


def claimed(base, taken: set):
    """unique(), and added to `taken`."""
    ident = unique(base, taken)
    taken.add(ident)
    return ident


def level_of(scale, text):
    """The id of the level `text` names in a scale (by name or id, in any case), or None."""
    wanted = text.strip().casefold()
    for level in scale.get("levels", []):
        if wanted in (str(level.get("id")).casefold(), str(level.get("name", "")).casefold()):
            return level["id"]
    return None


def level_names(scale):
    return enumerated(str(level.get("name", level["id"])) for level in scale.get("levels", []))


def split_pair(line):
    """“倾听：B” / “倾听: B” / “倾听 B” → ("倾听", "B"); a line without either → (line, None)."""
    match = re.fullmatch(r"(.+?)\s*[：:]\s*(.*)", line) or re.fullmatch(r"(.+)\s+(\S+)", line)
    return (match[1].strip(), match[2].strip()) if match else (line, None)

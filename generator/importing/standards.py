"""A grade standard from three sheets: 标准 (the standard itself, optional), 项目 (one row per item, grouped into
部分 where HR groups them) and 分数段 (the grade bands). The 标准 and 部分 cells may be left empty under the first
row of each: they count as the row above. Items and bands given replace the standard's own; its worked examples
are kept, and the compiler says at the standard's row when they no longer hold."""

import re

from assessment.messages import say

from .cells import Problem, Row
from .convert import claimed, pinyin_id, split_pair
from .sheets import every_wording, normal

KINDS = ("number", "choice", "boolean")  # the 类型 an item's row may name: `import.type.KIND` in any language
SCORING = {  # kind → what its row says of its points
    "number": lambda row, problems: {"max": _number(row, "max", problems)},
    "choice": lambda row, problems: {"options": _options(row, problems)},
    "boolean": lambda row, problems: {"yes_points": _number(row, "max", problems), "no_points": 0},
}


def fill(item_rows, band_rows, registries, problems, claimed):
    """Adds each standard's items and bands to its entry (made here when the 标准 sheet does not name it);
    `claimed`: {id: row} of the standards, extended with those made here."""
    standards = registries["standards"]
    grouped = {}
    for sheet_rows, part in ((item_rows, "items"), (band_rows, "bands")):
        above = None
        for row in sheet_rows:
            name = row.get("standard") or above
            above = name
            if name is None:
                problems.append(Problem(row.at("standard"), say("import.no_standard"), say("import.no_standard.hint")))
                continue
            grouped.setdefault(name, {"items": [], "bands": []})[part].append(row)
    for name, parts in grouped.items():
        ident = standards.find(name)
        first = (parts["items"] or parts["bands"])[0]
        if ident is None:
            ident = standards.claim(Row(first.sheet, first.where, {"name": name}, {"name": first.at("standard")}),
                                    problems)
            if ident is None:
                continue
        claimed.setdefault(ident, first)
        entry = standards.entries[ident]
        if parts["items"]:
            _items(parts["items"], entry, problems)
        if parts["bands"]:
            entry["bands"] = _bands(parts["bands"], problems)


def _items(rows, entry, problems):
    sections, ids, above, weighted = {}, set(), None, any(r.get("weight") is not None for r in rows)
    for row in rows:  # all of one standard: an empty 部分 is the row above's
        section = row.get("section") or above
        above = section
        item = {"id": claimed(row.get("id") or pinyin_id(row.get("name"), "item"), ids), "name": row.get("name")}
        kind = _kind(row, problems)
        if kind is None:
            continue
        item["kind"] = kind
        if row.get("description"):
            item["description"] = row.get("description")
        if weighted:
            item["weight"] = _number(row, "weight", problems)
        item.update(SCORING[kind](row, problems))
        sections.setdefault(section, []).append(item)
    named = [s for s in sections if s is not None]
    if named and None in sections:
        problems.append(Problem(rows[0].at("section"), say("import.some_sections", standard=entry.get("name")),
                                say("import.some_sections.hint")))
        return
    for key in ("items", "sections", "method"):
        entry.pop(key, None)
    entry["method"] = "weighted" if weighted else "sum"
    if named:
        taken = set()
        entry["sections"] = [{"id": claimed(pinyin_id(name, "part"), taken), "name": name, "items": items}
                             for name, items in sections.items()]
    else:
        entry["items"] = sections.get(None, [])


def _kind(row, problems):
    typed = row.get("kind")
    if typed is None:
        return "choice" if row.lines("options") else "number"
    found = next((kind for kind in KINDS if normal(typed) in every_wording(f"import.type.{kind}")), None)
    if found is not None:
        return found
    problems.append(Problem(row.at("kind"), say("import.other_type", type=typed), say("import.other_type.hint")))
    return None


def _options(row, problems):
    options, ids = [], set()
    for line in row.lines("options"):
        label, points = split_pair(line)
        value = _parse(points)
        if value is None:
            problems.append(Problem(row.at("options"), say("import.bad_option", line=line),
                                    say("import.bad_option.hint")))
            continue
        options.append({"id": claimed(pinyin_id(label, "option"), ids), "label": label, "points": value})
    if not options:
        problems.append(Problem(row.at("options"), say("import.no_options", item=row.get("name")),
                                say("import.no_options.hint")))
    return options


def _bands(rows, problems):
    bands, ids = [], set()
    for row in rows:
        band = {"grade": claimed(pinyin_id(row.get("name"), "grade"), ids), "name": row.get("name"),
                "min": _number(row, "min", problems)}
        if row.get("max") is not None:
            band["max"] = _number(row, "max", problems)
        bands.append(band)
    return bands


def _number(row, key, problems):
    value = _parse(row.get(key))
    if value is None:
        said, header = row.get(key), row.sheet.by_key(key).header
        problems.append(Problem(row.at(key), say("import.empty", column=header) if said is None
                                else say("import.not_a_number", column=header, value=said),
                                say("import.not_a_number.hint",
                                    example="60" if key == "min" else "100" if key == "max" else "40")))
    return value


def _parse(text):
    """A number as HR types it: 40, 40%, 7.5, ４０ (full-width); None otherwise."""
    if text is None:
        return None
    text = text.translate(str.maketrans("０１２３４５６７８９．－", "0123456789.-")).strip().rstrip("%％").strip()
    if not re.fullmatch(r"-?\d{1,9}(\.\d{1,6})?", text):
        return None
    number = float(text)
    return int(number) if number.is_integer() else number

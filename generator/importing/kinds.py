"""What each sheet's cells become in its definitions. Entries of a sheet are all claimed (named, given an id)
before any is filled, so a row may refer to one further down (a 直接上级 listed later)."""

from assessment.messages import say

from .cells import Problem
from .convert import claimed, level_names, level_of, pinyin_id, split_pair

def fill(kind, rows, registries, problems):
    """{id: row} of the sheet's rows, each entry filled in its kind's registry."""
    claimed = {}
    for row in rows:
        ident = registries[kind].claim(row, problems)
        if ident is not None:
            claimed[ident] = row
    for ident, row in claimed.items():
        FILLERS[kind](row, registries[kind].entries[ident], registries, problems)
    return claimed


def _texts(row, entry, keys):
    for key in keys:
        if row.get(key) is not None:
            entry[key] = row.get(key)


def _needed(row, entry, key, problems, hint):
    if not entry.get(key) and row.get(key) is None:  # a cell that was filled in has had its own message
        problems.append(Problem(row.where, say("import.empty", column=row.sheet.by_key(key).header), hint))


def _department(row, entry, registries, problems):
    _texts(row, entry, ("summary",))
    parent = row.get("parent")
    if parent is not None:
        found = registries["departments"].find(parent)
        if found is None:
            registries["departments"].unknown(row.at("parent"), parent, problems, say("import.unknown_parent.hint"))
        elif found == entry["id"]:
            problems.append(Problem(row.at("parent"), say("import.own_parent"), say("import.own_parent.hint")))
        else:
            entry["parent"] = found


def _scale(row, entry, registries, problems):
    _texts(row, entry, ("description",))
    lines = row.lines("levels")
    if lines:
        levels, seen = [], set()
        for line in lines:
            name, description = split_pair(line)
            ident = claimed(pinyin_id(name, "level"), seen)
            levels.append({"id": ident, "name": name, **({"description": description} if description else {})})
        entry["levels"] = levels
    _needed(row, entry, "levels", problems, say("import.scale_levels.hint"))


def _skill(row, entry, registries, problems):
    _texts(row, entry, ("group", "description"))
    scales = registries["scales"]
    if row.get("scale") is not None:
        found = scales.find(row.get("scale"))
        if found is None:
            scales.unknown(row.at("scale"), row.get("scale"), problems, say("import.unknown_scale.hint"))
            return
        entry["scale"] = found
    _needed(row, entry, "scale", problems, say("import.skill_scale.hint"))
    if not entry.get("scale"):
        return
    scale = scales.entries[entry["scale"]]
    given = {}
    for line in row.lines("levels"):
        name, description = split_pair(line)
        level = level_of(scale, name)
        if level is None or not description:
            text = (say("import.not_a_level", level=name, scale=scale.get("name")) if level is None
                    else say("import.no_description", line=line))
            problems.append(Problem(row.at("levels"), text, say("import.skill_levels.hint", levels=level_names(scale))))
            continue
        given[level] = description
    if given:
        entry["levels"] = [{"level": lv["id"], "description": given[lv["id"]]} for lv in scale["levels"]
                           if lv["id"] in given]
    _needed(row, entry, "levels", problems, say("import.skill_levels_empty.hint", level=scale["levels"][0].get("name")))


def _role(row, entry, registries, problems):
    _texts(row, entry, ("category", "pay_grade", "summary"))
    departments, roles = registries["departments"], registries["roles"]
    if row.get("department") is not None:
        found = departments.find(row.get("department"))
        if found is None:
            departments.unknown(row.at("department"), row.get("department"), problems,
                                say("import.unknown_department.hint"))
        else:
            entry["department"] = found
    _needed(row, entry, "department", problems, say("import.role_department.hint"))
    boss = row.get("reports_to")
    if boss is not None:
        found = roles.find(boss)
        if found is None:
            roles.unknown(row.at("reports_to"), boss, problems, say("import.unknown_boss.hint"))
        elif found == entry["id"]:
            problems.append(Problem(row.at("reports_to"), say("import.own_boss"), say("import.own_boss.hint")))
        else:
            entry["reports_to"] = found
    for key in ("duties", "requirements", "notes"):
        if row.lines(key):
            entry[key] = row.lines(key)
    _needed(row, entry, "duties", problems, say("import.duties.hint"))
    if row.lines("competencies"):
        entry["competencies"] = _competencies(row, registries, problems)
    if row.lines("standards"):
        entry["standards"] = []
        for name in row.lines("standards"):
            found = registries["standards"].find(name)
            if found is None:
                registries["standards"].unknown(row.at("standards"), name, problems,
                                                say("import.unknown_standard.hint"))
            elif found not in entry["standards"]:
                entry["standards"].append(found)


def _competencies(row, registries, problems):
    skills, scales, wanted = registries["skills"], registries["scales"], []
    for line in row.lines("competencies"):
        name, level = split_pair(line)
        skill = skills.find(name)
        if skill is None:
            skills.unknown(row.at("competencies"), name, problems, say("import.unknown_skill.hint"))
            continue
        scale = scales.entries.get(skills.entries[skill].get("scale"), {})
        found = level_of(scale, level) if level else None
        if found is None:
            problems.append(Problem(row.at("competencies"), say("import.no_level", line=line, skill=name) if not level
                                    else say("import.wrong_level", level=level, skill=name),
                                    say("import.level.hint", skill=name, levels=level_names(scale))))
            continue
        wanted.append({"skill": skill, "level": found})
    return wanted


def _standard(row, entry, registries, problems):
    from .standards import _number

    _texts(row, entry, ("period", "summary"))
    if row.get("points") is not None:
        entry["points"] = _number(row, "points", problems)


FILLERS = {"departments": _department, "scales": _scale, "skills": _skill, "standards": _standard, "roles": _role}
ORDER = ("departments", "scales", "skills", "standards", "roles")  # each may name what the ones before it hold


def cycles(kind, key, registries, rows_of, problems):
    """A 直接上级 or 上级部门 that leads back to where it started, said at the cell of the first row on it."""
    entries, reported = registries[kind].entries, set()
    for start in entries:
        seen, at = [], start
        while at in entries and at not in seen:
            seen.append(at)
            at = entries[at].get(key)
        if at in seen and at not in reported:
            loop = seen[seen.index(at):]
            reported |= set(loop)
            where = next((rows_of[i].at(key) for i in loop if i in rows_of), None)
            names = " → ".join(str(entries[i].get("name")) for i in loop + [at])
            if where:
                word = rows_of[next(i for i in loop if i in rows_of)].sheet.by_key(key).header
                problems.append(Problem(where, say("import.cycle", column=word, names=names),
                                        say("import.cycle.hint", column=word)))


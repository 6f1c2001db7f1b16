"""Which pages an edit can change, so the preview renders only those (a full build renders every page).

A field listed in OWN_FIELDS is printed on its own definition's pages and on 版本变更, nowhere else:
editing it renders those pages again. Any other difference — a name (links everywhere), a department, an
id added or removed, a scale, the organisation — can change any page, and everything is rendered.
tests/test_incremental.py edits every listed field of every sample definition and checks that a full
render changes no other page, so a field printed elsewhere one day fails there, not in a preview.
"""

from . import paths

OWN_FIELDS = {
    "roles": {"duties", "requirements", "collaboration", "subordinates", "notes", "source", "aliases"},
    "skills": {"notes", "source"},
    "standards": {"notes", "source"},
    "rules": {"notes", "source"},
    "processes": {"notes", "source"},
    "policies": {"notes", "source"},
}
OWN_PAGES = {
    "roles": lambda d: {paths.role(d)},
    "skills": lambda d: {paths.skill(d)},
    "standards": lambda d: {paths.standard(d), paths.assessment(d)},
    "rules": lambda d: {paths.rule(d), paths.assessment(d)},
    "processes": lambda d: {paths.process(d)},
    "policies": lambda d: {paths.policy(d)},
}
ALWAYS = {"changes.md"}  # lists every edit


def pages_changed(before, after):
    """The pages that going from rulebook `before` to `after` can change; None when it can change any."""
    if before.keys() != after.keys():
        return None
    pages = set()
    for key in before.keys() - {"hash"}:
        old, new = before[key], after[key]
        if old == new:
            continue
        own = OWN_FIELDS.get(key)
        if own is None or [d["id"] for d in old] != [d["id"] for d in new]:
            return None
        for a, b in zip(old, new):
            if a != b:
                if a.keys() != b.keys() or any(a[f] != b[f] for f in a.keys() - own):
                    return None
                pages |= OWN_PAGES[key](b) | ALWAYS
    return pages

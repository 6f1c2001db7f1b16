"""Which pages an edit can change, so the preview renders only those (a full build renders every page).

A field in OWN_FIELDS (a kind's `own_fields`, generator/definitions/kinds.py) is printed on its own
definition's pages and on 版本变更, nowhere else: editing it renders those pages again. Any other
difference — a name (links everywhere), a department, an id added or removed, a scale, the organisation —
can change any page, and everything is rendered.
tests/test_incremental.py edits every listed field of every sample definition and checks that a full
render changes no other page, so a field printed elsewhere one day fails there, not in a preview.
"""

from ..definitions.kinds import WITH_PAGES
from . import paths

OWN_FIELDS = {kind.key: kind.own_fields for kind in WITH_PAGES if kind.own_fields}


def _own_pages(kind):
    return lambda d: {kind.page_of(d), paths.assessment(d)} if kind.assessed else {kind.page_of(d)}


OWN_PAGES = {kind.key: _own_pages(kind) for kind in WITH_PAGES if kind.key in OWN_FIELDS}
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

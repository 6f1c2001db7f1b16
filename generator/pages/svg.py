"""Diagrams drawn at build time as inline SVG: a promotion ladder, the organisation chart and a process flow.

No script, no external font or library: the browser renders plain SVG with the page's fonts.
"""

from assessment.messages import amount, say

from .escape import Raw, attr

CHAR_W = 15      # width of one CJK character at 14px, with a little air
LATIN_W = 8


def _text_width(label):
    return sum(CHAR_W if ord(ch) > 0x2E80 else LATIN_W for ch in label)


def ladders(levels):
    """One drawing per ladder, in the order the levels list them (a rule serving several roles names one each)."""
    groups = {}
    for level in levels:
        groups.setdefault(level.get("ladder"), []).append(level)
    if list(groups) == [None]:
        return ladder(levels)
    return Raw('<div class="hb-ladders">' + "".join(
        f'<figure><figcaption>{attr(name)}</figcaption>{ladder(group, name)}</figure>'
        for name, group in groups.items())
        + "</div>")


def ladder(levels, name=None):
    """Levels low → high drawn as rising steps; each box shows the name and the pay when known."""
    if not levels:
        return Raw("")
    box_w = max(120, max(_text_width(lv["name"]) for lv in levels) + 24)
    box_h, step_x, step_y = 54, box_w + 36, 40
    n = len(levels)
    width = step_x * (n - 1) + box_w + 20
    height = step_y * (n - 1) + box_h + 20
    label = say("doc.ladder_named", name=name) if name else say("doc.ladder")
    parts = [f'<svg class="hb-ladder" role="img" aria-label="{attr(label)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for i, level in enumerate(levels):
        x = 10 + i * step_x
        y = 10 + (n - 1 - i) * step_y
        parts.append(f'<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="6" class="hb-box"/>')
        parts.append(f'<text x="{x + box_w / 2}" y="{y + 22}" text-anchor="middle" class="hb-name">'
                     f'{attr(level["name"])}</text>')
        if level.get("pay"):
            parts.append(f'<text x="{x + box_w / 2}" y="{y + 42}" text-anchor="middle" class="hb-pay">'
                         f'{attr(say("doc.rule.money", amount=amount(level["pay"])))}</text>')
        if i:
            x0, y0 = x - 36, y + box_h / 2 + step_y
            parts.append(f'<path d="M{x0} {y0} L{x - 6} {y + box_h / 2}" class="hb-arrow"/>'
                         f'<path d="M{x - 6} {y + box_h / 2} l-9 -1 l4 8 z" class="hb-head"/>')
    parts.append("</svg>")
    return Raw("".join(parts))


def org_chart(roles, href):
    """A top-down tree of reporting lines. `href(role)` gives each box's link."""
    children = {}
    ids = {r["id"] for r in roles}
    roots = []
    for role in roles:
        parent = role.get("reports_to")
        if parent in ids:
            children.setdefault(parent, []).append(role)
        else:
            roots.append(role)
    box_w = max(110, max(_text_width(r["name"]) for r in roles) + 20) if roles else 110
    box_h, gap_x, gap_y = 40, 16, 44
    positions, column = {}, [0]

    def place(role, depth):
        kids = children.get(role["id"], [])
        if not kids:
            positions[role["id"]] = (column[0], depth)
            column[0] += 1
            return positions[role["id"]][0]
        xs = [place(kid, depth + 1) for kid in kids]
        positions[role["id"]] = ((xs[0] + xs[-1]) / 2, depth)
        return positions[role["id"]][0]

    for root in roots:
        place(root, 0)
    depth = max((d for _, d in positions.values()), default=0)
    width = column[0] * (box_w + gap_x) + gap_x
    height = (depth + 1) * (box_h + gap_y) + gap_y
    by_id = {r["id"]: r for r in roles}

    def corner(rid):
        col, d = positions[rid]
        return gap_x + col * (box_w + gap_x), gap_y / 2 + d * (box_h + gap_y)

    # a group of links, not an image (an image cannot contain links); the table under it says the same in text
    parts = [f'<svg class="hb-org" role="group" aria-label="{attr(say("doc.org_chart"))}" '
             f'viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for parent, kids in children.items():
        px, py = corner(parent)
        for kid in kids:
            kx, ky = corner(kid["id"])
            mid = py + box_h + gap_y / 2
            parts.append(f'<path d="M{px + box_w / 2} {py + box_h} V{mid} H{kx + box_w / 2} V{ky}" class="hb-line"/>')
    for rid, role in by_id.items():
        x, y = corner(rid)
        parts.append(f'<a href="{attr(href(role))}"><rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="6" '
                     f'class="hb-box"/><text x="{x + box_w / 2}" y="{y + 25}" text-anchor="middle" class="hb-name">'
                     f'{attr(role["name"])}</text></a>')
    parts.append("</svg>")
    return Raw("".join(parts))


def flow(steps):
    """A process's steps top to bottom, numbered, with who does each; the numbered list under it says all of
    it in text (deadlines, forms), so a long owner is shortened here rather than widening the drawing."""
    if not steps:
        return Raw("")
    names = [f"{i}. {step['name']}" for i, step in enumerate(steps, 1)]
    box_w = min(360, max(220, max(_text_width(name) for name in names) + 28))
    box_h, gap = 54, 26
    width, height = box_w + 20, len(steps) * (box_h + gap) - gap + 20
    label = say("doc.flow", steps=" → ".join(step["name"] for step in steps))
    parts = [f'<svg class="hb-flow" role="img" aria-label="{attr(label)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (name, step) in enumerate(zip(names, steps)):
        y, middle = 10 + i * (box_h + gap), 10 + box_w / 2
        parts.append(f'<rect x="10" y="{y}" width="{box_w}" height="{box_h}" rx="6" class="hb-box"/>'
                     f'<text x="{middle}" y="{y + 22}" text-anchor="middle" class="hb-name">'
                     f'{attr(_fit(name, box_w))}</text>'
                     f'<text x="{middle}" y="{y + 42}" text-anchor="middle" class="hb-pay">'
                     f'{attr(_fit(step["owner"], box_w * 1.15))}</text>')
        if i:
            parts.append(f'<path d="M{middle} {y - gap} V{y - 7}" class="hb-arrow"/>'
                         f'<path d="M{middle} {y - 1} l-5 -8 h10 z" class="hb-head"/>')
    parts.append("</svg>")
    return Raw("".join(parts))


def _fit(label, box_w):
    """The label, cut with … where it would overflow a box `box_w` wide (the page's text has it whole)."""
    if _text_width(label) <= box_w - 20:
        return label
    while label and _text_width(label + "…") > box_w - 20:
        label = label[:-1]
    return label + "…"

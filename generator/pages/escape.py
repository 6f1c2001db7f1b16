"""Text from YAML is data, never markup: every value is escaped for Markdown and HTML by default.

Templates print values through Jinja's `finalize`, which calls `text()`; only values wrapped in
`Raw` (SVG drawn here, links built here) pass through unchanged.
"""

import html

# One pass: HTML's five characters, then Markdown's specials behind a backslash, newlines folded.
# (The apostrophe's entity keeps its escaped `#`, exactly as html.escape followed by escaping it gave.)
_ESCAPES = str.maketrans({**{c: "\\" + c for c in "\\`*_[]{}()#+!|~"},
                          "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&\\#x27;", "\n": " "})


class Raw(str):
    """Markup produced by the generator itself (not from YAML)."""


def text(value):
    if value is None:
        return ""
    if isinstance(value, Raw):
        return value
    return str(value).translate(_ESCAPES)


def attr(value):
    """For an HTML attribute or SVG text node."""
    return html.escape(str(value), quote=True)

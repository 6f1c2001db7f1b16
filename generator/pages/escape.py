"""Text from YAML is data, never markup: every value is escaped for Markdown and HTML by default.

Templates print values through Jinja's `finalize`, which calls `text()`; only values wrapped in
`Raw` (SVG drawn here, links built here) pass through unchanged.
"""

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~])")


class Raw(str):
    """Markup produced by the generator itself (not from YAML)."""


def text(value):
    if value is None:
        return ""
    if isinstance(value, Raw):
        return value
    escaped = html.escape(str(value), quote=True)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    return escaped.replace("\n", " ")


def attr(value):
    """For an HTML attribute or SVG text node."""
    return html.escape(str(value), quote=True)

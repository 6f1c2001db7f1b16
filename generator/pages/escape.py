"""Text from YAML is data, never markup: every value is escaped for Markdown and HTML by default.

Templates print values through Jinja's `finalize`, which calls `text()`; only values wrapped in
`Raw` (SVG drawn here, links built here) pass through unchanged.
"""

import re

# One pass: HTML's special characters, then Markdown's specials behind a backslash (not `~`: without the tilde
# extension Markdown shows `\~` as is), line breaks folded.
# (An apostrophe is left alone: its entity written with an escaped `#` showed as "&#x27;" on the page.)
_ESCAPES = str.maketrans({**{c: "\\" + c for c in "\\`*_[]{}()#+!|"},
                          "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": " ", "\r": " "})
# str.translate looks every character of a Chinese text up in the table; most texts have none of these, and a
# regular expression finds that out at C speed
_SPECIAL = re.compile("[" + re.escape("".join(chr(c) for c in _ESCAPES)) + "]")


class Raw(str):
    """Markup produced by the generator itself (not from YAML)."""


def text(value):
    if value is None:
        return ""
    if isinstance(value, Raw):
        return value
    value = str(value)
    return value.translate(_ESCAPES) if _SPECIAL.search(value) else value


# In raw HTML (forms, SVG) the characters of Markdown's inline syntax become character references:
# Python-Markdown still reads links, emphasis, code and attribute lists between inline tags such as <svg>
# (`![a](b)` in an SVG label became an image); the browser shows the references as the characters.
_ATTR_ESCAPES = str.maketrans({**{c: f"&#{ord(c)};" for c in "\\`*_[]{}!|"},
                               "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\n": " ",
                               "\r": " "})


def attr(value):
    """For an HTML attribute or a text node inside raw HTML (forms, SVG)."""
    return str(value).translate(_ATTR_ESCAPES)

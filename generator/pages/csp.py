"""A Content-Security-Policy for every page, so that even a missed escape cannot run script or send data.

Scripts run only from the site's own files, plus inline scripts whose exact text is known in advance
(the theme's few bootstrap lines and the page's engine starter), allowed by their SHA-256 hash. Any
other inline script fails the build: it can only come from content that should have been text.
Requests (fetch, workers, images) stay on the site's own origin, so answers cannot leave the browser.
"""

import base64
import hashlib
import re

POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
          "connect-src 'self'; worker-src 'self'; frame-src 'self'; object-src 'none'; "
          "base-uri 'self'; form-action 'self'")

_INLINE = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPES = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)


class UnknownInlineScript(Exception):
    """An inline script that nobody declared: it would be blocked by the policy, so the build stops."""


def template_pattern(body, placeholder=re.compile(r"\{\{.*?\}\}")):
    """A theme template's inline script as a pattern: each `{{ … }}` stands for a relative path or URL."""
    parts = placeholder.split(body)
    return re.compile(r"[\w./:-]*".join(re.escape(part) for part in parts))


def protect(html, allowed):
    """`html` with the policy as the first element of <head>; `allowed`: patterns an inline script's
    text must match in full. Raises UnknownInlineScript for any other inline script."""
    hashes = []
    for match in _INLINE.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        if re.search(r"\ssrc\s*=", attrs) or _DATA_TYPES.search(attrs):
            continue  # a file of the site's own, or data the browser does not run
        if not any(pattern.fullmatch(body) for pattern in allowed):
            raise UnknownInlineScript(body[:200])
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    policy = POLICY.format(hashes=" ".join(dict.fromkeys(hashes)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        return meta + html
    return html[:head.end()] + meta + html[head.end():]

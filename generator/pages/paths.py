"""Where each generated page lives, and relative links between pages."""

import functools
import posixpath

from ..definitions.kinds import BY_NAME


role, department, skill, standard, rule, process, policy = (
    BY_NAME[kind].page for kind in ("role", "department", "skill", "standard", "rule", "process", "policy"))


def assessment(definition):
    return f"assess/{definition['id']}.md"


def tag_anchor(tag):
    """A stable id for a tag's heading on the tags page (tags are free text: the id is a digest)."""
    import hashlib

    return "tag-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:10]


@functools.lru_cache(maxsize=65536)  # a handbook's pages sit in a few folders: most links repeat (target, folder)
def _relpath(target, start):
    """posixpath.relpath for paths inside the docs, without its abspath (a getcwd call per link)."""
    target = [part for part in target.split("/") if part not in ("", ".")]
    start = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(target), len(start)) and target[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def relative(here, target):
    """A Markdown link target from page `here` to page `target` (both .md paths in the docs)."""
    return _relpath(target, posixpath.dirname(here))


def url(here, target, directory_urls):
    """The URL a raw HTML link needs (MkDocs rewrites only Markdown links)."""
    if directory_urls:
        target = target[: -len("index.md")] if target.endswith("index.md") else target[:-3] + "/"
        here_dir = here[: -len("index.md")] if here.endswith("index.md") else here[:-3] + "/"
        return _relpath(target, here_dir) + ("/" if not target.endswith(".md") else "")
    return _relpath(target[:-3] + ".html", posixpath.dirname(here))

"""The MkDocs adapter: compiles the rulebook, adds the generated pages as virtual files, watches the YAML.

All content decisions live in generator.pages (no MkDocs imports there); this file only connects them
to MkDocs events. Under `mkdocs serve` a definitions error is printed with its location and the last
good pages keep being served; under `mkdocs build` it fails the build.
"""

import functools
import json
import logging
import os
import posixpath
import re
import tempfile
import time
from pathlib import Path, PurePosixPath

import markupsafe
from assessment.messages import DEFAULT, LANGUAGES, say
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from .assemble import assemble
from .assets import MissingAsset
from ..definitions.compile import compile_definitions
from ..definitions.diagnostics import DefinitionError
from ..definitions.load import declared_language
from ..pages import csp, forms
from . import theme_patches
from .preview import Preview, heading
from .watch import watch

log = logging.getLogger("mkdocs.plugins.handbook")
LIVERELOAD, SEARCH_WAITS = "assets/livereload.js", "assets/search-waits.js"
SERVE_ONLY = (LIVERELOAD, SEARCH_WAITS)  # the files `make serve` adds to what it serves
TRANSLATIONS = "translations"  # beside docs_dir: translations/en/guide/index.md is content/guide/index.md in English


class HandbookConfig(Config):
    definitions = config_options.Type(str, default="competencies")
    lang = config_options.Optional(config_options.Choice(LANGUAGES))  # messages only; default: the handbook's
    runtime = config_options.Type(dict, default={})  # Pyodide's files: name → path (npm package)
    stdlib = config_options.Optional(config_options.Type(str))  # Pyodide's python_stdlib.zip, to trim


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def __init__(self):
        self.language = DEFAULT  # the handbook's, once on_config has read it
        self.serving = False
        self.compiled = None  # the last good compilation: kept across rebuilds while serving
        self.error_report = None  # while serving: why the pages shown are the last good ones
        self.preview = None  # `serve --dirty` (make serve): MkDocs renders only the pages that changed
        self.handbook = None
        self.read_cache = None

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.preview = Preview() if self.serving and dirty else None
        self.read_cache = {} if self.preview else None  # the definition files as last read
        if self.preview:
            logging.getLogger("mkdocs.commands.build").addFilter(_DIRTY_WARNING)

    @event_priority(100)  # before the search plugin reads its jieba dictionary
    def on_config(self, config):
        if self.preview:
            self.preview.pause_collector()
        root = Path(config.config_file_path).parent
        # HANDBOOK_DIR names the handbook folder for every command (`handbook build --dir` sets it)
        self.definitions = (root / (os.environ.get("HANDBOOK_DIR") or self.config.definitions)).resolve()
        # organisation.yaml's language: the site's, and the messages' unless the plugin's lang says otherwise
        language = self.language = declared_language(self.definitions)
        lang = self.config.lang or language
        self.error_report = None
        try:
            self.compiled = compile_definitions(self.definitions, self.read_cache)
            # INFO, not WARNING: `mkdocs build --strict` would stop on it, and HR may rebuild before raising version
            for warning in self.compiled.warnings:
                log.info("%s%s", say("note", lang), warning.format(lang))
        except DefinitionError as exc:
            report = exc.format(lang)  # paths as the person gave them: from their working directory
            if not self.serving or self.compiled is None:
                raise PluginError(say("build.invalid", lang) + "\n" + report) from None
            log.error("%s\n%s", say("build.serving_last_good", lang), report)
            self.error_report = report
        except Exception as exc:  # noqa: BLE001 — while serving, any failure keeps the last good pages
            if not self.serving or self.compiled is None:
                raise
            log.error("%s", say("build.reading_failed", lang, error=f"{type(exc).__name__}: {exc}"))
            self.error_report = f"{type(exc).__name__}: {exc}"
        self.inline_scripts = self._inline_scripts(config.theme.dirs)
        try:
            self.handbook = assemble(self.compiled, root, self.config.runtime, self.config.stdlib,
                                     config.use_directory_urls, self.handbook if self.preview else None,
                                     self.definitions)
        except MissingAsset as missing:
            raise PluginError(f"{missing}: 缺少前端依赖, 请先运行 `npm ci`(或 `make site`) / "
                              f"missing front-end dependency, run `npm ci` first") from None
        config.nav = self.handbook.nav(config.nav)
        config.copyright = self.handbook.copyright
        config.site_name, config.site_description = self.handbook.site_name, self.handbook.site_description
        self._apply_theme(config.theme, self.compiled.theme if self.compiled else {})
        config.theme["language"] = language  # Material's own words: search box, navigation, "copy"
        search = config.plugins.get("material/search") or config.plugins.get("search")
        # other languages are stemmed; Chinese is segmented (jieba, with the handbook's own words) in a handbook of
        # any language, since Material cuts whatever Chinese a page holds: an English handbook's Chinese names too
        if search is not None and not language.startswith("zh"):
            search.config.lang = [language]
        if search is not None and hasattr(search.config, "jieba_dict_user"):
            search.config.jieba_dict_user = self._write_user_dictionary()
        return config

    @staticmethod
    def _apply_theme(theme, look):
        """organisation.yaml's theme: colours into Material's palette, the logo (a file of pages/) as logo and icon."""
        palette = dict(theme["palette"] or {}) if isinstance(theme["palette"], dict) else {}
        palette.update({k: look[k] for k in ("primary", "accent") if look.get(k)})
        theme["palette"] = palette
        if look.get("logo"):
            theme["logo"] = theme["favicon"] = look["logo"]

    @property
    def rulebook(self):
        return self.compiled.rulebook if self.compiled else None

    @property
    def pages(self):
        return self.handbook.pages

    def _write_user_dictionary(self):
        path = Path(tempfile.gettempdir()) / f"handbook-jieba-{os.getpid()}.txt"
        path.write_text(self.handbook.dictionary, encoding="utf-8")
        return str(path)

    def on_env(self, env, config, files):
        # Material's templates indent every loop and branch: at 2,000 roles, whitespace was 3/4 of each page
        env.trim_blocks = env.lstrip_blocks = True
        # The theme prints `page.title | striptags` inside <title>; Jinja's striptags also *unescapes*, so a
        # name holding "&lt;/title&gt;" closed the title element. Strip tags, then escape what is left.
        env.filters["striptags"] = lambda value: markupsafe.escape(markupsafe.Markup(value).striptags())
        return env

    def on_files(self, files, config):
        self._translate(files, config)
        for path, markdown in self.pages.files.items():
            files.append(File.generated(config, path, content=markdown))
        for path, source in self.handbook.own_pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(say("build.page_taken", self.language, source=source, path=path))
            files.append(File.generated(config, path, abs_src_path=str(source)))
        self.changes_page = files.get_file_from_path("changes.md").dest_uri
        for dest, asset in self.handbook.assets.files.items():
            if isinstance(asset, Path):
                files.append(File.generated(config, dest, abs_src_path=str(asset)))
            else:
                files.append(File.generated(config, dest, content=asset))
        if self.serving:
            files.append(File.generated(config, LIVERELOAD,
                                        abs_src_path=str(Path(__file__).with_name("livereload.js"))))
            files.append(File.generated(config, SEARCH_WAITS, content=forms.search_waits()))
        if self.preview:
            self._plan_preview(files, config)
        return files

    def _translate(self, files, config):
        """A page written by hand (content/guide/…) in the handbook's language: translations/LANG/ beside
        content/ holds a language's version of a page under the same path; a page it lacks stays as written."""
        folder = Path(config.config_file_path).parent / TRANSLATIONS / self.language
        if self.language == DEFAULT or not folder.is_dir():
            return
        for file in list(files.documentation_pages()):
            translated = folder / file.src_uri
            if translated.is_file():
                files.remove(file)
                files.append(File.generated(config, file.src_uri, abs_src_path=str(translated)))

    def _plan_preview(self, files, config):
        # a renamed page's new title is in every neighbour's navigation, though their Markdown is unchanged
        titles = {file.src_uri: heading(self.pages.files[file.src_uri] if file.src_uri in self.pages.files
                                        else Path(file.abs_src_path).read_text(encoding="utf-8"))
                  for file in files.documentation_pages()}
        frame = {"nav": config.nav, "titles": titles, "footer": config.copyright, "error": self.error_report,
                 "config": Path(config.config_file_path).read_text(encoding="utf-8")}
        words = [line.rsplit(" ", 1)[0] for line in self.handbook.dictionary.splitlines() if line.strip()]
        everything = self.preview.begin(frame, self.pages.files, words)
        for file in files.documentation_pages():
            if everything or (self.preview.new_words and file.src_uri not in self.pages.files):
                file.is_modified = _always  # a page written by hand, with the new dictionary: the few there are
            elif file.src_uri in self.pages.files:
                file.is_modified = functools.partial(self.preview.changed, file.src_uri)
            # otherwise a page written by hand (content/) keeps MkDocs' own test: its file is newer than its page
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None and hasattr(search, "search_index_prev"):
            # Material merges a dirty build's index by the first page it rendered only; Preview merges by every page
            search.search_index_prev = None

    def on_nav(self, nav, config, files):
        if self.preview:
            for file in files.documentation_pages():
                if file.page is not None and not file.is_modified():
                    title = self.preview.title(file.src_uri)
                    if title is None:
                        file.is_modified = _always
                    else:
                        file.page.title = title
        return nav

    @event_priority(-50)  # after the search plugin writes its index, before `offline` inlines it
    def on_post_build(self, config):
        # Material writes the index ASCII-escaped: each Chinese character (and each of jieba's
        # zero-width separators) takes six bytes instead of three. At 2,000 roles: 19 MB → 11 MB.
        index = Path(config.site_dir) / "search" / "search_index.json"
        data = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else None
        if data is not None:
            if self.preview:
                data["docs"] = self.preview.search_documents(data["docs"])
            index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if self.preview:
            self.preview.finish(data and data["docs"])
            self.preview.collect_later()

    def on_build_error(self, error):
        if self.preview:
            self.preview.collect_later()

    def on_post_page(self, output, page, config):
        if self.preview:
            self.preview.was_rendered(page.file.src_uri, page.url, page.title)
        return self._protect(self._error_banner(self._link_changes(output, page)), page.file.src_uri)

    def _error_banner(self, html_text):
        if not (self.serving and self.error_report):
            return html_text
        return theme_patches.error_banner(html_text, self.error_report, self.language)

    def _link_changes(self, html_text, page):
        here = PurePosixPath(page.file.dest_uri).parent
        return theme_patches.link_changes(html_text, posixpath.relpath(self.changes_page, here.as_posix() or "."),
                                          self.language)

    def on_post_template(self, output_content, template_name, config):
        if template_name == "404.html":
            output_content = theme_patches.not_found(output_content, self.language)
        return self._protect(output_content, template_name) if template_name.endswith(".html") else output_content

    def _protect(self, html_text, name):
        html_text = theme_patches.name_search_dialog(html_text, self.language)
        try:
            return csp.protect(html_text, self.inline_scripts)
        except csp.UnknownInlineScript as unknown:
            raise PluginError(f"{name}: 页面含有未声明的内联脚本, 安全策略会阻止它 / an undeclared inline script, "
                              f"which the Content-Security-Policy would block: {unknown}") from None

    @staticmethod
    def _inline_scripts(theme_dirs):
        """The inline scripts a page may carry: the theme's (read from its own templates, so a theme update
        is followed, and a new kind of inline script fails the build) and the engine starter."""
        patterns = [*forms.ENGINE_STARTERS]
        for theme_dir in theme_dirs:
            for partial in sorted(Path(theme_dir, "partials", "javascripts").glob("*.html")):
                for body in re.findall(r"<script>(.*?)</script>", partial.read_text(encoding="utf-8"), re.S):
                    patterns.append(csp.template_pattern(body))
        return tuple(patterns)

    def on_serve(self, server, config, builder):
        self.observer = watch(server, self.definitions)
        # MkDocs' live reload is an inline script the Content-Security-Policy blocks: serve it as a file. And, as
        # on assessment pages, search loads its index when first used, not on each reload after an edit.
        reload, waits = server.mount_path + LIVERELOAD, server.mount_path + SEARCH_WAITS

        def inject(content, epoch):
            tag = (f'<script src="{reload}" data-epoch="{int(epoch)}" '
                   f'data-request="{round(time.monotonic() * 1000)}"></script>').encode()
            end = content.rfind(b"</body>")
            content = content + tag if end < 0 else content[:end] + tag + content[end:]
            return content.replace(b"</head>", f'<script src="{waits}"></script></head>'.encode(), 1)

        server._inject_js_into_html = inject
        return server

    def on_shutdown(self):
        if getattr(self, "observer", None):
            self.observer.stop()


def _always():
    return True


class _DirtyWarning(logging.Filter):
    """MkDocs warns on every `--dirty` build that its navigation may be inaccurate: Preview keeps it exact."""

    def filter(self, record):
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_DIRTY_WARNING = _DirtyWarning()  # one instance: a logger keeps a filter once however often it is added

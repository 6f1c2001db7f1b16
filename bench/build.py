"""Build figures for one handbook: validation, generation alone, our build and the plain-MkDocs baseline.

Ours is `mkdocs build` with the handbook plugin reading the YAML. The baseline is `mkdocs build` without
the plugin, of the very files the plugin would have added (Markdown pages, assets, nav, search dictionary)
written to disk first. Both get the same theme settings (the baseline through a hooks file), so the two
sites have the same pages (only ours rewrites the search index in UTF-8) and the difference is what the
plugin costs. Runs alternate; the ratio is taken within each pair (bench/pairs.py), with more pairs while its
range straddles the target.
"""

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.site import builder
from generator.site.assemble import assemble
from generator.definitions.compile import compile_definitions
from generator.pages import build_pages, render, search_terms

from . import pairs

ROOT = Path(__file__).resolve().parent.parent
HOOKS = '''def on_env(env, config, files):
    env.trim_blocks = env.lstrip_blocks = True
    return env
'''


def _replace_block(text, key, value):
    """Replace a top-level key of a YAML text (its line and the indented lines under it) with JSON."""
    lines, out, skipping = text.splitlines(), [], False
    for line in lines:
        if line.startswith(f"{key}:"):
            out.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
            skipping = True
        elif skipping and (not line.strip() or line[0] in " #"):
            continue
        else:
            skipping = False
            out.append(line)
    assert any(line.startswith(f"{key}:") for line in out), key
    return "\n".join(out) + "\n"


def _timed(command, cwd):
    """(seconds, peak resident MB) of one child process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: nothing waits on a full pipe while we wait4
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{log.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def _configs(definitions, work):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    data = builder.read_config(ROOT / "mkdocs.yml")  # its tags stay in the text the runs are given
    plugins = []
    for plugin in data["plugins"]:
        name, options = next(iter(plugin.items())) if isinstance(plugin, dict) else (plugin, {})
        plugins.append((name, dict(options or {})))
    ours_plugins = []
    for name, options in plugins:
        if name == "handbook":
            options = dict(options, definitions=str(definitions), stdlib=str(ROOT / options["stdlib"]),
                           runtime={k: str(ROOT / v) for k, v in options["runtime"].items()})
        ours_plugins.append({name: options})
    ours = _replace_block(_replace_block(text, "plugins", ours_plugins), "docs_dir", str(ROOT / data["docs_dir"]))
    (work / "ours.yml").write_text(ours, encoding="utf-8")

    # the baseline: everything the plugin adds, written to disk
    compiled = compile_definitions(definitions)
    options = dict(plugins)["handbook"]
    handbook = assemble(compiled, ROOT, options["runtime"], options["stdlib"], data.get("use_directory_urls", True),
                        definitions=definitions)
    pages, assets = handbook.pages, handbook.assets
    docs = work / "docs"
    shutil.copytree(ROOT / data["docs_dir"], docs)
    for path, markdown in pages.files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(markdown, encoding="utf-8")
    for dest, source in handbook.own_pages.items():  # the organisation's own pages, as the plugin adds them
        (docs / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, docs / dest)
    for dest, asset in assets.files.items():
        (docs / dest).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(asset, Path):
            shutil.copy(asset, docs / dest)
        else:
            (docs / dest).write_bytes(asset.encode() if isinstance(asset, str) else asset)
    dictionary = work / "jieba-user.txt"
    dictionary.write_text(handbook.dictionary, encoding="utf-8")
    base_plugins = [{name: dict(options, jieba_dict_user=str(dictionary)) if name == "search" else options}
                    for name, options in plugins if name != "handbook"]
    (work / "hooks.py").write_text(HOOKS, encoding="utf-8")
    base = _replace_block(text, "plugins", base_plugins)
    base = _replace_block(base, "nav", handbook.nav(data["nav"]))
    base = _replace_block(base, "docs_dir", str(docs))
    base += (f"hooks: [{json.dumps(str(work / 'hooks.py'))}]\n"
             f"copyright: {json.dumps(handbook.copyright, ensure_ascii=False)}\n")
    (work / "baseline.yml").write_text(base, encoding="utf-8")
    return compiled.rulebook


def _generation(definitions):
    """As the plugin does it: the pages reuse the worked examples' results from validation; the search
    dictionary is counted with the pages (jieba's own dictionary, loaded once per process, is not: the
    baseline's search loads it too). As in a new `mkdocs build` process: what a preview keeps between its
    rebuilds (the compiled templates, the last search dictionary) is forgotten first."""
    render._environment.cache_clear()
    search_terms._LAST.update(runs=None, words=None)
    started = time.perf_counter()
    compiled = compile_definitions(definitions)
    done = time.perf_counter()
    build_pages(compiled.rulebook, example_results=compiled.example_results)
    search_terms.user_dictionary(compiled.rulebook)
    return done - started, time.perf_counter() - done


def _import_s():
    """What importing the plugin (and through it the engine, pypinyin, Jinja …) adds to a new process: the median
    of three, over a bare interpreter's start."""
    def once(code):
        return _timed([sys.executable, "-c", code], ROOT)[0]
    return statistics.median(once("import generator.site.mkdocs_plugin") - once("pass") for _ in range(3))


def _site_figures(site):
    html = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")))
    sizes = [s for s, _ in html]
    index = site / "search" / "search_index.json"
    raw = index.read_bytes()
    return {
        "pages": len(html),
        "page_bytes_mean": round(statistics.mean(sizes)),
        "page_bytes_median": round(statistics.median(sizes)),
        "page_bytes_max": html[-1][0], "largest_page": html[-1][1],
        "pages_over_50kb": sum(s > 50_000 for s in sizes),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "search_index_bytes": len(raw), "search_index_gzip": len(gzip.compress(raw, 6)),
        "search_documents": len(json.loads(raw)["docs"]),
    }


def measure(definitions, work, runs):
    definitions, work = Path(definitions).resolve(), Path(work)  # the builds run in `work`
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    rulebook = _configs(definitions, work)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]  # not --quiet: it hides the warnings --strict counts
    handbook = Path(sys.executable).with_name("handbook")
    times = {"validate": [], "compile": [], "pages": [], "ours": [], "baseline": []}
    memory = {"ours": [], "baseline": []}
    run = 0
    while pairs.another(run, runs, pairs.ratios(times["ours"], times["baseline"]), pairs.TARGETS["build"]):
        times["validate"].append(_timed([handbook, "validate", definitions], ROOT)[0])
        compile_s, pages_s = _generation(definitions)
        times["compile"].append(compile_s)
        times["pages"].append(pages_s)
        for name in ("ours", "baseline") if run % 2 == 0 else ("baseline", "ours"):
            site = work / f"site-{name}"
            shutil.rmtree(site, ignore_errors=True)
            seconds, peak = _timed([*mkdocs, "--config-file", work / f"{name}.yml", "--site-dir", site], work)
            times[name].append(seconds)
            memory[name].append(peak)
        run += 1
    median = {k: statistics.median(v) for k, v in times.items()}
    generation = median["compile"] + median["pages"]
    ours = _site_figures(work / "site-ours")
    ratio = pairs.summary(pairs.ratios(times["ours"], times["baseline"]), pairs.TARGETS["build"])
    return {
        "roles": len(rulebook["roles"]), "skills": len(rulebook["skills"]),
        "standards": len(rulebook["standards"]), "rules": len(rulebook["rules"]), "runs": run,
        "validate_s": median["validate"], "compile_s": median["compile"], "pages_s": median["pages"],
        "generation_s": generation, "ours_s": median["ours"], "baseline_s": median["baseline"],
        "import_s": _import_s(),
        "ratio": ratio["ratio"], "ratio_min": ratio["ratio_min"], "ratio_max": ratio["ratio_max"],
        "ratio_verdict": ratio["verdict"], "generation_share": generation / median["ours"],
        "peak_mb_ours": max(memory["ours"]), "peak_mb_baseline": max(memory["baseline"]),
        "same_pages_as_baseline": ours["pages"] == sum(1 for _ in (work / "site-baseline").rglob("*.html")),
        **ours,
    }

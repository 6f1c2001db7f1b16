"""Browser figures in headless Chromium (Debian's, never a downloaded one), the site served on 127.0.0.1.

Each run opens a fresh browser context (empty cache), so every run pays the whole download and boot.
The baseline is a bare page in the same site that boots the same Pyodide in a module worker and runs
one line of Python; the assessment page's own marks (`hb-form-usable`, `hb-first-score`) give its times.
"""

import gzip
import json
import statistics
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import brotli

from generator.site import snapshot
from generator.site.builder import serve_static

from . import pairs, servers

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RESCORES = 50

BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare Pyodide boot</title>
<script type="module">
const worker = new Worker("bare-worker.mjs", { type: "module" });
worker.onmessage = ({ data }) => { window.bareResult = { value: data, ms: performance.now() }; };
</script>
"""
BARE_WORKER = """const { loadPyodide } = await import(new URL("RUNTIME/pyodide.mjs", import.meta.url).href);
const pyodide = await loadPyodide({ indexURL: new URL("RUNTIME/", import.meta.url).href });
postMessage(pyodide.runPython("1 + 1"));
"""

# Changes one answer and resolves when the engine's result is on the page (data-state back to ready).
RESCORE = """async (count) => {
  const panel = document.getElementById("hb-result");
  const control = document.querySelector('form.hb-assess select[data-answer="text"]');
  const values = [...control.options].map(o => o.value).filter(Boolean);
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const done = new Promise(resolve => new MutationObserver((_, observer) => {
      if (panel.dataset.state === "ready" || panel.dataset.state === "invalid") { observer.disconnect(); resolve(); }
    }).observe(panel, { attributes: true, attributeFilter: ["data-state"] }));
    const started = performance.now();
    control.value = values[i % values.length];
    control.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    latencies.push(performance.now() - started);
  }
  return latencies;
}"""


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _transferred(site, urls):
    """{file: (bytes as stored, gzip- and brotli-compressed as a server would send them, at nginx's usual levels)}
    for the site's files behind URLs."""
    sizes = {}
    for url in set(urls):
        path = site / unquote(urlparse(url).path).lstrip("/")
        if path.is_file():
            data = path.read_bytes()
            sizes[path.relative_to(site).as_posix()] = (len(data), len(gzip.compress(data, 6)),
                                                        len(brotli.compress(data, quality=6)))
    return sizes


def _scored(browser, url, init_script, requests=None, block=None):
    """A fresh context on the assessment page, once its first score is shown: (context, page, marks).
    `block`: a URL pattern the page may not load (the engine's snapshot, to time the normal boot)."""
    context = browser.new_context()
    context.add_init_script(init_script)
    if block:
        context.route(block, lambda route: route.abort())
    page = context.new_page()
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_function("() => performance.getEntriesByName('hb-first-score').length", timeout=120_000)
    marks = page.evaluate("() => Object.fromEntries(performance.getEntriesByType('mark')"
                          ".map(m => [m.name, m.startTime]))")
    return context, page, marks


def assessment(browser, site, page_path, runs):
    site = Path(site)
    bench_dir = site / "assets" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    (bench_dir / "bare.html").write_text(BARE_PAGE, encoding="utf-8")
    runtime = next(site.glob("assets/hashed/*/pyodide/pyodide.mjs")).parent
    (bench_dir / "bare-worker.mjs").write_text(
        BARE_WORKER.replace("RUNTIME", f"../{runtime.relative_to(site / 'assets').as_posix()}"), encoding="utf-8")
    # a returning person: the first worked example is saved, so the first result is a score
    ident = Path(page_path).stem
    excerpt = json.loads(next(site.glob(f"assets/hashed/*/{ident}.json")).read_text(encoding="utf-8"))
    definition = (excerpt["standards"] + excerpt["rules"])[0]
    saved = {"version": excerpt["version"], "hash": excerpt["hash"], "answers": definition["examples"][0]["answers"]}
    saved_answers = f"localStorage.setItem({json.dumps(f'handbook:{ident}')}, {json.dumps(json.dumps(saved))})"
    server, url = serve_static(site)
    bare, usable, engine, first, booted, returning, rescoring, requests = [], [], [], [], [], [], [], []
    try:
        done = 0
        while pairs.another(done, runs, pairs.ratios(first, bare), pairs.TARGETS["first_score"]):
            done += 1
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{url}/assets/bench/bare.html")
            page.wait_for_function("() => window.bareResult", timeout=120_000)
            result = page.evaluate("() => window.bareResult")
            assert result["value"] == 2, result
            bare.append(result["ms"])
            context.close()

            requests = []
            context, page, marks = _scored(browser, f"{url}/{page_path}", saved_answers, requests=requests)
            usable.append(marks["hb-form-usable"])
            engine.append(marks["hb-engine-ready"])
            first.append(marks["hb-first-score"])
            rescoring += page.evaluate(RESCORE, RESCORES)
            # the same person opens the page again: same context, its cache warm, answers saved
            page.goto(f"{url}/{page_path}")
            page.wait_for_function("() => performance.getEntriesByName('hb-first-score').length", timeout=120_000)
            returning.append(page.evaluate("() => performance.getEntriesByName('hb-first-score')[0].startTime"))
            context.close()

            # the same page without the engine's memory snapshot: the worker boots Python and imports the engine
            booted_requests = []
            context, page, marks = _scored(browser, f"{url}/{page_path}", saved_answers, requests=booted_requests,
                                           block="**/engine.snapshot")
            assert page.evaluate("document.documentElement.dataset.engine") == "boot"
            booted.append(marks["hb-first-score"])
            context.close()
    finally:
        server.shutdown()
    files = _transferred(site, requests)
    booted_files = _transferred(site, [u for u in booted_requests if not u.endswith("/engine.snapshot")])  # refused
    largest = sorted(files.items(), key=lambda item: -item[1][1])[:5]
    scored = pairs.summary(pairs.ratios(first, bare), pairs.TARGETS["first_score"])
    booted_ratio = pairs.summary(pairs.ratios(booted, bare), pairs.TARGETS["first_score"])
    return {
        "page": page_path, "runs": done,
        "form_usable_ms": statistics.median(usable), "engine_ready_ms": statistics.median(engine),
        "first_score_ms": statistics.median(first),
        "bare_boot_ms": statistics.median(bare), "first_score_vs_bare": scored["ratio"],
        "first_score_vs_bare_min": scored["ratio_min"], "first_score_vs_bare_max": scored["ratio_max"],
        "first_score_verdict": scored["verdict"],
        "first_score_without_snapshot_ms": statistics.median(booted),
        "without_snapshot_vs_bare": booted_ratio["ratio"],
        "without_snapshot_vs_bare_min": booted_ratio["ratio_min"],
        "without_snapshot_vs_bare_max": booted_ratio["ratio_max"],
        "returning_first_score_ms": statistics.median(returning),
        "rescore_ms_median": statistics.median(rescoring),
        "rescore_ms_p90": sorted(rescoring)[int(len(rescoring) * 0.9)],
        "rescores": len(rescoring), "requests": len(set(requests)),
        "transfer_bytes": sum(raw for raw, _, _ in files.values()),
        "transfer_gzip": sum(z for _, z, _ in files.values()),
        "transfer_brotli": sum(b for _, _, b in files.values()),
        "transfer_gzip_without_snapshot": sum(z for _, z, _ in booted_files.values()),
        "largest_files": [{"file": name, "bytes": raw, "gzip": packed, "brotli": br}
                          for name, (raw, packed, br) in largest],
        "snapshot": _snapshot_facts(site, files),
        "behind_servers": behind_servers(browser, site, page_path),
    }


def behind_servers(browser, site, page_path):
    """A first visit to the page behind each documented server (real nginx and Apache, configured as the
    管理员说明 page prints): {server: bytes it sent, counted in its access log}, or the reason it was not measured."""
    sent = {}
    for name, start in servers.SERVERS.items():
        try:
            server, stop = start(site)
        except servers.ServerMissing as missing:
            sent[name] = str(missing)
            continue
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{server.url}/{page_path}")
            page.wait_for_function("() => performance.getEntriesByName('hb-engine-ready').length", timeout=120_000)
            sent[name] = sum(size for _, _, size in server.requests())
        finally:
            context.close()
            stop()
    return sent


def search(browser, site, queries, runs):
    """From navigation to the first query's results (index download and build included), then a second
    query's time from typing to results (the test driver's round trips included)."""
    query, second = queries
    server, url = serve_static(site)
    cold, warm = [], []
    try:
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{url}/index.html")
            field = page.locator("input.md-search__input")
            field.click()
            field.fill(query)
            field.press("End")  # Material searches on keyup
            page.wait_for_selector(".md-search-result__item", timeout=120_000)
            cold.append(page.evaluate("() => performance.now()"))
            field.fill("")
            field.press("End")
            page.wait_for_selector(".md-search-result__item", state="detached")
            started = page.evaluate("() => performance.now()")
            field.fill(second)
            field.press("End")
            page.wait_for_selector(".md-search-result__item", timeout=60_000)
            warm.append(page.evaluate("() => performance.now()") - started)
            context.close()
    finally:
        server.shutdown()
    return {"query": query, "second_query": second, "runs": runs, "first_results_ms": statistics.median(cold),
            "next_query_ms": statistics.median(warm)}


def _snapshot_facts(site, files):
    """What the engine's memory snapshot is made of: a WebAssembly heap, mostly zeros; its first pages are the
    runtime's static data (also inside pyodide.asm.wasm), the rest Python's objects after importing the engine.
    With it: the standard library it restores with, and a snapshot of Pyodide alone."""
    name = next((n for n in files if n.endswith("/engine.snapshot")), None)
    if name is None:
        return None
    data = (site / name).read_bytes()
    raw, packed, br = files[name]
    library = next((n for n in files if n.endswith("/python_stdlib.zip") and "/pyodide/" not in n), None)
    return {"bytes": raw, "gzip": packed, "brotli": br, "zero_share": data.count(0) / len(data),
            "stdlib_bytes": files[library][0] if library else None,
            "bare": _bare_snapshot(next(site.glob("assets/hashed/*/pyodide/pyodide.mjs")).parent)}


def _bare_snapshot(runtime):
    """The floor: a snapshot of the site's Pyodide with nothing of ours imported, made the way the build makes the
    engine's (freed memory zeroed): {bytes, gzip, brotli}."""
    with tempfile.TemporaryDirectory(prefix="bench-bare-snapshot-") as work:
        out = Path(work) / "bare.snapshot"
        subprocess.run(["node", str(snapshot.MAKER), str(runtime), str(runtime / "python_stdlib.zip"), "-", "bare",
                        str(out)], check=True, capture_output=True, timeout=300)
        data = out.read_bytes()
    return {"bytes": len(data), "gzip": len(gzip.compress(data, 6)), "brotli": len(brotli.compress(data, quality=6))}

// The engine in its module worker (worker.mjs runs assessment/ in Pyodide): answers go in, results come
// out. Scoring keeps only the latest answers' result; other questions (carrying answers over, a review's
// seal) are answered in turn once the engine is ready. Hosting faults are said in words with the fix.

import { t } from "./dom.js";

// `on`: {ready(), result(out) for the latest answers, fail(text) when it cannot score, progress(text)}.
// Questions may be asked before start(): they wait for the engine.
export function createEngine(meta, on) {
  let worker = null, seq = 0, ready = false, asks = 0, engineReady;
  const asked = new Map();
  const whenReady = new Promise(resolve => { engineReady = resolve; });

  function score(answers) {
    if (!ready) return false;
    seq += 1;
    worker.postMessage({ seq, id: meta.id, answers });
    return true;
  }

  function ask(message) {
    const key = `ask-${++asks}`;
    return new Promise(resolve => { asked.set(key, resolve); whenReady.then(() => worker.postMessage({ ...message, id: meta.id, seq: key })); });
  }

  function onMessage({ data }) {
    if (data.type === "progress") { on.progress(data.text); return; }
    if (data.type === "fatal") { on.fail(data.stale ? data.text : t("page.engine.cannot_start", { why: data.text })); return; }
    if (data.type === "ready") {
      if (data.hash !== meta.hash) {  // never score with rules other than the ones this page shows
        worker.terminate();
        on.fail(t("page.engine.other_rules", { version: meta.version, theirs: data.version }));
        return;
      }
      document.documentElement.dataset.engine = data.engine;  // "snapshot" or "boot": which way the worker started
      performance.mark("hb-engine-ready"); ready = true;
      on.progress(t("page.engine.ready"));
      engineReady(); on.ready(); return;
    }
    if (data.type === "result" && asked.has(data.seq)) { asked.get(data.seq)(data.out); asked.delete(data.seq); return; }
    if (data.type === "result" && data.seq === seq) on.result(data.out);
  }

  async function diagnose(url, expected) {  // the worker script itself: nothing runs in it to say so
    try {
      const response = await fetch(url, { method: "GET", cache: "no-store" });
      const file = url.split("/").pop();
      if (!response.ok) return t("page.engine.missing_file", { file, status: response.status });
      const type = (response.headers.get("content-type") || t("page.engine.no_type")).split(";")[0].trim();
      if (!expected.includes(type)) return t("page.engine.wrong_type", { file, type, wanted: expected[0] });
    } catch { /* the fetch itself failed: say nothing more specific */ }
    return null;
  }

  async function onWorkerError(e) {
    const found = await diagnose(meta.engine.worker, ["text/javascript", "application/javascript"]);
    on.fail(found || t("page.engine.worker_failed", { why: e.message || t("page.engine.worker_error") }));
  }

  function start() {
    const early = window.hbEngine;  // started by the page's inline script, with the messages it kept
    if (location.protocol === "file:") {
      // (a browser that runs module scripts from disk gets here; the page's starter has said it already)
    } else if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      early?.worker.terminate();
      on.fail(t("page.engine.unsupported"));
    } else {
      try {
        worker = early?.worker ?? new Worker(meta.engine.worker, { type: "module", name: meta.engine.definition });
        worker.onmessage = onMessage;
        worker.onerror = onWorkerError;
        for (const e of early?.queue ?? []) e.type === "error" ? onWorkerError(e) : onMessage(e);
      } catch (error) { on.fail(t("page.engine.cannot_create", { why: error.message })); }
    }
  }
  return { score, ask, start };
}

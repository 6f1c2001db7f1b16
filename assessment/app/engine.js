// The engine in its module worker (worker.mjs runs assessment/ in Pyodide): answers go in, results come
// out. Scoring keeps only the latest answers' result; other questions (carrying answers over, a review's
// seal) are answered in turn once the engine is ready. Hosting faults are said in words with the fix.

const BROWSERS = "请使用较新的 Chrome、Edge（Chromium 内核）、Firefox 或 Safari（2023 年以后的版本）；360、QQ 等浏览器请切换到“极速模式”";
const ADMIN = "请网站管理员按《管理员说明》配置服务器";

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
    if (data.type === "fatal") { on.fail(data.stale ? data.text : `计分引擎无法启动：${data.text}`); return; }
    if (data.type === "ready") {
      if (data.hash !== meta.hash) {  // never score with rules other than the ones this page shows
        worker.terminate();
        on.fail(`本页是规则版本 ${meta.version}，下载到的计分规则却是版本 ${data.version}：网站可能刚更新过，请刷新页面（F5）。`);
        return;
      }
      document.documentElement.dataset.engine = data.engine;  // "snapshot" or "boot": which way the worker started
      performance.mark("hb-engine-ready"); ready = true;
      on.progress("计分引擎已就绪，每次修改都会重新计分。");
      engineReady(); on.ready(); return;
    }
    if (data.type === "result" && asked.has(data.seq)) { asked.get(data.seq)(data.out); asked.delete(data.seq); return; }
    if (data.type === "result" && data.seq === seq) on.result(data.out);
  }

  async function diagnose(url, expected) {  // the worker script itself: nothing runs in it to say so
    try {
      const response = await fetch(url, { method: "GET", cache: "no-store" });
      if (!response.ok) return `服务器找不到计分引擎文件 ${url.split("/").pop()}（HTTP ${response.status}）。${ADMIN}。`;
      const type = (response.headers.get("content-type") || "(未说明)").split(";")[0].trim();
      if (!expected.includes(type)) return `服务器以“${type}”类型发送 ${url.split("/").pop()}，浏览器要求“${expected[0]}”。${ADMIN}（MIME 类型）。`;
    } catch { /* the fetch itself failed: say nothing more specific */ }
    return null;
  }

  async function onWorkerError(e) {
    const found = await diagnose(meta.engine.worker, ["text/javascript", "application/javascript"]);
    on.fail(found || `计分引擎无法启动：${e.message || "Web Worker 出错"}。${ADMIN}。`);
  }

  function start() {
    const early = window.hbEngine;  // started by the page's inline script, with the messages it kept
    if (location.protocol === "file:") {
      // (a browser that runs module scripts from disk gets here; the page's starter has said it already)
    } else if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      early?.worker.terminate();
      on.fail(`此浏览器不支持计分所需的 WebAssembly 或 Web Worker。${BROWSERS}。`);
    } else {
      try {
        worker = early?.worker ?? new Worker(meta.engine.worker, { type: "module", name: meta.engine.definition });
        worker.onmessage = onMessage;
        worker.onerror = onWorkerError;
        for (const e of early?.queue ?? []) e.type === "error" ? onWorkerError(e) : onMessage(e);
      } catch (error) { on.fail(`计分引擎无法启动：${error.message}。${BROWSERS}。`); }
    }
  }
  return { score, ask, start };
}

// Module worker: restores the memory snapshot of Pyodide with the engine imported (generator/site/snapshot.py), or
// boots the bundled Pyodide and unpacks the engine wheel when there is none or it cannot be used; scores on
// request. The console says which way it started.
// Its name is where the part of the rulebook it scores against lives ("DIGEST/ID.json", beside the
// worker's own folder; the page sets it). Every file it downloads sits in a folder named by the SHA-256
// of its bytes, which the worker checks before using it: a cache or proxy that serves last release's
// file never gets it scored. Messages in: {seq, id, answers | migrate | review | seal} (assessment/page.py).
// Out: {type: "progress"|"ready"|"result"|"fatal", ...}.
const RUNTIME = "@RUNTIME@", WHEEL = "@WHEEL@";  // filled in at build time (generator/site/assets.py)
// SNAPSHOT is "" when the build made none; SNAPSHOT_STDLIB, the standard library less what it already imported
const SNAPSHOT = "@SNAPSHOT@", SNAPSHOT_KEY = "@SNAPSHOT_KEY@", SNAPSHOT_STDLIB = "@SNAPSHOT_STDLIB@";
const here = path => new URL(path, import.meta.url);
let answer = null;

class Stale extends Error {}
class RuntimeMissing extends Stale {}  // no Python at all: no fallback either

async function download(path, cache = "default") {
  const response = await fetch(here(path), { cache });
  if (!response.ok) {
    throw new Stale(`找不到计分引擎文件 ${path.split("/").pop()}（HTTP ${response.status}）：网站可能刚更新过，请刷新页面（F5）；` +
                    "仍然如此时请告知网站管理员");
  }
  return new Uint8Array(await response.arrayBuffer());
}

// The bytes as the page was built with them: checked against the folder's digest, fetched once more
// past every cache when they differ.
async function verified(path, bytes, matches) {
  const want = path.split("/").at(-2);
  if (matches(bytes, want)) return bytes;
  bytes = await download(path, "reload");
  if (matches(bytes, want)) return bytes;
  throw new Stale(`下载的 ${path.split("/").pop()} 与本页不是同一版本（可能是缓存或代理服务器的旧文件）：请按 Ctrl+F5 刷新页面`);
}

const ADMIN = "请网站管理员按《管理员说明》配置服务器";

// Pyodide waits for ever when its WebAssembly file cannot be used (it only logs "wasm instantiation failed!"):
// missing, sent with another type than application/wasm, or refused by a Content-Security-Policy that a server
// or proxy adds without 'wasm-unsafe-eval'. Ask ourselves and turn each into the message a person can act on,
// within seconds. Never settles otherwise.
function runtimeMissing() {
  const never = new Promise(() => {});
  const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);  // the smallest WebAssembly module
  const allowed = WebAssembly.compile(empty).then(() => never, error => {
    throw new RuntimeMissing(`服务器（或代理）发送的安全策略（Content-Security-Policy）不允许运行 WebAssembly：` +
                             `${ADMIN}（不要另加 Content-Security-Policy 头，或在其中允许 'wasm-unsafe-eval'）。` +
                             `浏览器的原话：${error && error.message || error}`);
  });
  const served = fetch(here(RUNTIME + "pyodide.asm.wasm"), { method: "HEAD" }).then(response => {
    if (response.status === 404 || response.status === 410) {
      throw new RuntimeMissing(`找不到计分引擎文件 pyodide.asm.wasm（HTTP ${response.status}）：网站可能刚更新过，请刷新页面（F5）；` +
                      "仍然如此时请告知网站管理员");
    }
    const type = (response.headers.get("content-type") || "（未说明）").split(";")[0].trim();
    if (response.ok && type !== "application/wasm") {
      throw new RuntimeMissing(`服务器以“${type}”类型发送 pyodide.asm.wasm，浏览器要求“application/wasm”：${ADMIN}（MIME 类型）。`);
    }
    return never;
  }, () => never);  // a network error: Pyodide's own request says more
  return Promise.race([allowed, served]);
}

// Pyodide's memory starts at 30 MiB whatever the snapshot holds (it sets an INITIAL_MEMORY that its module
// does not read, pyodide#6254): a snapshot of a heap that grew past that would not restore ("offset is out of
// bounds"). So the runtime's memory is grown to the snapshot's size as the runtime is instantiated, before
// Pyodide makes its views of it and copies the snapshot in. Undone once Python is up.
function roomFor(snapshot) {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const grown = async result => {
    const memory = (result instanceof WebAssembly.Instance ? result : result?.instance)?.exports?.memory;
    const needed = (await snapshot).length - (memory?.buffer.byteLength ?? Infinity);
    if (memory instanceof WebAssembly.Memory && needed > 0) memory.grow(Math.ceil(needed / 65536));
    return result;
  };
  WebAssembly.instantiate = (...args) => instantiate.apply(WebAssembly, args).then(grown);
  WebAssembly.instantiateStreaming = (...args) => instantiateStreaming.apply(WebAssembly, args).then(grown);
  return () => Object.assign(WebAssembly, { instantiate, instantiateStreaming });
}

// Python with the engine imported, from the snapshot when it restores and is of this engine and runtime.
async function restored(loadPyodide, missing) {
  if (!SNAPSHOT) return null;
  const snapshot = download(SNAPSHOT);
  const undo = roomFor(snapshot.catch(() => new Uint8Array()));
  try {
    const pyodide = await Promise.race([missing,
      loadPyodide({ indexURL: here(RUNTIME).href, stdLibURL: here(SNAPSHOT_STDLIB).href, _loadSnapshot: snapshot })]);
    const of = pyodide.runPython("import assessment\ngetattr(assessment, '_snapshot_of', '')");
    if (of !== SNAPSHOT_KEY) throw new Error(`快照属于另一版引擎或运行环境（${of}）`);
    pyodide.runPython("import random\nrandom.seed()");  // the snapshot fixed the generator's state; reseed from the OS
    console.info("计分引擎：从内存快照启动 / scoring engine: restored from the memory snapshot");
    return pyodide;
  } catch (error) {
    if (error instanceof RuntimeMissing) throw error;
    console.warn(`计分引擎：内存快照不可用，改为正常启动 / scoring engine: snapshot not used, booting — ${error && error.message || error}`);
    return null;
  } finally { undo(); }
}

async function boot() {
  postMessage({ type: "progress", text: "正在加载 Python 运行环境…" });
  const definitionPath = "../" + self.name;
  const definition = download(definitionPath);  // downloaded while Python starts
  definition.catch(() => {});  // reported below, once awaited
  const { loadPyodide } = await import(here(RUNTIME + "pyodide.mjs").href);
  const missing = runtimeMissing();
  missing.catch(() => {});  // reported where it is awaited
  let pyodide = await restored(loadPyodide, missing);
  const engine = pyodide ? "snapshot" : "boot";
  let wheel = null;  // the engine comes from the snapshot, or from its wheel when Python boots
  if (!pyodide) {
    wheel = download(WHEEL);
    wheel.catch(() => {});
    pyodide = await Promise.race([missing, loadPyodide({ indexURL: here(RUNTIME).href })]).catch(async error => {
      await Promise.race([missing, new Promise(wait => setTimeout(wait, 3000))]);  // its reason, in words, if it has one
      throw error;
    });
    console.info("计分引擎：正常启动 / scoring engine: booted without a snapshot");
    postMessage({ type: "progress", text: "正在加载计分引擎…" });
  }
  const matches = pyodide.runPython("import hashlib\nlambda data, want: hashlib.sha256(data.to_bytes()).hexdigest()[:len(want)] == want");
  if (wheel) pyodide.unpackArchive(await verified(WHEEL, await wheel, matches), "wheel");
  const definitionBytes = await definition;
  pyodide.globals.set("rulebook_json", new TextDecoder().decode(await verified(definitionPath, definitionBytes, matches)));
  answer = pyodide.runPython(`
import json, assessment.page
_rulebook = json.loads(rulebook_json)
lambda ident, request_json: assessment.page.answer(_rulebook, ident, request_json)
`);
  const [version, hash] = pyodide.runPython("[_rulebook['version'], _rulebook['hash']]").toJs();  // parsed once, above
  postMessage({ type: "ready", version, hash, engine });
}

const booting = boot().catch(error => postMessage({ type: "fatal", stale: error instanceof Stale,
                                                     text: String(error && error.message || error) }));

onmessage = async ({ data }) => {
  await booting;
  if (!answer) return;
  const started = performance.now();
  let out;
  try {
    out = JSON.parse(answer(data.id, JSON.stringify(data)));
  } catch (error) { out = { failure: String(error && error.message || error).split("\n").slice(-2).join(" ") }; }
  postMessage({ type: "result", seq: data.seq, out, ms: performance.now() - started });
};

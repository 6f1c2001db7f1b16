// Module worker: boots the bundled Pyodide, unpacks the engine wheel, scores on request.
// Its name is the id of the standard or rule it scores (the page sets it), whose part of the rulebook
// it downloads. Messages in: {seq, id, answers}. Out: {type: "progress"|"ready"|"result"|"fatal", ...}.
const base = new URL("./", import.meta.url);
let score = null;

async function boot() {
  postMessage({ type: "progress", text: "正在加载 Python 运行环境…" });
  const engine = Promise.all([  // downloaded while Pyodide boots
    fetch(new URL("assessment-1.0.0-py3-none-any.whl", base)).then(r => r.arrayBuffer()),
    fetch(new URL(`definitions/${encodeURIComponent(self.name)}.json`, base)).then(r => r.text()),
  ]);
  const { loadPyodide } = await import(new URL("../pyodide/pyodide.mjs", base).href);
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", base).href });
  postMessage({ type: "progress", text: "正在加载计分引擎…" });
  const [wheel, rulebook] = await engine;
  pyodide.unpackArchive(new Uint8Array(wheel), "wheel");
  pyodide.globals.set("rulebook_json", rulebook);
  score = pyodide.runPython(`
import json, assessment
_rulebook = json.loads(rulebook_json)
def _score(ident, answers_json):
    try:
        return json.dumps(assessment.run(_rulebook, ident, json.loads(answers_json)), ensure_ascii=False)
    except assessment.AnswerError as exc:
        return json.dumps({"errors": exc.to_json()}, ensure_ascii=False)
    except Exception as exc:  # any other engine failure is shown on the page, which stays usable
        return json.dumps({"failure": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False)
_score
`);
  postMessage({ type: "ready" });
}

const booting = boot().catch(error => postMessage({ type: "fatal", text: String(error && error.message || error) }));

onmessage = async ({ data }) => {
  await booting;
  if (!score) return;
  const started = performance.now();
  let out;
  try { out = JSON.parse(score(data.id, JSON.stringify(data.answers))); }
  catch (error) { out = { failure: String(error && error.message || error).split("\n").slice(-2).join(" ") }; }
  postMessage({ type: "result", seq: data.seq, out, ms: performance.now() - started });
};

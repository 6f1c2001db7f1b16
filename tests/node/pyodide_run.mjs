// Runs the engine wheel in real Pyodide under Node, offline: node pyodide_run.mjs WHEEL RULEBOOK CASES [STDLIB_ZIP]
// CASES is a JSON list of {id, answers}; prints a JSON list of results (or {error}) in the same order.
// STDLIB_ZIP replaces Pyodide's python_stdlib.zip (the site ships a trimmed one). With SNAPSHOT=FILE in the
// environment, Python and the engine come from that memory snapshot instead (as the worker restores them).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const [wheel, rulebookFile, casesFile, stdLibURL] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json", { paths: [process.cwd()] }));
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const snapshot = process.env.SNAPSHOT ? { _loadSnapshot: new Uint8Array(await readFile(process.env.SNAPSHOT)) } : {};
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, ...(stdLibURL ? { stdLibURL } : {}), ...snapshot });
if (!process.env.SNAPSHOT) pyodide.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel");
pyodide.globals.set("rulebook_json", await readFile(rulebookFile, "utf8"));
pyodide.globals.set("cases_json", await readFile(casesFile, "utf8"));
const out = pyodide.runPython(`
import json, sys, assessment
rulebook = json.loads(rulebook_json)
results = []
for case in json.loads(cases_json):
    try:
        results.append(assessment.run(rulebook, case["id"], case["answers"]))
    except assessment.AnswerError as exc:
        results.append({"error": exc.to_json()})
json.dumps({"python": list(sys.version_info[:2]), "results": results}, ensure_ascii=False)
`);
process.stdout.write(out);

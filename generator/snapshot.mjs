// Build step (Node): boot Pyodide as the worker would, unpack the engine wheel, import the engine, and write
// the memory snapshot that the worker restores instead of booting (generator/snapshot.py calls this).
// Usage: node snapshot.mjs INDEX_DIR STDLIB_ZIP WHEEL KEY OUT
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexDir, stdlib, wheel, key, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: indexDir + path.sep, stdLibURL: stdlib, _makeSnapshot: true,
                                    stdout: () => {}, stderr: () => {} });
pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel");
// everything the worker imports, so a restored page imports nothing; the key lets the worker refuse a
// snapshot of another engine or runtime
pyodide.runPython(`
import hashlib, importlib, json, os, random, assessment
for name in sorted(os.listdir(assessment.__path__[0])):
    if name.endswith(".py") and name != "__init__.py":
        importlib.import_module("assessment." + name[:-3])
assessment._snapshot_of = ${JSON.stringify(key)}
del name
`);
fs.writeFileSync(out, pyodide.makeMemorySnapshot());

// Build step (Node): boot Pyodide as the worker would, unpack the engine wheel, import the engine, and write
// the memory snapshot that the worker restores instead of booting (generator/site/snapshot.py calls this), and
// beside it (OUT.imported) the standard library's files already imported into it, as JSON.
// Usage: node snapshot.mjs INDEX_DIR STDLIB_ZIP WHEEL KEY OUT — WHEEL "-": Pyodide alone (`make bench`'s floor)
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [indexDir, stdlib, wheel, key, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: indexDir + path.sep, stdLibURL: stdlib, _makeSnapshot: true,
                                    stdout: () => {}, stderr: () => {} });
if (wheel !== "-") pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel");
// everything the worker imports, so a restored page imports nothing; the key lets the worker refuse a
// snapshot of another engine or runtime. The importers forget the library's table of contents: the page
// restores with a smaller library (the files not imported here), read afresh at the next import.
const imported = pyodide.runPython(`
import gc, json, sys, zipimport
if ${wheel !== "-" ? "True" : "False"}:
    import hashlib, importlib, os, random, assessment
    for name in sorted(os.listdir(assessment.__path__[0])):
        if name.endswith(".py") and name != "__init__.py":
            importlib.import_module("assessment." + name[:-3])
    assessment._snapshot_of = ${JSON.stringify(key)}
    del name
for finder in list(sys.path_importer_cache.values()):
    if isinstance(finder, zipimport.zipimporter):
        finder.invalidate_caches()
del finder
gc.collect()
json.dumps(sorted({f for m in list(sys.modules.values()) if isinstance(f := getattr(m, "__file__", None), str)}))
`);
zeroFreeMemory(pyodide._module);
fs.writeFileSync(out, pyodide.makeMemorySnapshot());
fs.writeFileSync(out + ".imported", imported);

// Memory the program freed still holds what it held (source text read from the library, compiled code):
// zeroed, it costs next to nothing once compressed. Takes every free block from the allocator without letting
// the memory grow, zeroes it and gives it back; then what lies above the allocator's top and the stack's
// unused part.
function zeroFreeMemory(M) {
  const length = M.HEAPU8.length;
  M._malloc_set_footprint_limit(M._malloc_footprint() + (length - M._sbrk(0)));
  const taken = [];
  for (let size = 1 << 22; size >= 16; size >>= 1) {
    for (let block = M._malloc(size); block; block = M._malloc(size)) {
      M.HEAPU8.fill(0, block, block + size);
      taken.push(block);
    }
  }
  taken.forEach(block => M._free(block));
  M._malloc_set_footprint_limit(-1);
  if (M.HEAPU8.length !== length) throw new Error("memory grew while zeroing it");
  M.HEAPU8.fill(0, M._sbrk(0), length);
  M.HEAPU8.fill(0, M._emscripten_stack_get_end(), M._emscripten_stack_get_current());  // the stack grows down
}

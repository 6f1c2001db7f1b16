"""JSON Schema of the YAML format, generated from the model (never written by hand)."""

import json
from pathlib import Path

from . import kinds

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schemas():
    """{file name: schema} — one per file kind. A named type (an item, a condition, an option) is written
    once under `$defs` and pointed to wherever it is used."""
    result = {}
    for kind, spec in kinds.FILE_KINDS.values():
        defs = {}
        schema = {"$schema": SCHEMA_URL, **spec.schema(defs)}
        if defs:
            schema["$defs"] = defs
        result[f"{kind}.schema.json"] = schema
    return result


def write(directory):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = directory / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written

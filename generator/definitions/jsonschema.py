"""JSON Schema of the YAML format, generated from the model (never written by hand). Its descriptions (what
an editor shows when the mouse is over a key) are in the handbook's language: `handbook schema --dir` reads it
from the folder's organisation.yaml."""

import json
from pathlib import Path

from assessment.messages import DEFAULT

from . import docs, kinds
from .schema_types import describing

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schemas(lang=DEFAULT):
    """{file name: schema} — one per file kind, described in `lang`. A named type (an item, a condition, an
    option) is written once under `$defs` and pointed to wherever it is used."""
    result = {}
    for kind, spec in kinds.FILE_KINDS.values():
        defs = {}
        with describing(docs.describer(lang)):
            schema = {"$schema": SCHEMA_URL, **spec.schema(defs)}
        if defs:
            schema["$defs"] = defs
        result[f"{kind}.schema.json"] = schema
    return result


def write(directory, lang=DEFAULT):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas(lang).items():
        path = directory / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written

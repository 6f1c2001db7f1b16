"""Build the engine as a plain `py3-none-any` wheel for Pyodide, with the standard library only.

`pyodide-build` is not used: it downloads a cross-build environment for every command, which
fails offline, and a pure-Python wheel needs nothing platform-specific. The wheel is reproducible
(fixed timestamps, sorted entries), so its hash changes only when the engine does. Docstrings and comments
are left out (`compact`): the browser does not read them.
"""

import ast
import base64
import hashlib
import io
import sys
import zipfile
from pathlib import Path

from .. import ROOT, kept

NAME, VERSION = "assessment", "1.0.0"
FILENAME = f"{NAME}-{VERSION}-py3-none-any.whl"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def compact(source):
    """The engine as the browser needs it: the same code without docstrings and comments (a quarter of the
    wheel, which every self-assessment page downloads). The parity tests run this wheel in Node and Chromium."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return (ast.unparse(tree) + "\n").encode()


def build(out_dir):
    out = Path(out_dir) / FILENAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_made())
    return out


def data():
    """The wheel's bytes, kept between builds under what makes them: the engine's sources, this file and the
    Python whose `ast` compacts them (compacting takes a tenth of a second, every build)."""
    made_from = kept.files_digest(sources())
    return kept.bytes_of("wheel", f"{sys.version}|{Path(__file__).read_text(encoding='utf-8')}|{made_from}", ".whl",
                         _made)


def sources() -> dict:
    """{path inside the engine package: file}: its modules and its message catalogs."""
    package = ROOT / NAME
    found = [*package.glob("*.py"), *package.glob("catalogs/*.json")]
    return {p.relative_to(package).as_posix(): p for p in sorted(found)}


def _made():
    files = {f"{NAME}/{name}": compact(p.read_text(encoding="utf-8")) if name.endswith(".py") else p.read_bytes()
             for name, p in sources().items()}
    info = f"{NAME}-{VERSION}.dist-info"
    files[f"{info}/METADATA"] = (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\n"
                                 "Summary: Competency handbook scoring engine (stdlib only)\n").encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: handbook\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = "".join(f"{name},{_digest(data)},{len(data)}\n" for name, data in files.items())
    files[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, _EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, compresslevel=9)
    return out.getvalue()


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build"))

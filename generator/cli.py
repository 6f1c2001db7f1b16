"""`handbook`: validate the definitions, list them, score answers, archive a release, write the rulebook
or the JSON Schema.

Exit codes: 0 success · 1 the definitions have errors · 2 wrong usage · 3 the answers are invalid ·
4 unknown id or unreadable answers file.
"""

import argparse
import json
import os
import re
import sys
from pathlib import Path

import yaml

import assessment
from assessment.contract import Rulebook
from assessment.errors import AnswerError
from assessment.fingerprint import answers_hash
from assessment.messages import DEFAULT, LANGUAGES, say, speaking, spoken

from . import skeletons
from .importing.sheets import TEMPLATES as TEMPLATE_KINDS
from .definitions import jsonschema, releases, syntax
from .definitions.compile import build_rulebook, compile_definitions
from .definitions.serialised import dumps
from .definitions.diagnostics import DefinitionError
from .definitions.load import declared_language
from .definitions.kinds import BY_NAME

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_ANSWERS, EXIT_NOT_FOUND, EXIT_WRITE, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5, 6
DEFAULT_DIR = os.environ.get("HANDBOOK_DIR", "competencies")

EPILOG = """退出码 / exit codes: 0 成功 success · 1 定义有错 definitions invalid · 2 用法错误 usage ·
3 答案无效 invalid answers · 4 找不到 id 或无法读取答案文件 unknown id / unreadable answers file ·
5 无法写入输出 cannot write the output · 6 内部错误 internal error (a bug: please report it)"""


def _parser():
    p = argparse.ArgumentParser(
        prog="handbook", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="岗位能力手册工具: 校验定义、列出标准、计分、生成规则书。\n"
                    "Competency handbook tool: validate definitions, list, score, write the rulebook.")
    p.add_argument("--lang", choices=LANGUAGES, default=os.environ.get("HANDBOOK_LANG"),
                   help="消息语言 / message language (默认为手册的语言 default: the handbook's language)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def lang(cmd):  # also after the command (`handbook validate DIR --lang en`); absent, the one before counts
        cmd.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return cmd

    def add(name, text):
        cmd = lang(sub.add_parser(name, help=text, description=text))
        cmd.add_argument("--dir", default=DEFAULT_DIR,
                         help=f"定义目录 / definitions directory (默认 default: {DEFAULT_DIR})")
        return cmd

    cmd = add("validate", "校验全部定义并运行算例 / validate all definitions and run their worked examples")
    cmd.add_argument("directory", nargs="?", help="定义目录(同 --dir) / definitions directory (same as --dir)")
    cmd = add("list", "列出标准、规则和岗位 / list standards, rules and roles")
    cmd.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    cmd = add("score", "按标准或规则计分 / score answers against a standard or rule")
    cmd.add_argument("ident", metavar="ID", help="标准或规则的 id / standard or rule id")
    cmd.add_argument("--answers", required=True, type=Path,
                     help="答案文件 .json 或 .yaml（页面导出的答案文件或审核文件均可） / "
                          "answers file (or a page's export or review file)")
    cmd.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    cmd = add("batch", "批量计分: 导出的答案文件、审核文件、文件夹和表格(.xlsx/.csv) → 校准用的 .xlsx、.csv 或 .html / "
                       "score many people")
    cmd.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="答案文件、审核文件、文件夹、.xlsx 或 .csv")
    cmd.add_argument("-o", "--output", type=Path, required=True,
                     help="结果文件 .xlsx、.csv 或校准页 .html / output file")
    cmd.add_argument("--template", metavar="ID",
                     help="改为写出可填写的空表格(.xlsx) / write the empty workbook to fill in")
    cmd = add("template", "输出可填写的答案文件(YAML, 每项带名称、可填的值和说明) / print a fillable answers file")
    cmd.add_argument("ident", metavar="ID", help="标准或规则的 id / standard or rule id")
    init_text = "新建一本手册: 写出能直接校验和生成网站的文件夹 / start a new handbook folder"
    cmd = sub.add_parser("init", help=init_text, description=init_text)
    cmd.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,  # absent, the one before counts
                     help="新手册的语言 (默认 zh) / the new handbook's language (default zh)")
    cmd.add_argument("folder", metavar="DIR", type=Path,
                     help="新手册的文件夹(不存在或为空) / the new handbook's folder")
    cmd.add_argument("--name", help="机构名称(默认: 我们的机构) / the organisation's name (default: Our organisation)")
    cmd.add_argument("--force", action="store_true",
                     help="文件夹里已有文件时也写入, 只补上缺少的文件, 已有的不改 / "
                          "write into a folder that has files: only missing files are written")
    cmd = lang(sub.add_parser("import", help="把 HR 的表格(.xlsx/.csv)导入为定义文件 / "
                                             "turn HR's spreadsheets into definitions",
                              description="把 HR 的表格(.xlsx/.csv)导入为定义文件: 全部检查无误才写入 / turn HR's "
                                          "spreadsheets into definitions: nothing is written unless all is right"))
    cmd.add_argument("books", nargs="*", type=Path, metavar="FILE",
                     help="填好的 .xlsx 或 .csv / the filled-in workbooks")
    cmd.add_argument("--dir", type=Path,
                     help="写入的手册文件夹(不存在或为空时新建) / the handbook folder to write into")
    cmd.add_argument("--template", choices=sorted(TEMPLATE_KINDS),
                     help="改为写出空白模板: roles 部门与岗位 · skills 等级与能力")
    cmd.add_argument("-o", "--output", type=Path, help="模板的输出文件 .xlsx / where the template goes")
    cmd.add_argument("--name", help="新建手册时的机构名称(默认: 我们的机构) / the organisation's name for a new "
                                    "folder (default: Our organisation)")
    cmd.add_argument("--force", action="store_true",
                     help="也改写已有的文件(先列出改动) / also rewrite files that exist")
    cmd = add("new", "新建一个带注释的定义文件, 写好即可通过校验 / write a commented definition file that validates")
    cmd.add_argument("kind", choices=skeletons.WRITTEN,
                     help=" · ".join(f"{kind} {BY_NAME[kind].noun.text('zh')}" for kind in skeletons.WRITTEN))
    cmd.add_argument("ident", metavar="ID", help="标识: 小写英文字母、数字和下划线 / lower-case id")
    cmd.add_argument("--name", help="名称(默认与标识相同) / display name")
    cmd = add("build", "生成网站 (同 make site): 先校验, 成功后才替换输出文件夹 / build the site (as make site)")
    cmd.add_argument("--site-dir", default="site", help="输出文件夹 / output folder (默认 default: site)")
    cmd.add_argument("--site-url", help="网站的完整地址, 仅当网站放在子目录(如 /handbook/)时需要 / the site's address, "
                                        "needed only under a sub-path")
    cmd = add("serve", "预览网站, 保存后自动刷新 (同 make serve) / preview with live reload (as make serve)")
    cmd.add_argument("--addr", default="127.0.0.1:8000", help="地址 / address (默认 default: 127.0.0.1:8000)")
    cmd = add("release", "发布: 把当前版本的规则书存档到 _releases/ (与 YAML 一起提交) / "
                         "archive this version as released")
    cmd = add("rulebook", "输出编译后的规则书 JSON / write the compiled rulebook JSON")
    cmd.add_argument("-o", "--output", type=Path, help="输出文件(默认标准输出) / output file (default stdout)")
    cmd = add("schema", "生成 YAML 格式的 JSON Schema, 供编辑器提示 / write the JSON Schema of the YAML format")
    cmd.add_argument("-o", "--output", type=Path, help="输出目录 / output directory (默认 default: DIR/_schema)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "directory", None):
        args.dir = args.directory
    if args.lang is None:  # neither --lang nor HANDBOOK_LANG: the language the handbook is written in
        folder = getattr(args, "dir", None)  # (some commands, `import --template`, name none)
        args.lang = declared_language(Path(folder)) if folder else DEFAULT
    if hasattr(args, "dir") and args.command not in ("validate", "schema", "import"):  # these say it themselves
        print(say("cli.folder", args.lang, folder=args.dir), file=sys.stderr)
    try:
        with speaking(args.lang):  # every message below, and the engine's, in the chosen language
            return COMMANDS[args.command](args)
    except DefinitionError as exc:
        print(exc.format(args.lang), file=sys.stderr)
        count = len(exc.diagnostics)
        print(say("cli.error_count", args.lang, count=count), file=sys.stderr)
        return EXIT_INVALID
    except CannotWrite as exc:
        print(say("cli.cannot_write", args.lang, path=exc.path, reason=exc.reason), file=sys.stderr)
        return EXIT_WRITE
    except BrokenPipeError:
        # the reader stopped early (`handbook rulebook | head`): it has what it wanted, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's own flush at exit finds no pipe
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 — a person sees a sentence, not a traceback (HANDBOOK_DEBUG=1 shows it)
        if os.environ.get("HANDBOOK_DEBUG"):
            raise
        print(say("cli.internal", args.lang, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_INTERNAL


class CannotWrite(Exception):
    def __init__(self, path, reason):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CannotWrite(path, exc.strerror or exc) from None


def read_answers(path: Path) -> dict:
    """The answers in a .json or .yaml file, or raise ValueError with a sentence saying what is wrong.
    UTF-8 (with or without BOM) and UTF-16 with BOM are read; GBK gets the same advice as definitions."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(f"{say('definitions.gbk_file')} — {say('definitions.gbk_file.hint')}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except RecursionError:
        raise ValueError(say("cli.nested")) from None
    except yaml.MarkedYAMLError as exc:  # said as for a definition file: where, what, and the fix
        found = syntax.explain(path, text, exc)
        what, fix = found.message(spoken())
        raise ValueError(say("cli.at", line=found.line, col=found.col, what=what, fix=fix)) from None
    except (ValueError, yaml.YAMLError) as exc:
        raise ValueError(say("cli.not_valid", format=path.suffix.lstrip(".").upper() or "JSON", error=exc)) from None
    if isinstance(data, str) and (slip := syntax.full_width_key(text)):  # "score： 90" reads as one text
        line, col = slip
        raise ValueError(say("cli.full_width_colon", line=line, col=col))
    return data


def _warn(warnings, lang):
    for warning in warnings:
        print(say("note", lang) + warning.format(lang), file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    compiled = compile_definitions(args.dir)
    rulebook = compiled.rulebook
    _warn(compiled.warnings, args.lang)
    n_examples = sum(len(d["examples"]) for d in rulebook["standards"] + rulebook["rules"])
    print(say("cli.valid", args.lang, folder=args.dir, roles=len(rulebook["roles"]),
              standards=len(rulebook["standards"]), rules=len(rulebook["rules"]),
              processes=len(rulebook["processes"]), policies=len(rulebook["policies"]), examples=n_examples,
              version=rulebook["version"]))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    rulebook = build_rulebook(args.dir)
    rows = ([{"kind": "standard", "id": s["id"], "name": s["name"]} for s in rulebook["standards"]]
            + [{"kind": "rule", "id": r["id"], "name": r["name"]} for r in rulebook["rules"]]
            + [{"kind": "role", "id": r["id"], "name": r["name"]} for r in rulebook["roles"]])
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['kind']:9} {row['id']:32} {row['name']}")
    return EXIT_OK


def _score(args: argparse.Namespace) -> int:
    rulebook = build_rulebook(args.dir)
    try:
        answers = read_answers(args.answers)
    except OSError as exc:
        print(say("cli.unreadable_answers", path=args.answers, error=exc.strerror or exc), file=sys.stderr)
        return EXIT_NOT_FOUND
    except ValueError as exc:
        print(say("cli.unreadable_answers", path=args.answers, error=exc), file=sys.stderr)
        return EXIT_NOT_FOUND
    try:
        assessment.find(rulebook, args.ident)
    except KeyError:
        return _no_such(rulebook, args.ident)
    try:
        answers = _unwrap(rulebook, args.ident, answers, args.answers, args.lang)
        result = assessment.run(rulebook, args.ident, answers)
    except WrongFile as exc:
        print(f"{args.answers}: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND
    except AnswerError as exc:
        for problem in exc.problems:
            print(f"{args.answers}: {problem.text(args.lang)}", file=sys.stderr)
        return EXIT_ANSWERS
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from .appraisal.report import text_report

        with speaking(args.lang):  # the report's own words; the result's texts are the handbook's
            print(text_report(result))
    return EXIT_OK


def _no_such(rulebook: Rulebook, ident: str) -> int:
    ids = ", ".join(d["id"] for d in rulebook["standards"] + rulebook["rules"])
    print(say("cli.no_such", ident=ident, ids=ids), file=sys.stderr)
    return EXIT_NOT_FOUND


class WrongFile(Exception):
    """An exported answers file of another standard or rule."""


def _unwrap(rulebook, ident, data, path, lang):
    """The answers in a file exported by a self-assessment page (导出答案), brought to this rulebook as the
    page brings them (assessment.carry_over), each change said on stderr; any other file is the answers."""
    from .appraisal import batch

    if not batch.is_export(data):
        return data
    if data["definition"] != ident:
        name = data.get("definition_name") or data["definition"]
        raise WrongFile(say("cli.wrong_file", name=name, ident=ident, definition=data["definition"]))
    carried = batch.from_export(rulebook, data)
    if batch.is_review(data):
        print(say("cli.review_file", path=path, reviewer=batch.reviewer_name(data)), file=sys.stderr)
        if note := batch.sealed_note(data):
            print(f"{path}: {note}", file=sys.stderr)
    if data.get("rulebook_hash") != answers_hash(rulebook, ident):
        print(say("cli.carried", path=path, version=rulebook["version"],
                  **{"from": data.get("rulebook_version") or say("page.unknown")}), file=sys.stderr)
    for change in carried["changes"]:
        print(f"{path}: {change['text']}", file=sys.stderr)
    return carried["answers"]


def _batch(args: argparse.Namespace) -> int:
    from .appraisal import batch

    rulebook = build_rulebook(args.dir)
    if (args.output.suffix.lower() not in (".xlsx", ".csv", ".html")
            or (args.template and args.output.suffix.lower() != ".xlsx")):
        print(say("cli.batch_output", path=args.output), file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.template:
            if batch.find_definition(rulebook, args.template)[0] is None:
                return _no_such(rulebook, args.template)
            batch.template(rulebook, args.template, args.output)
            print(say("cli.template_written", path=args.output))
            return EXIT_OK
        rows = batch.score(batch.read(args.inputs, rulebook), rulebook)
        batch.write(rows, args.output, rulebook)
    except OSError as exc:
        raise CannotWrite(args.output, exc.strerror or exc) from None
    failed = [row for row in rows if row.errors]
    for row in failed:
        for error in row.errors:
            print(error, file=sys.stderr)
    for row in rows:
        for note in row.entry.notes:
            print(say("cli.batch_note", source=row.entry.source, note=note), file=sys.stderr)
    print(say("cli.batch_done", rows=len(rows), scored=sum(1 for r in rows if r.result), failed=len(failed),
              output=args.output))
    return EXIT_ANSWERS if failed else EXIT_OK


def _template(args: argparse.Namespace) -> int:
    """A fillable answers file: every item or field with its name, what it accepts and its description."""
    rulebook = build_rulebook(args.dir)
    try:
        kind, definition = assessment.find(rulebook, args.ident)
    except KeyError:
        return _no_such(rulebook, args.ident)
    from .appraisal.report import answers_template

    print(answers_template(kind, definition, rulebook["version"]), end="")
    return EXIT_OK


def _rulebook(args: argparse.Namespace) -> int:
    text = dumps(build_rulebook(args.dir))
    if args.output:
        _write(args.output, text + "\n")
    else:
        print(text)
    return EXIT_OK


def _release(args: argparse.Namespace) -> int:
    """What HR runs when publishing: the compiled rulebook archived under its version, for the
    版本变更 page of every later release."""
    rulebook = build_rulebook(args.dir)
    try:
        path, status = releases.release(args.dir, rulebook)
    except ValueError as exc:
        print(say("cli.released_other", error=exc, version=rulebook["version"],
                  next=releases.next_version(rulebook["version"])), file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        raise CannotWrite(releases.archive_path(args.dir, rulebook["version"]), exc.strerror or exc) from None
    if status == "unchanged":
        print(say("cli.released_same", version=rulebook["version"], path=path))
    else:
        print(say("cli.archived", version=rulebook["version"], path=path))
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", args.ident) or args.ident == "index":
        print(say("cli.bad_ident", ident=args.ident), file=sys.stderr)
        return EXIT_USAGE
    path = Path(args.dir) / BY_NAME[args.kind].key / f"{args.ident}.yaml"
    if path.exists():
        print(say("cli.exists", path=path), file=sys.stderr)
        return EXIT_INVALID
    rulebook = build_rulebook(args.dir)
    # written in args.lang: --lang (or HANDBOOK_LANG), else the language the handbook's organisation.yaml declares
    _write(path, skeletons.skeleton(args.kind, args.ident, args.name or args.ident, rulebook, args.lang))
    print(say("cli.created", path=path))
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from . import starter

    try:
        written, kept = starter.init(args.folder, args.name, args.force, args.lang)  # --lang, HANDBOOK_LANG or zh
    except starter.NotEmpty:
        print(say("cli.not_empty", folder=args.folder), file=sys.stderr)
        return EXIT_WRITE
    except OSError as exc:
        raise CannotWrite(args.folder, exc.strerror or exc) from None
    for path in kept:
        print(say("cli.kept", path=path), file=sys.stderr)
    print(say("cli.initialised", folder=args.folder, count=len(written)) + "\n"
          f"  handbook validate {args.folder}\n  handbook serve --dir {args.folder}\n"
          f"  handbook build --dir {args.folder} --site-dir {say('cli.site_folder')}\n"
          + say("cli.see", readme=Path(args.folder) / "README.md"))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from . import importing
    from .importing import template

    if args.template:
        if not args.output or args.output.suffix.lower() != ".xlsx":
            print(say("cli.template_file"), file=sys.stderr)
            return EXIT_USAGE
        if args.output.exists() and not args.force:
            print(say("cli.exists_force", path=args.output), file=sys.stderr)
            return EXIT_WRITE
        try:
            template.write(args.template, args.output)
        except OSError as exc:
            raise CannotWrite(args.output, exc.strerror or exc) from None
        print(say("cli.template_done", path=args.output))
        return EXIT_OK
    if not args.books or not args.dir:
        print(say("cli.import_usage"), file=sys.stderr)
        return EXIT_USAGE
    print(say("cli.folder", folder=args.dir), file=sys.stderr)
    try:
        from .starter import STARTERS

        name = args.name or STARTERS[args.lang]["name"]  # a new folder's organisation, in the language spoken
        result, problems = importing.plan(args.books, args.dir, name)
    except importing.NotAHandbook:
        print(say("cli.not_a_handbook", folder=args.dir), file=sys.stderr)
        return EXIT_INVALID
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(say("cli.import_problems", count=len(problems)), file=sys.stderr)
        return EXIT_INVALID
    for relative in result.same:
        print(say("cli.unchanged", path=relative))
    for relative in result.new:
        print(say("cli.new", path=relative))
    for relative in result.changed:
        print(say("cli.changed", path=relative) + ("" if args.force else say("cli.needs_force"))
              + (say("cli.what_changed", what=result.what[relative]) if result.what.get(relative) else ""))
    if result.changed and not args.force:
        print(say("cli.would_change", count=len(result.changed)), file=sys.stderr)
        return EXIT_WRITE
    if not (Path(args.dir) / "_schema").exists():
        print(say("cli.schema_new"))
    try:
        importing.write(args.dir, result)
    except OSError as exc:
        raise CannotWrite(args.dir, exc.strerror or exc) from None
    print(say("cli.imported", folder=args.dir, new=len(result.new), changed=len(result.changed)))
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from .site import builder as site

    return site.build(args.site_dir, definitions=args.dir, site_url=args.site_url)


def _serve(args: argparse.Namespace) -> int:
    from .site import builder as site

    return site.serve(args.addr, args.dir)


def _schema(args: argparse.Namespace) -> int:
    target = args.output or Path(args.dir) / "_schema"
    try:
        written = jsonschema.write(target, declared_language(Path(args.dir)))  # described in its language
    except OSError as exc:
        raise CannotWrite(target, exc.strerror or exc) from None
    for path in written:
        print(path)
    return EXIT_OK


COMMANDS = {"init": _init, "import": _import, "validate": _validate, "list": _list, "score": _score, "batch": _batch,
            "template": _template, "new": _new, "build": _build, "serve": _serve,
            "release": _release, "rulebook": _rulebook, "schema": _schema}

if __name__ == "__main__":
    sys.exit(main())

"""`handbook`: validate the definitions, list them, score answers, write the rulebook or the JSON Schema.

Exit codes: 0 success · 1 the definitions have errors · 2 wrong usage · 3 the answers are invalid ·
4 unknown id or unreadable answers file.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

import assessment
from assessment.errors import AnswerError

from .definitions import jsonschema
from .definitions.compile import build_rulebook, dumps
from .definitions.diagnostics import DefinitionError

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_ANSWERS, EXIT_NOT_FOUND = 0, 1, 2, 3, 4
DEFAULT_DIR = os.environ.get("HANDBOOK_DIR", "competencies")

EPILOG = """退出码 / exit codes: 0 成功 success · 1 定义有错 definitions invalid · 2 用法错误 usage ·
3 答案无效 invalid answers · 4 找不到 id 或答案文件 unknown id / unreadable answers file"""


def _parser():
    p = argparse.ArgumentParser(
        prog="handbook", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="岗位能力手册工具: 校验定义、列出标准、计分、生成规则书。\n"
                    "Competency handbook tool: validate definitions, list, score, write the rulebook.")
    p.add_argument("--lang", choices=["zh", "en"], default=os.environ.get("HANDBOOK_LANG", "zh"),
                   help="消息语言 / message language (默认 default: zh)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name, text):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--dir", default=DEFAULT_DIR,
                         help=f"定义目录 / definitions directory (默认 default: {DEFAULT_DIR})")
        return cmd

    cmd = add("validate", "校验全部定义并运行算例 / validate all definitions and run their worked examples")
    cmd.add_argument("directory", nargs="?", help="定义目录(同 --dir) / definitions directory (same as --dir)")
    cmd = add("list", "列出标准、规则和岗位 / list standards, rules and roles")
    cmd.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    cmd = add("score", "按标准或规则计分 / score answers against a standard or rule")
    cmd.add_argument("ident", metavar="ID", help="标准或规则的 id / standard or rule id")
    cmd.add_argument("--answers", required=True, type=Path, help="答案文件 .json 或 .yaml / answers file")
    cmd.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    cmd = add("rulebook", "输出编译后的规则书 JSON / write the compiled rulebook JSON")
    cmd.add_argument("-o", "--output", type=Path, help="输出文件(默认标准输出) / output file (default stdout)")
    cmd = sub.add_parser("schema", help="生成 YAML 格式的 JSON Schema / write the JSON Schema of the YAML format")
    cmd.add_argument("-o", "--output", type=Path, default=Path(DEFAULT_DIR) / "_schema",
                     help="输出目录 / output directory")
    return p


def main(argv=None):
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except DefinitionError as exc:
        print(exc.format(args.lang), file=sys.stderr)
        count = len(exc.diagnostics)
        print(f"共 {count} 处错误。" if args.lang == "zh" else f"{count} error(s).", file=sys.stderr)
        return EXIT_INVALID


def _validate(args):
    rulebook = build_rulebook(args.directory or args.dir)
    n_examples = sum(len(d["examples"]) for d in rulebook["standards"] + rulebook["rules"])
    if args.lang == "zh":
        print(f"定义有效: {len(rulebook['roles'])} 个岗位, {len(rulebook['standards'])} 个标准, "
              f"{len(rulebook['rules'])} 条规则, {n_examples} 个算例全部通过。版本 {rulebook['version']}")
    else:
        print(f"Definitions valid: {len(rulebook['roles'])} roles, {len(rulebook['standards'])} standards, "
              f"{len(rulebook['rules'])} rules, {n_examples} worked examples pass. Version {rulebook['version']}")
    return EXIT_OK


def _list(args):
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


def _score(args):
    rulebook = build_rulebook(args.dir)
    try:
        text = args.answers.read_text(encoding="utf-8-sig")
        answers = json.loads(text) if args.answers.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"{args.answers}: 无法读取答案文件 / cannot read the answers file: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND
    try:
        result = assessment.run(rulebook, args.ident, answers)
    except KeyError:
        ids = ", ".join(d["id"] for d in rulebook["standards"] + rulebook["rules"])
        print(f"没有标准或规则“{args.ident}” / no standard or rule {args.ident!r}. 可用 available: {ids}",
              file=sys.stderr)
        return EXIT_NOT_FOUND
    except AnswerError as exc:
        for problem in exc.problems:
            print(f"{args.answers}: {problem.text(args.lang)}", file=sys.stderr)
        return EXIT_ANSWERS
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from .report import text_report

        print(text_report(result))
    return EXIT_OK


def _rulebook(args):
    text = dumps(build_rulebook(args.dir))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return EXIT_OK


def _schema(args):
    for path in jsonschema.write(args.output):
        print(path)
    return EXIT_OK


COMMANDS = {"validate": _validate, "list": _list, "score": _score, "rulebook": _rulebook, "schema": _schema}

if __name__ == "__main__":
    sys.exit(main())

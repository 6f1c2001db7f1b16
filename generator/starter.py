"""`handbook init DIR`: a new handbook folder that validates and builds as written — an organisation, a department,
one role, one standard with a worked example, one rule, the editor's schema and settings, and a short README for
HR. Nothing is ever overwritten: a folder that holds files is refused unless --force, and then only missing files
are written."""

import datetime
import json
from pathlib import Path

from . import skeletons
from .definitions import jsonschema
from .definitions.kinds import FILE_KINDS

ORGANISATION = """\
# yaml-language-server: $schema=_schema/organisation.schema.json
# 机构信息: name 是网站标题和页脚上的机构名称, summary 显示在首页。
name: {name}
version: "{version}"               # 规则版本: 每次发布前提高, 例如 {version} → {next_version}
effective_date: {today}       # 生效日期 YYYY-MM-DD
summary: {summary}
"""

DEPARTMENTS = """\
# yaml-language-server: $schema=_schema/departments.schema.json
# 部门: 每个部门一项; parent 写上级部门的 id。
departments:
  - id: general
    name: 综合部
    summary: 一句话说明这个部门做什么。
"""

README = """\
# {name} · 岗位能力手册

这个文件夹就是手册: 每个 YAML 文件写一件事, 网站和自评页都由它们生成。

| 文件或文件夹 | 内容 |
|---|---|
| `organisation.yaml` | 机构名称、规则版本、生效日期、简介 |
| `departments.yaml` | 部门 |
| `roles/` | 岗位说明书, 每个岗位一个文件 |
| `standards/` | 定级与考核标准(每个都带算例, 校验时重新计算) |
| `rules/` | 晋升与降级规则 |
| `pages/` | (可选) 机构自己的页面: `pages/index.md` 是首页, 不写时首页由定义生成 |
| `_schema/` | 编辑器的格式提示, 由 `handbook schema --dir 本文件夹` 重新生成, 不要手工修改 |

常用命令(在这个文件夹的上一级运行, `{folder}` 换成本文件夹的路径):

    handbook validate {folder}                         # 校验: 每个问题写明文件、行号和改法
    handbook new role night_shift --dir {folder}       \
# 新建一个带注释的岗位文件(还有 skill、standard、rule、process、policy)
    handbook serve --dir {folder}                      # 预览: 浏览器打开 http://127.0.0.1:8000, 保存后自动刷新
    handbook build --dir {folder} --site-dir 网站      # 生成网站到“网站”文件夹, 复制到内网服务器即可

用 VS Code 打开这个文件夹(安装 Red Hat 的 YAML 插件), 输入时会有补全和提示。
"""

VSCODE_EXTENSIONS = '{ "recommendations": ["redhat.vscode-yaml"] }\n'


def vscode_settings():
    """The schema for each kind of file, for VS Code opened on this folder (also for a new file without the
    first-line pointer)."""
    files = {schema: place if place.endswith(".yaml") else f"{place}/*.yaml"
             for place, (schema, _) in FILE_KINDS.items()}
    settings = {"yaml.schemas": {f"./_schema/{schema}.schema.json": glob for schema, glob in files.items()},
                "files.encoding": "utf8", "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2}}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def files(name, folder_label, today=None):
    """{relative path: text} of a new handbook named `name`."""
    today = today or datetime.date.today()
    version = f"{today.year}.1"
    rulebook = {"departments": [{"id": "general"}]}
    role = skeletons.skeleton("role", "first_role", "第一个岗位", rulebook)
    role = (role.replace("standards: []                  # 适用的定级与考核标准 id",
                         "standards: [monthly_review]    # 适用的定级与考核标准 id")
            .replace("rules: []                      # 适用的晋升与降级规则 id",
                     "rules: [monthly_promotion]     # 适用的晋升与降级规则 id"))
    return {
        "organisation.yaml": ORGANISATION.format(
            name=_quoted(name), summary=_quoted(f"{name}的岗位职责、定级与考核标准和晋升规则。"), version=version,
            next_version=f"{today.year}.2", today=today.isoformat()),
        "departments.yaml": DEPARTMENTS,
        "roles/first_role.yaml": role,
        "standards/monthly_review.yaml": skeletons.skeleton("standard", "monthly_review", "月度考核", rulebook),
        "rules/monthly_promotion.yaml": skeletons.skeleton("rule", "monthly_promotion", "月度考核晋升", rulebook),
        "README.md": README.format(name=name, folder=folder_label),
        ".vscode/settings.json": vscode_settings(),
        ".vscode/extensions.json": VSCODE_EXTENSIONS,
    }


def _quoted(text):
    """Any text as a YAML scalar that reads back as typed (JSON is YAML)."""
    return json.dumps(text, ensure_ascii=False)


class NotEmpty(Exception):
    """The folder holds files and --force was not given: nothing was written."""


def init(folder, name, force=False):
    """Writes the new handbook into `folder`; returns (written, kept): the paths written and the ones that
    existed already and were left as they were. NotEmpty when the folder holds anything and not `force`."""
    folder = Path(folder)
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise NotEmpty(folder)
    written, kept = [], []
    for relative, text in files(name, str(folder)).items():
        path = folder / relative
        if path.exists():
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:  # "x": never over a file made meanwhile
            out.write(text)
        written.append(path)
    schema = folder / "_schema"
    if not schema.exists():
        written += jsonschema.write(schema)
    else:
        kept.append(schema)
    return written, kept

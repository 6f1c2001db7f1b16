"""Located problems in the definitions, printed as `file:line:col: what is wrong — how to fix`.

Each code has a Chinese and an English message and hint; parameters fill the {placeholders}, a parameter
that differs by language being a `Words` pair (assessment/messages.py: a kind's name, a "did you mean" hint).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from assessment.messages import render

MESSAGES = {
    # file level
    "not_utf8": ("文件不是 UTF-8 编码", "用文本编辑器以“UTF-8”编码另存此文件",
                 "the file is not UTF-8", "re-save the file with UTF-8 encoding"),
    "gbk_file": ("文件是 GBK/GB2312 编码，不是 UTF-8", "在记事本中“另存为”并选择编码“UTF-8”，或用 VS Code 右下角“通过编码保存”选择 UTF-8",
                 "the file is GBK/GB2312 encoded, not UTF-8", "re-save it as UTF-8 (Notepad: Save As → Encoding UTF-8)"),
    "unreadable": ("无法读取：{error}", "检查文件或文件夹是否存在、是否有读取权限（其中的定义不会被发布）",
                   "cannot be read: {error}", "check that it exists and is readable (its definitions would be missing)"),
    "not_a_file": ("不是普通文件（是文件夹，或是指向不存在文件的链接）", "改成普通的 .yaml 文件，或删除它",
                   "not a regular file (a folder, or a link to a missing file)", "make it a plain .yaml file or remove it"),
    "not_yaml": ("这不是 .yaml 文件，其中的内容不会被读取", "定义文件须以 .yaml 结尾：改名，或把它移出定义目录（说明文字可用 .md）",
                 "not a .yaml file: it is not read", "definition files end in .yaml: rename it or move it out (notes may be .md)"),
    "folder_link": ("这是指向别处的文件夹链接，不会被读取", "把文件夹本身放到这里，或删除链接",
                    "this is a link to a folder elsewhere and is not followed", "move the folder itself here or remove the link"),
    "empty_file": ("文件为空", "填写内容，或删除此文件", "the file is empty", "add definitions or delete the file"),
    "tab_indent": ("行首使用了制表符（Tab）", "YAML 只能用空格缩进：把 Tab 换成两个空格",
                   "a tab is used for indentation", "YAML indents with spaces: replace the tab with two spaces"),
    "control_character": ("这里有一个看不见的控制字符（{code}），YAML 不允许", "删除这个字符（它常随从别的软件复制的文字而来）",
                          "an invisible control character ({code}) YAML does not allow", "delete it (it often comes with text copied from other software)"),
    "yaml_syntax": ("YAML 格式有误，无法读取此文件", "检查这一行及上一行的缩进、冒号和引号是否配对",
                    "YAML syntax error: {problem}", "check indentation, colons and matching quotes here"),
    "yaml_full_width": ("这里用了{name}“{char}”，YAML 只认英文的“{ascii}”", "把“{char}”改成英文的“{ascii}”（切换到英文输入法再输入）{colon_hint}",
                        "a full-width '{char}' where YAML needs '{ascii}' ({problem})", "type '{ascii}' with an English input method"),
    "yaml_missing_colon": ("这一行缺少英文冒号“:”，不是“键: 值”的形式", "在键后面写英文冒号和一个空格（如 name: 客服）；一段文字分写在几行时，给整段文字加引号",
                           "this line lacks a ':' ({problem})", "write 'key: value' with an ASCII colon and a space; quote text that spans lines"),
    "yaml_colon_in_text": ("文字中的英文冒号加空格“: ”被当成了“键: 值”", "给整段文字加英文引号（如 summary: \"说明: 其他\"），或把冒号改成中文冒号“：”",
                           "': ' inside text is read as 'key: value' ({problem})", "quote the whole text, or use a full-width colon"),
    "yaml_unclosed_quote": ("从这里开始的引号没有闭合", "在这段文字的末尾补上同样的引号（\" 或 '），引号要成对",
                            "the quote opened here is never closed ({problem})", "close the quote at the end of the text"),
    "yaml_unclosed": ("引号或括号没有闭合，文件就结束了", "检查从这里开始的引号和括号是否成对",
                      "a quote or bracket is never closed ({problem})", "check that quotes and brackets starting here are closed"),
    "yaml_unclosed_bracket": ("从这里开始的括号没有闭合", "在这一项的末尾补上对应的“]”或“}}”（括号要成对）",
                              "the bracket opened here is never closed ({problem})", "close it with the matching ']' or '}}'"),
    "yaml_flow": ("花括号“{{…}}”或方括号“[…]”中的内容有误", "检查括号是否成对、各项之间是否用英文逗号“,”隔开；文字中含逗号或冒号时，给这段文字加引号",
                  "a '{{…}}' or '[…]' is malformed ({problem})", "check the brackets pair up and items are separated by ','; quote text holding ',' or ':'"),
    "yaml_indent": ("这一行的缩进与上下文不一致", "同一层的键要对齐（缩进相同的空格数）：对照上一行，增删行首的空格",
                    "this line's indentation does not match ({problem})", "align keys of the same level with the same number of spaces"),
    "yaml_list_level": ("列表项“- ”的缩进与同一列表的其他项不一致，或写在了不能放列表的地方", "同一列表的各个“-”要对齐；列表要写在“键:”的下一行，并比键多缩进两个空格",
                        "a list item '- ' is at the wrong level ({problem})", "align the '-' of one list; a list goes under its 'key:', indented two spaces more"),
    "full_width_number": ("“{value}”用了全角数字", "改成半角数字 {ascii}（切换到英文输入法再输入）",
                          "'{value}' is written with full-width digits", "write {ascii}"),
    "yaml_dash_space": ("列表项的“-”后面少了一个空格", "写成“- 内容”：短横线后面空一格",
                        "a list item's '-' needs a space after it ({problem})", "write '- item' with a space"),
    "yaml_after_quote": ("引号闭合后还有文字", "把整段文字都放进引号里，或去掉引号",
                         "text follows a closing quote ({problem})", "put the whole text inside the quotes, or drop them"),
    "yaml_bad_start": ("文字不能以“{char}”开头", "给这段文字加英文引号（如 note: \"{char}…\"）",
                       "text cannot start with '{char}' ({problem})", "quote the text"),
    "yaml_tab": ("这里有一个制表符（Tab）", "YAML 只能用空格：把 Tab 换成空格",
                 "a tab character here ({problem})", "replace the tab with spaces"),
    "yaml_escape": ("双引号中的“\\{char}”不是有效的转义", "在双引号里把反斜杠写成两个“\\\\”，或改用单引号",
                    "'\\{char}' is not a valid escape in double quotes ({problem})", "double the backslash, or use single quotes"),
    "yaml_too_deep": ("嵌套超过 {limit} 层", "定义文件不需要这么深的嵌套：检查是否多写了括号“[”“{{”或缩进",
                      "nesting deeper than {limit} levels", "definitions never nest this deep: look for stray brackets"),
    "yaml_too_large": ("展开后超过 {limit} 个值（锚点“&”与别名“*”层层引用）", "不要用别名层层复制内容：直接写出需要的内容",
                       "more than {limit} values once aliases are expanded", "write the content out instead of nesting aliases"),
    "yaml_recursive_alias": ("别名“*{anchor}”引用了它自己所在的内容", "删除这个别名，直接写出内容",
                             "alias '*{anchor}' refers to the content it is part of", "remove the alias and write the content out"),
    "yaml_unknown_alias": ("别名“*{anchor}”没有对应的锚点“&{anchor}”", "先用 &{anchor} 标记内容，或删除“*”",
                           "alias '*{anchor}' has no anchor '&{anchor}'", "define the anchor first or remove the '*'"),
    "yaml_bad_tag": ("不支持的标签“{tag}”", "删除以“!”开头的标签，直接写值",
                     "unsupported tag '{tag}'", "remove the '!' tag and write the plain value"),
    "yaml_many_documents": ("一个文件里有多个文档（“---”分隔）", "每个文件只写一个定义：删除“---”或拆成两个文件",
                            "more than one document in the file ('---')", "one definition per file: remove '---' or split the file"),
    "number_out_of_range": ("数字“{value}”超出允许范围（最多 {digits} 位有效数字，绝对值小于 10^12, 不能是 .inf/.nan）",
                            "改成合理的数值；若本意是文字，给它加引号",
                            "the number '{value}' is out of range (at most {digits} significant digits, below 10^12, "
                            "no .inf/.nan)", "use a sensible value; quote it if it is meant as text"),
    "duplicate_key": ("键“{key}”重复出现", "删除或合并重复的键", "key '{key}' appears twice", "remove or merge the duplicate"),
    # structure
    "unknown_key": ("未知的键“{key}”{near}", "允许的键：{allowed}", "unknown key '{key}'{near}", "allowed keys: {allowed}"),
    "unknown_key_text": ("“{key}”被当成了键：花括号 {{…}} 写法里的英文逗号会把文字断开", "给这段文字加引号，或改用中文逗号“，”",
                         "'{key}' was read as a key: an ASCII comma inside {{…}} splits the text",
                         "quote the text, or use a full-width comma"),
    "text_colon": ("这段文字被读成了“键: 值”：文字里的英文冒号加空格“: ”会把它断开", "给整段文字加引号，或改用中文冒号“：”",
                   "this text was read as 'key: value': a colon followed by a space splits it",
                   "quote the whole text, or use a full-width colon"),
    "missing_key": ("缺少必填的键“{key}”", "添加“{key}: …”", "missing required key '{key}'", "add '{key}: …'"),
    "wrong_type": ("“{key}”应为{expected}，实际是{got}", "按格式说明修改此值",
                   "'{key}' must be {expected}, got {got}", "change the value to the documented form"),
    "bad_id": ("标识“{value}”不合法", "只用小写英文字母、数字和下划线，以字母开头，如 team_lead",
               "invalid id '{value}'", "use lowercase ASCII letters, digits and _, starting with a letter (team_lead)"),
    "release_edited": ("已发布版本 {version} 的存档被改动过（内容与它记录的摘要不符）",
                       "存档是已发布规则的原样记录，不能修改：用 git 恢复此文件（git checkout -- 此文件）；要改规则请改 YAML, 提高 version 后重新发布",
                       "the archive of released version {version} was edited (its content no longer matches its hash)",
                       "archives record what was published: restore it with git; change the YAML and raise version instead"),
    "release_unreadable": ("无法读取已发布版本的存档：{error}", "用 git 恢复此文件（git checkout -- 此文件）",
                           "cannot read a release archive: {error}", "restore the file with git"),
    "version_unchanged": ("规则内容与已发布的版本 {version} 不同，但 version 仍是 {version}",
                          "发布前把 version 改成新的版本号（例如 {next}），员工才能看出规则变了；重新生成后《版本变更》页会列出改动",
                          "the content differs from released version {version}, but version is still {version}",
                          "raise version (e.g. {next}) before publishing; the changelog page lists the changes"),
    "impossible_date": ("日期“{value}”不存在", "月份为 01–12，日期不超过当月天数（如 2 月最多 29 日），格式 YYYY-MM-DD",
                        "the date '{value}' does not exist", "months are 01–12 and days fit the month (YYYY-MM-DD)"),
    "bad_enum": ("“{value}”不是允许的取值", "可选：{allowed}", "'{value}' is not allowed", "choose one of: {allowed}"),
    "too_few": ("“{key}”至少需要 {min} 项", "补充条目", "'{key}' needs at least {min} entries", "add entries"),
    "bad_file_kind": ("无法判断此文件的类型", "定义文件只能是 {files}，或放在 {folders} 文件夹中",
                      "cannot tell what this file defines", "definition files are {files} or live in the folders {folders}"),
    # references and identity
    "unknown_ref": ("引用了不存在的{kind}“{value}”{near}", "检查拼写，或先定义它",
                    "unknown {kind} '{value}'{near}", "check the spelling or define it first"),
    "same_name": ("另一个{kind}也叫“{value}”({other}), 目录、组织架构图和搜索中会出现两个同名条目",
                  "如果是复制后忘了改名，请改成新的名称；确实同名时可忽略此提示",
                  "another {kind} is also named '{value}' ({other}): both show under one name",
                  "rename the copy; ignore this note if the names are meant to be the same"),
    "duplicate_id": ("{kind}标识“{value}”重复（首次出现于 {first}）", "每个标识必须唯一：改名其中一个",
                     "duplicate {kind} id '{value}' (first defined at {first})", "ids must be unique: rename one"),
    "reporting_cycle": ("汇报关系成环：{chain}", "修改其中一个岗位的 reports_to", "reporting lines form a cycle: {chain}",
                        "change reports_to of one of these roles"),
    "department_cycle": ("上级部门成环：{chain}", "修改其中一个部门的 parent", "parent departments form a cycle: {chain}",
                         "change parent of one of these departments"),
    "bad_level": ("能力“{competency}”没有等级“{value}”", "可选等级：{allowed}", "competency '{competency}' has no level '{value}'",
                  "levels: {allowed}"),
    "ladder_mixed": ("有的级别写了 ladder（阶梯），这一级没有写",
                     "要么每一级都写所属阶梯（如 专业序列），要么都不写（全部级别是一条阶梯）",
                     "some levels name their ladder and this one does not",
                     "name the ladder of every level, or of none (then all levels are one ladder)"),
    "ladder_split": ("阶梯“{value}”的级别没有写在一起（前面已有这一阶梯的级别，中间隔着别的阶梯）",
                     "把同一阶梯的级别按从低到高连续写在一起",
                     "the levels of ladder '{value}' are not listed together",
                     "list each ladder's levels together, low to high"),
    "reserved_id": ("标识“{value}”是保留字，不能使用", "换一个标识（“index”是目录页的文件名，“none”表示未定级）",
                    "the id '{value}' is reserved", "choose another id ('index' names the list pages, 'none' means no grade)"),
    "rule_standard_clash": ("规则与标准同名：标识“{value}”已是一个标准的标识（{first}），两者的自评页会互相覆盖",
                            "给规则或标准换一个标识", "rule id '{value}' is also a standard's id ({first}); their "
                            "self-assessment pages would overwrite each other", "rename the rule or the standard"),
    "source_not_placed": ("这一节标为已收录或部分收录，却没有写收录在哪里",
                          "在 departments / roles / skills / standards / rules / processes / policies 中写上标识，或在 pages 中写明位置",
                          "this section is marked included or partly included but says nowhere where",
                          "list the ids under departments / roles / skills / standards / rules / processes / policies, or the place "
                          "under pages"),
    "source_note_missing": ("这一节没有完全收录，却没有写 note", "用 note 写明缺了什么，或为什么不收录",
                            "this section is not fully included and has no note",
                            "say in note what is missing or why it is left out"),
    "source_unlisted": ("“{value}”写了来源，但 sources.yaml 中没有哪一节指向它",
                        "在 sources.yaml 中对应的那一节加上“{value}”，资料来源页才能说明它出自哪里",
                        "'{value}' names a source but no section of sources.yaml lists it",
                        "add '{value}' to the section it comes from in sources.yaml"),
    "theme_logo_name": ("标志图片的文件名“{name}”不可用", "用英文字母、数字、下划线或短横线命名，以 .png、.svg、.jpg 等结尾，如 logo.png",
                        "the logo's file name '{name}' cannot be used", "name it with letters, digits, _ or -, ending .png, .svg, .jpg …"),
    "theme_logo_missing": ("标志图片 {name} 不在 pages/ 文件夹中", "把图片放进手册文件夹的 pages/ 中，或改正文件名（区分大小写）",
                           "the logo {name} is not in the pages/ folder", "put the image in the folder's pages/ or fix its name"),
    "missing_organisation": ("缺少 organisation.yaml", "在定义目录中新建 organisation.yaml（名称、版本、生效日期）",
                             "organisation.yaml is missing", "create organisation.yaml with name, version and effective date"),
    # numbers and scoring
    "not_positive": ("“{key}”必须大于 0, 实际是 {value}", "改成正数（负的权重会让其他权重凑出 100% 的假象）",
                     "'{key}' must be above 0, got {value}", "use a positive number"),
    "table_order": ("分档表的行未按下限从低到高排列：{min} 不高于上一行的 {prev}", "按 min 从低到高排列各行（lookup 取最后一个不超过数值的行）",
                    "table rows are not in ascending order: {min} is not above the previous {prev}",
                    "order the rows by min, lowest first (lookup takes the last row whose min is not above the value)"),
    "negative_steps": ("升降级数不能为负：{value}", "写非负整数；升级用 outcome: promote, 降级用 outcome: demote",
                       "steps cannot be negative: {value}", "use a whole number ≥ 0; direction comes from the outcome"),
    "cohort_source": ("名次字段“{field}”的 cohort.rank 写的是“{value}”，它不是本规则的每期数值字段",
                      "写 periods 中一个 kind: number 的字段 id，如 {allowed}",
                      "cohort.rank of '{field}' is '{value}', not a number field of this rule's periods",
                      "name a number field under periods, e.g. {allowed}"),
    "cohort_in_standard": ("标准的项目“{field}”不能写 cohort（名次只在规则中按各期数据计算）", "删除 cohort",
                           "item '{field}' of a standard cannot have cohort (ranks are computed in rules only)",
                           "remove cohort"),
    "condition_on_question": ("条件不能引用测试题“{item}”（{kind}）：前提条件只看其他项目的答案",
                              "删除这个条件，或改为引用非测试题的项目",
                              "a condition cannot name test question '{item}' ({kind})",
                              "remove the condition or name another item"),
    "key_not_an_option": ("正确答案“{value}”不是本题的选项；选项：{allowed}", "把 key 改成选项的 id，如 {first}",
                          "key '{value}' is not an option of this question; options: {allowed}",
                          "make key an option id, e.g. {first}"),
    "empty_text": ("“{key}”不能为空", "填写内容", "'{key}' cannot be empty", "fill it in"),
    "weights_sum": ("权重合计为 {total}%，应恰好为 100%",
                    "调整各项权重使其合计 100%（不会自动按比例折算）；若原文确实如此，用 weights_total 写明合计与原因",
                    "weights add up to {total}%, not exactly 100%",
                    "adjust the weights to total 100% (they are never renormalised); if the source really says so, "
                    "declare it with weights_total and the reason"),
    "weights_sum_declared": ("权重合计为 {total}%，与 weights_total 写明的 {declared}% 不符", "调整权重或改正 weights_total",
                             "weights add up to {total}%, not the {declared}% declared in weights_total",
                             "fix the weights or weights_total"),
    "section_points_sum": ("“{section}”各项满分合计 {total} 分，与原文写明的本部分 {declared} 分（points）不符",
                           "核对原文，改正某一项的满分或本部分的 points；原文本身对不上时，只收录能核对的数字并在 notes 中说明",
                           "the items of '{section}' add up to {total} points, not the {declared} declared in points",
                           "check the source and fix an item's maximum or the section's points; where the source itself "
                           "does not add up, keep only the numbers that reconcile and say so in notes"),
    "points_sum": ("各项满分合计 {total} 分，与原文写明的满分 {declared} 分（points）不符",
                   "核对原文，改正某一项或某部分的分值，或改正 points；原文本身对不上时，只收录能核对的数字并在 notes 中说明",
                   "the items add up to {total} points, not the {declared} declared in points",
                   "check the source and fix an item, a section or points; where the source itself does not add up, "
                   "keep only the numbers that reconcile and say so in notes"),
    "weights_total_unused": ("写了 weights_total, 但本标准按 sum（直接相加）计分，没有权重", "删除 weights_total, 或把 method 改为 weighted",
                             "weights_total is set but the standard adds points (method: sum)",
                             "remove weights_total or use method: weighted"),
    "weight_missing": ("加权计分的项目“{item}”缺少 weight", "添加 weight: 百分比，或设 scored: false",
                       "item '{item}' needs a weight in a weighted standard", "add weight: <percent>, or scored: false"),
    "weight_unused": ("项目“{item}”设置了 weight, 但本标准按 sum（直接相加）计分", "删除 weight, 或把 method 改为 weighted",
                      "item '{item}' has a weight but the standard adds points (method: sum)", "remove weight or use method: weighted"),
    "min_above_max": ("最小值 {min} 大于最大值 {max}", "交换或修正 min 与 max", "min {min} is above max {max}", "fix min/max"),
    "bands_order": ("分数段未按从低到高排列：“{grade}”的下限 {min} 不高于上一段的 {prev}", "按下限从低到高排列分数段",
                    "bands are not in ascending order: '{grade}' starts at {min}, not above {prev}", "order bands by their minimum"),
    "band_overlap": ("分数段重叠：“{a}”与“{b}”都包含 {at} 分", "让上一段的 max 小于下一段的 min, 或删去 max（上限自动取到下一段之前）",
                     "bands overlap: '{a}' and '{b}' both contain {at}", "make the lower band's max below the next min, or drop max"),
    "band_gap": ("分数段之间有空档：得分可能为 {example}(介于“{a}”的上限 {high} 与“{b}”的下限 {low} 之间), 却不属于任何职级",
                 "删去 max（让上一段延伸到下一段之前），或调整上下限",
                 "gap between bands: a score of {example} (between '{a}' max {high} and '{b}' min {low}) has no grade",
                 "drop max (the band then runs up to the next one) or adjust the bounds"),
    "grade_unreachable": ("职级“{grade}”不可能达到：分数段 {range} 不在可得分范围 {low}–{high} 内",
                          "调整该分数段，或检查各项目的满分",
                          "grade '{grade}' cannot be reached: band {range} is outside the possible scores {low}–{high}",
                          "adjust the band or the items' maxima"),
    "item_bands_start": ("第一档的下限 {min} 高于项目最小值 {item_min}，低于它的数值无法计分", "让第一档从 {item_min} 开始",
                         "the first band starts at {min}, above the item's minimum {item_min}", "start the first band at {item_min}"),
    "condition_operator": ("条件不适用于“{item}”（{kind} 类项目）：须恰好写 at_least / one_of / equals 之一",
                           "保留一个运算符，如 at_least: bachelor",
                           "condition does not fit item '{item}' ({kind}): write exactly one of at_least / one_of / equals",
                           "keep one operator, e.g. at_least: bachelor"),
    "condition_boolean": ("条件不适用于“{item}”（{kind} 类项目）：是/否项目只能用 equals: true 或 equals: false", "改为 equals: true",
                          "condition does not fit item '{item}' ({kind}): a yes/no item takes equals: true or equals: false",
                          "write equals: true"),
    "condition_number": ("条件不适用于“{item}”（{kind} 类项目）：数值类项目只能用 at_least: 数值", "改为 at_least: 2",
                         "condition does not fit item '{item}' ({kind}): a numeric item takes at_least: a number",
                         "write at_least: 2"),
    "expr_error": ("公式错误（第 {col} 个字符）：{message}", "公式只能使用字段名、数字、比较/算术运算和函数 {functions}",
                   "formula error at character {col}: {message}", "formulas may use field names, numbers, operators and {functions}"),
    "expr_type": ("公式类型不符（第 {col} 个字符）：{message}",
                  "比较两边须是同一类：数字比数字，选项比“选项 id”；条件之间用 and / or / not 连接",
                  "formula type error at character {col}: {message}",
                  "compare like with like: numbers with numbers, options with \"option id\"; join conditions with and/or/not"),
    "expr_result_type": ("公式的结果应为{expected}，这里是{got}", "条件（when）写成比较，如 last(score) >= 60; 级数、工资、奖金写成数字",
                         "the formula should give {expected}, it gives {got}",
                         "conditions (when) are comparisons such as last(score) >= 60; steps, pay and bonus are numbers"),
    "expr_unknown_name": ("公式中的名称“{name}”未定义{near}", "可用名称：{allowed}", "unknown name '{name}' in formula{near}",
                          "known names: {allowed}"),
    "expr_period_outside": ("“{name}”是每期数据，须放在汇总函数里", "例如 last({name})、avg({name}，3)",
                            "'{name}' is per-period data and must be inside an aggregate", "for example last({name}) or avg({name}, 3)"),
    "example_invalid": ("示例的答案无效：{problems}", "修正示例中的答案", "the example's answers are invalid: {problems}", "fix the example"),
    "example_mismatch": ("示例“{example}”的 {field} 写的是 {expected}，引擎算出 {got}", "核对规则与示例，改正其中错误的一方",
                         "example '{example}': {field} is written as {expected} but the engine gives {got}", "fix whichever is wrong"),
    "no_definitions": ("文件夹 {path} 中没有任何定义文件（organisation.yaml、roles/ 等）",
                       "检查路径是否指向手册文件夹；新手册用 handbook init 文件夹 开始",
                       "the folder {path} holds no definition files (organisation.yaml, roles/ …)",
                       "check that the path is the handbook's folder; start a new handbook with handbook init DIR"),
    "no_folder": ("找不到文件夹 {path}", "检查路径的拼写，或先建好这个文件夹",
                  "no folder {path}", "check the spelling of the path, or create the folder first"),
    "not_a_folder": ("{path} 是一个文件，不是文件夹", "手册的定义是一个文件夹（内含 organisation.yaml 等）：给出它的路径",
                     "{path} is a file, not a folder", "a handbook's definitions are a folder (holding organisation.yaml …): give its path"),
}

_TYPE_NAMES = {
    "string": ("文本", "text"), "integer": ("整数", "a whole number"), "number": ("数字", "a number"),
    "boolean": ("是/否(true/false)", "true or false"), "mapping": ("映射(键: 值)", "a mapping"),
    "list": ("列表(- 开头的多行)", "a list"), "null": ("空值", "empty"), "date": ("日期(YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
}


def type_name(name, lang):
    zh, en = _TYPE_NAMES.get(name, (name, name))
    return zh if lang == "zh" else en


# a file that cannot be read at all: reported before any other message
READING = frozenset({"not_utf8", "gbk_file", "unreadable", "not_a_file", "not_yaml", "folder_link", "empty_file",
                     "tab_indent"} | {code for code in MESSAGES if code.startswith("yaml_")})


@dataclass
class Diagnostic:
    file: Path
    line: int
    col: int
    code: str
    params: dict = field(default_factory=dict)

    def message(self, lang="zh"):
        zh, zh_hint, en, en_hint = MESSAGES[self.code]
        text, hint = (zh, zh_hint) if lang == "zh" else (en, en_hint)
        return render(text, lang, self.params), render(hint, lang, self.params)

    def format(self, lang="zh", root=None):
        text, hint = self.message(lang)
        if self.line == 0:  # about the folder itself: no line to point at
            return f"{text} — {hint}"
        return f"{display_path(self.file, root)}:{self.line}:{self.col}: {text} — {hint}"

    def sort_key(self):
        """Files that cannot be read first (what follows may be their consequence), then by file and line."""
        return (self.code not in READING, str(self.file), self.line, self.col, self.code)


def display_path(path, root=None):
    path = Path(path)
    try:
        return os.path.relpath(path, root or Path.cwd())
    except ValueError:
        return str(path)


class DefinitionError(Exception):
    """Raised when definitions do not validate; carries every Diagnostic found in one run."""

    def __init__(self, diagnostics):
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        super().__init__(f"{len(self.diagnostics)} problem(s) in the definitions")

    def format(self, lang="zh", root=None):
        return "\n".join(d.format(lang, root) for d in self.diagnostics)

"""Render every page of the handbook from the rulebook with Jinja2 templates.

Every `{{ value }}` is escaped (see escape.py); links and SVG are built here and marked Raw.
Worked examples are scored by the engine at build time, so no number on a page is typed by hand.
"""

import functools
import string
from collections import defaultdict, namedtuple
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

import assessment
from assessment.messages import amount, catalog, enumerated, language_of, say, speaking
from assessment import cohort, formula
from assessment import items as kinds
from assessment.history import OUTCOMES, outcome_name, person_fields, vocabulary
from assessment.numbers import fmt
from assessment.standard import all_items, is_test, max_total, subtotal_max

from .. import kept
from ..definitions import kinds as definition_kinds
from ..definitions.model import PERIODS
from .engine_files import HASHED, EngineFiles
from . import changes, forms, paths, reference, svg
from .escape import Raw, attr, text

TEMPLATES = Path(__file__).parent / "templates"
DepartmentTree = namedtuple("DepartmentTree", "children staffed")


@dataclass
class Pages:
    files: dict = field(default_factory=dict)  # docs path → Markdown
    nav: list = field(default_factory=list)  # MkDocs-style nav of the generated sections
SOURCE_STATUS = ("included", "partly", "not_yet", "left_out")  # a source section's state, worded as doc.sources.*
# what a source section can be placed in
SOURCE_KINDS = {kind.key: kind.page_of for kind in definition_kinds.WITH_PAGES}


def _compiled_templates():
    """Compiling the templates takes a tenth of a second per build: Jinja keeps the compiled code between builds
    (checked against each template's text and the Python version), beside the other kept products."""
    folder = kept.directory()
    if folder is None:
        return None
    (folder / "templates").mkdir(mode=0o700, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder / "templates"))


@functools.cache  # one per process: a preview's rebuild does not compile the templates again
def _environment():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), finalize=text, autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.Undefined,  # auto_reload: an edited template is read again
                             bytecode_cache=_compiled_templates())
    env.tests["knowledge_test"] = lambda d: "sections" in d and is_test(d)  # a standard with an answer key
    env.globals.update(item_scoring=kinds.describe, item_max=lambda item: fmt(kinds.point_range(item)[1]),
                       section_max=lambda std, section: fmt(subtotal_max(std, section)),
                       # an item kind's own words (assessment/items.py)
                       written_answer=kinds.written, field_accepts=lambda f: kinds.kind_of(f).accepts(f),
                       amount=amount)  # money in the language being spoken (the build speaks the handbook's)
    return env


class Renderer:
    def __init__(self, rulebook, directory_urls=False, example_results=None, engine=None, history=None,
                 reuse=None, only=None, home=True):
        self.rb = rulebook
        self.home = home  # False when the handbook's folder brings its own home page (pages/index.md)
        self.reuse, self.only = reuse, only  # the last build's pages, and the only ones to render again
        self.engine = engine or EngineFiles.unbuilt(rulebook)
        self.history = history or [rulebook]  # released rulebooks, oldest first, then this one
        self.recent = changes.compare(self.history[-2], rulebook) if len(self.history) > 1 else []
        self.example_results = example_results or {}
        self.directory_urls = directory_urls
        self.env = _environment()
        self._templates = {}
        self.by_id = {kind.key: {d["id"]: d for d in rulebook.get(kind.key, [])} for kind in definition_kinds.KINDS}
        self.roles, self.departments, self.skills, self.scales = (self.by_id[key] for key in
                                                                  ("roles", "departments", "skills", "scales"))
        self.standards, self.rules, self.processes, self.policies = (self.by_id[key] for key in
                                                                     ("standards", "rules", "processes", "policies"))
        self.process_of = defaultdict(list)  # ("standards", id) → the processes that use it
        for process in self.processes.values():
            for key in ("standards", "rules"):
                for ident in process[key]:
                    self.process_of[(key, ident)].append(process)
        self.policy_of = defaultdict(list)  # ("roles", id) / ("rules", id) → the policies that name it
        for policy in self.policies.values():
            for key in ("roles", "rules"):
                for ident in policy[key]:
                    self.policy_of[(key, ident)].append(policy)
        self.sourced = defaultdict(list)  # ("roles", id) → [(anchor, "001 heading")]: where a definition comes from
        for d, doc, n, section in self.source_sections():
            for key in SOURCE_KINDS:
                for ident in section[key]:
                    self.sourced[(key, ident)].append((_source_anchor(d, n), f"{doc['id']} {section['heading']}"))
        self.vocabularies = {}
        # who uses what, indexed once (scanning every role per page made large handbooks quadratic)
        self.users = {"standards": defaultdict(list), "rules": defaultdict(list)}
        self.required = defaultdict(lambda: defaultdict(list))  # skill id → level id → roles
        for role in rulebook["roles"]:
            for key in self.users:
                for ident in dict.fromkeys(role[key]):
                    self.users[key][ident].append(role)
            for req in role["competencies"]:
                self.required[req["skill"]][req["level"]].append(role)

    # --- helpers available to templates -------------------------------------------------

    def _kept(self, here):
        return self.only is not None and here not in self.only

    def _page(self, template, here, **context):
        if self._kept(here):
            return self.reuse[here]

        def link(target, label):
            return Raw(f"[{text(label)}]({paths.relative(here, target)})")

        words = catalog(language_of(self.rb))
        return self._template(template).render(
            rb=self.rb, link=link, paths=paths, r=self, Raw=Raw, here_path=here, w=self.words,
            markdown=self.markdown, enum_sep=words["enumeration"], list_sep=words["list_separator"], **context)

    def words(self, key, **params):
        """The handbook language's words for `key` (assessment/catalogs/LANG.json) as Markdown: the catalog's text
        and each parameter escaped as text, a parameter that is Markdown already (a link) as it is."""
        out = []
        for literal, name, _, _ in string.Formatter().parse(catalog(language_of(self.rb))[key]):
            out.append(text(literal))
            if name is not None:
                out.append(text(params.get(name, "")))
        return Raw("".join(out))

    def markdown(self, key, **params):
        """Like `words`, for a catalog text that is Markdown itself (`code` in it): only the parameters are
        escaped."""
        return Raw(catalog(language_of(self.rb))[key].format_map({k: text(v) for k, v in params.items()}))

    def _template(self, name):
        """A template once per build: the environment checks the file's time on every lookup (auto_reload, so a
        preview picks up an edited template) — once per page was 0.2 s of a 2,000-role build."""
        if name not in self._templates:
            self._templates[name] = self.env.get_template(name)
        return self._templates[name]

    def _version_label(self, i):
        version = self.history[i]["version"]
        if i and self.history[i - 1]["version"] == version:  # edited since its release, version not raised
            return say("doc.version_edited", language_of(self.rb), version=version)
        return version

    def recent_changes(self, area, ident):
        """What changed in this definition since the previous release (the 版本变更 page has them all)."""
        return [c.text for c in self.recent if c.area == area and c.subject_id == ident]

    def source_sections(self):
        """(document number, document, number within it, section) for every section of sources.yaml, in order."""
        documents = (self.rb.get("sources") or {}).get("documents", [])
        return [(d, doc, n, section) for d, doc in enumerate(documents, 1)
                for n, section in enumerate(doc["sections"], 1)]

    def source_places(self, here, section):
        """Links to the definitions a source section lives in."""
        links = []
        for key, page in SOURCE_KINDS.items():
            for definition in (self.by_id[key][ident] for ident in section[key]):
                if key == "departments" and definition["id"] not in self.staffed:
                    links.append(definition["name"])  # a department without roles has no page
                    continue
                links.append(Raw(f"[{text(definition['name'])}]({paths.relative(here, page(definition))})"))
        return links

    def cohort_text(self, rule, field):
        """How a rank field is computed from everyone's rows in HR's batch run (assessment/cohort.py)."""
        return cohort.describe(rule, field)

    def source_line(self, here, key, definition):
        """The 来源 line at the foot of a definition's page, linked to its sections on the 资料来源 page."""
        if not definition.get("source"):
            return ""
        sources = paths.url(here, "sources.md", self.directory_urls)
        lang = language_of(self.rb)
        links = say("list_separator", lang).join(f'<a href="{attr(sources)}#{anchor}">{attr(label)}</a>'
                                                 for anchor, label in self.sourced[(key, definition["id"])])
        said = attr(say("doc.source", lang, source=definition["source"]))
        if links:
            said += "<br>" + say("doc.source_sections", lang, links=links)
        return Raw(f'<small class="hb-source">{said}</small>')

    def processes_using(self, here, key, ident):
        """Links to the processes a standard or rule belongs to: what a person does with their result."""
        return _links(here, self.process_of[(key, ident)], paths.process)

    def policies_naming(self, here, key, ident):
        """Links to the policies that apply to a role or whose consequences a rule computes."""
        return _links(here, self.policy_of[(key, ident)], paths.policy)

    @staticmethod
    def flow(steps):
        return svg.flow(steps)

    @staticmethod
    def clause_groups(policy):
        """A policy's clauses under their section headings, in order of first appearance."""
        groups = {}
        for clause in policy["clauses"]:
            groups.setdefault(clause.get("section") or "", []).append(clause)
        return list(groups.items())

    def role_link(self, here, role_id):
        role = self.roles[role_id]
        return Raw(f"[{text(role['name'])}]({paths.relative(here, paths.role(role))})")

    @staticmethod
    def yaml_list(values):
        """A list for a page's YAML front matter (JSON is YAML; free text stays a quoted string). The values are
        the page's search tags, which Material's search shows as HTML: they are HTML-escaped here (an alias
        `"><svg onload=…>` became an element in the search results)."""
        import html
        import json

        return json.dumps([html.escape(str(v)) for v in values], ensure_ascii=False)

    def tag_link(self, here, tag):
        return Raw(f"[{text(tag)}]({paths.relative(here, 'tags.md')}#{paths.tag_anchor(tag)})")

    def formula(self, rule, expr):
        """A formula in words with the fields' names, and the formula itself in small print for HR."""
        words = formula.describe(formula.parse(expr), self._vocabulary(rule))
        said = attr(say("doc.formula", language_of(self.rb)))
        return Raw(f'{text(words)}<br><small class="hb-formula">{said}<code>{attr(expr)}</code></small>')

    def _vocabulary(self, rule):
        if rule["id"] not in self.vocabularies:
            self.vocabularies[rule["id"]] = vocabulary(rule)
        return self.vocabularies[rule["id"]]

    def users_of(self, key, ident):
        return self.users[key][ident]

    def level_name(self, skill_id, level_id):
        scale = self.scales[self.skills[skill_id]["scale"]]
        return next((lv["name"] for lv in scale["levels"] if lv["id"] == level_id), level_id)

    # --- pages --------------------------------------------------------------------------

    def build(self):
        with speaking(language_of(self.rb)):  # the engine's words on the pages (item kinds, examples) too
            return self._build()

    def _build(self):
        files = {}
        for role in self.rb["roles"]:
            here = paths.role(role)
            files[here] = self._page("role.md.j2", here, role=role,
                                     department=self.departments[role["department"]])
        by_department, tree = self.by_department, self.department_tree
        for dept in self.rb["departments"]:
            if dept["id"] in tree.staffed:
                here = paths.department(dept)
                files[here] = self._page("department.md.j2", here, dept=dept, roles=by_department[dept["id"]],
                                         children=tree.children[dept["id"]])
        files["roles/index.md"] = self._page("roles_index.md.j2", "roles/index.md", by_department=by_department,
                                             tree=tree.children)
        for skill in self.rb["skills"]:
            here = paths.skill(skill)
            files[here] = self._page("skill.md.j2", here, skill=skill, scale=self.scales[skill["scale"]],
                                     required=self.required[skill["id"]], by_role=self._by_role(skill))
        files["skills/index.md"] = self._page("skills_index.md.j2", "skills/index.md", groups=self._skill_groups())
        for std in self.rb["standards"]:
            here = paths.standard(std)
            files[here] = self._page("standard.md.j2", here, std=std, examples=self._standard_examples(std),
                                     max_total=fmt(max_total(std)), items=list(all_items(std)))
        files["standards/index.md"] = self._page("standards_index.md.j2", "standards/index.md")
        for rule in self.rb["rules"]:
            here = paths.rule(rule)
            files[here] = self._page("rule.md.j2", here, rule=rule, ladder=svg.ladders(rule["levels"]),
                                     period=say("period." + rule["period"]) if rule["period"] else "",
                                     person=person_fields(rule),
                                     examples=self._rule_examples(rule),
                                     outcome_names={o: outcome_name(o) for o in OUTCOMES})
        files["rules/index.md"] = self._page("rules_index.md.j2", "rules/index.md",
                                             periods={p: say("period." + p) for p in PERIODS})
        for kind, make in ((definition_kinds.BY_NAME["standard"], forms.standard_form),
                           (definition_kinds.BY_NAME["rule"], forms.rule_form)):
            for d in self.rb[kind.key]:
                here = paths.assessment(d)
                if self._kept(here):  # a form takes longer to make than the page's Markdown
                    files[here] = self.reuse[here]
                    continue
                files[here] = self._page("assess.md.j2", here, d=d, kind=kind,
                                         form=make(d, self.rb, self._engine_urls(here, d["id"])))
        files["assess/index.md"] = self._page("assess_index.md.j2", "assess/index.md")
        files["org.md"] = self._page("org.md.j2", "org.md", chart=svg.org_chart(
            self.rb["roles"], lambda role: paths.url("org.md", paths.role(role), self.directory_urls)))
        files["tags.md"] = self._page("tags.md.j2", "tags.md", tags=self._tags())
        files["guide/reference.md"] = reference.reference_markdown()
        files["changes.md"] = self._page("changes.md.j2", "changes.md", body=Raw(changes.changes_markdown(
            [(self._version_label(i), r["organisation"].get("effective_date"), r)
             for i, r in enumerate(self.history)])))
        for process in self.processes.values():
            here = paths.process(process)
            files[here] = self._page("process.md.j2", here, process=process)
        for policy in self.policies.values():
            here = paths.policy(policy)
            files[here] = self._page("policy.md.j2", here, policy=policy)
        if self.processes or self.policies:
            files["processes/index.md"] = self._page("processes_index.md.j2", "processes/index.md")
        if self.rb.get("sources"):
            sections = self.source_sections()
            counts = {key: sum(1 for *_, s in sections if s["status"] == key) for key in SOURCE_STATUS}
            files["sources.md"] = self._page("sources.md.j2", "sources.md", sections=sections, counts=counts,
                                             status={key: say("doc.sources." + key) for key in SOURCE_STATUS},
                                             anchor=_source_anchor)
        if self.home:
            files["index.md"] = self._page("home.md.j2", "index.md", contents=self._contents(),
                                           search_examples=self._search_examples())
        return Pages(files=files, nav=self._nav(by_department, tree))

    def _contents(self):
        """What the handbook holds, for the home page's first sentence."""
        held = ["duties"] + [key for key in ("levels", "standards", "rules")
                             if self.rb["skills" if key == "levels" else key]]
        return enumerated(say("doc.home." + key) for key in held)

    def _search_examples(self):
        """A few of the handbook's own names for the search tip: a role, a standard or rule, a skill."""
        found = [d["name"] for kind in ("roles", "standards", "rules", "skills") for d in self.rb[kind][:1]]
        return say("doc.home.search_examples_separator").join(
            say("doc.home.search_example", name=name) for name in found[:3])

    def _engine_urls(self, here, ident):
        depth = here.count("/") + (1 if self.directory_urls and not here.endswith("index.md") else 0)
        up = "../" * depth
        return {"app": up + self.engine.app, "worker": up + self.engine.worker, "runtime": up + self.engine.runtime,
                "definition": self.engine.definitions[ident].removeprefix(HASHED + "/")}

    @functools.cached_property
    def by_department(self):
        """Each department's roles, in the rulebook's order."""
        by_department = defaultdict(list)
        for role in self.rb["roles"]:
            by_department[role["department"]].append(role)
        return by_department

    @property
    def staffed(self):
        """The departments that have a page: roles in them or below them."""
        return self.department_tree.staffed

    @functools.cached_property
    def department_tree(self):
        """Departments by parent, keeping only those with roles in them or below them."""
        by_department = self.by_department
        children = defaultdict(list)
        for dept in self.rb["departments"]:
            children[dept.get("parent")].append(dept)
        staffed = set()

        def visit(dept):
            below = [child for child in children[dept["id"]] if visit(child)]
            if by_department[dept["id"]] or below:
                staffed.add(dept["id"])
            return dept["id"] in staffed

        for root in children[None]:
            visit(root)
        kept = defaultdict(list, {parent: [d for d in depts if d["id"] in staffed]
                                  for parent, depts in children.items()})
        return DepartmentTree(kept, staffed)

    def _skill_groups(self):
        groups = defaultdict(list)
        for skill in self.rb["skills"]:
            groups[(skill["scale"], skill.get("group") or say("nav.other"))].append(skill)
        return groups

    def _by_role(self, skill):
        """(level name, role, its text) for every role that says what it does at its level of `skill`, in the
        scale's order and then the roles' (a role page shows only its own)."""
        scale = self.scales[skill["scale"]]
        return [(lv["name"], role, req["description"]) for lv in scale["levels"]
                for role in self.required[skill["id"]][lv["id"]]
                for req in role["competencies"] if req["skill"] == skill["id"] and req.get("description")]

    def _standard_examples(self, std):
        return self._examples(std, assessment.score)

    def _rule_examples(self, rule):
        return self._examples(rule, assessment.evaluate_rule)

    def _examples(self, definition, engine):
        known = self.example_results
        return [(example, known.get((definition["id"], i)) or engine(definition, example["answers"]))
                for i, example in enumerate(definition["examples"])]

    def _tags(self):
        tags = defaultdict(list)
        for role in self.rb["roles"]:
            for tag in role["tags"]:
                tags[tag].append(role)
        return dict(sorted(tags.items()))

    def _nav(self, by_department, tree):
        # Nested (departments as a tree, skills by group, long lists in runs) so that a page, whose
        # navigation Material prunes to its own branch, carries a few dozen links however large the handbook.
        def w(key, **params):  # the navigation's labels, in the handbook's language
            return say(key, language_of(self.rb), **params)

        def section(dept):
            roles = [paths.role(r) for r in by_department[dept["id"]]]
            return {dept["name"]: [paths.department(dept)] + _runs(roles, w)
                    + [section(child) for child in tree.children[dept["id"]]]}

        skill_groups = defaultdict(list)
        for skill in self.rb["skills"]:
            skill_groups[skill.get("group") or w("nav.other")].append(paths.skill(skill))
        nav = [{w("nav.roles"): ["roles/index.md"] + [section(root) for root in tree.children[None]]}]
        if self.rb["skills"]:  # a section with nothing in it is not offered
            nav.append({w("nav.skills"): ["skills/index.md"]
                        + [{group: _runs(pages, w)} for group, pages in skill_groups.items()]})
        if self.rb["standards"]:
            nav.append({w("nav.standards"): ["standards/index.md"]
                        + _runs([paths.standard(s) for s in self.rb["standards"]], w)})
        if self.rb["rules"]:
            nav.append({w("nav.rules"): ["rules/index.md"] + _runs([paths.rule(r) for r in self.rb["rules"]], w)})
        if self.rb["standards"] or self.rb["rules"]:
            nav.append({w("nav.assess"): ["assess/index.md"]
                        + _runs([paths.assessment(d) for d in self.rb["standards"] + self.rb["rules"]], w)})
        if self.processes or self.policies:
            nav.append({w("nav.processes"): ["processes/index.md"]
                        + _runs([paths.process(p) for p in self.processes.values()]
                                + [paths.policy(p) for p in self.policies.values()], w)})
        nav += [{w("nav.org"): "org.md"}, {w("nav.tags"): "tags.md"}, {w("nav.changes"): "changes.md"}]
        if self.rb.get("sources"):
            nav.append({w("nav.sources"): "sources.md"})
        return nav


def _links(here, definitions, path_of):
    """Markdown links from page `here` to each definition, by name, in the order given."""
    return Raw(enumerated(f"[{text(d['name'])}]({paths.relative(here, path_of(d))})" for d in definitions))


def _source_anchor(d, n):
    """Numbers only: a document's id is free text and must not reach an attribute."""
    return f"src-{d}-{n}"


NAV_RUN = 25


def _runs(pages, w):
    """A list longer than NAV_RUN pages becomes sections of NAV_RUN: "第 1–25 项", "第 26–50 项" …"""
    if len(pages) <= NAV_RUN:
        return pages
    return [{w("nav.run", first=i + 1, last=min(i + NAV_RUN, len(pages))): pages[i:i + NAV_RUN]}
            for i in range(0, len(pages), NAV_RUN)]

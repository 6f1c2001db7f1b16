"""definitions directory → validated, normalised rulebook (one JSON-ready dict with a content hash).

Pipeline: read and check structure (all files) → if clean, check meaning → normalise →
run every worked example through the engine → hash. Any problem raises DefinitionError with
every Diagnostic found in the run.
"""

import contextlib
import gc
import dataclasses
from pathlib import Path
from decimal import Decimal

import assessment
from assessment.contract import Rulebook
from assessment.errors import AnswerError
from assessment.fingerprint import content_hash
from assessment.messages import DEFAULT, Listed, speaking, spoken
from assessment.numbers import dec

from . import checks, model, normalise, order, releases
from .schema_types import ListOf, Obj
from .diagnostics import DefinitionError
from .load import declared_language, load

FORMAT = 1


@dataclasses.dataclass
class Compiled:
    """What compiling the definitions yields, computed once: the rulebook, each worked example's engine result
    under (definition id, example index) so pages need not score it again, the warnings that do not stop the
    build, and the archived releases (definitions/_releases, oldest first) for the 版本变更 page."""

    rulebook: Rulebook
    example_results: dict = dataclasses.field(default_factory=dict)
    warnings: list = dataclasses.field(default_factory=list)
    releases: list = dataclasses.field(default_factory=list)
    theme: dict = dataclasses.field(default_factory=dict)  # organisation.yaml's theme: the site's look, not a rule


def compile_definitions(root, cache=None) -> Compiled:
    """Validate and compile a definitions folder; DefinitionError lists every problem, located. `cache`: a dict
    kept between compilations of the same folder while previewing (see load)."""
    with _collector_paused():
        return _build(root, cache)


def build_rulebook(root) -> Rulebook:
    """The rulebook alone (see compile_definitions for the rest)."""
    return compile_definitions(root).rulebook


@contextlib.contextmanager
def _collector_paused():
    """Loading allocates hundreds of thousands of containers and frees none: the cyclic collector's
    passes over them cost 15 % of the time at 2,000 roles and find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(root, cache):
    defs, diagnostics = load(root, cache)
    structural = bool(diagnostics)
    checker = checks.Checker(diagnostics, defs.broken_ids)
    index = checks.check_identities(defs, checker)
    checks.check_page_ids(index, checker)
    checks.check_references(index, checker)
    warnings = checks.check_sources(defs.sources, index, checker) + checks.same_names(index)
    warnings += checks.placeholders(index)
    standards, rules = [], []
    language = declared_language(root)
    for entry in index["standard"].values():
        with speaking(language):  # conditions without a text of their own are worded in the handbook's language
            std, paths = normalise.standard(entry.data)
        if checks.check_standard(entry, std, paths, checker):
            standards.append((entry, std))
    for entry in index["rule"].values():
        rule = normalise.rule(entry.data)
        checks.check_rule(entry, rule, checker)
        rules.append((entry, rule))
    results = {}
    if not diagnostics and not structural:
        # the results' sentences are shown on the pages: in the handbook's language
        with speaking(language):
            for entry, definition in standards:
                _run_examples(entry, definition, assessment.score, checker, results, cache)
            for entry, definition in rules:
                _run_examples(entry, definition, assessment.evaluate_rule, checker, results, cache)
    checks.check_theme(defs.organisation, Path(root), checker)
    archived, problems = releases.load(root)
    diagnostics += problems
    if diagnostics:
        raise DefinitionError(diagnostics)
    rulebook = _assemble(defs, index, [s for _, s in standards], [r for _, r in rules])
    rulebook["hash"] = content_hash(rulebook)
    if warning := releases.unchanged_version(rulebook, archived, defs.organisation):
        warnings.append(warning)
    return Compiled(rulebook, results, warnings, archived, normalise.plain(defs.organisation.data).get("theme") or {})


def _assemble(defs, index, standards, rules):
    org = defs.organisation.data
    departments = [complete(normalise.plain(e.data), model.DEPARTMENT) for e in index["department"].values()]
    roles = order.roles([complete(normalise.plain(e.data), model.ROLE) for e in index["role"].values()], departments)
    reports = {}
    for role in roles:
        if role.get("reports_to"):
            reports.setdefault(role["reports_to"], []).append(role["id"])
    for role in roles:
        role["direct_reports"] = reports.get(role["id"], [])
    return {
        "format": FORMAT,
        # the language only where it is not the default: a Chinese handbook's rulebook stays as it was released
        "organisation": {k: v for k, v in normalise.plain(org).items()
                         if k not in ("version", "theme") and (k, v) != ("language", DEFAULT)},
        "version": org["version"],
        "departments": departments,
        "scales": [complete(normalise.plain(e.data), model.SCALE) for e in index["scale"].values()],
        "skills": order.alphabetical(complete(normalise.plain(e.data), model.SKILL) for e in index["skill"].values()),
        "roles": roles,
        "standards": order.alphabetical(standards),
        "rules": order.alphabetical(rules),
        "processes": order.alphabetical(complete(normalise.plain(e.data), model.PROCESS)
                                        for e in index["process"].values()),
        "policies": order.alphabetical(complete(normalise.plain(e.data), model.POLICY)
                                       for e in index["policy"].values()),
        "sources": complete(normalise.plain(defs.sources.data), model.SOURCES) if defs.sources else None,
    }


def complete(value, spec):
    """Every optional field present (None when not given), so consumers never guess at keys — except a field
    the model keeps only when given (`keep="given"`): a field added to the format later is absent from the
    rulebooks of folders that do not write it, so their rulebooks (and released hashes) stay as they were."""
    if isinstance(spec, ListOf) and isinstance(value, list):
        return [complete(v, spec.of) for v in value]
    if isinstance(spec, Obj) and isinstance(value, dict):
        return {name: complete(value.get(name), field.type) for name, field in spec.fields.items()
                if not (field.keep == "given" and value.get(name) is None)}
    return value


def _run_examples(entry, definition, evaluate, checker, results, cache=None):
    key = ("examples", definition["id"], spoken())  # the same results in another language are other words
    if cache is not None and cache.get(key, (None,))[0] == definition:  # the same definition as last time
        results.update(cache[key][1])
        return
    found, reported = {}, len(checker.out)
    _score_examples(entry, definition, evaluate, checker, found)
    results.update(found)
    if cache is not None and len(checker.out) == reported:  # a failing example is scored (and said) every time
        cache[key] = (definition, found)


def _score_examples(entry, definition, evaluate, checker, results):
    for i, example in enumerate(definition["examples"]):
        path = ("examples", i)
        try:
            result = evaluate(definition, example["answers"])
        except AnswerError as exc:
            checker.report(entry, path + ("answers",), "example_invalid",
                           problems=Listed(exc.problems))
            continue
        results[(definition["id"], i)] = result
        for field, expected in example["expect"].items():
            if field == "values":
                _compare_values(entry, path, example, expected, result, checker)
                continue
            got = _actual(result, field)
            if not _same(expected, got):
                checker.report(entry, path + ("expect", field), "example_mismatch", example=example["name"],
                               field=field, expected=expected, got=got if got is not None else "none")


def _compare_values(entry, path, example, expected, result, checker):
    """A rule example's computed values, each as the result shows it (at the value's places)."""
    got = {v["id"]: v["value"] for v in result.get("values", [])}
    for j, value in enumerate(expected):
        if not _same(value["value"], got.get(value["id"])):
            checker.report(entry, path + ("expect", "values", j, "value"), "example_mismatch",
                           example=example["name"], field=value["id"], expected=value["value"],
                           got=got.get(value["id"]) if got.get(value["id"]) is not None else "none")


def _actual(result, field):
    if field == "decided_by":
        return result.get("decided_by") or checks.NO_GRADE
    if field == "grade":
        return result["grade"]["id"] if result.get("grade") else "none"
    if field == "level":
        return result["level"]["to"] if result.get("level") else None
    return result.get(field)


def _same(expected, got):
    if isinstance(expected, (Decimal, int, float)) or (isinstance(expected, str) and _numeric(expected)):
        return got is not None and _numeric(got) and dec(expected) == dec(got)
    return expected == got


def _numeric(value):
    try:
        dec(value)
        return True
    except (TypeError, ValueError):
        return False

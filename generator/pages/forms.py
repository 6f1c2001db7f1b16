"""The self-assessment form, rendered as static HTML at build time (usable before Python loads).

Each control's `name` is the item id from the rulebook. The page's script only collects the
answers and shows what the engine (in Pyodide) returns; it computes nothing itself.
"""

import json
import re

from assessment import cohort
from assessment import items as kinds
from assessment.answered import RULE, STANDARD
from assessment.carry import basis
from assessment.fingerprint import answers_hash
from assessment.errors import PERIOD_PATH
from assessment.history import person_fields
from assessment.messages import DEFAULT, LANGUAGES, language_of, say
from assessment.numbers import fmt
from assessment.standard import is_test

from .engine_files import PAGE_SCRIPTS
from .escape import Raw, attr


def _said(key, lang, **params):
    """A catalog entry as text in the form's HTML (escaped: Markdown still reads raw HTML's inline syntax)."""
    return attr(say(key, lang, **params))


def _button(action, key, lang):
    """One of the form's buttons: what it does (data-action, read by the page's script) and its words."""
    return f'<button type="button" class="md-button" data-action="{action}">{_said(key, lang)}</button>'


def field_hint(field, rule=None, lang=DEFAULT):
    """What a person needs at a field: the item's description and what may be written there (and, for a rule's
    rank field, that HR computes it from everyone's rows)."""
    parts = [field.get("description") or "", kinds.kind_of(field).hint(field),
             say("form.assumed", lang, text=field["assumed"]) if field.get("assumed") else "",
             cohort.describe(rule, field) if rule and field.get("cohort") else ""]
    stop = say("form.full_stop", lang)
    return stop.join(p.rstrip(stop.strip()) for p in parts if p)


def _control(field, prefix="", with_hint=True, rule=None, lang=DEFAULT):
    """The field's control as its kind asks: a select of its choices, checkboxes, or a text box. data-answer
    tells the page's script how to read it (text, yes-no, list or ticks)."""
    fid, name, kind = field["id"], attr(field["name"]), kinds.kind_of(field)
    control_id = attr(f"{prefix}{fid}")
    label = f'<label for="{control_id}">{name}</label>'
    help_text = field_hint(field, rule, lang) if with_hint else ""
    help_id = attr(f"{prefix}{fid}-hint")
    described = f' aria-describedby="{help_id}"' if help_text else ""
    help_html = f'<p class="hb-hint" id="{help_id}">{attr(help_text)}</p>' if help_text else ""
    reads = f'data-answer="{kind.reads}"'
    if kind.control == "select":
        body = "".join(f'<option value="{attr(v)}">{attr(t)}</option>' for v, t in kind.choices(field))
        control = (f'<select id="{control_id}" name="{attr(fid)}" {reads}{described}>'
                   f'<option value="">{_said("form.choose", lang)}</option>{body}</select>')
    elif kind.control == "ticks":
        boxes = "".join(
            f'<label class="hb-check"><input type="checkbox" name="{attr(fid)}" value="{attr(value)}" '
            f'{reads}> {attr(text)}</label>' for value, text in kind.choices(field))
        return (f'<fieldset class="hb-field" data-field="{attr(prefix + fid)}"{described}><legend>{name}</legend>'
                f'{help_html}{boxes}<p class="hb-error" role="alert"></p></fieldset>')
    elif kind.control == "textarea":
        control = (f'<textarea id="{control_id}" name="{attr(fid)}" rows="6" {reads} '
                   f'placeholder="{attr(kind.placeholder(field))}"{described}></textarea>')
        if kind.reads == "marked":  # the reviewer's marks: shown only in the review (审核) mode, see handbook.css
            high = fmt(kinds.point_range(field)[1])
            control += (f'<label class="hb-marks">{_said("form.marks", lang, high=high)}'
                        f'<span class="hb-hint">{attr(kind.key(field))}</span>'
                        f'<input type="text" inputmode="decimal" data-marks-for="{attr(fid)}" '
                        'autocomplete="off"></label>')
    else:
        control = (f'<input id="{control_id}" name="{attr(fid)}" type="text" inputmode="{kind.inputmode}" {reads} '
                   f'placeholder="{attr(kind.placeholder(field))}" autocomplete="off"{described}>')
    return (f'<div class="hb-field" data-field="{attr(prefix + fid)}">{label}{help_html}{control}'
            f'<p class="hb-error" role="alert"></p></div>')


# A knowledge test: its points and key are shown once the person hands it in (交卷), and it says that a
# test taken in the browser is practice, since the key is in the page.
def _practice(lang):
    return f'<p class="hb-practice" data-practice>{_said("form.practice", lang)}</p>'


def standard_form(std, rulebook, engine):
    lang = language_of(rulebook)
    sections = []
    for section in std["sections"]:
        fields = "".join(_control(item, lang=lang) for item in section["items"])
        sections.append(f'<fieldset class="hb-section"><legend>{attr(section["name"])}</legend>{fields}</fieldset>')
    test = is_test(std)
    return _shell(STANDARD, std, rulebook, engine, (_practice(lang) if test else "") + "".join(sections), test=test)


def rule_form(rule, rulebook, engine):
    lang = language_of(rulebook)
    person = "".join(_control(f, "person.", rule=rule, lang=lang) for f in person_fields(rule))
    heads = "".join(f"<th>{attr(f['name'])}</th>" for f in rule["periods"])
    template = "".join(f"<td>{_control(f, 'period.', with_hint=False, lang=lang)}</td>" for f in rule["periods"])
    hints = [(f["name"], field_hint(f, rule, lang)) for f in rule["periods"]]
    column_hints = "".join(f"<li><strong>{attr(name)}</strong>{_said('form.colon', lang)}{attr(hint)}</li>"
                           for name, hint in hints if hint)
    legend = say("form.person", lang)
    body = (f'<fieldset class="hb-section"><legend>{legend}</legend>{person}</fieldset>' if person else "")
    if not rule["periods"]:  # a rule over facts about the person only (a ladder climbed by years of service)
        return _shell(RULE, rule, rulebook, engine, body, min_periods=0)
    remove = say("form.remove_period", lang)
    periods = _said("form.periods" if rule["min_periods"] else "form.periods.any", lang, least=rule["min_periods"])
    period = _said("form.period", lang)
    body += (f'<fieldset class="hb-section"><legend>{periods}</legend>'
             f'<div class="hb-scroll"><table class="hb-periods"><thead><tr><th>{period}</th>{heads}'
             '<th></th></tr></thead><tbody></tbody></table></div>'
             f'<template class="hb-period-template"><tr class="hb-period"><th class="hb-period-no"></th>{template}'
             f'<td><button type="button" class="hb-remove-period" aria-label="{attr(remove)}">'
             f'{_said("form.remove", lang)}</button></td></tr></template>'
             + (f'<ul class="hb-hints">{column_hints}</ul>' if column_hints else "") +
             f'<button type="button" class="hb-add-period md-button">{_said("form.add_period", lang)}</button>'
             '<div class="hb-field" data-field="periods"><p class="hb-error" role="alert"></p></div></fieldset>')
    return _shell(RULE, rule, rulebook, engine, body, min_periods=rule["min_periods"])


# Material's search downloads and indexes the whole handbook as every page loads, competing with the engine's
# start-up for the CPU; on an assessment page its request for the index waits until the person first focuses
# the search box (Material asks for it with an XMLHttpRequest, see tests/test_search_waits.py).
_SEARCH_WAITS = ("const x=XMLHttpRequest.prototype,o=x.open,s=x.send;let go;const used=new Promise(r=>go=r);"
                 "addEventListener(\"focusin\",e=>{{if(e.target.closest&&e.target.closest(\"form[name=search]\"))go()}});"
                 "x.open=function(m,u){{this.hbWaits=/\\/search\\/search_index\\.json$/.test(String(u));"
                 "return o.apply(this,arguments)}};"
                 "x.send=function(...a){{if(!this.hbWaits)return s.apply(this,a);used.then(()=>s.apply(this,a))}};")
# A page script (app.js, or a module it imports) that does not arrive — a 404 after a half-copied
# republish, a server that sends .js as text/plain — leaves no code to say so: the module script's element gets
# an `error` event, and this asks the server which file failed and why, then says it where the result would be.
_SCRIPT_FAILS = ("addEventListener(\"error\",e=>{{const t=e.target;"
                 "if(!t||t.tagName!==\"SCRIPT\"||t.type!==\"module\")return;"
                 "hbEngine.worker.terminate();const say=m=>{{const r=document.getElementById(\"hb-result\");"
                 "r.dataset.state=\"error\";r.textContent=m;document.querySelector(\"[data-status]\").textContent=m}};"
                 "(async()=>{{for(const f of {scripts}.map(n=>new URL(n,t.src).href)){{const n=f.split(\"/\").pop();"
                 "try{{const a=await fetch(f,{{method:\"HEAD\",cache:\"no-store\"}}),"
                 "y=(a.headers.get(\"content-type\")||{untyped}).split(\";\")[0].trim();"
                 "if(!a.ok)return say({missing});"
                 "if(!/javascript/i.test(y))return say({mistyped})}}catch(x){{}}}}"
                 "say({unknown})}})()}},true);")




def _script_messages(lang):
    """The starter's words, as JavaScript: opened from disk (where module scripts, app.js, do not run at all and
    this script, the only one that does, says so), and a page script that fails to load — template literals
    where n is the file's name, a the server's answer, y the type it said."""
    def literal(key):  # the catalog's {n} … as ${n}; a backquote or a backslash cannot be in the words
        text = say(key, lang, n="${n}", status="${a.status}", type="${y}")
        assert "`" not in text and "\\" not in text, key
        return f"`{text}`"
    return {"from_disk": json.dumps(say("form.from_disk", lang), ensure_ascii=False),
            "untyped": json.dumps(say("page.engine.no_type", lang), ensure_ascii=False),
            "missing": literal("form.script_missing"), "mistyped": literal("form.script_mistyped"),
            "unknown": literal("form.script_unknown")}


_STARTER = ("try{{if(location.protocol===\"file:\")addEventListener(\"DOMContentLoaded\",()=>{{"
            "const r=document.getElementById(\"hb-result\");r.dataset.state=\"error\";r.textContent={from_disk};"
            "document.querySelector(\"[data-status]\").textContent={from_disk};"
            "for(const b of document.querySelectorAll(\"form.hb-assess [data-action]\"))b.disabled=true}});"
            "else{{window.hbEngine={{queue:[],worker:new Worker({worker},{{type:\"module\",name:{name}}})}};"
            "hbEngine.worker.onmessage=hbEngine.worker.onerror=e=>hbEngine.queue.push(e);"
            + _SEARCH_WAITS + _SCRIPT_FAILS + "}}}}catch(e){{}}")


def search_waits():
    """The waiting alone, as a script file: `make serve` adds it to every page it serves (a reload after each
    edit would otherwise download and index the whole handbook again, competing with the next rebuild)."""
    return _SEARCH_WAITS.format()


def engine_starter(worker_url, definition_path, lang=DEFAULT):
    """The page's one inline script (allowed by its hash in the Content-Security-Policy, see csp.py).
    The worker's name says where its definition is, relative to the hashed assets' folder."""
    return _STARTER.format(worker=json.dumps(worker_url), name=json.dumps(definition_path),
                           scripts=json.dumps(PAGE_SCRIPTS), **_script_messages(lang))


# Any engine starter this module can write, and nothing else: a relative URL and "DIGEST/ID.json", in a language.
ENGINE_STARTERS = [re.compile(re.escape(engine_starter("WORKER", "DEFINITION", lang))
                              .replace('"WORKER"', r'"[\w./-]*"')
                              .replace('"DEFINITION"', r'"[0-9a-z]+/[a-z][a-z0-9_]*\.json"')) for lang in LANGUAGES]


# Who is assessed, for the printed report and the exported file (HR's batch reads it); not answers.
def _text_fields(hook, fields, described=""):
    """Short text inputs (who is assessed, who reviews): `hook` names their id prefix and data attribute."""
    aria = f' aria-describedby="{described}"' if described else ""
    return "".join(f'<div class="hb-field"><label for="hb-{hook}-{key}">{label}</label>'
                   f'<input id="hb-{hook}-{key}" type="text" data-{hook}="{key}" autocomplete="off"{aria}></div>'
                   for key, label in fields)


def _who(lang):
    fields = [(key, _said(f"form.who.{key}", lang)) for key in ("name", "staff_id", "department")]
    return (f'<fieldset class="hb-who"><legend>{_said("page.who.legend", lang)}</legend>'
            f'<p class="hb-hint" id="hb-who-hint">{_said("form.who.hint", lang)}</p>'
            + _text_fields("who", fields, "hb-who-hint") + '</fieldset>')


# A manager's (or peer's) review of a person's exported answers, opened by 审核他人的自评 (see review.js).
# A template: nothing of it is in the page (nor in a screen reader's list of fields) until it is opened.
def _review(lang):
    reviewer = [(key, _said(f"form.review.reviewer_{key}", lang)) for key in ("name", "staff_id")]
    return ('<template class="hb-review-template">'
            '<section class="hb-review" data-review aria-labelledby="hb-review-title">'
            f'<h2 id="hb-review-title">{_said("form.review", lang)}</h2>'
            f'<p class="hb-hint">{_said("form.review.hint", lang)}</p>'
            '<p class="hb-review-person" data-review-person></p>'
            f'<div class="hb-actions"><label class="md-button hb-import">{_said("form.review.import", lang)}'
            '<input type="file" accept="application/json,.json" data-action="review-import"></label></div>'
            f'<fieldset class="hb-who"><legend>{_said("form.review.reviewer", lang)}</legend>'
            + _text_fields("reviewer", reviewer) + '</fieldset>'
            f'<div class="hb-field"><label for="hb-review-overall">{_said("page.review.overall", lang)}</label>'
            '<textarea id="hb-review-overall" rows="3" data-review-overall></textarea></div>'
            '<div class="hb-actions">'
            f'{_button("review-export", "form.review.export", lang)}'
            f'{_button("review-print", "form.review.print", lang)}'
            f'{_button("review-exit", "form.review.exit", lang)}</div>'
            '<div class="hb-review-message" role="alert" data-review-message></div></section></template>')


def _shell(kind, definition, rulebook, engine, body, min_periods=0, test=False):
    """`engine`: the URLs of the engine's files relative to this page ({app, worker, runtime, definition}),
    and `definition` relative to the hashed assets' folder (the worker's name)."""
    fields = kind.fields(definition).values()
    meta = json.dumps({"id": definition["id"], "name": definition["name"], "kind": kind.name, "periodic": kind.periodic,
                       "version": rulebook["version"], "hash": answers_hash(rulebook, definition["id"]),
                       "min_periods": min_periods,
                       "fields": {f["id"]: f["name"] for f in fields}, "basis": basis(kind, definition),
                       "engine": engine, "separators": kinds.SEPARATORS,
                       "period_path": PERIOD_PATH}, ensure_ascii=False)
    lang = language_of(rulebook)
    # Starts the engine while the page is still being parsed, keeping its messages until app.js takes
    # them (app.js arrives after the theme's scripts). It computes nothing.
    start = f"<script>{engine_starter(engine['worker'], engine['definition'], lang)}</script>"
    hand_in = _button("hand-in", "form.hand_in", lang)
    return Raw(
        f'{start}'
        f'<form class="hb-assess" data-definition="{attr(meta)}" novalidate>'
        f'<p class="hb-status" role="status" data-status>{_said("form.loading", lang)}</p>'
        f'<div class="hb-notice" role="status" data-notice></div>'
        f'{_review(lang)}'
        f'{_who(lang)}'
        f'{body}'
        # the running result, kept in view while a long form is filled (the full result is below the form)
        f'<p class="hb-summary" aria-hidden="true" data-summary>{_said("form.summary", lang)}</p>'
        f'<div class="hb-actions">{hand_in if test else ""}'
        f'{_button("export", "form.export", lang)}'
        f'<label class="md-button hb-import">{_said("form.import", lang)}'
        '<input type="file" accept="application/json,.json" data-action="import"></label>'
        f'{_button("clear", "form.clear", lang)}'
        f'{_button("print", "form.print", lang)}'
        f'{_button("review", "form.review", lang)}'
        f'</div><div class="hb-import-message" role="alert"></div></form>'
        f'<section id="hb-result" class="hb-result" aria-live="polite" data-state="loading" data-total="" '
        f'data-grade="" data-outcome=""></section>'
        # async: start the engine without waiting for the theme's scripts (the form is parsed by now)
        f'<script type="module" async src="{attr(engine["app"])}"></script>')

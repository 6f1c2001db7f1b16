// The result panel: what the engine returned for the person's answers, in words. It computes nothing.
import { el, t } from "./dom.js";

export function createResults(panel, form, meta) {
  // A missing answer is flagged at its field only once the person has been there (left the field) or has
  // asked for the whole result (print, export); until then the panel just counts what is left to fill.
  const visited = new Set();
  let showAll = false;
  let handedIn = false;  // a knowledge test shows its points and key once handed in (交卷); 清除答案 starts it afresh

  const setState = state => { panel.dataset.state = state; };
  const clearFigures = () => { panel.dataset.total = panel.dataset.grade = panel.dataset.outcome = ""; };

  function reportLine() {
    const person = Object.values(form.who()).filter(Boolean).join(" · ");
    const date = new Date().toLocaleDateString(t("page.locale"));
    return el("p", `${person ? person + " · " : ""}${t("page.report_line", { date, version: meta.version })}`, "hb-report-meta");
  }

  // `labels`: the column heads, repeated in each cell for a phone, where the rows are stacked (handbook.css)
  function row(table, cells, labels = []) {
    const tr = el("tr");
    cells.forEach((c, i) => { const td = el("td", c); if (labels[i]) td.dataset.label = labels[i]; tr.append(td); });
    table.append(tr);
  }

  function showErrors(errors) {
    setState("invalid");
    clearFigures();
    if (form.untouched(form.collect())) {
      panel.replaceChildren(el("p", t("page.results.empty"), "hb-invalid"));
      return;
    }
    const missing = errors.filter(p => p.code === "missing"), wrong = errors.filter(p => p.code !== "missing");
    const lines = [];
    if (wrong.length) lines.push(t("page.results.wrong", { count: wrong.length }));
    if (missing.length) lines.push(t("page.results.missing", { count: missing.length }));
    const said = lines.join(t("page.comma"));
    panel.replaceChildren(el("p", t("page.results.to_fill", { said }), "hb-invalid"));
    form.summarise(said);
    for (const problem of errors) {
      const box = form.fieldBox(problem.field) || form.element.querySelector('[data-field="periods"]');
      if (!box) continue;
      if (problem.code === "missing" && !showAll && !visited.has(box.dataset.field)) continue;
      box.querySelector(".hb-error").textContent = problem.message;
      box.querySelectorAll("input, select").forEach(c => c.setAttribute("aria-invalid", "true"));
    }
  }

  function showStandard(r) {
    if (r.test && !handedIn) {
      panel.dataset.total = panel.dataset.grade = "";
      form.summarise(t("page.results.after_hand_in"));
      panel.replaceChildren(el("h2", t("page.results.test_title")), el("p", t("page.results.hand_in_hint"), "hb-hand-in-hint"));
      return;
    }
    panel.dataset.total = r.total;
    panel.dataset.grade = r.grade ? r.grade.id : "";
    const total = t("page.results.total", { total: r.total, max: r.max_total });
    const grade = t("page.results.grade", { grade: r.grade ? r.grade.name : t("page.results.ungraded") });
    const parts = [el("h2", t(r.test ? "page.results.test_title" : "page.results.title")), reportLine(), el("p", total, "hb-total")];
    form.summarise(total + (r.graded && r.eligible ? ` · ${grade}` : ""));
    if (r.pending.length) {
      parts.push(el("p", t("page.results.pending", { count: r.pending.length, points: r.pending_points,
                                                     names: r.pending.map(p => p.name).join(t("page.list")) }), "hb-pending"));
    }
    if (!r.eligible) parts.push(el("p", t("page.results.ineligible", { why: r.ineligible.join(t("page.list")) }), "hb-grade"));
    else if (r.graded) parts.push(el("p", grade, "hb-grade"));
    for (const c of r.capped) parts.push(el("p", t("page.results.capped", { name: c.name, unmet: c.unmet.join(t("page.list")) })));
    if (r.next) {
      const n = r.next;
      parts.push(el("h3", t("page.results.why_not", { name: n.name })));
      const ul = el("ul");
      if (n.points_needed !== "0") ul.append(el("li", t("page.results.points_needed", { points: n.points_needed, min: n.min })));
      for (const u of n.unmet) ul.append(el("li", u.text));
      for (const m of n.moves) ul.append(el("li", t("page.results.one_move", { name: m.name, to: m.to_label })));
      parts.push(ul);
    }
    const table = el("table");  // no class: Material styles only a table:not([class])
    table.dataset.items = "";
    const heads = [t(r.test ? "page.results.question" : "page.results.item"), t("page.results.points"),
                   t("page.results.counted"), t(r.test ? "page.results.marking" : "page.results.working")];
    const head = el("tr"); heads.forEach(h => head.append(el("th", h))); table.append(head);
    for (const item of r.items) row(table, [item.name, item.points, item.contribution ?? t("page.results.not_counted"), item.rule], heads);
    row(table, [t("page.results.sum"), "", r.total, ""], heads);
    parts.push(el("h3", t("page.results.items")), table);
    panel.replaceChildren(...parts);
  }

  function showRule(r) {
    panel.dataset.outcome = r.outcome;
    panel.dataset.total = "";
    panel.dataset.grade = r.level ? r.level.to : "";
    const outcome = t("page.results.outcome", { outcome: r.outcome_name });
    const parts = [el("h2", t("page.results.title")), reportLine(), el("p", outcome, "hb-outcome"), el("p", r.reason)];
    form.summarise(outcome + (r.level ? ` · ${r.level.from_name} → ${r.level.to_name}` : "") +
                   (r.missing.length ? ` · ${t("page.results.conditions_short", { count: r.missing.length })}` : ""));
    if (r.level) parts.push(el("p", t("page.results.level", { from: r.level.from_name, to: r.level.to_name })));
    if (r.probation_months) parts.push(el("p", t("page.results.probation", { months: r.probation_months })));
    if (r.pay != null) parts.push(el("p", t("page.results.pay", { amount: r.pay })));
    if (r.bonus != null) parts.push(el("p", t("page.results.bonus", { amount: r.bonus })));
    const now = c => c.now != null ? t("page.results.now", { value: c.now }) : "";
    const clause = (c, met) => el("li", `${met ? "✔" : "✘"} ${c.text}${now(c)}`, met ? "hb-met" : "hb-unmet");
    if (r.missing.length) {
      const ul = el("ul");
      for (const c of r.missing) ul.append(clause(c, false));
      parts.push(el("h3", t("page.results.short")), ul);
    }
    if (r.values.length) {
      const table = el("table");
      for (const v of r.values) row(table, [v.name, `${v.value}${v.unit}`]);
      parts.push(el("h3", t("page.results.values")), table);
    }
    parts.push(el("h3", t("page.results.checks")));
    for (const c of r.checks) {
      parts.push(el("p", t(c.matched ? "page.results.holds" : "page.results.fails", { reason: c.reason }), "hb-check-head"));
      const ul = el("ul");
      for (const part of c.clauses) ul.append(clause(part, part.met));
      parts.push(ul);
    }
    panel.replaceChildren(...parts);
  }

  const SHOW = { standard: showStandard, rule: showRule };  // the result's shape is the kind's (assessment/contract.py)

  // What the engine said about these answers: problems at their fields, or the result.
  function show(out) {
    form.clearErrors();
    if (out.errors) { showErrors(out.errors); return; }
    if (out.failure) { showFailure(out.failure); return; }
    SHOW[meta.kind](out);
    setState("ready");
    if (!performance.getEntriesByName("hb-first-score").length) performance.mark("hb-first-score");  // for make bench
  }

  // An engine exception on these answers: say so, keep the form and the engine for the next change.
  function showFailure(text) {
    setState("error");
    clearFigures();
    panel.replaceChildren(el("p", t("page.results.failure", { text }), "hb-fatal"));
  }

  // The engine cannot score at all (not started, or rules other than the page's): the form still works.
  function showFatal(text) {
    setState("error");
    panel.replaceChildren(el("p", t("page.results.fatal", { text }), "hb-fatal"));
  }

  return {
    show, showFatal, scoring: () => setState("scoring"), invalid: () => panel.dataset.state === "invalid",
    visit: field => visited.add(field),
    showEverything: () => { showAll = true; },
    handIn: given => { handedIn = given; },
  };
}

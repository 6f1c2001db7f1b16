// The result panel: what the engine returned for the person's answers, in words. It computes nothing.
import { el } from "./dom.js";

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
    return el("p", `${person ? person + " · " : ""}报告日期 ${new Date().toLocaleDateString("zh-CN")} · 规则版本 ${meta.version}`, "hb-report-meta");
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
      panel.replaceChildren(el("p", "填写表格后，这里会显示得分、职级与差距。", "hb-invalid"));
      return;
    }
    const missing = errors.filter(p => p.code === "missing"), wrong = errors.filter(p => p.code !== "missing");
    const lines = [];
    if (wrong.length) lines.push(`有 ${wrong.length} 处需要修改`);
    if (missing.length) lines.push(`还有 ${missing.length} 项未填`);
    panel.replaceChildren(el("p", `${lines.join("，")}。填好后会自动计分。`, "hb-invalid"));
    form.summarise(`${lines.join("，")}`);
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
      form.summarise("交卷后显示得分");
      panel.replaceChildren(el("h2", "测试结果"), el("p", "答完后按“交卷”，显示得分、正确答案和解析。", "hb-hand-in-hint"));
      return;
    }
    panel.dataset.total = r.total;
    panel.dataset.grade = r.grade ? r.grade.id : "";
    const parts = [el("h2", r.test ? "测试结果" : "自评结果"), reportLine(), el("p", `总分 ${r.total} / ${r.max_total}`, "hb-total")];
    form.summarise(`总分 ${r.total} / ${r.max_total}` + (r.graded && r.eligible ? ` · 职级：${r.grade ? r.grade.name : "未定级"}` : ""));
    if (r.pending.length) {
      parts.push(el("p", `另有 ${r.pending.length} 道简答题（共 ${r.pending_points} 分）需阅卷人对照参考答案评分，未计入总分：` +
                          r.pending.map(p => p.name).join("；"), "hb-pending"));
    }
    if (!r.eligible) parts.push(el("p", "不符合参评条件：" + r.ineligible.join("；"), "hb-grade"));
    else if (r.graded) parts.push(el("p", r.grade ? `职级：${r.grade.name}` : "职级：未定级", "hb-grade"));
    for (const c of r.capped) parts.push(el("p", `分数已达“${c.name}”，但未满足：${c.unmet.join("；")}`));
    if (r.next) {
      const n = r.next;
      parts.push(el("h3", `为什么还不是“${n.name}”`));
      const ul = el("ul");
      if (n.points_needed !== "0") ul.append(el("li", `还差 ${n.points_needed} 分（需 ≥ ${n.min} 分）`));
      for (const u of n.unmet) ul.append(el("li", u.text));
      for (const m of n.moves) ul.append(el("li", `只改一项也可以：“${m.name}”提高到 ${m.to_label}`));
      parts.push(ul);
    }
    const table = el("table");  // no class: Material styles only a table:not([class])
    table.dataset.items = "";
    const heads = [r.test ? "题目" : "项目", "得分", "计入总分", r.test ? "判分与正确答案" : "计算"];
    const head = el("tr"); heads.forEach(h => head.append(el("th", h))); table.append(head);
    for (const item of r.items) row(table, [item.name, item.points, item.contribution ?? "不计分", item.rule], heads);
    row(table, ["合计", "", r.total, ""], heads);
    parts.push(el("h3", "各项得分"), table);
    panel.replaceChildren(...parts);
  }

  function showRule(r) {
    panel.dataset.outcome = r.outcome;
    panel.dataset.total = "";
    panel.dataset.grade = r.level ? r.level.to : "";
    const parts = [el("h2", "自评结果"), reportLine(), el("p", `结果：${r.outcome_name}`, "hb-outcome"), el("p", r.reason)];
    form.summarise(`结果：${r.outcome_name}` + (r.level ? ` · ${r.level.from_name} → ${r.level.to_name}` : "") +
                   (r.missing.length ? ` · 还差 ${r.missing.length} 项条件` : ""));
    if (r.level) parts.push(el("p", `级别：${r.level.from_name} → ${r.level.to_name}`));
    if (r.probation_months) parts.push(el("p", `考察期 ${r.probation_months} 个月`));
    if (r.pay != null) parts.push(el("p", `工资：${r.pay} 元`));
    if (r.bonus != null) parts.push(el("p", `奖金：${r.bonus} 元`));
    const clause = (c, met) => el("li", `${met ? "✔" : "✘"} ${c.text}${c.now != null ? `（现为 ${c.now}）` : ""}`, met ? "hb-met" : "hb-unmet");
    if (r.missing.length) {
      const ul = el("ul");
      for (const c of r.missing) ul.append(clause(c, false));
      parts.push(el("h3", "还差"), ul);
    }
    if (r.values.length) {
      const table = el("table");
      for (const v of r.values) row(table, [v.name, `${v.value}${v.unit}`]);
      parts.push(el("h3", "计算值"), table);
    }
    parts.push(el("h3", "逐条检查（自上而下，第一条成立的决定结果）"));
    for (const c of r.checks) {
      parts.push(el("p", `${c.matched ? "✔ 成立" : "✘ 不成立"}：${c.reason}`, "hb-check-head"));
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
    panel.replaceChildren(el("p", `这组答案无法计分：${text}。请检查刚才填写的内容；表格仍可填写、导出和打印。`, "hb-fatal"));
  }

  // The engine cannot score at all (not started, or rules other than the page's): the form still works.
  function showFatal(text) {
    setState("error");
    panel.replaceChildren(el("p", text + " 表格仍可填写和导出，但无法计分。", "hb-fatal"));
  }

  return {
    show, showFatal, scoring: () => setState("scoring"), invalid: () => panel.dataset.state === "invalid",
    visit: field => visited.add(field),
    showEverything: () => { showAll = true; },
    handIn: given => { handedIn = given; },
  };
}

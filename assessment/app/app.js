// The self-assessment page: collects answers from the static form, sends them to the engine in a
// module worker, and shows what the engine returns. It computes no score itself.
import { createReview } from "./review.js";

const form = document.querySelector("form.hb-assess");
const panel = document.getElementById("hb-result");
const status = form.querySelector("[data-status]");
const meta = JSON.parse(form.dataset.definition);
// Saved as {version, hash, basis, answers} under one key per assessment, whatever the release: a new
// release carries the answers over (the engine decides which still fit; see assessment/carry.py).
const storageKey = `handbook:${meta.id}`;
let worker = null, seq = 0, ready = false;
let review = null;  // the 审核 mode (review.js): while it is on, the form holds a reviewer's answers

const own = (object, key) => (object && typeof object === "object" && Object.hasOwn(object, key) ? object[key] : undefined);
const isRecord = v => v !== null && typeof v === "object" && !Array.isArray(v);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };

// --- reading the form ----------------------------------------------------------------------
// A control says how it is read (data-answer, from its item kind in the engine): ticks, yes-no, list or text.
const separators = new RegExp(meta.separators);
function readControl(scope, name, reads) {
  if (reads === "ticks") return [...scope.querySelectorAll(`input[name="${name}"]:checked`)].map(b => b.value);
  const control = scope.querySelector(`[name="${name}"]`);
  const raw = control.value.trim();
  if (reads === "marked") {  // a short answer, and the marks a reviewer gave it (the box shows in 审核 only)
    const marks = (scope.querySelector(`[data-marks-for="${name}"]`)?.value ?? "").trim();
    if (marks !== "" && form.dataset.mode === "review") return { text: raw, marks };
    return raw === "" ? undefined : raw;
  }
  if (raw === "") return undefined;
  if (reads === "yes-no") return raw === "true";
  if (reads === "list") return raw.split(separators).filter(Boolean);  // 80，90、85 as people type it
  return raw;  // numbers stay text: the engine checks them and says what is wrong
}

function fieldsIn(scope) {
  const seen = new Map();
  scope.querySelectorAll("[data-answer]").forEach(c => seen.set(c.name, c.dataset.answer));
  return seen;
}

function collect() {
  if (meta.kind === "standard") {
    const answers = {};
    for (const [name, reads] of fieldsIn(form)) {
      const v = readControl(form, name, reads);
      if (v !== undefined) answers[name] = v;
    }
    return answers;
  }
  const person = {};
  const personBox = form.querySelector(".hb-section:not(:has(.hb-periods))");
  if (personBox) for (const [name, reads] of fieldsIn(personBox)) {
    const v = readControl(personBox, name, reads);
    if (v !== undefined) person[name] = v;
  }
  const periods = [...form.querySelectorAll("tbody tr.hb-period")].map(row => {
    const p = {};
    for (const [name, reads] of fieldsIn(row)) { const v = readControl(row, name, reads); if (v !== undefined) p[name] = v; }
    return p;
  });
  return { person, periods };
}

// --- writing the form (restore, import) -----------------------------------------------------
function writeControl(scope, name, reads, value) {
  if (reads === "ticks") {
    scope.querySelectorAll(`input[name="${name}"]`).forEach(b => { b.checked = (value || []).includes(b.value); });
    return;
  }
  const control = scope.querySelector(`[name="${name}"]`);
  if (!control) return;
  if (reads === "marked") {
    const marks = scope.querySelector(`[data-marks-for="${name}"]`);
    if (marks) marks.value = isRecord(value) && value.marks != null ? String(value.marks) : "";
    value = isRecord(value) ? value.text : value;
  }
  control.value = value === undefined || value === null ? "" : Array.isArray(value) ? value.join(", ") : String(value);
}

function fill(answers) {
  if (meta.kind === "standard") {
    for (const [name, reads] of fieldsIn(form)) writeControl(form, name, reads, own(answers, name));
    return;
  }
  const personBox = form.querySelector(".hb-section:not(:has(.hb-periods))");
  if (personBox) for (const [name, reads] of fieldsIn(personBox)) writeControl(personBox, name, reads, own(own(answers, "person"), name));
  if (!periodRows) return;  // a rule that asks only about the person has no period table
  const periods = own(answers, "periods");
  periodRows.replaceChildren();
  for (const period of Array.isArray(periods) ? periods : []) {
    const row = addPeriod(false);
    for (const [name, reads] of fieldsIn(row)) writeControl(row, name, reads, own(period, name));
  }
  renumber();
}

// Answers in the shape this page writes: a mapping (for rules, person a mapping and periods a list).
function wellFormed(answers) {
  if (!isRecord(answers)) return false;
  if (meta.kind === "standard") return true;
  const person = own(answers, "person"), periods = own(answers, "periods");
  return (person === undefined || isRecord(person)) && (periods === undefined || (Array.isArray(periods) && periods.every(isRecord)));
}

// found once: the template sits after the table, so a query for it per row walked every row (quadratic)
const periodTemplate = form.querySelector("template.hb-period-template");
const periodRows = form.querySelector("table.hb-periods tbody");

function addPeriod(number = true) {
  const row = periodTemplate.content.firstElementChild.cloneNode(true);
  periodRows.append(row);
  if (number) renumber();  // filling many rows numbers them once at the end (it was quadratic)
  return row;
}

function renumber() {
  form.querySelectorAll("tbody tr.hb-period").forEach((row, i) => {
    row.querySelector(".hb-period-no").textContent = `第 ${i + 1} 期`;
    row.dataset.index = i;
    row.querySelectorAll("[data-field]").forEach(box => {
      const control = box.querySelector("[name]");
      box.dataset.field = `${meta.period_path.replace("{index}", i)}.${control.name}`;  // errors.period_path
      box.querySelectorAll("select[name], input[type=text][name]").forEach(c => { c.id = `p${i}-${c.name}`; });
      const label = box.querySelector("label[for]");
      if (label) label.htmlFor = `p${i}-${control.name}`;
    });
  });
}

// --- showing results ------------------------------------------------------------------------
function setState(state) { panel.dataset.state = state; }

// One line that stays in view at the bottom of a long form: what the result panel says in full below.
function summarise(text) { const line = form.querySelector("[data-summary]"); if (line) line.textContent = text; }

// 姓名 · 工号 · 部门, when given: kept with the answers and in the exported file, never sent anywhere
function who() {
  return Object.fromEntries([...form.querySelectorAll("[data-who]")].map(c => [c.dataset.who, c.value.trim()]));
}

function setWho(person) {
  form.querySelectorAll("[data-who]").forEach(c => { const v = own(person, c.dataset.who); c.value = typeof v === "string" ? v : ""; });
}

function reportLine() {
  const person = Object.values(who()).filter(Boolean).join(" · ");
  return el("p", `${person ? person + " · " : ""}报告日期 ${new Date().toLocaleDateString("zh-CN")} · 规则版本 ${meta.version}`, "hb-report-meta");
}

function clearErrors() {
  form.querySelectorAll(".hb-error").forEach(e => { e.textContent = ""; });
  form.querySelectorAll("[aria-invalid]").forEach(c => c.removeAttribute("aria-invalid"));
}

// The control showing an answer path (assessment/errors.py): periods[2].peer[1] → periods[2].peer, peer[1] → peer.
function fieldBox(path) {
  const key = path.replace(/^periods\[(\d+)\]\.([^.\[]+).*/, "periods[$1].$2").replace(/\[\d+\]$/, "");
  return form.querySelector(`[data-field="${CSS.escape(key)}"]`) || form.querySelector(`[data-field="${CSS.escape(key.split(".").pop())}"]`);
}

// Nothing answered yet (unticked checklists count as unanswered): no field is flagged before the person starts.
function untouched(answers) {
  const blank = values => values.every(v => Array.isArray(v) && v.length === 0);
  if (meta.kind === "standard") return blank(Object.values(answers));
  return blank(Object.values(answers.person)) && answers.periods.every(p => blank(Object.values(p)));
}

// A missing answer is flagged at its field only once the person has been there (left the field) or has
// asked for the whole result (print, export); until then the panel just counts what is left to fill.
const visited = new Set();
let showAll = false;

function showErrors(errors) {
  setState("invalid");
  panel.dataset.total = ""; panel.dataset.grade = ""; panel.dataset.outcome = "";
  if (untouched(collect())) {
    panel.replaceChildren(el("p", "填写表格后，这里会显示得分、职级与差距。", "hb-invalid"));
    return;
  }
  const missing = errors.filter(p => p.code === "missing"), wrong = errors.filter(p => p.code !== "missing");
  const lines = [];
  if (wrong.length) lines.push(`有 ${wrong.length} 处需要修改`);
  if (missing.length) lines.push(`还有 ${missing.length} 项未填`);
  panel.replaceChildren(el("p", `${lines.join("，")}。填好后会自动计分。`, "hb-invalid"));
  summarise(`${lines.join("，")}`);
  for (const problem of errors) {
    const box = fieldBox(problem.field) || form.querySelector('[data-field="periods"]');
    if (!box) continue;
    if (problem.code === "missing" && !showAll && !visited.has(box.dataset.field)) continue;
    box.querySelector(".hb-error").textContent = problem.message;
    box.querySelectorAll("input, select").forEach(c => c.setAttribute("aria-invalid", "true"));
  }
}

form.addEventListener("focusout", e => {
  const box = e.target.closest("[data-field]");
  if (box && !box.contains(e.relatedTarget)) { visited.add(box.dataset.field); if (panel.dataset.state === "invalid") rescore(); }
});

// `labels`: the column heads, repeated in each cell for a phone, where the rows are stacked (handbook.css)
function row(table, cells, labels = []) {
  const tr = el("tr");
  cells.forEach((c, i) => { const td = el("td", c); if (labels[i]) td.dataset.label = labels[i]; tr.append(td); });
  table.append(tr);
}

// A knowledge test shows its points and key once handed in (交卷); 清除答案 starts it afresh.
let handedIn = false;

function showStandard(r) {
  if (r.test && !handedIn) {
    panel.dataset.total = panel.dataset.grade = "";
    summarise("交卷后显示得分");
    panel.replaceChildren(el("h2", "测试结果"), el("p", "答完后按“交卷”，显示得分、正确答案和解析。", "hb-hand-in-hint"));
    return;
  }
  panel.dataset.total = r.total;
  panel.dataset.grade = r.grade ? r.grade.id : "";
  const parts = [el("h2", r.test ? "测试结果" : "自评结果"), reportLine(), el("p", `总分 ${r.total} / ${r.max_total}`, "hb-total")];
  summarise(`总分 ${r.total} / ${r.max_total}` + (r.graded && r.eligible ? ` · 职级：${r.grade ? r.grade.name : "未定级"}` : ""));
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
  summarise(`结果：${r.outcome_name}` + (r.level ? ` · ${r.level.from_name} → ${r.level.to_name}` : "") +
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

// --- scoring ---------------------------------------------------------------------------------
function rescore() {
  if (review?.on) { review.rescore(); return; }
  save();
  if (!ready) return;
  seq += 1;
  setState("scoring");
  worker.postMessage({ seq, id: meta.id, answers: collect() });
}

// Other questions for the engine (carrying answers over), answered in turn once it is ready.
const asked = new Map();
let asks = 0, engineReady;
const whenReady = new Promise(resolve => { engineReady = resolve; });
function ask(message) {
  const key = `ask-${++asks}`;
  return new Promise(resolve => { asked.set(key, resolve); whenReady.then(() => worker.postMessage({ ...message, id: meta.id, seq: key })); });
}

function onMessage({ data }) {
  if (data.type === "progress") { status.textContent = data.text; return; }
  if (data.type === "fatal") { data.stale ? fail(data.text) : onFatal(data.text); return; }
  if (data.type === "ready") {
    if (data.hash !== meta.hash) {  // never score with rules other than the ones this page shows
      worker.terminate();
      fail(`本页是规则版本 ${meta.version}，下载到的计分规则却是版本 ${data.version}：网站可能刚更新过，请刷新页面（F5）。`);
      return;
    }
    document.documentElement.dataset.engine = data.engine;  // "snapshot" or "boot": which way the worker started
    performance.mark("hb-engine-ready"); ready = true; status.textContent = "计分引擎已就绪，每次修改都会重新计分。";
    engineReady(); rescore(); return;
  }
  if (data.type === "result" && asked.has(data.seq)) { asked.get(data.seq)(data.out); asked.delete(data.seq); return; }
  if (data.type !== "result" || data.seq !== seq || review?.on) return;
  clearErrors();
  if (data.out.errors) { showErrors(data.out.errors); return; }
  if (data.out.failure) { showFailure(data.out.failure); return; }
  meta.kind === "standard" ? showStandard(data.out) : showRule(data.out);
  setState("ready");
  if (!performance.getEntriesByName("hb-first-score").length) performance.mark("hb-first-score");  // for make bench
}

// An engine exception on these answers: say so, keep the form and the engine for the next change.
function showFailure(text) {
  setState("error");
  panel.dataset.total = panel.dataset.grade = panel.dataset.outcome = "";
  panel.replaceChildren(el("p", `这组答案无法计分：${text}。请检查刚才填写的内容；表格仍可填写、导出和打印。`, "hb-fatal"));
}

function fail(text) {
  if (carrying) form.querySelector("[data-notice]").textContent = "上次保存的答案来自旧版本的规则，已原样保留；计分引擎可用后会按新规则载入。";
  setState("error");
  status.textContent = text;
  panel.replaceChildren(el("p", text + " 表格仍可填写和导出，但无法计分。", "hb-fatal"));
}

// --- saved work --------------------------------------------------------------------------------
const storage = (() => { try { return window.localStorage; } catch { return null; } })();  // null when blocked
let otherTab = null;  // answers another tab saved for this assessment, kept until this tab has its own saved

let carrying = false;  // answers saved under an earlier release, not yet carried over: kept until then

let notice = null;     // what changed at the last carry-over: shown until the person dismisses it
let adopted = null;    // the hash of an earlier release's record this tab carried over (it may replace it)
let otherRelease = null;  // another tab, on another release of the site, owns the saved record

const newer = (a, b) => String(a).localeCompare(String(b), "en", { numeric: true }) > 0;

function record(answers) { return { version: meta.version, hash: meta.hash, basis: meta.basis, answers, notice, person: who() }; }

function save() {
  if (review?.on) return;  // the reviewer's answers are saved apart (review.js)
  const message = form.querySelector(".hb-import-message");
  if (!storage) { message.textContent = "浏览器禁止本页保存答案：关闭页面前请用“导出答案”保存到文件。"; return; }
  const answers = collect();
  if (carrying && untouched(answers)) return;
  try {
    if (otherTab !== null) storage.setItem(`${storageKey}:other-tab`, otherTab);
    let stored = null;
    try { stored = asRecord(JSON.parse(storage.getItem(storageKey))); } catch { /* none, or unreadable */ }
    const foreign = stored && stored.hash !== meta.hash && stored.hash !== adopted && stored.hash !== "";
    if (otherRelease || (foreign && newer(stored.version, meta.version))) {
      // a tab on a newer release owns the saved record: this (older) page's answers go aside, none is lost
      otherRelease = otherRelease || stored.version;
      storage.setItem(`${storageKey}:tab-${meta.version}`, JSON.stringify(record(answers)));
      message.textContent = `网站已更新（另一标签页使用规则版本 ${otherRelease}）：请刷新本页。本页的答案已另存，不会覆盖新版本的答案。`;
      return;
    }
    if (foreign) storage.setItem(`${storageKey}:before-${stored.version}`, JSON.stringify(stored));  // an older page's, kept
    storage.setItem(storageKey, JSON.stringify(record(answers)));
  } catch {
    message.textContent = "浏览器存储空间已满，答案未能保存：请用“导出答案”保存到文件。";
  }
}

addEventListener("storage", e => {
  if (e.key !== storageKey || e.newValue === null || review?.on) return;  // reviewing: the form is not one's own
  let theirs = null;
  try { theirs = asRecord(JSON.parse(e.newValue)); } catch { /* unreadable: treated as this release's */ }
  if (theirs && theirs.hash !== meta.hash) {  // a tab on another release: nothing to switch to here
    if (newer(theirs.version, meta.version)) { otherRelease = theirs.version; save(); }
    return;
  }
  otherTab = e.newValue;
  const message = form.querySelector(".hb-import-message");
  message.replaceChildren("此自评在另一个标签页中也被修改了。本页的答案继续保存在这里；另一页的答案已另存，不会丢失。 ");
  const take = el("button", "改用另一标签页的答案", "md-button");
  take.type = "button";
  take.addEventListener("click", () => {
    const theirs = asRecord(JSON.parse(otherTab));
    storage.setItem(`${storageKey}:other-tab`, JSON.stringify(record(collect())));  // and this tab's answers are kept
    otherTab = null;
    if (theirs) fill(theirs.answers);
    message.textContent = "已改用另一标签页的答案；本页原来的答案已另存。";
    rescore();
  });
  message.append(take);
});

function fieldNames() { return Object.keys(meta.fields); }

// ID-answers-工号.json (or the name, or the date): a manager's Downloads folder holds many of them
function fileName(what, person) {
  const tag = [own(person, "staff_id"), own(person, "name")].find(v => typeof v === "string" && v.trim())
    || new Date().toISOString().slice(0, 10);
  return `${meta.id}-${what}-${tag.trim().replace(/[\\/:*?"<>|\s]+/g, "_")}.json`;
}

function exportAnswers() {
  showAll = true; rescore();
  const blob = new Blob([JSON.stringify({ definition: meta.id, definition_name: meta.name, rulebook_version: meta.version,
    rulebook_hash: meta.hash, exported: new Date().toISOString(), fields: fieldNames(), field_names: meta.fields,
    basis: meta.basis, person: who(), answers: collect() }, null, 2)], { type: "application/json" });
  const a = el("a"); a.href = URL.createObjectURL(blob); a.download = fileName("answers", who()); a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function importAnswers(file) {
  const message = form.querySelector(".hb-import-message");
  message.textContent = "";
  let data;
  try { data = JSON.parse(await file.text()); } catch { message.textContent = "无法读取：这不是答案文件（JSON）。"; return; }
  if (isRecord(data) && data.type === "review" && data.definition === meta.id) { review.importFile(file); return; }
  if (!isRecord(data) || data.definition !== meta.id || !wellFormed(data.answers)) {
    const theirs = isRecord(data) && (data.definition_name || data.definition);
    message.textContent = theirs && data.definition !== meta.id
      ? `这个文件是“${theirs}”的答案，不是“${meta.name}”的，表格未改动。`
      : `这个文件不是“${meta.name}”的答案文件，表格未改动。`;
    return;
  }
  // someone else's answers over one's own: most likely a manager who meant 审核他人的自评
  const theirs = [own(own(data, "person"), "staff_id"), own(own(data, "person"), "name")].find(v => typeof v === "string" && v);
  const mine = [who().staff_id, who().name].find(Boolean);
  if (theirs && mine && theirs !== who().staff_id && theirs !== who().name &&
      !confirm(`这个文件是“${theirs}”的答案，导入会替换本页（${mine}）的答案。要审核他人的自评，请取消后点“审核他人的自评”。仍然导入吗？`)) return;
  if (isRecord(own(data, "person"))) setWho(data.person);
  if (data.rulebook_hash === meta.hash) { fill(data.answers); rescore(); return; }
  message.textContent = `此答案文件来自规则版本 ${data.rulebook_version || "未知"}，正在按当前规则（版本 ${meta.version}）核对…`;
  const carried = await ask({ migrate: { answers: data.answers, basis: own(data, "basis"), names: own(data, "field_names") } });
  if (!carried.answers) { message.textContent = "无法按当前规则核对这个答案文件，表格未改动。"; return; }
  fill(carried.answers);
  carried.dropped.forEach(field => visited.add(field));
  tellChanges(`此答案文件来自规则版本 ${data.rulebook_version || "未知"}，当前为 ${meta.version}。`, carried.changes);
  rescore();
}

// What changed for this assessment between the release the answers were given under and this one, by name.
function tellChanges(opening, changes, message = form.querySelector(".hb-import-message")) {
  if (!changes.length) { message.textContent = `${opening}本页的项目没有变化，答案已全部保留。`; return; }
  const list = el("ul");
  for (const change of changes) list.append(el("li", change.text));
  message.replaceChildren(el("p", `${opening}本页的变化如下，其余答案已保留：`), list);
}

// The carry-over notice stays (saved with the answers) until the person says they have read it.
function showNotice() {
  const box = form.querySelector("[data-notice]");
  tellChanges(notice.opening, notice.changes, box);
  const done = el("button", "知道了", "md-button");
  done.type = "button";
  done.addEventListener("click", () => { notice = null; box.replaceChildren(); save(); });
  box.append(done);
}

function opening(found) {
  return found.version === meta.version ? `本页的规则已更新（版本号仍为 ${meta.version}）。`
                                        : `规则已从版本 ${found.version || "未知"} 更新为 ${meta.version}。`;
}

// --- start ----------------------------------------------------------------------------------
form.addEventListener("input", e => { if (e.target.type !== "file") rescore(); });  // choosing a file is not an answer
form.addEventListener("change", e => {
  if (review.handle(e.target.dataset.action, e.target)) return;
  if (e.target.dataset.action !== "import") { rescore(); return; }
  const file = e.target.files[0];
  e.target.value = "";  // the same file can be imported again (after 清除答案, say)
  if (file) importAnswers(file);
});
form.addEventListener("submit", e => e.preventDefault());
form.addEventListener("click", e => {
  const action = e.target.dataset.action;
  if (review.handle(action, e.target)) return;
  if (e.target.classList.contains("hb-add-period")) { addPeriod(); rescore(); }
  else if (e.target.classList.contains("hb-remove-period")) {
    const row = e.target.closest("tr");
    const filled = [...row.querySelectorAll("input[type=text], select")].some(c => c.value) || row.querySelector("input:checked");
    if (filled && !confirm(`删除${row.querySelector(".hb-period-no").textContent}及其中已填写的数据？`)) return;
    row.remove(); renumber(); rescore();
  }
  else if (action === "hand-in") { handedIn = true; rescore(); panel.scrollIntoView({ block: "start" }); }
  else if (action === "export") exportAnswers();
  else if (action === "clear") { if (!confirm("清除本页已填写的全部答案？(建议先导出答案)")) return; carrying = false; handedIn = false; try { storage?.removeItem(storageKey); } catch { /* blocked */ } fill(meta.kind === "rule" ? { periods: [] } : {}); if (meta.kind === "rule") for (let i = 0; i < meta.min_periods; i++) addPeriod(); rescore(); }
  else if (action === "print") { showAll = true; rescore(); window.print(); }
});

// A saved record, or null. Pages before this one saved bare answers under `handbook:ID:VERSION`.
function asRecord(value, version) {
  if (isRecord(value) && Object.hasOwn(value, "answers") && typeof own(value, "hash") === "string") {
    return wellFormed(value.answers) ? value : null;
  }
  return version && wellFormed(value) ? { version, hash: "", answers: value } : null;
}

function savedText() {
  const read = key => { try { return storage?.getItem(key) ?? null; } catch { return null; } };
  const text = read(storageKey);
  if (text !== null) return [storageKey, text, null];
  let keys = [];
  try { keys = Object.keys(storage ?? {}); } catch { /* blocked */ }
  // `handbook:ID:VERSION` only: not this page's own side records (:before-…, :tab-…, :other-tab, :unreadable) nor
  // a review kept on this computer (:review, :review:…), which is the reviewer's view of someone else
  const older = keys.filter(k => k.startsWith(storageKey + ":") && /^[^:]+$/.test(k.slice(storageKey.length + 1))
                                 && !/^(before-|tab-|other-tab$|unreadable$|review$)/.test(k.slice(storageKey.length + 1)))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true })).pop();
  return older ? [older, read(older), older.slice(storageKey.length + 1)] : [null, null, null];
}

function restore() {
  const [key, saved, version] = savedText();
  if (saved === null) return false;
  let value;
  try { value = JSON.parse(saved); } catch { value = undefined; }
  const found = asRecord(value, version);
  if (found && isRecord(own(found, "person"))) setWho(found.person);
  if (!found) {
    try { storage.setItem(`${storageKey}:unreadable`, saved); storage.removeItem(key); } catch { /* kept as it was */ }
    form.querySelector(".hb-import-message").textContent = "上次保存的答案已损坏，无法载入（原内容已另存）；请重新填写或导入答案文件。";
    return false;
  }
  const retire = () => { if (key !== storageKey) try { storage.removeItem(key); } catch { /* kept */ } };
  if (found.hash === meta.hash || (found.hash === "" && found.version === meta.version)) {
    fill(found.answers);
    if (key !== storageKey) { save(); retire(); }  // an older page's save, now under this page's key
    notice = isRecord(own(found, "notice")) && Array.isArray(found.notice.changes) ? found.notice : null;
    if (notice) showNotice();
    return true;
  }
  carryOver(found, retire);
  return false;
}

// Answers saved under another release: kept aside as they were, then carried over by the engine.
async function carryOver(found, retire) {
  carrying = true;
  const aside = `${storageKey}:before-${found.version || "unknown"}`;
  try { if (storage.getItem(aside) === null) storage.setItem(aside, JSON.stringify(found)); } catch { /* blocked or full */ }
  const message = form.querySelector("[data-notice]");  // at the top of the form: read before filling in
  const said = opening(found);
  message.textContent = `${said}上次保存的答案正在按新规则核对，核对后自动填入…`;
  const carried = await ask({ migrate: { answers: found.answers, basis: found.basis } });
  if (!carried.answers) { message.textContent = `${said}上次保存的答案无法按新规则核对，已原样另存，没有丢失。`; return; }
  carrying = false;
  adopted = found.hash;
  retire();  // read once: it is kept aside above, and 清除答案 must not bring it back
  const take = () => {
    fill(carried.answers);
    carried.dropped.forEach(field => visited.add(field));  // flagged at once: the person was told to refill them
    notice = carried.changes.length ? { opening: said, changes: carried.changes } : null;
    if (notice) showNotice(); else tellChanges(said, [], message);
    rescore();
  };
  if (untouched(collect())) { take(); return; }
  // the person started filling in meanwhile: theirs stay, the carried answers wait for a click
  const use = el("button", "改用上次保存的答案", "md-button");
  use.type = "button";
  use.addEventListener("click", take);
  message.replaceChildren(`${said}你已开始重新填写；上次保存的答案已按新规则核对并另存。 `, use);
}
function restoreOwn() {
  clearErrors();
  fill(meta.kind === "rule" ? { periods: [] } : {});
  setWho({});
  if (!restore() && meta.kind === "rule") for (let i = 0; i < meta.min_periods; i++) addPeriod();
  rescore();
}

// Answers another tab saved (kept aside when this tab saved its own over them): offered after a reload too.
function offerOtherTab() {
  const aside = `${storageKey}:other-tab`;
  let theirs = null;
  try { theirs = asRecord(JSON.parse(storage?.getItem(aside) ?? "null")); } catch { /* none, or unreadable */ }
  if (!theirs || theirs.hash !== meta.hash) return;  // another release's: carried over when that tab saves it
  if (JSON.stringify(theirs.answers) === JSON.stringify(collect())) { try { storage.removeItem(aside); } catch { /* kept */ } return; }
  const message = form.querySelector(".hb-import-message");
  const use = el("button", "改用另存的答案", "md-button"), drop = el("button", "删除另存的答案", "md-button");
  use.type = drop.type = "button";
  use.addEventListener("click", () => {
    storage.setItem(aside, JSON.stringify(record(collect())));  // swapped: the answers on screen are kept in turn
    fill(theirs.answers);
    if (isRecord(own(theirs, "person"))) setWho(theirs.person);
    message.textContent = "已改用另存的答案；本页原来的答案已另存。";
    rescore();
  });
  drop.addEventListener("click", () => {
    if (!confirm("删除另一标签页另存的答案？(删除后无法恢复)")) return;
    try { storage.removeItem(aside); } catch { /* blocked */ }
    message.textContent = "已删除另存的答案。";
  });
  message.replaceChildren("本机还另存了一份此自评的答案（来自另一个标签页），与本页显示的不同。 ", use, " ", drop);
}

if (!restore() && meta.kind === "rule") for (let i = 0; i < meta.min_periods; i++) addPeriod();
if (!carrying) offerOtherTab();
review = createReview({ meta, form, panel, el, own, isRecord, storage, storageKey, collect, fill, who, setWho, ask,
                        wellFormed, fieldBox, clearErrors, summarise, fileName, saveOwn: save, restoreOwn });
review.offer(form.querySelector(".hb-import-message"));

performance.mark("hb-form-usable");  // the form works (and saves) from here on; read by make bench

// --- hosting faults, said in words with the fix (the form keeps working for filling, printing, exporting) ---
const BROWSERS = "请使用较新的 Chrome、Edge（Chromium 内核）、Firefox 或 Safari（2023 年以后的版本）；360、QQ 等浏览器请切换到“极速模式”";
const ADMIN = "请网站管理员按《管理员说明》配置服务器";

async function diagnose(url, expected) {  // the worker script itself: nothing runs in it to say so
  try {
    const response = await fetch(url, { method: "GET", cache: "no-store" });
    if (!response.ok) return `服务器找不到计分引擎文件 ${url.split("/").pop()}（HTTP ${response.status}）。${ADMIN}。`;
    const type = (response.headers.get("content-type") || "(未说明)").split(";")[0].trim();
    if (!expected.includes(type)) return `服务器以“${type}”类型发送 ${url.split("/").pop()}，浏览器要求“${expected[0]}”。${ADMIN}（MIME 类型）。`;
  } catch { /* the fetch itself failed: say nothing more specific */ }
  return null;
}

async function onWorkerError(e) {
  const found = await diagnose(meta.engine.worker, ["text/javascript", "application/javascript"]);
  fail(found || `计分引擎无法启动：${e.message || "Web Worker 出错"}。${ADMIN}。`);
}

function onFatal(text) {  // the worker has named the server's fault where it could (runtimeMissing)
  fail(`计分引擎无法启动：${text}`);
}

const early = window.hbEngine;  // started by the page's inline script, with the messages it kept
if (location.protocol === "file:") {
  // (a browser that runs module scripts from disk gets here; the page's starter has said it already)
} else if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
  early?.worker.terminate();
  fail(`此浏览器不支持计分所需的 WebAssembly 或 Web Worker。${BROWSERS}。`);
} else {
  try {
    worker = early?.worker ?? new Worker(meta.engine.worker, { type: "module", name: meta.engine.definition });
    worker.onmessage = onMessage;
    worker.onerror = onWorkerError;
    for (const e of early?.queue ?? []) e.type === "error" ? onWorkerError(e) : onMessage(e);
  } catch (error) { fail(`计分引擎无法启动：${error.message}。${BROWSERS}。`); }
}

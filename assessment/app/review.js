// 审核: a manager or peer answers the same form beside a person's exported answers. The engine scores
// both and says, field by field, how far apart they are (assessment/review.py); this script shows it,
// keeps the reviewer's comments, and writes the review file with the seal the engine computes.
// The reviewer's work is saved apart from their own self-assessment, one record per person reviewed
// (saved.js): reviewing 甲 in one tab and 乙 in another keeps both.
import { own, isRecord, el, button, people } from "./dom.js";
import { reviewFile, fileName, download } from "./files.js";

// `page`: {meta, form (form.js), panel, saved (saved.js), ask (the engine's), restoreOwn()}
export function createReview(page) {
  const { meta, panel, saved, ask } = page;
  const form = page.form.element, reviews = saved.reviews;
  const template = form.querySelector("template.hb-review-template");
  let box = null;  // the review's own part of the form, there while the mode is on
  let key = null;  // this review's record: named by the person reviewed and when their answers were exported
  let retiring = null;  // a record saved under an earlier release: removed only once the new one is written
  let state = null;  // {self: {answers, person, exported, rulebook_version}, warning}: set once a file is read
  let on = false, asked = 0, last = null;
  let notices = [];  // what carrying answers over to this release changed, said once they are in the form
  let dirty = false;  // changed since it was opened or last exported: replacing it asks first

  const say = text => { if (box) box.querySelector("[data-review-message]").textContent = text; };
  const comments = () => Object.fromEntries([...form.querySelectorAll("[data-comment]")]
    .filter(c => c.value.trim()).map(c => [c.dataset.comment, c.value.trim()]));
  const overall = () => box.querySelector("[data-review-overall]").value.trim();
  const reviewer = () => Object.fromEntries([...box.querySelectorAll("[data-reviewer]")].map(c => [c.dataset.reviewer, c.value.trim()]));

  // --- the second column: the person's answer and the distance, at each field ------------------------
  function decorate() {
    form.querySelectorAll("[data-field]").forEach(field => {
      if (!field.querySelector(":scope > .hb-review-self") && field.dataset.field !== "periods") {
        field.append(el("p", "", "hb-review-self"));
      }
      const path = field.dataset.field;
      if (!/^periods\[/.test(path) && !field.querySelector(":scope > .hb-comment")) {
        const label = el("label", path === "periods" ? "对各期数据的审核意见" : "审核意见", "hb-comment");
        const text = el("textarea");
        text.rows = 1; text.dataset.comment = path;
        label.append(text);
        field.append(label);
      }
    });
  }

  function undecorate() { form.querySelectorAll(".hb-review-self, .hb-comment").forEach(e => e.remove()); }

  function setComments(given) {
    form.querySelectorAll("[data-comment]").forEach(c => { const v = own(given, c.dataset.comment); c.value = typeof v === "string" ? v : ""; });
  }

  // --- entering, leaving, saving ---------------------------------------------------------------------
  function enter() {
    if (on) return;
    saved.save();  // the reviewer's own self-assessment stays as it was saved
    on = true;
    form.dataset.mode = "review";
    box = template.content.firstElementChild.cloneNode(true);
    form.querySelector("[data-notice]").after(box);
    form.querySelector(".hb-import-message").replaceChildren();  // offers about one's own answers do not apply
    page.form.empty();
    page.form.setWho({});
    page.form.clearErrors();
    whoBox(true);
    const me = reviews.reviewer();  // the reviewer typed their name once: it stays for the next review
    box.querySelectorAll("[data-reviewer]").forEach(c => { const v = own(me, c.dataset.reviewer); c.value = typeof v === "string" ? v : ""; });
    decorate();
    panel.dataset.state = "invalid";
    panel.replaceChildren(el("p", "请先导入员工导出的答案文件。", "hb-invalid"));
    page.form.summarise("审核：请先导入员工导出的答案文件");
    box.querySelector("h2").scrollIntoView({ block: "start" });
  }

  // The identity fields say whose answers these are: the person reviewed, not the reviewer.
  function whoBox(reviewing) {
    const legend = form.querySelector(".hb-who:not(.hb-review .hb-who) legend");
    const hint = form.querySelector("#hb-who-hint");
    if (legend) legend.textContent = reviewing ? "被审核人" : "姓名与工号（可不填）";
    if (hint) hint.hidden = reviewing;
  }

  function leave() {
    const ask = dirty ? "审核内容自上次导出后有修改，尚未导出。结束审核并清除本机保存的审核内容吗？"
                      : "结束审核并清除本机保存的审核内容吗？（已导出的审核文件不受影响）";
    if (state && !confirm(ask)) return;
    for (const k of [key, retiring]) if (k) reviews.remove(k);
    on = false; state = null; last = null; key = null; retiring = null;
    undecorate();
    delete form.dataset.mode;
    box.remove();
    box = null;
    whoBox(false);
    page.restoreOwn();
  }

  function save() {
    if (!state || !key || !reviews.available()) return;
    dirty = true;
    try {
      const me = reviewer();
      if (me.name || me.staff_id) reviews.keepReviewer(me);
      reviews.write(key, { version: meta.version, hash: meta.hash, basis: meta.basis, self: state.self, warning: state.warning,
        answers: page.form.collect(), person: page.form.who(), reviewer: me, comments: comments(), overall: overall(),
        unexported: true });
      if (retiring) { reviews.remove(retiring); retiring = null; }
    } catch { say("浏览器存储空间已满，审核内容未能保存：请用“导出审核文件”保存到文件。"); }
  }

  // A record of this page's shape (saved, or read from a review file): the form shows the reviewer's side.
  function open(record, selfAnswers, reviewerAnswers, savedAs = null) {
    state = { self: { ...record.self, answers: selfAnswers }, warning: record.warning || "" };
    const named = reviews.keyFor(record.person, own(state.self, "exported"));
    retiring = savedAs && savedAs !== named ? savedAs : null;  // an earlier release's: removed once this one is saved
    key = named;
    page.form.setWho(isRecord(record.person) ? record.person : {});
    page.form.fill(reviewerAnswers);
    decorate();
    setComments(record.comments);
    box.querySelector("[data-review-overall]").value = typeof record.overall === "string" ? record.overall : "";
    box.querySelectorAll("[data-reviewer]").forEach(c => { const v = own(record.reviewer, c.dataset.reviewer); if (typeof v === "string" && v) c.value = v; });
    const person = people(record.person);
    box.querySelector("[data-review-person]").textContent =
      `被审核人：${person || "（未填姓名）"} · 自评导出于 ${String(state.self.exported || "未知").slice(0, 10)} · 规则版本 ${state.self.rulebook_version || "未知"}`;
    rescore();
    dirty = false;
  }

  // Answers given under another release are carried over by the engine, as the page does for its own.
  async function current(answers, file, what) {
    if (file.rulebook_hash === meta.hash) return answers;
    const carried = await ask({ migrate: { answers, basis: own(file, "basis"), names: own(file, "field_names") } });
    if (!carried.answers) throw new Error(`${what}无法按当前规则核对`);
    if (carried.changes.length) notices.push(`${what}来自规则版本 ${file.rulebook_version || "未知"}：` + carried.changes.map(c => c.text).join("；"));
    return carried.answers;
  }

  async function importFile(file) {
    say("");
    let data;
    try { data = JSON.parse(await file.text()); } catch { say("无法读取：这不是答案文件或审核文件（JSON）。"); return; }
    if (!isRecord(data) || data.definition !== meta.id) {
      const theirs = isRecord(data) && (data.definition_name || data.definition);
      say(theirs ? `这个文件是“${theirs}”的，不是“${meta.name}”的，未导入。` : `这个文件不是“${meta.name}”的答案文件或审核文件，未导入。`);
      return;
    }
    const selfAnswers = data.type === "review" ? own(own(data, "self"), "answers") : data.answers;
    if (!page.form.wellFormed(selfAnswers)) {
      say(data.type === "review" ? "这个审核文件缺少员工的答案，未导入。" : `这个文件不是“${meta.name}”的答案文件或审核文件，未导入。`);
      return;
    }
    if (state && dirty && !confirm(`导入将替换当前对“${people(page.form.who()) || "未填姓名"}”的审核，尚未导出的修改会丢失。继续吗？`)) return;
    if (!on) enter();
    notices = [];
    let opened = "";
    try {
      if (data.type === "review") {
        const check = await ask({ verify: data });
        const warning = { intact: "", edited: "注意：此审核文件导出后被修改过（完整性校验值不符），内容可能不是审核人导出时的样子。",
                          unsealed: "注意：此审核文件没有完整性校验值，无法确认导出后未被修改。" }[check.state]
                        ?? "注意：无法校验此审核文件的完整性，无法确认导出后未被修改。";
        const self = await current(own(own(data, "self"), "answers"), data, "员工的答案");
        const mine = await current(own(own(data, "reviewer"), "answers"), data, "审核答案");
        open({ ...data, warning }, self, mine);
        opened = `已打开审核文件：审核人 ${people(data.reviewer) || "（未填）"}，导出于 ${String(data.exported || "未知").slice(0, 10)}。` +
                 (check.state === "intact" ? "完整性校验相符。" : "");
      } else {
        const self = await current(data.answers, data, "员工的答案");
        open({ self: { exported: data.exported, rulebook_version: data.rulebook_version }, person: data.person }, self, self);
      }
    } catch (error) { say(`${error.message}，未导入。`); return; }
    say([opened, state.warning, ...notices].filter(Boolean).join(" ") || "已导入。表格中是员工的答案，请按你的判断修改。");
  }

  // --- scoring both and showing the comparison ---------------------------------------------------------
  async function rescore() {
    if (!state) return;
    decorate();  // rows added to a rule's table get their second column too
    save();
    const n = ++asked;
    panel.dataset.state = "scoring";
    const out = await ask({ review: { self: state.self.answers, reviewer: page.form.collect() } });
    if (n !== asked || !on) return;
    last = out;
    show(out);
  }

  function show(out) {
    if (out.failure) { panel.dataset.state = "error"; panel.replaceChildren(el("p", `无法计分：${out.failure}`, "hb-fatal")); return; }
    form.querySelectorAll(".hb-review-self").forEach(p => { p.textContent = ""; });
    page.form.clearErrors();
    for (const row of out.fields) {
      const field = page.form.fieldBox(row.field);
      const line = field && field.querySelector(":scope > .hb-review-self");
      if (!line) continue;
      line.append(`员工自评：${row.self}`);
      if (row.level !== "same") line.append(" ", el("span", row.text, "hb-diff"));
      line.dataset.level = row.level;
    }
    for (const problem of own(out.reviewer, "errors") ?? []) {
      const field = page.form.fieldBox(problem.field);
      if (field) field.querySelector(".hb-error").textContent = problem.message;
    }
    panel.dataset.state = "review";
    panel.replaceChildren(...sheet(out));
    page.form.summarise(`审核：相差两档及以上 ${out.far} 项，相差一档 ${out.near} 项` + (out.open ? `，一方未填或无效 ${out.open} 项` : ""));
  }

  // What the 审核单 says of a result, by the result's shape (assessment/contract.py): a standard's score and
  // grade, every item compared; a rule's outcome and level, only the data that differ or carry a comment.
  const SHEETS = {
    standard: { outcome: ["总分", r => `${r.total} / ${r.max_total}`], every: true, compared: "逐项对照",
                grade: ["职级", r => r.grade ? r.grade.name : r.graded ? "未定级" : "（不定级）"] },
    rule: { outcome: ["结果", r => r.outcome_name], every: false, compared: "有差异的数据",
            grade: ["级别", r => r.level ? `${r.level.from_name} → ${r.level.to_name}` : "—"] },
  };
  const shape = SHEETS[meta.kind];
  const outcome = r => r.errors ? `未能计分（${r.errors.length} 处未填或需修改）` : shape.outcome[1](r);
  const grade = r => r.errors ? "—" : shape.grade[1](r);

  // The 审核单: both results, every difference with its comment, the overall comment, signature lines.
  function sheet(out) {
    const table = (heads, rows) => {
      const t = el("table"), head = el("tr");
      heads.forEach(h => head.append(el("th", h))); t.append(head);
      rows.forEach(cells => { const tr = el("tr"); cells.forEach(c => tr.append(el("td", c))); t.append(tr); });
      t.tabIndex = 0;  // the theme scrolls a wide table inside itself on a phone: a keyboard can scroll it too
      return t;
    };
    const who = people(page.form.who()), by = people(reviewer());
    const parts = [el("h2", `审核单：${meta.name}`),
      el("p", `${meta.name} · 被审核人 ${who || "（未填）"} · 审核人 ${by || "（未填）"} · 审核日期 ${new Date().toLocaleDateString("zh-CN")} · 规则版本 ${meta.version}`, "hb-report-meta")];
    if (state.warning) parts.push(el("p", state.warning, "hb-fatal"));
    parts.push(table(["", "员工自评", "上级审核"], [[shape.outcome[0], outcome(out.self), outcome(out.reviewer)],
                                                    [shape.grade[0], grade(out.self), grade(out.reviewer)]]));
    parts.push(el("p", `相差两档及以上（需要讨论）${out.far} 项，相差一档 ${out.near} 项。` +
                       (out.open ? `另有 ${out.open} 项一方未填或无效。` : ""), "hb-total"));
    const notes = comments();
    const shown = out.fields.filter(r => shape.every || r.level !== "same" || notes[r.field]);
    parts.push(el("h3", shape.compared),
      table(["项目", "员工自评", "上级审核", "差异", "审核意见"],
            shown.map(r => [r.name, r.self, r.reviewer, r.level === "same" ? "一致" : r.text, notes[r.field] || ""])),
      el("p", out.step, "hb-hint"));
    if (notes.periods) parts.push(el("p", `对各期数据的审核意见：${notes.periods}`));
    parts.push(el("h3", "总体意见"), el("p", overall() || "（无）"));
    const signatures = el("div", null, "hb-signatures");
    ["员工签字", "上级签字"].forEach(who => signatures.append(el("p", `${who}：__________________　日期：____________`)));
    parts.push(signatures);
    return parts;
  }

  // --- the review file ---------------------------------------------------------------------------------
  async function exportFile() {
    if (!state) { say("请先导入员工的答案文件。"); return; }
    const record = reviewFile(meta, page.form.who(), state.self, reviewer(), page.form.collect(), comments(), overall());
    const integrity = await ask({ seal: record });
    if (!integrity.digest) { say("无法计算完整性校验值，未导出。"); return; }
    const name = fileName(meta, "review", page.form.who());
    download(name, { ...record, integrity });
    dirty = false;
    try {  // kept so: a reload does not ask again about changes that are in the file
      const kept = reviews.read(key);
      if (isRecord(kept)) reviews.write(key, { ...kept, unexported: false });
    } catch { /* blocked, or full */ }
    const missing = [!reviewer().name && "审核人姓名未填", last && last.reviewer.errors && "审核答案尚未填完，无法计分"].filter(Boolean);
    say(`已导出 ${name}。` + (missing.length ? `注意：${missing.join("；")}。` : ""));
  }

  // The page's script asks us first; true when the event was ours.
  function handle(action, target) {
    if (action === "review") { if (!on) enter(); return true; }
    if (action === "review-exit") { leave(); return true; }
    if (action === "review-export") { exportFile(); return true; }
    if (action === "review-print") { if (last) show(last); window.print(); return true; }
    if (action === "review-import") {
      const file = target.files[0];
      target.value = "";
      if (file) importFile(file);
      return true;
    }
    return false;
  }

  // Offered, not forced: each review left unfinished on this computer.
  function offer(where) {
    const found = reviews.list();
    const offers = found.map(([savedAs, record]) => offerOne(where, savedAs, record, () => offers.forEach(o => o.remove())));
  }

  function offerOne(where, savedAs, found, withdrawAll) {
    const resume = button("继续审核", async () => {
      withdrawAll();  // (entering the review clears the offers' line anyway)
      enter();
      notices = [];
      try {
        const self = await current(found.self.answers, { ...found, rulebook_hash: found.hash, rulebook_version: found.version }, "员工的答案");
        const mine = await current(found.answers, { ...found, rulebook_hash: found.hash, rulebook_version: found.version }, "审核答案");
        open(found, self, mine, savedAs);
        dirty = found.unexported !== false;  // changes typed before the reload and never exported are still at risk
        if (notices.length) say(notices.join(" "));
      } catch (error) { say(`${error.message}；上次的审核内容仍保存在本机。`); }
    });
    const exported = String(own(found.self, "exported") || "").slice(0, 10);
    const line = el("p", `本机有一份未完成的审核（被审核人：${people(found.person) || "未填姓名"}` +
                         `${exported ? `，自评导出于 ${exported}` : ""}）。 `);
    line.append(resume);
    where.append(line);
    return line;
  }

  return { get on() { return on; }, rescore, handle, importFile, offer };
}

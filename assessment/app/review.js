// 审核: a manager or peer answers the same form beside a person's exported answers. The engine scores
// both and says, field by field, how far apart they are (assessment/review.py); this script shows it,
// keeps the reviewer's comments, and writes the review file with the seal the engine computes.
// The reviewer's work is saved apart from their own self-assessment, one record per person reviewed
// (saved.js): reviewing 甲 in one tab and 乙 in another keeps both.
import { own, isRecord, el, button, people, t } from "./dom.js";
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
        const label = el("label", t(path === "periods" ? "page.review.periods_comment" : "page.review.comment"), "hb-comment");
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
    panel.replaceChildren(el("p", t("page.review.import_first"), "hb-invalid"));
    page.form.summarise(t("page.review.import_first_short"));
    box.querySelector("h2").scrollIntoView({ block: "start" });
  }

  // The identity fields say whose answers these are: the person reviewed, not the reviewer.
  function whoBox(reviewing) {
    const legend = form.querySelector(".hb-who:not(.hb-review .hb-who) legend");
    const hint = form.querySelector("#hb-who-hint");
    if (legend) legend.textContent = t(reviewing ? "page.review.reviewed_person" : "page.who.legend");
    if (hint) hint.hidden = reviewing;
  }

  function leave() {
    const ask = t(dirty ? "page.review.leave_unexported" : "page.review.leave");
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
    } catch { say(t("page.review.full")); }
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
      t("page.review.person_line", { person: person || t("page.review.unnamed"), version: state.self.rulebook_version || t("page.unknown"),
                                     exported: String(state.self.exported || t("page.unknown")).slice(0, 10) });
    rescore();
    dirty = false;
  }

  // Answers given under another release are carried over by the engine, as the page does for its own.
  async function current(answers, file, what) {
    if (file.rulebook_hash === meta.hash) return answers;
    const carried = await ask({ migrate: { answers, basis: own(file, "basis"), names: own(file, "field_names") } });
    if (!carried.answers) throw new Error(t("page.review.cannot_check", { what }));
    if (carried.changes.length) {
      notices.push(t("page.review.carried", { what, from: file.rulebook_version || t("page.unknown"),
                                              changes: carried.changes.map(c => c.text).join(t("page.list")) }));
    }
    return carried.answers;
  }

  async function importFile(file) {
    say("");
    let data;
    try { data = JSON.parse(await file.text()); } catch { say(t("page.review.not_json")); return; }
    if (!isRecord(data) || data.definition !== meta.id) {
      const theirs = isRecord(data) && (data.definition_name || data.definition);
      say(t(theirs ? "page.review.other_definition" : "page.review.not_a_file", { theirs, name: meta.name }));
      return;
    }
    const selfAnswers = data.type === "review" ? own(own(data, "self"), "answers") : data.answers;
    if (!page.form.wellFormed(selfAnswers)) {
      say(t(data.type === "review" ? "page.review.no_self" : "page.review.not_a_file", { name: meta.name }));
      return;
    }
    if (state && dirty && !confirm(t("page.review.replace", { person: people(page.form.who()) || t("page.review.no_name") }))) return;
    if (!on) enter();
    notices = [];
    let opened = "";
    try {
      if (data.type === "review") {
        const check = await ask({ verify: data });
        const warning = check.state === "intact" ? ""
          : t({ edited: "page.review.edited", unsealed: "page.review.unsealed" }[check.state] ?? "page.review.unverified");
        const self = await current(own(own(data, "self"), "answers"), data, t("page.review.self_answers"));
        const mine = await current(own(own(data, "reviewer"), "answers"), data, t("page.review.reviewer_answers"));
        open({ ...data, warning }, self, mine);
        opened = t("page.review.opened", { by: people(data.reviewer) || t("page.review.not_given"),
                                           exported: String(data.exported || t("page.unknown")).slice(0, 10) }) +
                 (check.state === "intact" ? t("page.review.intact") : "");
      } else {
        const self = await current(data.answers, data, t("page.review.self_answers"));
        open({ self: { exported: data.exported, rulebook_version: data.rulebook_version }, person: data.person }, self, self);
      }
    } catch (error) { say(t("page.review.not_imported", { why: error.message })); return; }
    say([opened, state.warning, ...notices].filter(Boolean).join(" ") || t("page.review.imported"));
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
    if (out.failure) { panel.dataset.state = "error"; panel.replaceChildren(el("p", t("page.review.failure", { why: out.failure }), "hb-fatal")); return; }
    form.querySelectorAll(".hb-review-self").forEach(p => { p.textContent = ""; });
    page.form.clearErrors();
    for (const row of out.fields) {
      const field = page.form.fieldBox(row.field);
      const line = field && field.querySelector(":scope > .hb-review-self");
      if (!line) continue;
      line.append(t("page.review.self_said", { answer: row.self }));
      if (row.level !== "same") line.append(" ", el("span", row.text, "hb-diff"));
      line.dataset.level = row.level;
    }
    for (const problem of own(out.reviewer, "errors") ?? []) {
      const field = page.form.fieldBox(problem.field);
      if (field) field.querySelector(".hb-error").textContent = problem.message;
    }
    panel.dataset.state = "review";
    panel.replaceChildren(...sheet(out));
    page.form.summarise(t("page.review.summary", { far: out.far, near: out.near }) +
                        (out.open ? t("page.review.summary_open", { open: out.open }) : ""));
  }

  // What the 审核单 says of a result, by the result's shape (assessment/contract.py): a standard's score and
  // grade, every item compared; a rule's outcome and level, only the data that differ or carry a comment.
  const SHEETS = {
    standard: { outcome: [t("page.review.total"), r => `${r.total} / ${r.max_total}`], every: true,
                compared: t("page.review.every_item"), grade: [t("page.review.grade"), r => r.grade ? r.grade.name
                  : t(r.graded ? "page.results.ungraded" : "page.review.no_grades")] },
    rule: { outcome: [t("page.review.outcome"), r => r.outcome_name], every: false, compared: t("page.review.differing"),
            grade: [t("page.review.level"), r => r.level ? `${r.level.from_name} → ${r.level.to_name}` : "—"] },
  };
  const shape = SHEETS[meta.kind];
  const outcome = r => r.errors ? t("page.review.unscored", { count: r.errors.length }) : shape.outcome[1](r);
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
    const none = t("page.review.not_given"), date = new Date().toLocaleDateString(t("page.locale"));
    const parts = [el("h2", t("page.review.sheet_title", { name: meta.name })),
      el("p", t("page.review.sheet_line", { name: meta.name, who: who || none, by: by || none, date, version: meta.version }),
         "hb-report-meta")];
    if (state.warning) parts.push(el("p", state.warning, "hb-fatal"));
    parts.push(table(["", t("page.review.self"), t("page.review.reviewer")], [[shape.outcome[0], outcome(out.self), outcome(out.reviewer)],
                                                    [shape.grade[0], grade(out.self), grade(out.reviewer)]]));
    parts.push(el("p", t("page.review.distances", { far: out.far, near: out.near }) +
                       (out.open ? t("page.review.distances_open", { open: out.open }) : ""), "hb-total"));
    const notes = comments();
    const shown = out.fields.filter(r => shape.every || r.level !== "same" || notes[r.field]);
    parts.push(el("h3", shape.compared),
      table([t("page.results.item"), t("page.review.self"), t("page.review.reviewer"), t("page.review.difference"),
             t("page.review.comment")],
            shown.map(r => [r.name, r.self, r.reviewer, r.level === "same" ? t("page.review.same") : r.text, notes[r.field] || ""])),
      el("p", out.step, "hb-hint"));
    if (notes.periods) parts.push(el("p", t("page.review.periods_said", { comment: notes.periods })));
    parts.push(el("h3", t("page.review.overall")), el("p", overall() || t("page.review.nothing")));
    const signatures = el("div", null, "hb-signatures");
    ["page.review.signed_self", "page.review.signed_reviewer"].forEach(who => signatures.append(el("p", t(who))));
    parts.push(signatures);
    return parts;
  }

  // --- the review file ---------------------------------------------------------------------------------
  async function exportFile() {
    if (!state) { say(t("page.review.nothing_to_export")); return; }
    const record = reviewFile(meta, page.form.who(), state.self, reviewer(), page.form.collect(), comments(), overall());
    const integrity = await ask({ seal: record });
    if (!integrity.digest) { say(t("page.review.no_seal")); return; }
    const name = fileName(meta, "review", page.form.who());
    download(name, { ...record, integrity });
    dirty = false;
    try {  // kept so: a reload does not ask again about changes that are in the file
      const kept = reviews.read(key);
      if (isRecord(kept)) reviews.write(key, { ...kept, unexported: false });
    } catch { /* blocked, or full */ }
    const missing = [!reviewer().name && t("page.review.no_reviewer_name"),
                     last && last.reviewer.errors && t("page.review.unfinished")].filter(Boolean);
    say(t("page.review.exported", { name }) + (missing.length ? t("page.review.mind", { what: missing.join(t("page.list")) }) : ""));
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
    const resume = button(t("page.review.resume"), async () => {
      withdrawAll();  // (entering the review clears the offers' line anyway)
      enter();
      notices = [];
      try {
        const file = { ...found, rulebook_hash: found.hash, rulebook_version: found.version };
        const self = await current(found.self.answers, file, t("page.review.self_answers"));
        const mine = await current(found.answers, file, t("page.review.reviewer_answers"));
        open(found, self, mine, savedAs);
        dirty = found.unexported !== false;  // changes typed before the reload and never exported are still at risk
        if (notices.length) say(notices.join(" "));
      } catch (error) { say(t("page.review.still_kept", { why: error.message })); }
    });
    const exported = String(own(found.self, "exported") || "").slice(0, 10);
    const person = people(found.person) || t("page.review.no_name");
    const line = el("p", t(exported ? "page.review.unfinished_on_computer" : "page.review.unfinished_undated",
                           { person, exported }) + " ");
    line.append(resume);
    where.append(line);
    return line;
  }

  return { get on() { return on; }, rescore, handle, importFile, offer };
}

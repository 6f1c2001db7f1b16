// The self-assessment page: collects answers from the static form, sends them to the engine in a
// module worker, and shows what the engine returns. It computes no score itself.
//   form.js     the form as answers and back        results.js  the result panel
//   engine.js   the worker, and hosting faults      saved.js    saved work: storage, releases, other tabs
//   files.js    the exported answers and reviews    review.js   审核: reviewing someone's answers
import { own, isRecord, t } from "./dom.js";
import { createForm } from "./form.js";
import { createResults } from "./results.js";
import { createEngine } from "./engine.js";
import { createSaved } from "./saved.js";
import { answersFile, fileName, download } from "./files.js";
import { createReview } from "./review.js";

const element = document.querySelector("form.hb-assess");
const panel = document.getElementById("hb-result");
const status = element.querySelector("[data-status]");
const meta = JSON.parse(element.dataset.definition);
const form = createForm(element, meta);
const results = createResults(panel, form, meta);
let review = null;  // the 审核 mode (review.js): while it is on, the form holds a reviewer's answers
const reviewing = () => Boolean(review?.on);

const engine = createEngine(meta, {
  progress: text => { status.textContent = text; },
  ready: () => rescore(),
  result: out => { if (!reviewing()) results.show(out); },
  fail,
});
const saved = createSaved(meta, { form, ask: engine.ask, visit: results.visit, rescore, reviewing });

function rescore() {
  if (reviewing()) { review.rescore(); return; }
  saved.save();
  if (engine.score(form.collect())) results.scoring();
}

function fail(text) {
  if (saved.carrying) form.notice().textContent = t("page.saved.kept_for_engine");
  status.textContent = text;
  results.showFatal(text);
}

// --- the answers file ------------------------------------------------------------------------
function exportAnswers() {
  results.showEverything(); rescore();
  download(fileName(meta, "answers", form.who()), answersFile(meta, form.who(), form.collect()));
}

async function importAnswers(file) {
  const message = form.message();
  message.textContent = "";
  let data;
  try { data = JSON.parse(await file.text()); } catch { message.textContent = t("page.import.not_json"); return; }
  if (isRecord(data) && data.type === "review" && data.definition === meta.id) { review.importFile(file); return; }
  if (!isRecord(data) || data.definition !== meta.id || !form.wellFormed(data.answers)) {
    const theirs = isRecord(data) && (data.definition_name || data.definition);
    message.textContent = theirs && data.definition !== meta.id
      ? t("page.import.other_definition", { theirs, name: meta.name })
      : t("page.import.not_answers", { name: meta.name });
    return;
  }
  // someone else's answers over one's own: most likely a manager who meant 审核他人的自评
  const theirs = [own(own(data, "person"), "staff_id"), own(own(data, "person"), "name")].find(v => typeof v === "string" && v);
  const me = form.who(), mine = [me.staff_id, me.name].find(Boolean);
  if (theirs && mine && theirs !== me.staff_id && theirs !== me.name &&
      !confirm(t("page.import.someone_else", { theirs, mine }))) return;
  if (isRecord(own(data, "person"))) form.setWho(data.person);
  if (data.rulebook_hash === meta.hash) { form.fill(data.answers); rescore(); return; }
  const from = data.rulebook_version || t("page.unknown");
  message.textContent = t("page.import.checking", { from, version: meta.version });
  const carried = await engine.ask({ migrate: { answers: data.answers, basis: own(data, "basis"), names: own(data, "field_names") } });
  if (!carried.answers) { message.textContent = t("page.import.cannot_check"); return; }
  form.fill(carried.answers);
  carried.dropped.forEach(results.visit);
  saved.tellChanges(t("page.import.carried", { from, version: meta.version }), carried.changes);
  rescore();
}

// The person's own answers again, as saved (leaving 审核).
function restoreOwn() {
  form.clearErrors();
  form.empty();
  form.setWho({});
  if (!saved.restore()) form.startRows();
  rescore();
}

// --- the controls ----------------------------------------------------------------------------
element.addEventListener("input", e => { if (e.target.type !== "file") rescore(); });  // choosing a file is not an answer
element.addEventListener("change", e => {
  if (review.handle(e.target.dataset.action, e.target)) return;
  if (e.target.dataset.action !== "import") { rescore(); return; }
  const file = e.target.files[0];
  e.target.value = "";  // the same file can be imported again (after 清除答案, say)
  if (file) importAnswers(file);
});
element.addEventListener("submit", e => e.preventDefault());
element.addEventListener("focusout", e => {
  const box = e.target.closest("[data-field]");
  if (box && !box.contains(e.relatedTarget)) { results.visit(box.dataset.field); if (results.invalid()) rescore(); }
});
element.addEventListener("click", e => {
  const action = e.target.dataset.action;
  if (review.handle(action, e.target)) return;
  if (e.target.classList.contains("hb-add-period")) { form.addPeriod(); rescore(); }
  else if (e.target.classList.contains("hb-remove-period")) {
    const row = e.target.closest("tr");
    const filled = [...row.querySelectorAll("input[type=text], select")].some(c => c.value) || row.querySelector("input:checked");
    if (filled && !confirm(t("page.form.remove_period", { period: row.querySelector(".hb-period-no").textContent }))) return;
    row.remove(); form.renumber(); rescore();
  }
  else if (action === "hand-in") { results.handIn(true); rescore(); panel.scrollIntoView({ block: "start" }); }
  else if (action === "export") exportAnswers();
  else if (action === "clear") {
    if (!confirm(t("page.form.clear"))) return;
    saved.clear(); results.handIn(false); form.empty(); form.startRows(); rescore();
  }
  else if (action === "print") { results.showEverything(); rescore(); window.print(); }
});

// --- start -----------------------------------------------------------------------------------
if (!saved.restore()) form.startRows();
saved.offerOtherTab();
review = createReview({ meta, form, panel, saved, ask: engine.ask, restoreOwn });
review.offer(form.message());
performance.mark("hb-form-usable");  // the form works (and saves) from here on; read by make bench
engine.start();

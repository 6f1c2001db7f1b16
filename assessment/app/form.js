// The static form as answers and back: what the person typed, in the shape the engine reads
// (assessment/answered.py) — a standard's {item: value}, a rule's {person: {...}, periods: [{...}, …]}.
import { own, isRecord, t } from "./dom.js";

export function createForm(form, meta) {
  // A control says how it is read (data-answer, from its item kind in the engine): ticks, yes-no, list or text.
  const separators = new RegExp(meta.separators);
  // found once: the template sits after the table, so a query for it per row walked every row (quadratic)
  const periodTemplate = form.querySelector("template.hb-period-template");
  const periodRows = form.querySelector("table.hb-periods tbody");  // none when a rule asks only about the person
  const personBox = () => form.querySelector(".hb-section:not(:has(.hb-periods))");

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

  function fieldsIn(scope) {
    const seen = new Map();
    scope.querySelectorAll("[data-answer]").forEach(c => seen.set(c.name, c.dataset.answer));
    return seen;
  }

  function read(scope) {
    const answers = {};
    if (scope) for (const [name, reads] of fieldsIn(scope)) {
      const v = readControl(scope, name, reads);
      if (v !== undefined) answers[name] = v;
    }
    return answers;
  }

  function write(scope, answers) {
    if (scope) for (const [name, reads] of fieldsIn(scope)) writeControl(scope, name, reads, own(answers, name));
  }

  function collect() {
    if (!meta.periodic) return read(form);
    return { person: read(personBox()), periods: [...form.querySelectorAll("tbody tr.hb-period")].map(read) };
  }

  function fill(answers) {
    if (!meta.periodic) { write(form, answers); return; }
    write(personBox(), own(answers, "person"));
    if (!periodRows) return;
    const periods = own(answers, "periods");
    periodRows.replaceChildren();
    for (const period of Array.isArray(periods) ? periods : []) write(addPeriod(false), period);
    renumber();
  }

  const empty = () => fill(meta.periodic ? { periods: [] } : {});
  // a fresh start (nothing saved, or cleared): a rule's table gets the rows it needs at least
  const startRows = () => { if (periodRows) for (let i = 0; i < meta.min_periods; i++) addPeriod(); };

  // Answers in the shape this page writes: a mapping (for rules, person a mapping and periods a list).
  function wellFormed(answers) {
    if (!isRecord(answers)) return false;
    if (!meta.periodic) return true;
    const person = own(answers, "person"), periods = own(answers, "periods");
    return (person === undefined || isRecord(person)) && (periods === undefined || (Array.isArray(periods) && periods.every(isRecord)));
  }

  // Nothing answered yet (unticked checklists count as unanswered): no field is flagged before the person starts.
  function untouched(answers) {
    const blank = values => values.every(v => Array.isArray(v) && v.length === 0);
    if (!meta.periodic) return blank(Object.values(answers));
    return blank(Object.values(answers.person)) && answers.periods.every(p => blank(Object.values(p)));
  }

  function addPeriod(number = true) {
    const row = periodTemplate.content.firstElementChild.cloneNode(true);
    periodRows.append(row);
    if (number) renumber();  // filling many rows numbers them once at the end (it was quadratic)
    return row;
  }

  function renumber() {
    form.querySelectorAll("tbody tr.hb-period").forEach((row, i) => {
      row.querySelector(".hb-period-no").textContent = t("page.form.period", { number: i + 1 });
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

  // 姓名 · 工号 · 部门, when given: kept with the answers and in the exported file, never sent anywhere
  function who() {
    return Object.fromEntries([...form.querySelectorAll("[data-who]")].map(c => [c.dataset.who, c.value.trim()]));
  }

  function setWho(person) {
    form.querySelectorAll("[data-who]").forEach(c => { const v = own(person, c.dataset.who); c.value = typeof v === "string" ? v : ""; });
  }

  // The control showing an answer path (assessment/errors.py): periods[2].peer[1] → periods[2].peer, peer[1] → peer.
  function fieldBox(path) {
    const key = path.replace(/^periods\[(\d+)\]\.([^.\[]+).*/, "periods[$1].$2").replace(/\[\d+\]$/, "");
    return form.querySelector(`[data-field="${CSS.escape(key)}"]`) || form.querySelector(`[data-field="${CSS.escape(key.split(".").pop())}"]`);
  }

  function clearErrors() {
    form.querySelectorAll(".hb-error").forEach(e => { e.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(c => c.removeAttribute("aria-invalid"));
  }

  // One line that stays in view at the bottom of a long form: what the result panel says in full below.
  function summarise(text) { const line = form.querySelector("[data-summary]"); if (line) line.textContent = text; }

  return {
    element: form, collect, fill, empty, startRows, wellFormed, untouched, addPeriod, renumber, who, setWho, fieldBox,
    clearErrors, summarise,
    message: () => form.querySelector(".hb-import-message"),  // what import, saving and other tabs say
    notice: () => form.querySelector("[data-notice]"),  // at the top of the form: carry-over, read before filling in
  };
}

// The files a person takes away: 导出答案 and 导出审核文件. Their shapes are declared in assessment/contract.py
// (AnswersFile, ReviewFile) and read by `handbook score` and `handbook batch`; tests/fixtures/files holds one of each.
import { own, el } from "./dom.js";

// What both files say about the definition they answer.
function exported(meta, person, now) {
  return { definition: meta.id, definition_name: meta.name, rulebook_version: meta.version, rulebook_hash: meta.hash,
           exported: now, fields: Object.keys(meta.fields), field_names: meta.fields, basis: meta.basis, person };
}

export const answersFile = (meta, person, answers) => ({ ...exported(meta, person, new Date().toISOString()), answers });

// Unsealed: the engine computes the seal over all of it (assessment/review.py) and it is added as `integrity`.
export function reviewFile(meta, person, self, reviewer, answers, comments, overall) {
  const now = new Date().toISOString();
  return { type: "review", format: 1, ...exported(meta, person, now), self,
           reviewer: { ...reviewer, answers, reviewed: now }, comments, overall };
}

// ID-answers-工号.json (or the name, or the date): a manager's Downloads folder holds many of them
export function fileName(meta, what, person) {
  const tag = [own(person, "staff_id"), own(person, "name")].find(v => typeof v === "string" && v.trim())
    || new Date().toISOString().slice(0, 10);
  return `${meta.id}-${what}-${tag.trim().replace(/[\\/:*?"<>|\s]+/g, "_")}.json`;
}

export function download(name, value) {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: "application/json" });
  const a = el("a"); a.href = URL.createObjectURL(blob); a.download = name; a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

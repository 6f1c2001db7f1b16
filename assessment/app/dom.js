// Small helpers every page script uses: the handbook's words, reading untrusted JSON safely, and making
// elements with text.
import WORDS from "./words.js";  // written by the build: the page.* entries of the handbook language's catalog

// The catalog's words for `key`, its {placeholders} filled from `params` (assessment/catalogs/LANG.json).
export const t = (key, params = {}) => (Object.hasOwn(WORDS, key) ? WORDS[key] : key)
  .replace(/\{(\w+)\}/g, (_, name) => (Object.hasOwn(params, name) ? String(params[name]) : ""));
export const own = (object, key) => (object && typeof object === "object" && Object.hasOwn(object, key) ? object[key] : undefined);
export const isRecord = v => v !== null && typeof v === "object" && !Array.isArray(v);
export const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};
export const button = (text, onClick) => {
  const b = el("button", text, "md-button");
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
};
// 姓名 · 工号 · 部门 of a person record, as far as given
export const people = person => ["name", "staff_id", "department"].map(k => own(person, k))
  .filter(v => typeof v === "string" && v).join(" · ");

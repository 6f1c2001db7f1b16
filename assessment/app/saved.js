// Saved work on this computer: the one home of every storage key and of what happens to a saved record
// across releases (carried over by the engine, assessment/carry.py), other tabs and a reviewer's work.
//
// handbook:ID                 this assessment's record {version, hash, basis, answers, notice, person}
// handbook:ID:before-VERSION  a record of an earlier release, kept as it was when it was carried over
// handbook:ID:tab-VERSION     the answers of a tab on an older release, while a newer one owns the record
// handbook:ID:other-tab       another tab's answers, set aside when this tab saved over them
// handbook:ID:unreadable      a record that could not be read, kept as it was
// handbook:ID:review:WHO      a review of someone's answers, left unfinished (review.js); …:review alone is
//                             the one review an earlier release kept
// handbook:ID:VERSION         bare answers, as pages before these records saved them (read once, retired)
// handbook:reviewer           the reviewer's own name and 工号, for the next review
import { own, isRecord, el, button, t } from "./dom.js";

export function keysFor(id) {
  const base = `handbook:${id}`;
  return {
    own: base, otherTab: `${base}:other-tab`, unreadable: `${base}:unreadable`, reviews: `${base}:review`,
    reviewer: "handbook:reviewer",
    before: version => `${base}:before-${version || "unknown"}`,
    tab: version => `${base}:tab-${version}`,
    // an earlier page's bare answers: not this page's side records, nor a review (someone else's answers)
    olderRelease: key => key.startsWith(base + ":") && /^[^:]+$/.test(key.slice(base.length + 1))
                         && !/^(before-|tab-|other-tab$|unreadable$|review$)/.test(key.slice(base.length + 1)),
    release: key => key.slice(base.length + 1),
  };
}

const newer = (a, b) => String(a).localeCompare(String(b), "en", { numeric: true }) > 0;

// `page`: {form (form.js), ask (the engine's), visit(field), rescore(), reviewing()}
export function createSaved(meta, page) {
  const { form } = page;
  const keys = keysFor(meta.id);
  const storage = (() => { try { return window.localStorage; } catch { return null; } })();  // null when blocked
  const get = key => { try { return storage?.getItem(key) ?? null; } catch { return null; } };
  const remove = key => { try { storage?.removeItem(key); } catch { /* blocked */ } };
  const parse = text => { try { return JSON.parse(text); } catch { return undefined; } };

  let otherTab = null;  // answers another tab saved for this assessment, kept until this tab has its own saved
  let carrying = false;  // answers saved under an earlier release, not yet carried over: kept until then
  let notice = null;  // what changed at the last carry-over: shown until the person dismisses it
  let adopted = null;  // the hash of an earlier release's record this tab carried over (it may replace it)
  let otherRelease = null;  // another tab, on another release of the site, owns the saved record

  const record = answers => ({ version: meta.version, hash: meta.hash, basis: meta.basis, answers, notice, person: form.who() });

  // A saved record, or null. Pages before these records saved bare answers under `handbook:ID:VERSION`.
  function asRecord(value, version) {
    if (isRecord(value) && Object.hasOwn(value, "answers") && typeof own(value, "hash") === "string") {
      return form.wellFormed(value.answers) ? value : null;
    }
    return version && form.wellFormed(value) ? { version, hash: "", answers: value } : null;
  }

  function save() {
    if (page.reviewing()) return;  // the reviewer's answers are saved apart (review.js)
    const message = form.message();
    if (!storage) { message.textContent = t("page.saved.blocked"); return; }
    const answers = form.collect();
    if (carrying && form.untouched(answers)) return;
    try {
      if (otherTab !== null) storage.setItem(keys.otherTab, otherTab);
      const stored = asRecord(parse(storage.getItem(keys.own)));
      const foreign = stored && stored.hash !== meta.hash && stored.hash !== adopted && stored.hash !== "";
      if (otherRelease || (foreign && newer(stored.version, meta.version))) {
        // a tab on a newer release owns the saved record: this (older) page's answers go aside, none is lost
        otherRelease = otherRelease || stored.version;
        storage.setItem(keys.tab(meta.version), JSON.stringify(record(answers)));
        message.textContent = t("page.saved.newer_tab", { version: otherRelease });
        return;
      }
      if (foreign) storage.setItem(keys.before(stored.version), JSON.stringify(stored));  // an older page's, kept
      storage.setItem(keys.own, JSON.stringify(record(answers)));
    } catch {
      message.textContent = t("page.saved.full");
    }
  }

  function clear() { carrying = false; remove(keys.own); }

  // Another tab saved this assessment: this tab keeps its own answers and offers theirs.
  addEventListener("storage", e => {
    if (e.key !== keys.own || e.newValue === null || page.reviewing()) return;  // reviewing: the form is not one's own
    const theirs = asRecord(parse(e.newValue));  // unreadable: treated as this release's
    if (theirs && theirs.hash !== meta.hash) {  // a tab on another release: nothing to switch to here
      if (newer(theirs.version, meta.version)) { otherRelease = theirs.version; save(); }
      return;
    }
    otherTab = e.newValue;
    const message = form.message();
    message.replaceChildren(t("page.saved.other_tab") + " ");
    message.append(button(t("page.saved.use_other_tab"), () => {
      const taken = asRecord(parse(otherTab));
      storage.setItem(keys.otherTab, JSON.stringify(record(form.collect())));  // and this tab's answers are kept
      otherTab = null;
      if (taken) form.fill(taken.answers);
      message.textContent = t("page.saved.used_other_tab");
      page.rescore();
    }));
  });

  // What changed for this assessment between the release the answers were given under and this one, by name.
  function tellChanges(opening, changes, message = form.message()) {
    if (!changes.length) { message.textContent = opening + t("page.saved.no_changes"); return; }
    const list = el("ul");
    for (const change of changes) list.append(el("li", change.text));
    message.replaceChildren(el("p", opening + t("page.saved.changes")), list);
  }

  // The carry-over notice stays (saved with the answers) until the person says they have read it.
  function showNotice() {
    const box = form.notice();
    tellChanges(notice.opening, notice.changes, box);
    box.append(button(t("page.saved.dismiss"), () => { notice = null; box.replaceChildren(); save(); }));
  }

  const opening = found => found.version === meta.version ? t("page.saved.same_version", { version: meta.version })
    : t("page.saved.updated", { from: found.version || t("page.unknown"), version: meta.version });

  // [key, text, release]: this page's record, or else the newest record an earlier page saved
  function savedText() {
    const text = get(keys.own);
    if (text !== null) return [keys.own, text, null];
    let all = [];
    try { all = Object.keys(storage ?? {}); } catch { /* blocked */ }
    const older = all.filter(keys.olderRelease).sort((a, b) => a.localeCompare(b, "en", { numeric: true })).pop();
    return older ? [older, get(older), keys.release(older)] : [null, null, null];
  }

  // Fills the form with the saved answers; false when there were none for this release (yet).
  function restore() {
    const [key, saved, version] = savedText();
    if (saved === null) return false;
    const found = asRecord(parse(saved), version);
    if (found && isRecord(own(found, "person"))) form.setWho(found.person);
    if (!found) {
      try { storage.setItem(keys.unreadable, saved); storage.removeItem(key); } catch { /* kept as it was */ }
      form.message().textContent = t("page.saved.unreadable");
      return false;
    }
    const retire = () => { if (key !== keys.own) remove(key); };
    if (found.hash === meta.hash || (found.hash === "" && found.version === meta.version)) {
      form.fill(found.answers);
      if (key !== keys.own) { save(); retire(); }  // an older page's save, now under this page's key
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
    const aside = keys.before(found.version);
    try { if (storage.getItem(aside) === null) storage.setItem(aside, JSON.stringify(found)); } catch { /* blocked or full */ }
    const message = form.notice();
    const said = opening(found);
    message.textContent = said + t("page.saved.checking");
    const carried = await page.ask({ migrate: { answers: found.answers, basis: found.basis } });
    if (!carried.answers) { message.textContent = said + t("page.saved.cannot_check"); return; }
    carrying = false;
    adopted = found.hash;
    retire();  // read once: it is kept aside above, and 清除答案 must not bring it back
    const take = () => {
      form.fill(carried.answers);
      carried.dropped.forEach(page.visit);  // flagged at once: the person was told to refill them
      notice = carried.changes.length ? { opening: said, changes: carried.changes } : null;
      if (notice) showNotice(); else tellChanges(said, [], message);
      page.rescore();
    };
    if (form.untouched(form.collect())) { take(); return; }
    // the person started filling in meanwhile: theirs stay, the carried answers wait for a click
    message.replaceChildren(said + t("page.saved.started_anew") + " ", button(t("page.saved.use_last"), take));
  }

  // Answers another tab saved (kept aside when this tab saved its own over them): offered after a reload too.
  function offerOtherTab() {
    if (carrying) return;
    const theirs = asRecord(parse(get(keys.otherTab) ?? "null"));
    if (!theirs || theirs.hash !== meta.hash) return;  // another release's: carried over when that tab saves it
    if (JSON.stringify(theirs.answers) === JSON.stringify(form.collect())) { remove(keys.otherTab); return; }
    const message = form.message();
    const use = button(t("page.saved.use_kept"), () => {
      storage.setItem(keys.otherTab, JSON.stringify(record(form.collect())));  // swapped: the answers on screen are kept in turn
      form.fill(theirs.answers);
      if (isRecord(own(theirs, "person"))) form.setWho(theirs.person);
      message.textContent = t("page.saved.used_kept");
      page.rescore();
    });
    const drop = button(t("page.saved.drop_kept"), () => {
      if (!confirm(t("page.saved.drop_kept_confirm"))) return;
      remove(keys.otherTab);
      message.textContent = t("page.saved.dropped_kept");
    });
    message.replaceChildren(t("page.saved.kept_elsewhere") + " ", use, " ", drop);
  }

  // --- a reviewer's work (review.js): one record per person reviewed, and the reviewer's own name ---
  const reviews = {
    keyFor: (person, exported) => `${keys.reviews}:${encodeURIComponent([own(person, "staff_id"), own(person, "name"), exported]
      .map(v => typeof v === "string" ? v : "").join("|"))}`,
    list() {  // [[key, record]] of every review left unfinished on this computer
      let all = [];
      try { all = Object.keys(storage ?? {}).filter(k => k === keys.reviews || k.startsWith(keys.reviews + ":")).sort(); } catch { /* blocked */ }
      return all.flatMap(k => { const value = parse(get(k)); return isRecord(value) && isRecord(value.self) ? [[k, value]] : []; });
    },
    read: key => parse(get(key)),
    write: (key, value) => storage.setItem(key, JSON.stringify(value)),  // throws when full: the caller says so
    remove,
    available: () => storage !== null,
    reviewer: () => parse(get(keys.reviewer) ?? "null"),
    keepReviewer: me => storage.setItem(keys.reviewer, JSON.stringify(me)),
  };

  return { save, restore, clear, offerOtherTab, tellChanges, reviews, get carrying() { return carrying; } };
}

/* SCORM 1.2 launcher, only in the package `courseware package --scorm` makes (never in a plain site).
   The LMS opens scorm.html; it holds the one LMS session and shows the site in a frame. The site's pages
   keep their own localStorage progress untouched: the launcher reads the same store (same origin), so pages
   need no script of their own. Without an LMS API the frame is just the site. */
(() => {
  "use strict";
  const cfg = JSON.parse(document.getElementById("cw-scorm").getAttribute("data-json"));
  const frame = document.getElementById("cw-scorm-frame");
  const started = Date.now();
  let api = null, finished = false, sent = {};

  // SCORM 1.2 RTE 3.3.6.1: the API is on this window, a parent (a few levels up) or the opener's chain.
  function search(win) {
    for (let hops = 0; win && hops < 8; hops++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (error) { /* a frame of another origin: keep climbing */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function findApi() { return search(window) || (window.opener ? search(window.opener) : null); }

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (error) { return null; }
  }
  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* private mode: LMS keeps it */ }
  }
  function isObj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function num(v) { return typeof v === "number" && isFinite(v) ? v : 0; }
  // v1, or the site's v2 (progress.js), whose other fields (chapters read, actions, learner) are kept as they are
  function store() {
    const data = read(cfg.storage), ok = isObj(data) && (data.v === 1 || data.v === 2), out = ok ? data : { v: 1 };
    out.attempts = ok && isObj(data.attempts) ? data.attempts : {};
    out.items = ok && isObj(data.items) ? data.items : {};
    return out;
  }
  function readSet() { const list = read(cfg.readKey); return Array.isArray(list) ? list.filter((i) => cfg.chapters[i]) : []; }

  // suspend_data must fit SCORM 1.2's 4096 characters, so quizzes, parts and questions are named by their
  // place in the launcher's lists and numbers are short: {v: 1, d: a day, r: [read chapter],
  // a: [per quiz: 0 | [n, last, best, d - day, "part scores by place, dot-separated"]],
  // i: "per question, comma-separated: '' | last.best[.box.due - d]"}, item scores in percent, days in base 36.
  function pct(v) { return Math.round(num(v) * 100); }
  function b36(n) { return Math.round(n).toString(36); }
  function pack(data, read) {
    let d = 0;
    Object.keys(data.attempts).forEach((id) => { if (isObj(data.attempts[id])) d = Math.max(d, num(data.attempts[id].day)); });
    const a = cfg.quizzes.map((quiz) => {
      const t = data.attempts[quiz[0]];
      if (!isObj(t)) return 0;
      const parts = isObj(t.parts) ? cfg.parts.map((id) => (id in t.parts ? num(t.parts[id]) : "")).join(".").replace(/\.+$/, "") : "";
      return [num(t.n), num(t.last), num(t.best), b36(d - num(t.day)), parts];
    });
    const i = cfg.questions.map((q) => {
      const t = data.items[q[0]];
      if (!isObj(t)) return "";
      return pct(t.last) + "." + pct(t.best) + (num(t.box) ? "." + num(t.box) + "." + b36(num(t.due) - d) : "");
    });
    return { v: 1, d: d, r: read, a: a, i: i.join(",").replace(/,+$/, "") };
  }
  // Over the limit, give up the least needed first: learnt items, then every item's review schedule,
  // then the per-part splits of all but the diagnostic and final, then the chapter checks.
  const TRIMS = [
    (s) => { s.i = s.i.split(",").map((t) => (t.split(".").length > 2 ? t : "")).join(",").replace(/,+$/, ""); },
    (s) => { s.i = ""; },
    (s) => { s.a.forEach((t, k) => { if (t && cfg.quizzes[k][0] !== cfg.finalId && cfg.quizzes[k][0] !== cfg.diagnosticId) t[4] = ""; }); },
    (s) => { s.a = s.a.map((t, k) => (cfg.quizzes[k][1] === "chapter" ? 0 : t)); },
  ];
  function serialise(packed) {
    let text = JSON.stringify(packed);
    for (let k = 0; text.length > cfg.limit && k < TRIMS.length; k++) {
      TRIMS[k](packed);
      text = JSON.stringify(packed);
    }
    return text.length > cfg.limit ? JSON.stringify({ v: 1, d: 0, r: packed.r, a: [], i: "" }) : text;
  }

  // Resume: what the LMS kept joins what this browser has; the more advanced record of each quiz wins.
  function restore(text) {
    let s = null;
    try { s = JSON.parse(text); } catch (error) { return; }
    if (!isObj(s) || s.v !== 1) return;
    const data = store(), read = readSet();
    (Array.isArray(s.r) ? s.r : []).forEach((i) => { if (cfg.chapters[i] && read.indexOf(i) < 0) read.push(i); });
    (Array.isArray(s.a) ? s.a : []).forEach((t, k) => {
      const quiz = cfg.quizzes[k], old = quiz && data.attempts[quiz[0]];
      if (!quiz || !Array.isArray(t) || (isObj(old) && num(old.n) >= num(t[0]))) return;
      const parts = {}, scores = String(t[4] || "").split(".");
      cfg.parts.forEach((id, j) => { if (scores[j]) parts[id] = +scores[j] || 0; });
      data.attempts[quiz[0]] = { kind: quiz[1], n: num(t[0]), last: num(t[1]), best: num(t[2]),
        day: num(s.d) - (parseInt(t[3], 36) || 0), parts: parts };
    });
    String(s.i || "").split(",").forEach((t, k) => {
      const q = cfg.questions[k], f = t.split(".");
      if (!q || f.length < 2 || isObj(data.items[q[0]])) return;
      const item = { part: q[1], tags: q[2], last: (+f[0] || 0) / 100, best: (+f[1] || 0) / 100 };
      if (f.length > 3) { item.box = +f[2] || 1; item.due = num(s.d) + (parseInt(f[3], 36) || 0); }
      data.items[q[0]] = item;
    });
    write(cfg.storage, data);
    write(cfg.readKey, read.sort((x, y) => x - y));
  }

  function set(name, value) {
    value = String(value);
    if (sent[name] === value) return false;
    sent[name] = value;
    api.LMSSetValue(name, value);
    return true;
  }
  function status(data, read) {
    const final = data.attempts[cfg.finalId];
    const passed = isObj(final) && num(final.best) >= cfg.pass;
    if (passed) return "passed";
    if (cfg.completion === "final") return isObj(final) ? "failed" : "incomplete";
    return read.length === cfg.chapters.length ? "completed" : "incomplete";
  }
  function report() {
    if (!api || finished) return;
    const data = store(), read = readSet(), final = data.attempts[cfg.finalId];
    let changed = set("cmi.core.lesson_status", status(data, read));
    if (isObj(final)) {
      changed = set("cmi.core.score.min", 0) || changed;
      changed = set("cmi.core.score.max", 100) || changed;
      changed = set("cmi.core.score.raw", Math.round(num(final.best))) || changed;
    }
    changed = set("cmi.suspend_data", serialise(pack(data, read))) || changed;
    if (changed) api.LMSCommit("");
  }

  // A page counts as read once it has been opened in the frame.
  let shown = "";
  function visited() {
    let path;
    try { path = frame.contentWindow.location.href; } catch (error) { return; }
    shown = path;
    const base = location.href.replace(/[#?].*$/, "").replace(/[^/]*$/, "");
    if (path.indexOf(base) !== 0) return;
    path = decodeURI(path.slice(base.length).replace(/[#?].*$/, ""));
    const i = cfg.chapters.indexOf(path), read = readSet();
    if (i >= 0 && read.indexOf(i) < 0) { read.push(i); write(cfg.readKey, read.sort((x, y) => x - y)); }
    if (api && path) set("cmi.core.lesson_location", path);
    report();
  }

  function duration() {
    const s = Math.floor((Date.now() - started) / 1000), two = (n) => (n < 10 ? "0" : "") + n;
    return two(Math.min(9999, Math.floor(s / 3600))) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60);
  }
  function finish() {
    if (!api || finished) return;
    report();
    api.LMSSetValue("cmi.core.session_time", duration());
    api.LMSSetValue("cmi.core.exit", "suspend"); // keep suspend_data for the next launch
    api.LMSCommit("");
    finished = true;
    api.LMSFinish("");
  }

  function start() {
    api = findApi();
    let page = cfg.start;
    if (api && String(api.LMSInitialize("")) === "true") {
      restore(api.LMSGetValue("cmi.suspend_data"));
      const where = String(api.LMSGetValue("cmi.core.lesson_location") || "");
      if (/^[\w\-./]+\.html$/.test(where) && where.indexOf("..") < 0) page = where;
      if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
      frame.addEventListener("load", visited);
      window.addEventListener("storage", (event) => { if (event.key === cfg.storage) report(); });
      window.addEventListener("pagehide", finish);
      window.addEventListener("beforeunload", finish);
    } else {
      api = null;
      frame.addEventListener("load", visited);
    }
    frame.src = page;
    // Material's instant navigation (navigation.instant, with site_url) changes pages without a load event.
    setInterval(() => {
      let now = "";
      try { now = frame.contentWindow.location.href; } catch (error) { return; }
      if (now !== shown && frame.contentDocument && frame.contentDocument.readyState === "complete") visited();
    }, 1000);
  }

  start();
})();

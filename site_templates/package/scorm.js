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
  function store() {
    const data = read(cfg.storage);
    const ok = isObj(data) && data.v === 1;
    return { v: 1, attempts: ok && isObj(data.attempts) ? data.attempts : {}, items: ok && isObj(data.items) ? data.items : {} };
  }
  function readSet() { const list = read(cfg.readKey); return Array.isArray(list) ? list.filter((i) => cfg.chapters[i]) : []; }

  // suspend_data: {r: read chapter indices, a: {quiz: [n, last, best, day, parts]}, i: {question: [last, best, box, due]}}
  function pack(data, read) {
    const a = {}, i = {};
    Object.keys(data.attempts).forEach((id) => {
      const t = data.attempts[id];
      if (isObj(t)) a[id] = [num(t.n), num(t.last), num(t.best), num(t.day), isObj(t.parts) ? t.parts : 0];
    });
    Object.keys(data.items).forEach((id) => {
      const t = data.items[id];
      if (isObj(t)) i[id] = [num(t.last), num(t.best), num(t.box), num(t.due)];
    });
    return { r: read, a: a, i: i };
  }
  // Over SCORM 1.2's 4096 characters, give up the least needed first: learnt items, then every item's
  // review schedule, then the per-part splits of the chapter checks and part tests, then chapter checks.
  const TRIMS = [
    (s) => { Object.keys(s.i).forEach((id) => { if (!s.i[id][2]) delete s.i[id]; }); },
    (s) => { s.i = {}; },
    (s) => { Object.keys(s.a).forEach((id) => { if (id !== cfg.finalId && id !== cfg.diagnosticId) s.a[id][4] = 0; }); },
    (s) => { Object.keys(s.a).forEach((id) => { if (id.indexOf("check-") === 0) delete s.a[id]; }); },
  ];
  function serialise(packed) {
    let text = JSON.stringify(packed);
    for (let k = 0; text.length > cfg.limit && k < TRIMS.length; k++) {
      TRIMS[k](packed);
      text = JSON.stringify(packed);
    }
    return text.length > cfg.limit ? JSON.stringify({ r: packed.r, a: {}, i: {} }) : text;
  }

  // Resume: what the LMS kept joins what this browser has; the more advanced record of each quiz wins.
  function restore(text) {
    let s = null;
    try { s = JSON.parse(text); } catch (error) { return; }
    if (!isObj(s)) return;
    const data = store(), read = readSet();
    (Array.isArray(s.r) ? s.r : []).forEach((i) => { if (cfg.chapters[i] && read.indexOf(i) < 0) read.push(i); });
    Object.keys(isObj(s.a) ? s.a : {}).forEach((id) => {
      const t = s.a[id], old = data.attempts[id];
      if (!Array.isArray(t) || (isObj(old) && num(old.n) >= num(t[0]))) return;
      data.attempts[id] = { kind: cfg.kinds[id] || (id.indexOf("check-") === 0 ? "chapter" : ""), n: num(t[0]),
        last: num(t[1]), best: num(t[2]), day: num(t[3]), parts: isObj(t[4]) ? t[4] : {} };
    });
    Object.keys(isObj(s.i) ? s.i : {}).forEach((id) => {
      const t = s.i[id], q = cfg.questions[id] || ["", []];
      if (!Array.isArray(t) || isObj(data.items[id])) return;
      const item = { part: q[0], tags: q[1], last: num(t[0]), best: num(t[1]) };
      if (num(t[2])) { item.box = num(t[2]); item.due = num(t[3]); }
      data.items[id] = item;
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
  function visited() {
    let path;
    try { path = frame.contentWindow.location.href; } catch (error) { return; }
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
  }

  window.cwScorm = { report: report, finish: finish, pack: pack, serialise: serialise };
  start();
})();

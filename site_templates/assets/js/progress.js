/* cw.progress: the progress record (v2 of CONTRACT.md), and nav marks, chapters read, actions, home's percentage.
   Data: <meta name="cw-progress"> (render/home.py). */
(() => {
  "use strict";
  const meta = document.querySelector('meta[name="cw-progress"]');
  const site = meta ? JSON.parse(meta.content) : { key: "", chapters: [] };
  // the site's root under any sub-path or file://
  const root = (document.currentScript || { src: "" }).src.replace(/assets\/js\/progress\.js.*$/, "");
  const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
  const isNum = (v) => typeof v === "number" && isFinite(v);
  const num = (v) => (isNum(v) ? v : 0);
  const text = (v, n) => (typeof v === "string" ? v.trim().slice(0, n || 40) : "");
  const today = () => Math.floor((Date.now() - new Date().getTimezoneOffset() * 6e4) / 864e5);
  // no prototype: "__proto__" is a plain key
  const map = (value, ok) => {
    const out = Object.create(null);
    if (isObj(value)) Object.keys(value).forEach((k) => { if (ok(value[k])) out[k] = value[k]; });
    return out;
  };
  const rel = (href) => (href.indexOf(root) ? "" : href.split(/[?#]/)[0].slice(root.length));
  const chapterAt = map({}, isObj);
  site.chapters.forEach((c) => { chapterAt[c[1] + ".html"] = c[0]; });

  function clean(data) {
    const d = isObj(data) && (data.v === 1 || data.v === 2) ? data : {}, who = isObj(d.learner) ? d.learner : {};
    const last = isObj(d.last) ? d.last : {}, out = { v: 2, course: site.key,
      learner: { name: text(who.name), id: text(who.id) }, attempts: map(d.attempts, isObj),
      items: map(d.items, isObj), read: map(d.read, isNum), actions: map(d.actions, isNum) };
    if (/^\w[\w\-.%/]*\.html$/.test(last.url) && !/\.\./.test(last.url))
      out.last = { url: last.url, title: text(last.title, 200), day: num(last.day) };
    return out;
  }
  const load = () => clean(cw.store.read(site.key));
  const update = (change) => {
    const data = load();
    change(data);
    cw.store.write(site.key, data);
    document.dispatchEvent(new Event("cw-progress"));
  };

  // Newest attempt (day, then n) or item (day, then due) with the best of both; read and actions: earliest day.
  function merge(into, from) {
    const n = { attempts: 0, items: 0, read: 0, actions: 0 };
    Object.keys(n).forEach((k) => Object.keys(from[k]).forEach((id) => {
      const a = into[k][id], b = from[k][id];
      if (isNum(b)) {
        if (!(id in into[k])) n[k]++;
        if (!(a <= b)) into[k][id] = b;
        return;
      }
      const best = Math.max(num(a && a.best), num(b.best)), kept = !a ||
        ((num(b.day) - num(a.day)) || num(b[k === "items" ? "due" : "n"]) - num(a[k === "items" ? "due" : "n"])) > 0 ? b : a;
      if (kept === a && best === num(a.best)) return;
      kept.best = best;
      into[k][id] = kept;
      n[k]++;
    }));
    into.learner.name = into.learner.name || from.learner.name;
    into.learner.id = into.learner.id || from.learner.id;
    if (from.last && !(into.last && into.last.day >= from.last.day)) into.last = from.last;
    return n;
  }

  function markNav() {
    const data = load();
    document.querySelectorAll(".md-nav__link[href]:not([href^='#'])").forEach((link) => {
      const id = chapterAt[rel(link.href)], done = id && "check-" + id in data.attempts;
      if (!id || !(id in data.read || done)) return;
      link.classList.add(done ? "cw-nav--done" : "cw-nav--read");
      (link.querySelector(".cw-sr") || link.appendChild(cw.el("span", "cw-sr"))).textContent = done ? site.done : site.read;
    });
  }

  // read: its end was on screen and the page open 20 s
  function watchEnd(mark) {
    const id = mark.getAttribute("data-cw-read"), start = Date.now(), url = rel(location.href);
    let seen = false, done = false;
    if (url) update((d) => { d.last = { url, title: mark.getAttribute("data-title"), day: today() }; });
    const check = () => {
      if (done || (mark.isConnected && (!seen || Date.now() - start < 2e4))) return;
      done = true;
      observer.disconnect();
      if (seen && mark.isConnected) update((d) => { if (!(id in d.read)) d.read[id] = today(); });
    };
    const observer = new IntersectionObserver((entries) => { seen = seen || entries.some((e) => e.isIntersecting); check(); });
    observer.observe(mark);
    setTimeout(check, 2e4);
  }

  // action n of a chapter: "<chapter id>#<n>"
  const boxes = (each) => document.querySelectorAll("[data-cw-actions]").forEach((box) => {
    box.querySelectorAll("input[type=checkbox]").forEach((input, n) => each(input, box.getAttribute("data-cw-actions") + "#" + n));
  });
  const syncActions = () => {
    const data = load();
    boxes((input, key) => { input.checked = key in data.actions; });
  };
  function bindActions(box) {
    box.querySelectorAll("input").forEach((input, n) => {
      const key = box.getAttribute("data-cw-actions") + "#" + n;
      input.disabled = false;
      input.addEventListener("change", () => update((d) => {
        if (input.checked) d.actions[key] = today();
        else delete d.actions[key];
      }));
    });
    syncActions();
  }

  function showJourney(box) {
    const data = load(), counted = site.chapters.filter((c) => c[2]), go = box.querySelector(".cw-journey__go");
    const read = counted.filter((c) => c[0] in data.read).length, percent = Math.round((read * 100) / (counted.length || 1));
    box.querySelector("progress").value = percent;
    box.querySelector(".cw-journey__text").textContent = cw.fmt(box.getAttribute("data-text"), { read, total: counted.length, percent });
    if (data.last) {
      go.href = root + data.last.url;
      go.textContent = cw.fmt(box.getAttribute("data-resume"), { title: data.last.title });
    }
    box.hidden = false;
  }

  cw.progress = { clean, load, update, merge, today };
  if (!site.key) return;
  cw.ready("[data-cw-read]", watchEnd);
  cw.ready("[data-cw-actions]", bindActions);
  cw.ready("[data-cw-journey]", showJourney);
  markNav();
  document.addEventListener("cw-progress", () => { markNav(); syncActions(); });
  if (window.document$) window.document$.subscribe(markNav);
})();

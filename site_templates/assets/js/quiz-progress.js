/* 我的进度: scores per quiz, part and skill, after-class actions and the learner's name from the progress record
   (cw.progress, progress.js); saved to a file and merged back after a preview, a printable sheet. */
(() => {
  "use strict";

  function table(Q, head, rows) {
    let node = cw.el("table", "cw-progress__table"), line = node.createTHead().insertRow();
    head.forEach((text) => { line.appendChild(cw.el("th", null, text)).scope = "col"; });
    let body = node.createTBody();
    rows.forEach((cells) => {
      let row = body.insertRow();
      cells.forEach((text) => { row.appendChild(cw.el("td", null, text)); });
    });
    return node;
  }

  function attempt(Q, data, id) {
    let value = id && data.attempts[id];
    return Q.isObj(value) ? value : null;
  }

  function points(Q, ui, value) {
    return typeof value === "number" && isFinite(value) ? cw.fmt(ui.points, { n: Math.round(value) }) : "—";
  }

  function quizzes(Q, cfg, data) {
    let ui = cfg.ui;
    return table(Q, [ui.quiz, ui.best, ui.last, ui.times], cfg.quizzes.map((quiz) => {
      let a = attempt(Q, data, quiz.id);
      return [quiz.title, points(Q, ui, a && a.best), points(Q, ui, a && a.last), a ? Q.num(a.n) : 0];
    }));
  }

  function byKind(cfg, kind) {
    let found = cfg.quizzes.filter((quiz) => { return quiz.kind === kind; })[0];
    return found ? found.id : null;
  }

  function parts(Q, cfg, data) {
    let ui = cfg.ui, before = attempt(Q, data, byKind(cfg, "diagnostic")), after = attempt(Q, data, byKind(cfg, "final"));
    function share(a, id) { return a && Q.isObj(a.parts) ? points(Q, ui, a.parts[id]) : "—"; }
    return table(Q, [ui.part, ui.best, ui.last, ui.checks, ui.diagnostic, ui.final], cfg.parts.map((part) => {
      let test = attempt(Q, data, part.test), done = part.chapters.filter((id) => { return attempt(Q, data, id); });
      return [part.title, points(Q, ui, test && test.best), points(Q, ui, test && test.last),
        done.length + " / " + part.chapters.length, share(before, part.id), share(after, part.id)];
    }));
  }

  function skills(Q, cfg, data) {
    let ui = cfg.ui, tags = Object.create(null); // a tag may be "constructor" or "__proto__"
    Object.keys(data.items).forEach((id) => {
      let item = data.items[id];
      if (!Q.isObj(item) || !Array.isArray(item.tags)) return;
      item.tags.forEach((tag) => {
        let t = tags[tag] = tags[tag] || { best: [], last: [] };
        t.best.push(Q.num(item.best));
        t.last.push(Q.num(item.last));
      });
    });
    return table(Q, [ui.skill, ui.count, ui.best, ui.last], Object.keys(tags).sort((a, b) => { return a.localeCompare(b, "zh"); }).map((tag) => {
      let t = tags[tag];
      return [tag, t.best.length, points(Q, ui, Q.mean(t.best) * 100), points(Q, ui, Q.mean(t.last) * 100)];
    }));
  }

  function compare(Q, cfg, data) {
    let ui = cfg.ui, before = attempt(Q, data, byKind(cfg, "diagnostic")), after = attempt(Q, data, byKind(cfg, "final"));
    if (!before || !after) return cw.el("p", "cw-progress__compare", ui.compare_none);
    let from = Q.num(before.last), to = Q.num(after.last);
    return cw.el("p", "cw-progress__compare", cw.fmt(ui.compare, { before: from, after: to, change: to - from }));
  }

  function render(box, cfg) {
    let Q = window.cwQuiz, ui = cfg.ui, data = Q.load(cfg.storage), out = box.querySelector(".cw-progress__tables");
    out.textContent = "";
    out.append(cw.el("h3", null, ui.quizzes), quizzes(Q, cfg, data), compare(Q, cfg, data),
      cw.el("h3", null, ui.parts), parts(Q, cfg, data), cw.el("h3", null, ui.skills), skills(Q, cfg, data));
    let open = 0;
    box.querySelectorAll("[data-cw-check]").forEach((row) => {
      row.hidden = !!attempt(Q, data, row.getAttribute("data-cw-check"));
      open += row.hidden ? 0 : 1;
    });
    let all = box.querySelector(".cw-progress__all");
    if (all) all.hidden = open > 0;
    let acted = box.querySelector(".cw-progress__acted"), day = Q.today();
    if (acted) acted.textContent = cw.fmt(ui.acted, { n: box.querySelectorAll(".cw-actions :checked").length,
      total: box.querySelectorAll(".cw-actions input").length });
    box.querySelector(".cw-progress__date").textContent = new Date(day * 864e5).toISOString().slice(0, 10);
  }

  function exportData(cfg) {
    let data = cw.progress.load(), who = data.learner.name || data.learner.id;
    data.exported = cw.progress.today();
    let name = [cfg.storage.replace(/[^\w-]+/g, "-"), who.replace(/[\s\\/:*?"<>|.]+/g, "-"),
      new Date(data.exported * 864e5).toISOString().slice(0, 10)].filter(Boolean).join("-");
    let link = cw.el("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
    link.download = name + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => { URL.revokeObjectURL(link.href); }, 1000);
  }

  // A file's progress, cleaned, or why it is refused.
  function parse(cfg, text) {
    let ui = cfg.ui, keys = ["attempts", "items", "read", "actions"], ok = window.cwQuiz.isObj, data;
    try { data = JSON.parse(text); } catch (e) { return ui.import_json; }
    if (!ok(data) || (data.v !== 1 && data.v !== 2)) return ui.import_bad;
    if ((data.course || data.storage || cfg.storage) !== cfg.storage) return ui.import_course;
    return keys.some((k) => data[k] !== undefined && !ok(data[k])) || !keys.some((k) => ok(data[k])) ? ui.import_bad : cw.progress.clean(data);
  }

  function actions(box, cfg) {
    let ui = cfg.ui, bar = box.querySelector(".cw-progress__actions"), status = cw.el("p", "cw-progress__status"), ask;
    status.setAttribute("aria-live", "polite");
    function button(text, action, into) {
      let node = (into || bar).appendChild(cw.el("button", "md-button", text));
      node.type = "button";
      node.addEventListener("click", action);
      return node;
    }
    // merged into this browser's record once the learner has seen what would change
    function merge(text) {
      let incoming = parse(cfg, text), changes = typeof incoming === "string" ? {} : cw.progress.merge(cw.progress.load(), incoming);
      let said = Object.keys(changes).filter((k) => changes[k]).map((k) => cw.fmt(ui["import_" + k], { n: changes[k] }));
      if (ask) ask.remove();
      status.textContent = typeof incoming === "string" ? incoming : said.length ? cw.fmt(ui.import_preview, { changes: said.join("、") }) : ui.import_same;
      if (!said.length) return;
      ask = bar.insertBefore(cw.el("span", "cw-progress__ask"), status);
      let answer = (yes) => () => {
        ask.remove();
        if (yes) cw.progress.update((data) => { cw.progress.merge(data, incoming); });
        status.textContent = yes ? ui.imported : ui.cancelled;
        bar.firstChild.focus();
      };
      button(ui.confirm, answer(true), ask).focus();
      button(ui.cancel, answer(false), ask);
    }
    let input = cw.el("input", "cw-progress__file");
    input.type = "file";
    input.accept = ".json,application/json";
    input.setAttribute("aria-label", ui.import);
    input.addEventListener("change", () => {
      let reader = new FileReader();
      reader.onload = () => { merge(reader.result); };
      if (input.files[0]) reader.readAsText(input.files[0]);
      input.value = ""; // the same file can be chosen again
    });
    button(ui.export, () => { exportData(cfg); });
    button(ui.import, () => { input.click(); });
    button(ui.print, () => { window.print(); });
    bar.append(input, status);
  }

  function learner(box) {
    let who = cw.progress.load().learner;
    box.querySelectorAll(".cw-progress__name").forEach((input) => {
      let key = input.getAttribute("data-key");
      input.value = who[key];
      input.addEventListener("input", () => { cw.progress.update((data) => { data.learner[key] = input.value; }); });
    });
  }

  // Without its data (logged by cw.ready) the page still lists the chapter checks.
  cw.ready(".cw-progress[data-cw-progress]", (box) => {
    const cfg = cw.data(box, ".cw-progress__data");
    actions(box, cfg);
    learner(box);
    render(box, cfg);
    document.addEventListener("cw-progress", () => { if (box.isConnected) render(box, cfg); });
    box.classList.add("cw-progress--live");
  });
})();

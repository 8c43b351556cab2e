/* 我的进度: scores per quiz, part and skill from localStorage; saved to a file and read back, a printable sheet.
   Reads the store through window.cwQuiz (quiz.js), which every page loads before init runs. */
(function () {
  "use strict";

  function table(Q, head, rows) {
    var node = Q.el("table", "cw-progress__table"), line = node.createTHead().insertRow();
    head.forEach(function (text) { line.appendChild(Q.el("th", null, text)).scope = "col"; });
    var body = node.createTBody();
    rows.forEach(function (cells) {
      var row = body.insertRow();
      cells.forEach(function (text) { row.appendChild(Q.el("td", null, text)); });
    });
    return node;
  }

  function attempt(Q, data, id) {
    var value = id && data.attempts[id];
    return Q.isObj(value) ? value : null;
  }

  function points(Q, ui, value) {
    return typeof value === "number" && isFinite(value) ? Q.fmt(ui.points, { n: Math.round(value) }) : "—";
  }

  function quizzes(Q, cfg, data) {
    var ui = cfg.ui;
    return table(Q, [ui.quiz, ui.best, ui.last, ui.times], cfg.quizzes.map(function (quiz) {
      var a = attempt(Q, data, quiz.id);
      return [quiz.title, points(Q, ui, a && a.best), points(Q, ui, a && a.last), a ? Q.num(a.n) : 0];
    }));
  }

  function byKind(cfg, kind) {
    var found = cfg.quizzes.filter(function (quiz) { return quiz.kind === kind; })[0];
    return found ? found.id : null;
  }

  function parts(Q, cfg, data) {
    var ui = cfg.ui, before = attempt(Q, data, byKind(cfg, "diagnostic")), after = attempt(Q, data, byKind(cfg, "final"));
    function share(a, id) { return a && Q.isObj(a.parts) ? points(Q, ui, a.parts[id]) : "—"; }
    return table(Q, [ui.part, ui.best, ui.last, ui.checks, ui.diagnostic, ui.final], cfg.parts.map(function (part) {
      var test = attempt(Q, data, part.test), done = part.chapters.filter(function (id) { return attempt(Q, data, id); });
      return [part.title, points(Q, ui, test && test.best), points(Q, ui, test && test.last),
        done.length + " / " + part.chapters.length, share(before, part.id), share(after, part.id)];
    }));
  }

  function skills(Q, cfg, data) {
    var ui = cfg.ui, tags = {};
    Object.keys(data.items).forEach(function (id) {
      var item = data.items[id];
      if (!Q.isObj(item) || !Array.isArray(item.tags)) return;
      item.tags.forEach(function (tag) {
        var t = tags[tag] = tags[tag] || { best: [], last: [] };
        t.best.push(Q.num(item.best));
        t.last.push(Q.num(item.last));
      });
    });
    return table(Q, [ui.skill, ui.count, ui.best, ui.last], Object.keys(tags).sort(function (a, b) { return a.localeCompare(b, "zh"); }).map(function (tag) {
      var t = tags[tag];
      return [tag, t.best.length, points(Q, ui, Q.mean(t.best) * 100), points(Q, ui, Q.mean(t.last) * 100)];
    }));
  }

  function compare(Q, cfg, data) {
    var ui = cfg.ui, before = attempt(Q, data, byKind(cfg, "diagnostic")), after = attempt(Q, data, byKind(cfg, "final"));
    if (!before || !after) return Q.el("p", "cw-progress__compare", ui.compare_none);
    var from = Q.num(before.last), to = Q.num(after.last);
    return Q.el("p", "cw-progress__compare", Q.fmt(ui.compare, { before: from, after: to, change: to - from }));
  }

  function render(box, cfg) {
    var Q = window.cwQuiz, ui = cfg.ui, data = Q.load(cfg.storage), out = box.querySelector(".cw-progress__tables");
    out.textContent = "";
    out.append(Q.el("h3", null, ui.quizzes), quizzes(Q, cfg, data), compare(Q, cfg, data),
      Q.el("h3", null, ui.parts), parts(Q, cfg, data), Q.el("h3", null, ui.skills), skills(Q, cfg, data));
    var open = 0;
    box.querySelectorAll("[data-cw-check]").forEach(function (row) {
      row.hidden = !!attempt(Q, data, row.getAttribute("data-cw-check"));
      open += row.hidden ? 0 : 1;
    });
    var all = box.querySelector(".cw-progress__all");
    if (all) all.hidden = open > 0;
    var day = Q.today();
    box.querySelector(".cw-progress__date").textContent = new Date(day * 864e5).toISOString().slice(0, 10);
  }

  function exportData(box, cfg) {
    var Q = window.cwQuiz, data = Q.load(cfg.storage);
    data.storage = cfg.storage;
    var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    var link = Q.el("a");
    link.href = URL.createObjectURL(blob);
    link.download = cfg.storage.replace(/[^\w-]+/g, "-") + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function importData(box, cfg, file, status) {
    var Q = window.cwQuiz, reader = new FileReader();
    reader.onload = function () {
      var data = null;
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      var ok = Q.isObj(data) && data.v === 1 && (!data.storage || data.storage === cfg.storage);
      if (ok && Q.save(cfg.storage, Q.clean(data))) {
        render(box, cfg);
        status.textContent = cfg.ui.imported;
      } else status.textContent = cfg.ui.import_bad;
    };
    reader.readAsText(file);
  }

  function actions(box, cfg) {
    var Q = window.cwQuiz, ui = cfg.ui, bar = box.querySelector(".cw-progress__actions");
    var status = Q.el("p", "cw-progress__status");
    status.setAttribute("aria-live", "polite");
    function button(text, action) {
      var node = bar.appendChild(Q.el("button", "md-button", text));
      node.type = "button";
      node.addEventListener("click", action);
    }
    var input = Q.el("input", "cw-progress__file");
    input.type = "file";
    input.accept = ".json,application/json";
    input.setAttribute("aria-label", ui.import);
    input.addEventListener("change", function () { if (input.files[0]) importData(box, cfg, input.files[0], status); });
    button(ui.export, function () { exportData(box, cfg); });
    button(ui.import, function () { input.click(); });
    button(ui.print, function () { window.print(); });
    bar.append(input, status);
  }

  function init(root) {
    root.querySelectorAll(".cw-progress[data-cw-progress]:not([data-cw-ready])").forEach(function (box) {
      box.setAttribute("data-cw-ready", "");
      try {
        var cfg = JSON.parse(box.querySelector(".cw-progress__data").getAttribute("data-json"));
        actions(box, cfg);
        render(box, cfg);
        box.classList.add("cw-progress--live");
      } catch (e) {
        // Without its data the page still lists the chapter checks.
      }
    });
  }

  if (window.document$) document$.subscribe(function () { init(document); });
  else document.addEventListener("DOMContentLoaded", function () { init(document); });
})();

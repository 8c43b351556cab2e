/* Quizzes: draw, answer, score and explain; results go to localStorage (shared with quiz-progress.js
   through window.cwQuiz). Everything the page needs comes from the JSON block inside each .cw-quiz. */
(function () {
  "use strict";
  var DAY = 864e5;
  var BOXES = [1, 3, 7, 14]; // Leitner: days until a missed item returns, per box

  function isObj(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function num(value) { return typeof value === "number" && isFinite(value) ? value : 0; }

  // Days since the epoch on the learner's own calendar, so "due tomorrow" flips at local midnight.
  function today() {
    var now = new Date();
    return Math.floor((now.getTime() - now.getTimezoneOffset() * 6e4) / DAY);
  }

  // Old, foreign or broken data is ignored, never trusted: the page must keep working.
  function clean(data) {
    var ok = isObj(data) && data.v === 1;
    return { v: 1, attempts: ok && isObj(data.attempts) ? data.attempts : {},
      items: ok && isObj(data.items) ? data.items : {} };
  }
  function load(key) {
    try { return clean(JSON.parse(localStorage.getItem(key))); } catch (e) { return clean(null); }
  }
  function save(key, data) {
    try { localStorage.setItem(key, JSON.stringify(data)); return true; } catch (e) { return false; }
  }
  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function mean(values) {
    return values.length ? values.reduce(function (a, b) { return a + b; }, 0) / values.length : 0;
  }
  // mulberry32: small seeded generator, so attempt n of a quiz draws the same questions everywhere
  function random(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, rng) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(rng() * (i + 1)), keep = out[i];
      out[i] = out[j]; out[j] = keep;
    }
    return out;
  }
  function range(n) { var out = []; for (var i = 0; i < n; i++) out.push(i); return out; }

  // Leitner update for one answered question, plus its last and best score for the dashboard.
  function remember(items, q, score, day) {
    var old = isObj(items[q.id]) ? items[q.id] : {}, box = num(old.box);
    var item = { part: q.part, tags: q.tags, last: score, best: Math.max(score, num(old.best)) };
    if (score < 1) box = 1;
    else if (box) box = box < BOXES.length ? box + 1 : 0; // right in the last box: learnt
    if (box) { item.box = box; item.due = day + BOXES[box - 1]; }
    items[q.id] = item;
  }

  function record(quiz, scores) {
    var cfg = quiz.cfg, data = load(cfg.storage), day = today(), parts = {};
    scores.forEach(function (s) {
      remember(data.items, s.q, s.score, day);
      (parts[s.q.part] = parts[s.q.part] || []).push(s.score);
    });
    if (cfg.mode !== "review") {
      var old = isObj(data.attempts[cfg.id]) ? data.attempts[cfg.id] : {};
      Object.keys(parts).forEach(function (p) { parts[p] = Math.round(mean(parts[p]) * 100); });
      data.attempts[cfg.id] = { kind: cfg.kind, n: num(old.n) + 1, last: quiz.score, day: day,
        best: Math.max(quiz.score, num(old.best)), parts: parts };
    }
    quiz.saved = save(cfg.storage, data);
  }

  function pick(quiz) {
    var cfg = quiz.cfg, data = load(cfg.storage), qs = cfg.questions;
    if (cfg.mode === "review") {
      var day = today();
      return qs.filter(function (q) {
        var item = data.items[q.id];
        return isObj(item) && num(item.box) > 0 && num(item.due) <= day;
      });
    }
    var attempt = isObj(data.attempts[cfg.id]) ? num(data.attempts[cfg.id].n) : 0;
    quiz.rng = random(cfg.seed + attempt);
    var chosen = shuffle(range(qs.length), quiz.rng).slice(0, cfg.draw);
    return chosen.sort(function (a, b) { return a - b; }).map(function (i) { return qs[i]; });
  }

  function copy(quiz, q, cls, into) {
    var source = quiz.box.querySelector('.cw-quiz__static [data-q="' + q.id + '"] .' + cls);
    if (!source) return null;
    var node = source.cloneNode(true);
    node.removeAttribute("id");
    into.appendChild(node);
    return node;
  }

  function option(quiz, q, name, i, multiple) {
    var label = el("label", "cw-quiz__option"), input = el("input");
    input.type = multiple ? "checkbox" : "radio";
    input.name = name;
    input.value = i;
    label.append(input, " ", el("span", "cw-quiz__text", q.options[i].text));
    return label;
  }

  function choices(quiz, q, group, name) {
    var order = range(q.options.length);
    if (q.type !== "truefalse") order = shuffle(order, quiz.rng);
    order.forEach(function (i) { group.appendChild(option(quiz, q, name, i, q.type === "multiple")); });
  }

  function ordering(quiz, q, group) {
    var list = el("ol", "cw-quiz__order"), order = shuffle(range(q.items.length), quiz.rng);
    if (order.every(function (v, i) { return v === i; })) order.push(order.shift());
    q.view.list = list;
    order.forEach(function (i) {
      var row = el("li", "cw-quiz__step");
      row.dataset.i = i;
      row.append(el("span", "cw-quiz__text", q.items[i]), move(quiz, row, q.items[i], -1), move(quiz, row, q.items[i], 1));
      list.appendChild(row);
    });
    group.appendChild(list);
  }

  function move(quiz, row, text, step) {
    var ui = quiz.cfg.ui, button = el("button", "cw-quiz__move", step < 0 ? "↑" : "↓");
    button.type = "button";
    button.setAttribute("aria-label", fmt(step < 0 ? ui.up : ui.down, { item: text }));
    button.addEventListener("click", function () {
      var list = row.parentNode, other = step < 0 ? row.previousElementSibling : row.nextElementSibling;
      if (!other || quiz.done) return;
      list.insertBefore(row, step < 0 ? other : other.nextElementSibling);
      button.focus();
      var rows = Array.prototype.indexOf.call(list.children, row) + 1;
      quiz.live.textContent = fmt(ui.moved, { item: text, n: rows });
    });
    return button;
  }

  function matching(quiz, q, group, name) {
    var rights = shuffle(range(q.pairs.length), quiz.rng);
    q.pairs.forEach(function (pair, i) {
      var label = el("label", "cw-quiz__pair"), select = el("select");
      select.name = name + "-" + i;
      select.setAttribute("aria-label", pair[0]);
      select.appendChild(el("option", null, quiz.cfg.ui.choose)).value = "";
      rights.forEach(function (r) { select.appendChild(el("option", null, q.pairs[r][1])).value = r; });
      label.append(el("span", "cw-quiz__text", pair[0]), select);
      group.appendChild(label);
    });
  }

  function question(quiz, q) {
    var row = el("li", "cw-quiz__item"), id = "cw-" + quiz.cfg.id + "-" + q.id + "-" + quiz.round;
    var group = el("div", "cw-quiz__choices"), stem = copy(quiz, q, "cw-quiz__stem", row);
    row.dataset.q = q.id;
    row.insertBefore(el("p", "cw-quiz__type", q.label), stem);
    if (stem) { stem.id = id; group.setAttribute("aria-labelledby", id); }
    group.setAttribute("role", "group");
    copy(quiz, q, "cw-quiz__situation", row);
    q.view = { row: row, group: group };
    if (q.type === "ordering") ordering(quiz, q, group);
    else if (q.type === "matching") matching(quiz, q, group, id);
    else if (q.type === "reflection") group.appendChild(el("textarea", "cw-quiz__textarea")).setAttribute("aria-labelledby", id);
    else choices(quiz, q, group, id);
    var feedback = el("div", "cw-quiz__feedback");
    feedback.hidden = true;
    q.view.feedback = feedback;
    row.append(group, feedback);
    return row;
  }

  function picked(q) {
    return Array.prototype.filter.call(q.view.group.querySelectorAll("input"), function (input) {
      return input.checked;
    }).map(function (input) { return +input.value; });
  }

  // Scoring rules as stated on the page: partial credit, never below zero; reflection is not scored.
  function grade(q) {
    var view = q.view;
    if (q.type === "reflection") return null;
    if (q.type === "ordering") {
      return mean(Array.prototype.map.call(view.list.children, function (row, i) { return +(+row.dataset.i === i); }));
    }
    if (q.type === "matching") {
      return mean(Array.prototype.map.call(view.group.querySelectorAll("select"), function (select, i) {
        return +(select.value === String(i));
      }));
    }
    var chosen = picked(q);
    if (q.type !== "multiple") return chosen.length ? q.options[chosen[0]].credit / 100 : 0;
    var right = q.options.filter(function (o) { return o.credit > 0; }).length, score = 0;
    chosen.forEach(function (i) { score += q.options[i].credit > 0 ? 1 : -1; });
    return Math.max(0, score / right);
  }

  function explain(quiz, q, score) {
    var ui = quiz.cfg.ui, view = q.view, box = view.feedback;
    var state = score === null ? "self" : score >= 1 ? "right" : score > 0 ? "partial" : "wrong";
    view.row.classList.add("cw-quiz__item--" + state);
    box.textContent = "";
    box.appendChild(el("p", "cw-quiz__verdict", fmt(ui[state], { score: Math.round(num(score) * 100) })));
    mark(quiz, q);
    copy(quiz, q, "cw-quiz__model", box);
    if (q.rubric.length) rubric(q, box, ui);
    copy(quiz, q, "cw-quiz__explain", box);
    box.hidden = false;
  }

  function rubric(q, box, ui) {
    var list = el("ul", "cw-quiz__rubric");
    list.setAttribute("aria-label", ui.rubric);
    q.rubric.forEach(function (line) {
      var label = el("label"), check = el("input");
      check.type = "checkbox";
      label.append(check, " ", line);
      list.appendChild(el("li")).appendChild(label);
    });
    box.append(el("p", null, ui.rubric), list);
  }

  // Per-option feedback: every option says why it is right or wrong once the answer is in.
  function mark(quiz, q) {
    var ui = quiz.cfg.ui;
    if (q.options) {
      q.view.group.querySelectorAll(".cw-quiz__option").forEach(function (label) {
        var input = label.querySelector("input"), o = q.options[+input.value];
        var good = o.credit >= 100 || (q.type === "scenario" && o.credit === best(q));
        label.classList.add(good ? "cw-quiz__option--correct" : input.checked ? "cw-quiz__option--wrong" : "cw-quiz__option--other");
        if (input.checked) label.classList.add("cw-quiz__option--picked");
        var note = (o.rating ? o.rating + "：" : good ? ui.good : input.checked ? ui.bad : "") + o.feedback;
        label.appendChild(el("span", "cw-quiz__note", note));
      });
    } else if (q.type === "ordering") {
      Array.prototype.forEach.call(q.view.list.children, function (row, i) {
        row.classList.add(+row.dataset.i === i ? "cw-quiz__step--correct" : "cw-quiz__step--wrong");
      });
      q.view.feedback.appendChild(el("p", "cw-quiz__solution", ui.order + q.items.join(" → ")));
    } else if (q.type === "matching") {
      q.view.group.querySelectorAll("select").forEach(function (select, i) {
        var ok = select.value === String(i);
        select.parentNode.classList.add(ok ? "cw-quiz__pair--correct" : "cw-quiz__pair--wrong");
        if (!ok) select.parentNode.appendChild(el("span", "cw-quiz__note", ui.should + q.pairs[i][1]));
      });
    }
  }

  function best(q) { return Math.max.apply(null, q.options.map(function (o) { return o.credit; })); }

  function submit(quiz) {
    var ui = quiz.cfg.ui, scores = [];
    quiz.done = true;
    quiz.questions.forEach(function (q) {
      var score = grade(q);
      explain(quiz, q, score);
      if (score !== null) scores.push({ q: q, score: score });
    });
    quiz.form.querySelectorAll(".cw-quiz__choices input,.cw-quiz__choices select,textarea,.cw-quiz__move")
      .forEach(function (control) { control.disabled = true; });
    quiz.score = Math.round(mean(scores.map(function (s) { return s.score; })) * 100);
    var right = scores.filter(function (s) { return s.score >= 1; }).length;
    if (scores.length) record(quiz, scores);
    var text = scores.length ? fmt(ui.score, { score: quiz.score, right: right, total: scores.length }) : ui.unscored;
    if (scores.length && quiz.cfg.mode !== "review") {
      text += " " + fmt(quiz.score >= quiz.cfg.pass ? ui.passed : ui.failed, { pass: quiz.cfg.pass });
    }
    if (quiz.saved === false) text += " " + ui.nosave;
    quiz.result.textContent = text;
    quiz.submit.hidden = true;
    quiz.solution.hidden = quiz.retry.hidden = false;
    quiz.result.focus();
  }

  // "Show solution": put the right answer into every control, so the learner reads it in place.
  function solve(quiz) {
    quiz.questions.forEach(function (q) {
      var view = q.view, top = q.options ? best(q) : 0;
      view.group.querySelectorAll("input").forEach(function (input) {
        input.checked = q.options[+input.value].credit === top || (q.type === "multiple" && q.options[+input.value].credit > 0);
      });
      view.group.querySelectorAll("select").forEach(function (select, i) { select.value = String(i); });
      if (view.list) {
        Array.prototype.slice.call(view.list.children).sort(function (a, b) { return a.dataset.i - b.dataset.i; })
          .forEach(function (row) { view.list.appendChild(row); });
      }
    });
    quiz.box.classList.add("cw-quiz--solved");
    quiz.solution.hidden = true;
    quiz.live.textContent = quiz.cfg.ui.solved;
  }

  function button(quiz, text, action, primary) {
    var node = el("button", "md-button cw-quiz__button" + (primary ? " md-button--primary" : ""), text);
    node.type = primary ? "submit" : "button";
    if (!primary) node.addEventListener("click", function () { action(quiz); });
    return node;
  }

  function plan(quiz, due) {
    var ui = quiz.cfg.ui, data = load(quiz.cfg.storage), day = today(), later = {};
    Object.keys(data.items).forEach(function (id) {
      var item = data.items[id];
      if (isObj(item) && num(item.box) && num(item.due) > day) later[item.due] = (later[item.due] || 0) + 1;
    });
    var list = el("ul", "cw-quiz__plan");
    Object.keys(later).sort().forEach(function (d) {
      var date = +d === day + 1 ? ui.tomorrow : new Date(d * DAY).toISOString().slice(0, 10);
      list.appendChild(el("li", null, fmt(ui.later, { date: date, n: later[d] })));
    });
    quiz.form.append(el("p", "cw-quiz__due", due ? fmt(ui.due, { n: due }) : ui.nodue), list);
  }

  function start(quiz) {
    var cfg = quiz.cfg, ui = cfg.ui, form = el("form", "cw-quiz__form");
    quiz.round = (quiz.round || 0) + 1;
    quiz.done = false;
    quiz.rng = random(cfg.seed);
    quiz.questions = pick(quiz);
    if (quiz.form) quiz.form.remove();
    quiz.form = form;
    if (cfg.mode === "review") plan(quiz, quiz.questions.length);
    var list = form.appendChild(el("ol", "cw-quiz__list"));
    quiz.questions.forEach(function (q) { list.appendChild(question(quiz, q)); });
    quiz.submit = button(quiz, ui.submit, null, true);
    quiz.solution = button(quiz, ui.solution, solve);
    quiz.retry = button(quiz, ui.retry, start);
    quiz.solution.hidden = quiz.retry.hidden = true;
    quiz.result = el("p", "cw-quiz__result");
    quiz.result.tabIndex = -1;
    quiz.result.setAttribute("aria-live", "polite");
    quiz.live = el("p", "cw-quiz__live");
    quiz.live.setAttribute("aria-live", "polite");
    if (quiz.questions.length) form.append(quiz.submit, quiz.solution, quiz.retry);
    form.append(quiz.result, quiz.live);
    form.addEventListener("submit", function (event) { event.preventDefault(); if (!quiz.done) submit(quiz); });
    quiz.box.insertBefore(form, quiz.box.querySelector(".cw-quiz__static"));
  }

  function setup(box) {
    box.setAttribute("data-cw-ready", "");
    var data = box.querySelector(".cw-quiz__data");
    try {
      var quiz = { box: box, cfg: JSON.parse(data.getAttribute("data-json")) };
      start(quiz);
      box.classList.add("cw-quiz--live");
    } catch (e) {
      // The static list with its answers stays readable; a broken quiz never breaks the page.
    }
  }

  function init(root) {
    root.querySelectorAll(".cw-quiz[data-cw-quiz]:not([data-cw-ready])").forEach(setup);
  }

  window.cwQuiz = { load: load, save: save, clean: clean, today: today, fmt: fmt, el: el, isObj: isObj, num: num,
    mean: mean };
  if (window.document$) document$.subscribe(function () { init(document); });
  else document.addEventListener("DOMContentLoaded", function () { init(document); });
})();

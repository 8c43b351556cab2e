/* Quizzes: draw, answer, score and explain; results go to localStorage (shared with quiz-progress.js
   through window.cwQuiz). Everything the page needs comes from the JSON block inside each .cw-quiz. */
(() => {
  "use strict";
  let DAY = 864e5;
  let BOXES = [1, 3, 7, 14]; // Leitner: days until a missed item returns, per box
  let GROUP = 5; // review questions shown at a time

  function isObj(value) { return !!value && typeof value === "object" && !Array.isArray(value); }
  function num(value) { return typeof value === "number" && isFinite(value) ? value : 0; }

  // Days since the epoch on the learner's own calendar, so "due tomorrow" flips at local midnight.
  function today() {
    let now = new Date();
    return Math.floor((now.getTime() - now.getTimezoneOffset() * 6e4) / DAY);
  }

  // The record's shape (v2, keeping what other pages wrote) belongs to progress.js.
  const clean = cw.progress.clean;
  const load = (key) => clean(cw.store.read(key));
  const save = cw.store.write;
  const fmt = cw.fmt;
  const el = cw.el;
  function mean(values) {
    return values.length ? values.reduce((a, b) => { return a + b; }, 0) / values.length : 0;
  }
  // mulberry32: small seeded generator, so attempt n of a quiz draws the same questions everywhere
  function random(seed) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, rng) {
    let out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      let j = Math.floor(rng() * (i + 1)), keep = out[i];
      out[i] = out[j]; out[j] = keep;
    }
    return out;
  }
  function range(n) { let out = []; for (let i = 0; i < n; i++) out.push(i); return out; }

  // Leitner update for one answered question, plus its last and best score for the dashboard.
  // picked: the options chosen, as indices in the bank's source order (the export contract).
  function remember(items, q, score, day, picks) {
    let old = isObj(items[q.id]) ? items[q.id] : {}, box = num(old.box);
    let item = { part: q.part, tags: q.tags, last: score, best: Math.max(score, num(old.best)) };
    if (picks) item.picked = picks;
    if (score < 1) box = 1;
    else if (box) box = box < BOXES.length ? box + 1 : 0; // right in the last box: learnt
    if (box) { item.box = box; item.due = day + BOXES[box - 1]; }
    items[q.id] = item;
  }

  function record(quiz, scores) {
    let cfg = quiz.cfg, data = load(cfg.storage), day = today(), parts = {};
    scores.forEach((s) => {
      remember(data.items, s.q, s.score, day, s.picked);
      (parts[s.q.part] = parts[s.q.part] || []).push(s.score);
    });
    if (cfg.mode !== "review") {
      let old = isObj(data.attempts[cfg.id]) ? data.attempts[cfg.id] : {};
      Object.keys(parts).forEach((p) => { parts[p] = Math.round(mean(parts[p]) * 100); });
      data.attempts[cfg.id] = { kind: cfg.kind, n: num(old.n) + 1, last: quiz.score, day: day,
        best: Math.max(quiz.score, num(old.best)), parts: parts };
    }
    quiz.saved = save(cfg.storage, data);
  }

  function pick(quiz) {
    let cfg = quiz.cfg, data = load(cfg.storage), qs = cfg.questions;
    if (cfg.mode === "review") {
      let day = today();
      quiz.attempt = quiz.early ? "early-" + quiz.from : "review-" + day;
      return qs.filter((q) => {
        let item = data.items[q.id];
        return isObj(item) && num(item.box) > 0 && (quiz.early || num(item.due) <= day);
      });
    }
    let attempt = isObj(data.attempts[cfg.id]) ? num(data.attempts[cfg.id].n) : 0;
    quiz.attempt = attempt;
    quiz.rng = random(cfg.seed + attempt);
    let chosen = shuffle(range(qs.length), quiz.rng).slice(0, cfg.draw);
    return chosen.sort((a, b) => { return a - b; }).map((i) => { return qs[i]; });
  }

  function copy(quiz, q, cls, into) {
    let source = quiz.box.querySelector('.cw-quiz__static [data-q="' + q.id + '"] .' + cls);
    if (!source) return null;
    let node = source.cloneNode(true);
    node.removeAttribute("id");
    into.appendChild(node);
    return node;
  }

  function option(quiz, q, name, i, multiple) {
    let label = el("label", "cw-quiz__option"), input = el("input");
    input.type = multiple ? "checkbox" : "radio";
    input.name = name;
    input.value = i;
    label.append(input, " ", el("span", "cw-quiz__text", q.options[i].text));
    return label;
  }

  function choices(quiz, q, group, name) {
    let order = range(q.options.length);
    if (q.type !== "truefalse") order = shuffle(order, quiz.rng);
    order.forEach((i) => { group.appendChild(option(quiz, q, name, i, q.type === "multiple")); });
  }

  function ordering(quiz, q, group) {
    let list = el("ol", "cw-quiz__order"), order = shuffle(range(q.items.length), quiz.rng);
    if (order.every((v, i) => { return v === i; })) order.push(order.shift());
    q.view.list = list;
    order.forEach((i) => {
      let row = el("li", "cw-quiz__step");
      row.dataset.i = i;
      row.append(el("span", "cw-quiz__text", q.items[i]), move(quiz, q, row, -1), move(quiz, q, row, 1));
      list.appendChild(row);
    });
    group.appendChild(list);
  }

  function move(quiz, q, row, step) {
    let ui = quiz.cfg.ui, text = q.items[row.dataset.i], button = el("button", "cw-quiz__move", step < 0 ? "↑" : "↓");
    button.type = "button";
    button.setAttribute("aria-label", fmt(step < 0 ? ui.up : ui.down, { item: text }));
    button.addEventListener("click", () => {
      let list = row.parentNode, other = step < 0 ? row.previousElementSibling : row.nextElementSibling;
      if (!other || quiz.done) return;
      list.insertBefore(row, step < 0 ? other : other.nextElementSibling);
      button.focus();
      let rows = Array.prototype.indexOf.call(list.children, row) + 1;
      quiz.live.textContent = fmt(ui.moved, { item: text, n: rows });
      q.touched = true;
      keep(quiz);
    });
    return button;
  }

  function matching(quiz, q, group, name) {
    let rights = shuffle(range(q.pairs.length), quiz.rng);
    q.pairs.forEach((pair, i) => {
      let label = el("label", "cw-quiz__pair"), select = el("select");
      select.name = name + "-" + i;
      select.setAttribute("aria-label", pair[0]);
      select.appendChild(el("option", null, quiz.cfg.ui.choose)).value = "";
      rights.forEach((r) => { select.appendChild(el("option", null, q.pairs[r][1])).value = r; });
      label.append(el("span", "cw-quiz__text", pair[0]), select);
      group.appendChild(label);
    });
  }

  function question(quiz, q) {
    let row = el("li", "cw-quiz__item"), id = "cw-" + quiz.cfg.id + "-" + q.id + "-" + quiz.round;
    let group = el("div", "cw-quiz__choices"), stem = copy(quiz, q, "cw-quiz__stem", row);
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
    let feedback = el("div", "cw-quiz__feedback");
    feedback.hidden = true;
    q.view.feedback = feedback;
    row.append(group, feedback);
    return row;
  }

  function picked(q) {
    return Array.prototype.filter.call(q.view.group.querySelectorAll("input"), (input) => {
      return input.checked;
    }).map((input) => { return +input.value; }).sort((a, b) => { return a - b; });
  }

  let each = (list, fn) => Array.prototype.map.call(list, fn);

  // What the learner has given so far, or null: an untouched ordering counts as not answered.
  function answer(q) {
    let view = q.view, given;
    if (q.type === "ordering") return q.touched ? each(view.list.children, (row) => { return +row.dataset.i; }) : null;
    if (q.type === "matching") {
      given = each(view.group.querySelectorAll("select"), (select) => { return select.value; });
      return given.some(Boolean) ? given : null;
    }
    if (q.type === "reflection") {
      given = view.group.querySelector("textarea").value;
      return given.trim() ? given : null;
    }
    given = picked(q);
    return given.length ? given : null;
  }

  // Answers in progress stay in sessionStorage per quiz and attempt, so a reload or a trip to another
  // page keeps them; submitting clears them.
  function draft(quiz, value) {
    let key = quiz.cfg.storage + ":draft:" + quiz.cfg.id + ":" + quiz.attempt;
    try {
      if (value === undefined) return JSON.parse(sessionStorage.getItem(key));
      if (value) sessionStorage.setItem(key, JSON.stringify(value));
      else sessionStorage.removeItem(key);
    } catch (error) { return null; } // no session storage: answers simply are not kept
  }

  function keep(quiz) {
    let given = {}, some = false;
    if (quiz.done) return;
    quiz.questions.forEach((q) => {
      let value = answer(q);
      if (value !== null) { given[q.id] = value; some = true; }
    });
    draft(quiz, some && given);
  }

  function restore(quiz) {
    let given = draft(quiz);
    if (!isObj(given)) return;
    quiz.questions.forEach((q) => {
      let value = given[q.id], view = q.view;
      if (typeof value === "string" && q.type === "reflection") view.group.querySelector("textarea").value = value;
      if (!Array.isArray(value)) return;
      if (q.type === "ordering") {
        value.forEach((i) => {
          let row = view.list.querySelector('[data-i="' + (+i) + '"]');
          if (row) view.list.appendChild(row);
        });
        q.touched = true;
      } else if (q.type === "matching") {
        view.group.querySelectorAll("select").forEach((select, i) => { select.value = value[i] || ""; });
      } else {
        view.group.querySelectorAll("input").forEach((input) => { input.checked = value.indexOf(+input.value) >= 0; });
      }
    });
  }

  // Before submitting with gaps: ask inside the form; with nothing answered at all, no attempt is recorded.
  function ask(quiz) {
    let ui = quiz.cfg.ui, box = quiz.ask;
    let open = quiz.questions.filter((q) => { return answer(q) === null; });
    if (!open.length) return submit(quiz);
    let none = open.length === quiz.questions.length, back = el("button", "md-button", ui.keep);
    let text = el("p", null, none ? ui.none : fmt(ui.unanswered, { n: open.length }));
    box.textContent = "";
    box.append(text, back);
    back.type = "button";
    back.addEventListener("click", () => {
      box.hidden = true;
      let first = open[0].view.group.querySelector("input,select,textarea,button");
      if (first) first.focus();
    });
    if (!none) box.appendChild(button(quiz, ui.anyway, submit));
    box.hidden = false;
    quiz.live.textContent = text.textContent;
    text.tabIndex = -1; // the question first; Tab then reaches its two answers
    text.focus();
  }

  // Scoring rules as stated on the page: partial credit, never below zero; reflection is not scored.
  function grade(q) {
    let view = q.view;
    if (q.type === "reflection") return null;
    if (q.type === "ordering") {
      return mean(Array.prototype.map.call(view.list.children, (row, i) => { return +(+row.dataset.i === i); }));
    }
    if (q.type === "matching") {
      return mean(Array.prototype.map.call(view.group.querySelectorAll("select"), (select, i) => {
        return +(select.value === String(i));
      }));
    }
    let chosen = picked(q);
    if (q.type !== "multiple") return chosen.length ? q.options[chosen[0]].credit / 100 : 0;
    let right = q.options.filter((o) => { return o.credit > 0; }).length, score = 0;
    chosen.forEach((i) => { score += q.options[i].credit > 0 ? 1 : -1; });
    return Math.max(0, score / right);
  }

  function explain(quiz, q, score) {
    let ui = quiz.cfg.ui, view = q.view, box = view.feedback;
    let state = score === null ? "self" : score >= 1 ? "right" : score > 0 ? "partial" : "wrong";
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
    let list = el("ul", "cw-quiz__rubric");
    list.setAttribute("aria-label", ui.rubric);
    q.rubric.forEach((line) => {
      let label = el("label"), check = el("input");
      check.type = "checkbox";
      label.append(check, " ", line);
      list.appendChild(el("li")).appendChild(label);
    });
    box.append(el("p", null, ui.rubric), list);
  }

  // Per-option feedback: every option says why it is right or wrong once the answer is in.
  function mark(quiz, q) {
    let ui = quiz.cfg.ui;
    if (q.options) {
      q.view.group.querySelectorAll(".cw-quiz__option").forEach((label) => {
        let input = label.querySelector("input"), o = q.options[+input.value];
        let good = o.credit >= 100 || (q.type === "scenario" && o.credit === best(q));
        label.classList.add(good ? "cw-quiz__option--correct" : input.checked ? "cw-quiz__option--wrong" : "cw-quiz__option--other");
        if (input.checked) label.classList.add("cw-quiz__option--picked");
        let note = (o.rating ? o.rating + "：" : good ? ui.good : input.checked ? ui.bad : "") + o.feedback;
        label.appendChild(el("span", "cw-quiz__note", note));
      });
    } else if (q.type === "ordering") {
      Array.prototype.forEach.call(q.view.list.children, (row, i) => {
        row.classList.add(+row.dataset.i === i ? "cw-quiz__step--correct" : "cw-quiz__step--wrong");
      });
      q.view.feedback.appendChild(el("p", "cw-quiz__solution", ui.order + q.items.join(" → ")));
    } else if (q.type === "matching") {
      q.view.group.querySelectorAll("select").forEach((select, i) => {
        let ok = select.value === String(i);
        select.parentNode.classList.add(ok ? "cw-quiz__pair--correct" : "cw-quiz__pair--wrong");
        if (!ok) select.parentNode.appendChild(el("span", "cw-quiz__note", ui.should + q.pairs[i][1]));
      });
    }
  }

  function best(q) { return Math.max.apply(null, q.options.map((o) => { return o.credit; })); }

  function submit(quiz) {
    let ui = quiz.cfg.ui, scores = [];
    quiz.done = true;
    quiz.ask.hidden = true;
    draft(quiz, null);
    quiz.questions.forEach((q) => {
      let score = grade(q);
      explain(quiz, q, score);
      if (score !== null) scores.push({ q: q, score: score, picked: q.options && picked(q) });
    });
    quiz.form.querySelectorAll(".cw-quiz__choices input,.cw-quiz__choices select,textarea,.cw-quiz__move")
      .forEach((control) => { control.disabled = true; });
    quiz.score = Math.round(mean(scores.map((s) => { return s.score; })) * 100);
    let right = scores.filter((s) => { return s.score >= 1; }).length;
    // Practising missed questions before they are due must not move them: the schedule stays as it was.
    if (scores.length && !quiz.early) record(quiz, scores);
    let text = scores.length ? fmt(ui.score, { score: quiz.score, right: right, total: scores.length }) : ui.unscored;
    if (scores.length && quiz.cfg.mode !== "review") {
      text += " " + fmt(quiz.score >= quiz.cfg.pass ? ui.passed : ui.failed, { pass: quiz.cfg.pass });
    }
    if (quiz.saved === false) text += " " + ui.nosave;
    quiz.result.textContent = text;
    quiz.submit.hidden = true;
    quiz.solution.hidden = quiz.retry.hidden = false;
    if (quiz.cfg.mode === "review") {
      if (quiz.early) quiz.from += GROUP;
      quiz.retry.textContent = ui.next;
      quiz.retry.hidden = pick(quiz).length <= (quiz.from || 0);
    }
    quiz.result.focus();
  }

  // "Show solution": put the right answer into every control, so the learner reads it in place.
  function solve(quiz) {
    quiz.questions.forEach((q) => {
      let view = q.view, top = q.options ? best(q) : 0;
      view.group.querySelectorAll("input").forEach((input) => {
        input.checked = q.options[+input.value].credit === top || (q.type === "multiple" && q.options[+input.value].credit > 0);
      });
      view.group.querySelectorAll("select").forEach((select, i) => { select.value = String(i); });
      if (view.list) {
        Array.prototype.slice.call(view.list.children).sort((a, b) => { return a.dataset.i - b.dataset.i; })
          .forEach((row) => { view.list.appendChild(row); });
      }
    });
    quiz.box.classList.add("cw-quiz--solved");
    quiz.solution.hidden = true;
    quiz.live.textContent = quiz.cfg.ui.solved;
  }

  function button(quiz, text, action, primary) {
    let node = el("button", "md-button cw-quiz__button" + (primary ? " md-button--primary" : ""), text);
    node.type = primary ? "submit" : "button";
    if (!primary) node.addEventListener("click", () => { action(quiz); });
    return node;
  }

  function again(quiz) {
    start(quiz);
    let first = quiz.form.querySelector(".cw-quiz__item");
    if (!first) return;
    first.tabIndex = -1;
    first.scrollIntoView({ block: "start" });
    first.focus({ preventScroll: true });
  }

  function plan(quiz, due) {
    let ui = quiz.cfg.ui, data = load(quiz.cfg.storage), day = today(), later = {};
    Object.keys(data.items).forEach((id) => {
      let item = data.items[id];
      if (isObj(item) && num(item.box) && num(item.due) > day) later[item.due] = (later[item.due] || 0) + 1;
    });
    let list = el("ul", "cw-quiz__plan");
    Object.keys(later).sort().forEach((d) => {
      let date = +d === day + 1 ? ui.tomorrow : new Date(d * DAY).toISOString().slice(0, 10);
      list.appendChild(el("li", null, fmt(ui.later, { date: date, n: later[d] })));
    });
    let text = quiz.early ? fmt(ui.early, { n: due }) : due ? fmt(ui.due, { n: due }) : ui.nodue;
    if (due > GROUP) text += fmt(ui.group, { n: GROUP });
    quiz.form.append(el("p", "cw-quiz__due", text), list);
    // 练错题 now: the missed questions not yet due, answered for practice only
    if (!due && list.firstChild) {
      quiz.form.appendChild(button(quiz, ui.practise, () => { quiz.early = true; quiz.from = 0; again(quiz); }));
    }
  }

  function start(quiz) {
    let cfg = quiz.cfg, ui = cfg.ui, form = el("form", "cw-quiz__form");
    quiz.round = (quiz.round || 0) + 1;
    quiz.done = false;
    quiz.rng = random(cfg.seed);
    quiz.questions = pick(quiz);
    if (quiz.form) quiz.form.remove();
    quiz.form = form;
    if (cfg.mode === "review") {
      plan(quiz, quiz.questions.length - (quiz.from || 0));
      quiz.questions = quiz.questions.slice(quiz.from || 0, (quiz.from || 0) + GROUP);
    }
    let list = form.appendChild(el("ol", "cw-quiz__list"));
    quiz.questions.forEach((q) => { list.appendChild(question(quiz, q)); });
    quiz.submit = button(quiz, ui.submit, null, true);
    quiz.solution = button(quiz, ui.solution, solve);
    quiz.retry = button(quiz, ui.retry, again);
    quiz.ask = el("div", "cw-quiz__ask");
    quiz.ask.hidden = true;
    quiz.solution.hidden = quiz.retry.hidden = true;
    quiz.result = el("p", "cw-quiz__result");
    quiz.result.tabIndex = -1;
    quiz.result.setAttribute("aria-live", "polite");
    quiz.live = el("p", "cw-quiz__live");
    quiz.live.setAttribute("aria-live", "polite");
    if (quiz.questions.length) form.append(quiz.ask, quiz.submit, quiz.solution, quiz.retry);
    form.append(quiz.result, quiz.live);
    form.addEventListener("submit", (event) => { event.preventDefault(); if (!quiz.done) ask(quiz); });
    form.addEventListener("input", () => { keep(quiz); });
    form.addEventListener("change", () => { keep(quiz); });
    quiz.box.insertBefore(form, quiz.box.querySelector(".cw-quiz__static"));
    restore(quiz);
  }

  // A quiz that fails to start is logged by cw.ready; its static list with the answers stays readable.
  cw.ready(".cw-quiz[data-cw-quiz]", (box) => {
    start({ box, cfg: cw.data(box, ".cw-quiz__data") });
    box.classList.add("cw-quiz--live");
  });

  window.cwQuiz = { load, save, clean, today, isObj, num, mean };
})();

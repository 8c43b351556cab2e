/* 班级报告 (trainer edition only): reads many learners' exported progress files (or a .zip of them) in the
   browser, never uploading them, and shows per learner, per question, per skill tag and what to teach again.
   Linked by report.html alone (not site-wide, so not in the front-end budget). Material's instant navigation
   runs the page's scripts again on every visit: the widget registers once, cw.ready starts it per page.
   The file format is CONTRACT.md's progress file, v1 or v2; unknown keys are ignored. */
(() => {
  "use strict";
  if (window.cwReport) return;
  window.cwReport = true;
  const DASH = "—";
  const PRINT_ROWS = 10;
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const num = (v) => (typeof v === "number" && isFinite(v) ? v : null);
  const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const zh = (a, b) => a.localeCompare(b, "zh-CN") || byText(a, b);

  /* ---- zip (stored and deflate entries; deflate through DecompressionStream) ---- */
  const canInflate = () => typeof window.DecompressionStream === "function";

  function endRecord(view) {
    for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 65557); at -= 1) {
      if (view.getUint32(at, true) === 0x06054b50) return at;
    }
    throw new Error("no end of central directory");
  }

  function zipEntries(buffer) {
    const view = new DataView(buffer), bytes = new Uint8Array(buffer), names = new TextDecoder("utf-8");
    const end = endRecord(view), entries = [];
    let at = view.getUint32(end + 16, true);
    for (let i = view.getUint16(end + 10, true); i > 0; i -= 1) {
      if (view.getUint32(at, true) !== 0x02014b50) throw new Error("bad central directory");
      const nameLength = view.getUint16(at + 28, true), local = view.getUint32(at + 42, true);
      const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      entries.push({ name: name, flags: view.getUint16(at + 8, true), method: view.getUint16(at + 10, true),
        data: bytes.subarray(start, start + view.getUint32(at + 20, true)) });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    // folders and the resource forks macOS adds are not files a learner exported
    return entries.filter((e) => !/\/$/.test(e.name) && !/(^|\/)(__MACOSX\/|\._)/.test(e.name));
  }

  function inflate(entry, ui) {
    if (entry.flags & 1) return Promise.reject(new Error("encrypted"));
    if (entry.method === 0) return Promise.resolve(entry.data);
    if (entry.method !== 8) return Promise.reject(new Error("method " + entry.method));
    if (!canInflate()) return Promise.reject(new Error(ui.no_zip));
    const stream = new Blob([entry.data]).stream().pipeThrough(new window.DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }

  function unzip(file, buffer, ui) {
    let entries;
    try {
      entries = zipEntries(buffer);
    } catch (error) {
      return Promise.resolve([{ name: file, error: cw.fmt(ui.bad_zip, { reason: error.message }) }]);
    }
    return Promise.all(entries.map((entry) => {
      const name = file + " › " + entry.name;
      return inflate(entry, ui).then((data) => ({ name: name, bytes: data }),
        (error) => ({ name: name, error: cw.fmt(ui.bad_zip, { reason: error.message }) }));
    }));
  }

  /* ---- files ---- */
  function readBuffer(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(file);
    });
  }

  const isZip = (bytes) => bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

  function expand(file, ui) {
    return readBuffer(file).then((buffer) => {
      const bytes = new Uint8Array(buffer);
      return isZip(bytes) ? unzip(file.name, buffer, ui) : [{ name: file.name, bytes: bytes }];
    }, (error) => [{ name: file.name, error: String(error) }]);
  }

  function parse(cfg, ui, found) {
    if (found.error) return found;
    let data;
    try {
      data = JSON.parse(new TextDecoder("utf-8").decode(found.bytes).replace(/^\uFEFF/, ""));
    } catch (error) {
      return { name: found.name, error: ui.bad_json };
    }
    const shapeless = !isObj(data) || ["attempts", "items", "actions", "read"].some((key) => key in data && !isObj(data[key]));
    if (shapeless || !("attempts" in data || "items" in data)) return { name: found.name, error: ui.bad_shape };
    if (data.v !== 1 && data.v !== 2) return { name: found.name, error: cw.fmt(ui.bad_version, { v: String(data.v) }) };
    if (typeof data.course === "string" && data.course !== cfg.storage) {
      return { name: found.name, error: cw.fmt(ui.other_course, { course: data.course.slice(0, 60) }) };
    }
    return { name: found.name, learner: learner(data, found.name) };
  }

  function learner(data, file) {
    const who = isObj(data.learner) ? data.learner : {};
    const text = (v) => (typeof v === "string" ? v.trim().slice(0, 40) : "");
    const base = file.split(/[\/›]/).pop().trim().replace(/\.json$/i, "");
    return { name: text(who.name) || base, id: text(who.id), file: file, v: data.v,
      attempts: isObj(data.attempts) ? data.attempts : {}, items: isObj(data.items) ? data.items : {},
      actions: isObj(data.actions) ? data.actions : data.v === 1 ? null : {} };
  }

  /* ---- figures ---- */
  function lastOf(ids, attempts, kind) {
    const id = ids.filter((key) => isObj(attempts[key]))[0] ||
      Object.keys(attempts).sort(byText).filter((key) => isObj(attempts[key]) && attempts[key].kind === kind)[0];
    return id ? num(attempts[id].last) : null;
  }

  function learnerRow(cfg, one) {
    const a = one.attempts, done = (id) => isObj(a[id]);
    const checks = [].concat.apply([], cfg.parts.map((part) => part.checks));
    const parts = cfg.parts.filter((part) => (part.test ? done(part.test) : part.checks.length > 0 && part.checks.every(done)));
    const before = lastOf(cfg.diagnostic, a, "diagnostic"), after = lastOf(cfg.final, a, "final");
    return [one.name, one.id || DASH, before, after, before !== null && after !== null ? after - before : null,
      checks.filter(done).length + " / " + checks.length, parts.length + " / " + cfg.parts.length,
      one.actions ? Object.keys(one.actions).length : null];
  }

  function questionStats(cfg, learners) {
    return cfg.questions.map((q, order) => {
      const s = { q: q, order: order, answered: 0, missed: 0, picks: {} };
      learners.forEach((one) => {
        const item = one.items[q.id];
        if (!isObj(item) || num(item.last) === null) return;
        s.answered += 1;
        if (item.last < 1) s.missed += 1;
        if (!Array.isArray(item.picked)) return;
        item.picked.filter((i, at, all) => q.wrong.indexOf(i) >= 0 && all.indexOf(i) === at)
          .forEach((i) => { s.picks[i] = (s.picks[i] || 0) + 1; });
      });
      s.rate = s.answered ? s.missed / s.answered : null;
      return s;
    });
  }

  // The most chosen wrong option; options tied for most are all named, in source order.
  function mostWrong(ui, s) {
    const counts = Object.keys(s.picks).map(Number).sort((a, b) => a - b), top = Math.max.apply(null, counts.map((i) => s.picks[i]));
    const tied = counts.filter((i) => s.picks[i] === top);
    return tied.length ? tied.map((i) => cw.fmt(ui.wrong_count, { text: s.q.options[i], n: top })).join(" / ") : DASH;
  }

  const byMiss = (a, b) => (b.rate === null) - (a.rate === null) || (b.rate || 0) - (a.rate || 0) || b.answered - a.answered || a.order - b.order;

  function tagStats(cfg, stats, learners) {
    const tags = {};
    stats.forEach((s) => s.q.tags.forEach((tag) => {
      const t = tags[tag] = tags[tag] || { tag: tag, scores: [], missed: 0, chapters: {} };
      learners.forEach((one) => {
        const item = one.items[s.q.id], last = isObj(item) ? num(item.last) : null;
        if (last === null) return;
        t.scores.push(last);
        if (last < 1) { t.missed += 1; t.chapters[s.q.chapter] = (t.chapters[s.q.chapter] || 0) + 1; }
      });
      t.link = t.link || {};
      t.link[s.q.chapter] = s.q.link;
    }));
    return Object.keys(tags).map((key, order) => {
      const t = tags[key], n = t.scores.length;
      return { tag: key, order: order, answered: n, rate: n ? t.missed / n : null, link: t.link, chapters: t.chapters,
        mean: n ? t.scores.reduce((x, y) => x + y, 0) / n : null };
    });
  }

  /* ---- output ---- */
  const pct = (ui, v) => (v === null ? DASH : cw.fmt(ui.percent, { n: Math.round(v * 100) }));
  const shown = (v) => (v === null || v === undefined || v === "" ? DASH : String(v));

  function table(caption, head, rows) {
    const node = cw.el("table", "cw-report__table");
    node.createCaption().textContent = caption;
    const line = node.createTHead().insertRow();
    head.forEach((text) => { line.appendChild(cw.el("th", null, text)).scope = "col"; });
    const body = node.createTBody();
    rows.forEach((cells) => {
      const row = body.insertRow();
      cells.forEach((cell, at) => {
        const td = row.appendChild(cw.el(at ? "td" : "th"));
        if (!at) td.scope = "row";
        if (cell && cell.nodeType) td.appendChild(cell); else td.textContent = shown(cell);
      });
    });
    return node;
  }

  function link(text, href) {
    if (!href) return cw.el("span", null, text || DASH);
    const a = cw.el("a", null, text);
    a.href = href;
    return a;
  }

  function build(cfg, state) {
    const ui = cfg.ui, learners = state.learners.slice().sort((a, b) => zh(a.name, b.name) || zh(a.id, b.id) || byText(a.file, b.file));
    const stats = questionStats(cfg, learners).sort(byMiss), tags = tagStats(cfg, stats, learners);
    tags.sort((a, b) => (b.mean === null) - (a.mean === null) || (a.mean || 0) - (b.mean || 0) || zh(a.tag, b.tag));
    const sheets = {
      learners: [ui.learners_caption, [ui.name, ui.id, ui.diagnostic, ui.final, ui.change, ui.checks, ui.parts, ui.actions],
        learners.map((one) => learnerRow(cfg, one))],
      questions: [ui.questions_caption, [ui.qid, ui.question, ui.chapter, ui.answered, ui.miss, ui.wrong],
        stats.map((s) => [s.q.id, s.q.stem, s.q.chapter, s.answered, pct(ui, s.rate), mostWrong(ui, s)])],
      tags: [ui.tags_caption, [ui.tag, ui.answers, ui.miss, ui.mean],
        tags.map((t) => [t.tag, t.answered, pct(ui, t.rate), t.mean === null ? null : Math.round(t.mean * 100)])],
    };
    return { sheets: sheets, stats: stats, tags: tags, learners: learners };
  }

  function reteach(cfg, report) {
    const ui = cfg.ui, least = report.learners.length >= 5 ? 3 : 1, list = cw.el("ol", "cw-report__reteach");
    const pick = (rows) => {
      const kept = rows.filter((r) => r.rate > 0 && r.answered >= least).sort(byMiss);
      // five, and any tied with the fifth: a cut inside a tie would be arbitrary
      return kept.filter((r, at) => at < 5 || (r.rate === kept[4].rate && r.answered === kept[4].answered));
    };
    pick(report.stats).forEach((s) => {
      const li = list.appendChild(cw.el("li", null, s.q.id + " " + s.q.stem + " · " + pct(ui, s.rate) + "（" + s.missed + "/" + s.answered + "）· "));
      li.appendChild(link(s.q.chapter, s.q.link));
    });
    pick(report.tags).forEach((t) => {
      const chapter = Object.keys(t.chapters).sort((a, b) => t.chapters[b] - t.chapters[a] || zh(a, b))[0];
      const li = list.appendChild(cw.el("li", null, cw.fmt(ui.tag_item, { tag: t.tag }) + " · " + pct(ui, t.rate) + " · "));
      li.appendChild(link(chapter, t.link[chapter]));
    });
    return list.children.length ? list : cw.el("p", null, ui.reteach_none);
  }

  function questionCells(report, ui) {
    return report.stats.map((s) => [s.q.id, s.q.stem, link(s.q.chapter, s.q.link), s.answered, pct(ui, s.rate), mostWrong(ui, s)]);
  }

  function show(box, cfg, state) {
    const ui = cfg.ui, out = box.querySelector(".cw-report__out"), report = build(cfg, state);
    out.textContent = "";
    box.querySelector(".cw-report__status").textContent = cw.fmt(ui.read, { learners: state.learners.length, skipped: state.skipped.length });
    box.querySelector(".cw-report__tools").hidden = !state.learners.length;
    if (state.skipped.length) {
      out.appendChild(cw.el("h2", null, ui.skipped));
      const list = out.appendChild(cw.el("ul", "cw-report__skipped"));
      state.skipped.forEach((s) => list.appendChild(cw.el("li", null, s.name + "：" + s.error)));
    }
    if (!state.learners.length) return report;
    const sheet = (title, key, rows) => {
      const s = report.sheets[key];
      out.append(cw.el("h2", null, title), table(s[0], s[1], rows || s[2]));
    };
    out.append(cw.el("h2", null, ui.reteach), cw.el("p", null, cw.fmt(ui.reteach_lead, { min: report.learners.length >= 5 ? 3 : 1 })), reteach(cfg, report));
    sheet(ui.learners, "learners");
    sheet(ui.questions, "questions", questionCells(report, ui));
    // one or two A4 pages: the print lists the most missed questions only (the CSV has them all)
    out.lastChild.querySelectorAll("tbody tr").forEach((row, at) => { if (at >= PRINT_ROWS) row.className = "cw-report__more"; });
    if (report.stats.length > PRINT_ROWS) out.appendChild(cw.el("p", "cw-report__printnote", cw.fmt(ui.print_note, { n: PRINT_ROWS })));
    sheet(ui.tags, "tags");
    return report;
  }

  /* ---- CSV: UTF-8 with a BOM (Excel reads Chinese then); text that a spreadsheet would run is quoted off ---- */
  function csvCell(value) {
    let text = value === null || value === undefined ? DASH : String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function csv(cfg, state) {
    const ui = cfg.ui, report = build(cfg, state), lines = [];
    [[ui.learners, "learners"], [ui.questions, "questions"], [ui.tags, "tags"]].forEach((pair) => {
      const s = report.sheets[pair[1]];
      lines.push([pair[0]], s[1]);
      s[2].forEach((row) => lines.push(row.map((cell) => (typeof cell === "number" || cell === null ? cell : shown(cell)))));
      lines.push([]);
    });
    if (state.skipped.length) {
      lines.push([ui.skipped], [ui.file, ui.skipped]);
      state.skipped.forEach((s) => lines.push([s.name, s.error]));
    }
    return "\uFEFF" + lines.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  // The same tables as a workbook, a sheet each: numbers stay numbers; inline strings are never formulas.
  function workbook(cfg, state) {
    const ui = cfg.ui, report = build(cfg, state);
    const sheets = [[ui.learners, "learners"], [ui.questions, "questions"], [ui.tags, "tags"]].map((pair) => {
      const s = report.sheets[pair[1]];
      return { name: pair[0], rows: [s[1]].concat(s[2].map((row) => row.map((v) => (typeof v === "number" || v === null ? v : shown(v))))) };
    });
    if (state.skipped.length) sheets.push({ name: ui.skipped, rows: [[ui.file, ui.skipped]].concat(state.skipped.map((s) => [s.name, s.error])) });
    return window.cwXlsx(sheets);
  }

  function download(name, data) {
    const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type: "text/csv;charset=utf-8" }));
    const a = cw.el("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /* ---- the widget ---- */
  function take(box, cfg, state, files) {
    const ui = cfg.ui;
    box.querySelector(".cw-report__status").textContent = ui.reading;
    Promise.all(Array.prototype.map.call(files, (file) => expand(file, ui))).then((lists) => {
      [].concat.apply([], lists).forEach((found) => {
        const key = found.name + "\n" + (found.bytes ? new TextDecoder("utf-8").decode(found.bytes) : "");
        const read = state.seen[key] ? { name: found.name, error: ui.duplicate } : parse(cfg, ui, found);
        state.seen[key] = true;
        if (read.learner) state.learners.push(read.learner); else state.skipped.push(read);
      });
      show(box, cfg, state);
    });
  }

  function init(box) {
    const cfg = cw.data(box), drop = box.querySelector(".cw-report__drop"), input = box.querySelector(".cw-report__input");
    let state = { learners: [], skipped: [], seen: {} };
    box.querySelector(".cw-report__noscript").hidden = true;
    drop.hidden = false;
    box.querySelector(".cw-report__zipnote").hidden = canInflate();
    input.addEventListener("change", () => { take(box, cfg, state, input.files); input.value = ""; });
    drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("cw-report__drop--over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("cw-report__drop--over"));
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("cw-report__drop--over");
      take(box, cfg, state, event.dataTransfer.files);
    });
    box.querySelector(".cw-report__csv").addEventListener("click", () => download(cfg.ui.csv_file, csv(cfg, state)));
    box.querySelector(".cw-report__xlsx").addEventListener("click", () => download(cfg.ui.xlsx_file, workbook(cfg, state)));
    box.querySelector(".cw-report__print").addEventListener("click", () => window.print());
    box.querySelector(".cw-report__clear").addEventListener("click", () => {
      state = { learners: [], skipped: [], seen: {} };
      show(box, cfg, state);
    });
  }

  const boot = () => window.cw.ready("[data-cw-report]", init);
  if (window.cw) boot(); else document.addEventListener("DOMContentLoaded", boot);
})();

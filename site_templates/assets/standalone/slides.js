/* Slide deck and presenter view (how they work together: classroom/deck.html.j2). */
(() => {
  let deck, slides, timers, current = 0, counter, black, last, presenter, notes = [], send = () => {};
  const NEXT = ["ArrowRight", "ArrowDown", "PageDown", " "];
  const PREV = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
  const FLOOR = 65; // smallest type, in %
  const $ = (selector) => deck.querySelector(selector);
  const pad = (n) => (n < 10 ? "0" : "") + n;
  const clock = (seconds) => pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60);

  function fit(slide) {
    let size = 100;
    slide.style.fontSize = "";
    while (slide.scrollHeight > slide.clientHeight && size > FLOOR) slide.style.fontSize = (size -= 5) + "%";
  }

  function go(index, remote) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach((slide, i) => {
      slide.classList.toggle("cw-slide--current", i === current);
      slide.classList.toggle("cw-slide--next", presenter && i === current + 1);
      slide.setAttribute("aria-hidden", String(i !== current));
    });
    deck.querySelectorAll(".cw-slide--current, .cw-slide--next").forEach(fit);
    notes.forEach((aside) => { aside.hidden = aside.getAttribute("data-cw-for") != current; });
    counter.textContent = current + 1 + " / " + slides.length;
    history.replaceState(null, "", "#" + (current + 1));
    if (!remote) send({ go: current });
  }

  function dark(on, remote) {
    black.hidden = !on;
    if (!remote) send({ black: on });
  }

  const timerHere = () => timers.filter((timer) => slides[current].contains(timer.box))[0];

  function onKey(event) {
    let key = event.key, lower = key.toLowerCase(), timer = timerHere();
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if ((key === " " || key === "Enter") && event.target.closest("button, a")) return;
    if (NEXT.indexOf(key) >= 0) go(current + 1);
    else if (PREV.indexOf(key) >= 0) go(current - 1);
    else if (key === "Home") go(0);
    else if (key === "End") go(slides.length - 1);
    else if (lower === "b" || key === ".") dark(black.hidden);
    else if (lower === "f") document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    else if (lower === "p") window.open(deck.getAttribute("data-cw-peer") + "#" + (current + 1), "cw-" + deck.getAttribute("data-cw-peer"));
    else if (lower === "t" && timer) timer.toggle();
    else if (lower === "r" && timer) timer.reset();
    else return;
    event.preventDefault();
  }

  function initTimer(box, index) {
    let total = +box.getAttribute("data-cw-seconds") * 1000, left = total, endAt = 0, tick = 0;
    let display = box.querySelector(".cw-timer__display"), status = box.querySelector(".cw-timer__status");
    const say = (what) => { status.textContent = deck.getAttribute("data-cw-" + what); };
    function show() {
      display.textContent = clock(Math.ceil(left / 1000));
      box.classList.toggle("cw-timer--done", left <= 0);
    }
    function stop() { clearInterval(tick); tick = 0; }
    function update() {
      left = Math.max(0, endAt - Date.now());
      show();
      if (left <= 0) { stop(); say("done"); }
    }
    function run(end) { stop(); endAt = end; tick = setInterval(update, 250); update(); last = timer; }
    let timer = {
      box,
      share: (all) => { if (all !== true || tick || left < total) send({ timer: index, left, end: tick && endAt }); },
      start: () => { if (!tick && left > 0) { run(Date.now() + left); say("started"); timer.share(); } },
      pause: () => { if (tick) { update(); stop(); say("paused"); timer.share(); } },
      reset: () => { stop(); left = total; show(); say("reset"); timer.share(); },
      toggle: () => (tick ? timer.pause() : timer.start()),
      apply: (state) => { stop(); left = state.left; if (state.end) run(state.end); else show(); },
      used: () => [total / 1000 - Math.ceil(left / 1000), Math.ceil(left / 1000)]
    };
    box.addEventListener("click", (event) => {
      let button = event.target.closest("[data-cw-action]");
      if (button) timer[button.getAttribute("data-cw-action")]();
    });
    return timer;
  }

  function receive(message) {
    if (message.hello) { send({ go: current }); timers.forEach((timer) => timer.share(true)); }
    else if ("go" in message) go(message.go, true);
    else if ("black" in message) dark(message.black, true);
    else if (timers[message.timer]) timers[message.timer].apply(message);
  }

  function connect() {
    let name = "cw-deck:" + location.pathname.replace(/[^/]*$/, "") + deck.getAttribute("data-cw-deck");
    if (window.BroadcastChannel) {
      let channel = new BroadcastChannel(name);
      channel.onmessage = (event) => receive(event.data);
      send = (message) => channel.postMessage(message);
    } else {
      send = (message) => { try { localStorage.setItem(name, JSON.stringify([message, Math.random()])); } catch (e) { /* none */ } };
      addEventListener("storage", (event) => { if (event.key === name && event.newValue) receive(JSON.parse(event.newValue)[0]); });
    }
    send({ hello: 1 });
  }

  function initPresenter(panel) {
    let times = ["clock", "elapsed", "remaining"].map((name) => $("[data-cw-" + name + "]"));
    slides.forEach((slide, i) => {
      let aside = slide.querySelector(".cw-slide__notes");
      if (aside && panel) { aside.setAttribute("data-cw-for", i); panel.append(aside); notes.push(aside); }
    });
    const show = () => {
      let now = new Date(), timer = timerHere() || last, used = timer ? timer.used() : [];
      times[0].textContent = pad(now.getHours()) + ":" + pad(now.getMinutes());
      times[1].textContent = timer ? clock(used[0]) : "--:--";
      times[2].textContent = timer ? clock(used[1]) : "--:--";
    };
    setInterval(show, 250);
    setTimeout(show);
  }

  function init(root) {
    deck = root.querySelector("[data-cw-deck]:not([data-cw-ready])");
    if (!deck) return;
    deck.setAttribute("data-cw-ready", "");
    deck.classList.add("cw-deck--js");
    slides = [...deck.querySelectorAll(".cw-slide")];
    counter = $("[data-cw-counter]");
    black = $(".cw-deck__black");
    black.addEventListener("click", () => dark(false));
    timers = [...deck.querySelectorAll("[data-cw-timer]")].map(initTimer);
    presenter = deck.classList.contains("cw-deck--presenter");
    if (presenter) initPresenter($("[data-cw-notes]"));
    document.addEventListener("keydown", onKey);
    addEventListener("resize", () => go(current, true));
    go((parseInt(location.hash.slice(1), 10) || 1) - 1, true);
    connect();
  }

  if (window.document$) document$.subscribe(() => { init(document); });
  else document.addEventListener("DOMContentLoaded", () => { init(document); });
})();

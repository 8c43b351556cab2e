/* Slide deck: one slide at a time, keyboard and presenter clicker, black screen, timers, notes. */
(() => {
  let deck, slides, current = 0, counter, black;
  const NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"];
  const PREV = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];

  function go(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach((slide, i) => {
      slide.classList.toggle("cw-slide--current", i === current);
      slide.setAttribute("aria-hidden", String(i !== current));
    });
    counter.textContent = current + 1 + " / " + slides.length;
    history.replaceState(null, "", "#" + (current + 1));
  }

  function onKey(event) {
    let key = event.key, lower = key.toLowerCase();
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if ((key === " " || key === "Enter") && event.target.closest("button, a")) return;
    if (NEXT.indexOf(key) >= 0) go(current + 1);
    else if (PREV.indexOf(key) >= 0) go(current - 1);
    else if (key === "Home") go(0);
    else if (key === "End") go(slides.length - 1);
    else if (lower === "b" || key === ".") black.hidden = !black.hidden;
    else if (lower === "f") fullscreen();
    else if (lower === "n") deck.classList.toggle("cw-deck--notes");
    else return;
    event.preventDefault();
  }

  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  }

  function initTimer(box) {
    let total = +box.getAttribute("data-cw-seconds") * 1000, left = total, endAt = 0, tick = 0;
    let display = box.querySelector(".cw-timer__display"), status = box.querySelector(".cw-timer__status");
    function show() {
      let seconds = Math.ceil(left / 1000);
      display.textContent = pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60);
      box.classList.toggle("cw-timer--done", left <= 0);
    }
    function stop() { clearInterval(tick); tick = 0; }
    function update() {
      left = Math.max(0, endAt - Date.now());
      show();
      if (left <= 0) { stop(); status.textContent = deck.getAttribute("data-cw-done"); }
    }
    let actions = {
      start: () => { if (!tick && left > 0) { endAt = Date.now() + left; tick = setInterval(update, 250); } },
      pause: () => { if (tick) { update(); stop(); } },
      reset: () => { stop(); left = total; status.textContent = ""; show(); }
    };
    box.addEventListener("click", (event) => {
      let button = event.target.closest("[data-cw-action]");
      if (button) actions[button.getAttribute("data-cw-action")]();
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function init(root) {
    deck = root.querySelector("[data-cw-deck]:not([data-cw-ready])");
    if (!deck) return;
    deck.setAttribute("data-cw-ready", "");
    deck.classList.add("cw-deck--js");
    slides = Array.prototype.slice.call(deck.querySelectorAll(".cw-slide"));
    counter = deck.querySelector("[data-cw-counter]");
    black = deck.querySelector(".cw-deck__black");
    black.addEventListener("click", () => { black.hidden = true; });
    deck.querySelectorAll("[data-cw-timer]").forEach(initTimer);
    document.addEventListener("keydown", onKey);
    go((parseInt(location.hash.slice(1), 10) || 1) - 1);
  }

  if (window.document$) document$.subscribe(() => { init(document); });
  else document.addEventListener("DOMContentLoaded", () => { init(document); });
})();

/* The widgets' shared start-up, loaded first (the order is listed in generator/assets.py).
   cw.ready(selector, init): init(box) once per matching element, on the first load and after every
   page change of Material's instant navigation (document$); an init that throws is logged, the page
   keeps its static fallback and the other widgets still start. */
(() => {
  "use strict";
  const widgets = [];

  const start = (root, selector, init) => {
    root.querySelectorAll(selector + ":not([data-cw-ready])").forEach((box) => {
      box.setAttribute("data-cw-ready", "");
      try {
        init(box);
      } catch (error) {
        console.error("courseware: " + selector, error);
      }
    });
  };
  const startAll = (root) => widgets.forEach(([selector, init]) => start(root, selector, init));

  const ready = (selector, init) => {
    widgets.push([selector, init]);
    // Widgets register after this file ran; a page that is already parsed starts them at once.
    if (document.readyState !== "loading") start(document, selector, init);
  };

  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  };
  // "{name}" placeholders from the locale strings the page carries.
  const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  // A widget's data travels in a data-json attribute (never an inline script: instant navigation runs those).
  const data = (box, selector) => JSON.parse((selector ? box.querySelector(selector) : box).getAttribute("data-json"));
  const store = {
    read(key) {
      try {
        return JSON.parse(localStorage.getItem(key));
      } catch (error) {
        return null; // private mode or foreign data: start empty, never break the page
      }
    },
    write(key, value) {
      try {
        localStorage.setItem(key, JSON.stringify(value));
        return true;
      } catch (error) {
        console.error("courseware: cannot save " + key, error);
        return false;
      }
    },
  };

  window.cw = { ready, el, fmt, data, store };
  if (window.document$) window.document$.subscribe(() => startAll(document));
  else document.addEventListener("DOMContentLoaded", () => startAll(document));
})();

/* Mind map folding: the build laid the map out once per level (data-cw-at); a button picks one. */
(function () {
  function show(map, level) {
    var svg = map.querySelector("svg");
    var view = svg.getAttribute("data-cw-views").split("|")[level];
    var size = view.split(" ");
    svg.setAttribute("viewBox", view);
    svg.setAttribute("width", size[2]);
    svg.setAttribute("height", size[3]);
    map.setAttribute("data-cw-level", level);
    map.querySelectorAll("[data-cw-at]").forEach(function (el) {
      var at = el.getAttribute("data-cw-at").split("|")[level - el.getAttribute("data-cw-depth")];
      el.style.display = at ? "" : "none";
      if (!at) return;
      if (el.tagName === "path") el.setAttribute("d", at);
      else el.setAttribute("transform", "translate(" + at + ")");
    });
    map.querySelectorAll("button[data-cw-depth]").forEach(function (button) {
      button.setAttribute("aria-expanded", String(+button.getAttribute("data-cw-depth") <= level));
    });
  }

  function init(root) {
    root.querySelectorAll("[data-cw-map]:not([data-cw-ready])").forEach(function (map) {
      map.setAttribute("data-cw-ready", "");
      var controls = map.querySelector(".cw-map__controls");
      controls.hidden = false;
      controls.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-cw-depth]");
        if (!button) return;
        var depth = +button.getAttribute("data-cw-depth");
        show(map, button.getAttribute("aria-expanded") === "true" ? depth - 1 : depth);
      });
      if (map.hasAttribute("data-cw-start")) show(map, +map.getAttribute("data-cw-start"));
    });
  }

  if (window.document$) document$.subscribe(function () { init(document); });
  else document.addEventListener("DOMContentLoaded", function () { init(document); });
})();

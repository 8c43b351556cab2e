/* Mind map folding: the build laid the map out once per level (data-cw-at); a button picks one. */
(() => {
  const hint = (map) => {
    const canvas = map.querySelector(".cw-map__canvas");
    map.querySelector(".cw-map__hint").hidden = canvas.scrollWidth <= canvas.clientWidth;
  };
  const show = (map, level) => {
    const svg = map.querySelector("svg");
    const view = svg.getAttribute("data-cw-views").split("|")[level];
    const size = view.split(" ");
    svg.setAttribute("viewBox", view);
    svg.setAttribute("width", size[2]);
    svg.setAttribute("height", size[3]);
    map.setAttribute("data-cw-level", level);
    map.querySelectorAll("[data-cw-at]").forEach((el) => {
      const at = el.getAttribute("data-cw-at").split("|")[level - el.getAttribute("data-cw-depth")];
      el.style.display = at ? "" : "none";
      if (!at) return;
      if (el.tagName === "path") el.setAttribute("d", at);
      else el.setAttribute("transform", "translate(" + at + ")");
    });
    map.querySelectorAll("button[data-cw-depth]").forEach((button) => {
      button.setAttribute("aria-expanded", String(+button.getAttribute("data-cw-depth") <= level));
    });
    hint(map);
  };

  cw.ready("[data-cw-map]", (map) => {
    const controls = map.querySelector(".cw-map__controls");
    controls.hidden = false;
    controls.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-cw-depth]");
      if (!button) return;
      const depth = +button.getAttribute("data-cw-depth");
      show(map, button.getAttribute("aria-expanded") === "true" ? depth - 1 : depth);
    });
    if (map.hasAttribute("data-cw-start")) show(map, +map.getAttribute("data-cw-start"));
    else hint(map);
  });
})();

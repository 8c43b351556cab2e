/* Mind maps: the build laid the map out once per level (data-cw-at); a button picks one. Zoom scales the
   drawn size (buttons, + − 0 keys, pinch); a phone starts folded to what fits. */
(() => {
  const box = (map) => map.querySelector(".cw-map__canvas");
  const svgOf = (map) => map.querySelector("svg");
  const views = (map) => svgOf(map).getAttribute("data-cw-views").split("|");
  const hint = (map) => {
    const canvas = box(map);
    map.querySelector(".cw-map__hint").hidden = !map.cwNarrow && canvas.scrollWidth <= canvas.clientWidth;
  };
  // scale 0 = fit the width, but never so small that labels cannot be read
  const zoom = (map, scale) => {
    const svg = svgOf(map), size = svg.getAttribute("viewBox").split(" ");
    map.cwScale = scale = Math.max(0.3, Math.min(3, scale || Math.max(0.5, Math.min(1, box(map).clientWidth / size[2]))));
    svg.setAttribute("width", size[2] * scale);
    svg.setAttribute("height", size[3] * scale);
    hint(map);
  };
  const show = (map, level) => {
    svgOf(map).setAttribute("viewBox", views(map)[level]);
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
    zoom(map, map.cwScale);
  };
  // Two fingers zoom (the CSS touch-action leaves pinching to this script, one finger still scrolls).
  const pinch = (map) => {
    const down = {}, canvas = box(map);
    let start = 0, from = 1;
    const gap = () => {
      const p = Object.keys(down).map((id) => down[id]);
      return p[1] ? Math.hypot(p[0].clientX - p[1].clientX, p[0].clientY - p[1].clientY) : 0;
    };
    canvas.addEventListener("pointerdown", (event) => { down[event.pointerId] = event; start = gap(); from = map.cwScale; });
    canvas.addEventListener("pointermove", (event) => {
      if (!down[event.pointerId]) return;
      down[event.pointerId] = event;
      if (start) zoom(map, from * gap() / start);
    });
    ["pointerup", "pointercancel", "pointerleave"].forEach((type) => canvas.addEventListener(type, (event) => {
      delete down[event.pointerId];
      start = 0;
    }));
  };

  cw.ready("[data-cw-map]", (map) => {
    const controls = map.querySelector(".cw-map__controls"), room = box(map).clientWidth;
    let level = +(map.getAttribute("data-cw-start") || map.getAttribute("data-cw-level"));
    controls.hidden = false;
    controls.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      const depth = button && +button.getAttribute("data-cw-depth"), step = button && button.getAttribute("data-cw-zoom");
      if (step) zoom(map, +step && map.cwScale * step);
      else if (depth) show(map, button.getAttribute("aria-expanded") === "true" ? depth - 1 : depth);
    });
    map.addEventListener("keydown", (event) => {
      const step = { "+": 1.25, "=": 1.25, "-": 0.8, "0": 0 }[event.key];
      if (step === undefined || event.ctrlKey || event.metaKey || event.target.closest("button")) return;
      event.preventDefault();
      zoom(map, step && map.cwScale * step);
    });
    pinch(map);
    map.cwNarrow = room && room < 600; // a phone: fold to the deepest level that fits, shrink the rest
    const wide = () => views(map)[level].split(" ")[2] > room;
    while (map.cwNarrow && level > 1 && wide()) level--;
    map.cwScale = 1;
    show(map, level);
    if (map.cwNarrow && wide()) zoom(map, 0);
  });
})();

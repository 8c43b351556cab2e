/* Mind map folding and zoom: the build laid the map out once per level (data-cw-at); a button picks one.
   Zoom scales the drawn size (buttons, +/− keys, two-finger pinch); a phone starts folded and fitted. */
(() => {
  const canvasOf = (map) => map.querySelector(".cw-map__canvas");
  const hint = (map) => {
    const canvas = canvasOf(map);
    map.querySelector(".cw-map__hint").hidden = !map.cwNarrow && canvas.scrollWidth <= canvas.clientWidth;
  };
  const widthAt = (map, level) => +map.querySelector("svg").getAttribute("data-cw-views").split("|")[level].split(" ")[2];
  const zoom = (map, scale) => {
    const svg = map.querySelector("svg"), size = svg.getAttribute("viewBox").split(" ");
    // fit: the whole width on screen, but never so small that labels cannot be read
    if (!scale) scale = Math.max(0.5, Math.min(1, canvasOf(map).clientWidth / size[2]));
    map.cwScale = scale = Math.max(0.3, Math.min(3, scale));
    svg.setAttribute("width", size[2] * scale);
    svg.setAttribute("height", size[3] * scale);
    hint(map);
  };
  const show = (map, level) => {
    const svg = map.querySelector("svg");
    svg.setAttribute("viewBox", svg.getAttribute("data-cw-views").split("|")[level]);
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
    zoom(map, map.cwScale || 1);
  };
  // Two fingers on the map zoom it (touch-action in the CSS leaves pinching to this script).
  const pinch = (map) => {
    const down = {};
    let start = 0, from = 1;
    const gap = () => {
      const p = Object.keys(down).map((id) => down[id]);
      return p.length === 2 ? Math.hypot(p[0].clientX - p[1].clientX, p[0].clientY - p[1].clientY) : 0;
    };
    const canvas = canvasOf(map);
    canvas.addEventListener("pointerdown", (event) => { down[event.pointerId] = event; start = gap(); from = map.cwScale; });
    canvas.addEventListener("pointermove", (event) => {
      if (!down[event.pointerId]) return;
      down[event.pointerId] = event;
      if (start && gap()) zoom(map, from * gap() / start);
    });
    const up = (event) => { delete down[event.pointerId]; start = 0; };
    ["pointerup", "pointercancel", "pointerleave"].forEach((type) => canvas.addEventListener(type, up));
  };

  cw.ready("[data-cw-map]", (map) => {
    const controls = map.querySelector(".cw-map__controls");
    const top = +map.getAttribute("data-cw-level");
    let level = map.hasAttribute("data-cw-start") ? +map.getAttribute("data-cw-start") : top;
    controls.hidden = false;
    controls.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      const depth = +button.getAttribute("data-cw-depth"), step = button.getAttribute("data-cw-zoom");
      if (step) zoom(map, +step && map.cwScale * step);
      else show(map, button.getAttribute("aria-expanded") === "true" ? depth - 1 : depth);
    });
    map.addEventListener("keydown", (event) => {
      const step = { "+": 1.25, "=": 1.25, "-": 0.8, "0": 0 }[event.key];
      if (step === undefined || event.ctrlKey || event.metaKey || event.target.closest("button")) return;
      event.preventDefault();
      zoom(map, step && map.cwScale * step);
    });
    pinch(map);
    // On a narrow screen: fold to the deepest level that fits, then shrink what is still too wide.
    const room = canvasOf(map).clientWidth, narrow = room && room < 600;
    while (narrow && level > 1 && widthAt(map, level) > room) level--;
    map.cwScale = 1;
    map.cwNarrow = narrow; // phones always show how to zoom and pan
    show(map, level);
    if (narrow && widthAt(map, level) > room) zoom(map, 0);
  });
})();

/* Script library: narrow the script pairs by part and by words. Without JS the form stays hidden and all pairs show. */
(() => {
  const initFilter = (form) => {
    const part = form.querySelector(".cw-filter__part");
    const words = form.querySelector(".cw-filter__text");
    const count = form.querySelector(".cw-filter__count");
    const groups = [...form.parentNode.querySelectorAll(".cw-script-group")];
    const apply = () => {
      const wanted = words.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      groups.forEach((group) => {
        const title = group.querySelector("h2").textContent;
        let any = false;
        group.querySelectorAll(".cw-script").forEach((item) => {
          const haystack = (title + item.textContent).toLowerCase();
          const match = (!part.value || item.dataset.part === part.value) && wanted.every((w) => haystack.includes(w));
          item.hidden = !match;
          any = any || match;
          shown += match;
        });
        group.hidden = !any;
      });
      count.textContent = cw.fmt(form.dataset.count, { count: shown });
    };
    form.addEventListener("input", apply);
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
    apply();
  };

  cw.ready("[data-cw-filter]", initFilter);
  // Material's search dialog has no name: it takes its input's
  cw.ready(".md-search", (box) => box.setAttribute("aria-label", box.querySelector("input").getAttribute("aria-label")));
})();

/* Role-play page: the brief cards' projection view and the branching self-practice. */
(() => {
  const make = cw.el;

  // One card at a time over the whole window; keys heard on the document survive clicks; long cards fit by
  // two columns and type down to 55%.
  const initCards = (box) => {
    const bar = box.querySelector(".cw-cards__bar");
    const cards = [...box.querySelectorAll(".cw-card")];
    const button = (name) => bar.querySelector(".cw-cards__" + name);
    const on = () => box.classList.contains("cw-cards--projection");
    let current = 0;
    const fit = () => {
      const card = cards[current];
      const most = card.querySelector("table") ? 1 : 2; // a table does not flow into columns
      for (let columns = 1, size = 100; on() && columns <= most; columns++, size = 100) {
        card.style.columnCount = columns;
        for (; size >= (columns < most ? 80 : 55); size -= 5) {
          box.style.setProperty("--cw-scale", size / 100);
          if (box.scrollHeight <= box.clientHeight) return;
        }
      }
    };
    const show = (index) => {
      current = (index + cards.length) % cards.length;
      cards.forEach((card, i) => card.classList.toggle("cw-card--current", i === current));
      fit();
    };
    const close = () => {
      box.classList.remove("cw-cards--projection");
      box.removeAttribute("tabindex");
      box.style.removeProperty("--cw-scale");
      cards.forEach((card) => { card.style.columnCount = ""; });
      button("open").focus();
    };
    button("open").onclick = () => {
      box.classList.add("cw-cards--projection");
      box.tabIndex = -1;
      show(0);
      button("next").focus();
    };
    button("prev").onclick = () => show(current - 1);
    button("next").onclick = () => show(current + 1);
    button("exit").onclick = close;
    addEventListener("resize", () => on() && fit());
    document.addEventListener("keydown", (event) => {
      if (!on()) return;
      const step = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[event.key];
      if (step) show(current + step);
      else if (event.key === "Escape") close();
      else return;
      event.preventDefault();
    });
    bar.hidden = false;
  };

  // Customer line, 2–4 replies; each choice adds its score and moves on until an ending and its debrief.
  const initPlay = (box) => {
    const data = cw.data(box, ".cw-play__data");
    const text = data.labels;
    const score = make("p", "cw-play__score");
    const stage = make("div", "cw-play__stage");
    const feedback = make("p", "cw-play__feedback");
    const path = make("ol", "cw-play__path");
    const restart = make("button", "md-button cw-play__restart", text.restart);
    const debriefs = [...box.querySelectorAll(".cw-play__debrief")];
    let total = 0;
    let best = 0;
    score.setAttribute("aria-live", "polite");
    feedback.setAttribute("aria-live", "polite");
    restart.type = "button";
    box.querySelector(".cw-play__noscript").hidden = true;
    box.prepend(score, feedback, stage);
    box.append(make("p", "cw-play__path-title", text.path_taken), path, restart);

    const update = () => {
      score.textContent = text.score + "：" + cw.fmt(text.score_of, { score: total, best });
    };
    const line = (cls, label, words) => {
      const node = make("p", cls);
      node.tabIndex = -1;
      node.append(make("strong", "", label + "："), words);
      stage.append(node);
      return node;
    };
    const choose = (turn, reply) => {
      total += reply.score;
      best += Math.max(...turn.replies.map((r) => r.score));
      feedback.textContent = reply.feedback + "（+" + reply.score + "）";
      path.append(make("li", "", "“" + turn.customer + "” → “" + reply.text + "”（+" + reply.score + "）"));
      update();
      go(reply.next).focus();
    };
    const go = (id) => {
      stage.textContent = "";
      const turn = data.turns[id];
      if (!turn) {
        const ending = data.endings[id];
        debriefs.forEach((node) => { node.hidden = node.dataset.ending !== id; });
        return line("cw-play__outcome cw-play__outcome--" + ending.outcome, text["outcome_" + ending.outcome],
          ending.title);
      }
      const shown = line("cw-play__line", text.customer_line, turn.customer);
      const group = make("div", "cw-play__replies");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", text.your_reply);
      turn.replies.forEach((reply) => {
        const choice = make("button", "cw-play__reply", reply.text);
        choice.type = "button";
        choice.onclick = () => choose(turn, reply);
        group.append(choice);
      });
      stage.append(group);
      return shown;
    };
    const reset = () => {
      total = best = 0;
      path.textContent = feedback.textContent = "";
      debriefs.forEach((node) => { node.hidden = true; });
      update();
      return go(data.start);
    };
    restart.onclick = () => reset().focus();
    reset();
  };

  cw.ready("[data-cw-cards]", initCards);
  cw.ready("[data-cw-play]", initPlay);
})();

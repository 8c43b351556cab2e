/* From disk (file://) browsers refuse Material's search worker and the theme hides search: there the worker
   runs in a hidden iframe, its scripts loaded as <script>s (Material's worker looks for IFrameWorker). */
(() => {
  if (location.protocol !== "file:") return;
  const load = (doc, src) => new Promise((done, fail) => {
    const script = doc.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = fail;
    doc.head.appendChild(script);
  });
  window.Worker = window.IFrameWorker = class extends EventTarget {
    constructor(url) {
      super();
      const frame = document.body.appendChild(document.createElement("iframe")), inner = frame.contentWindow;
      frame.hidden = true;
      inner.importScripts = (...urls) => urls.reduce((prior, src) => prior.then(() => load(inner.document, src)),
        Promise.resolve());
      inner.postMessage = (data) => this.dispatchEvent(new MessageEvent("message", { data }));
      this.started = load(inner.document, url).then(() => inner);
    }

    postMessage(data) {
      this.started.then((inner) => inner.dispatchEvent(new inner.MessageEvent("message", { data })));
    }

    terminate() {}
  };
})();

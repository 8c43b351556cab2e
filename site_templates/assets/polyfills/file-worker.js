/* Opened from disk (file://), browsers refuse to start Material's search worker and the theme hides the
   search box. There, and only there, the worker runs in a hidden iframe of this page instead: its script
   and the lunr files it imports load as ordinary <script>s, which file:// allows. Material's worker looks
   for window.IFrameWorker to find its lunr folder. Loaded in <head>, before the theme's bundle. */
(() => {
  "use strict";
  if (location.protocol !== "file:") return;
  const load = (doc, src) => new Promise((done, fail) => {
    const script = doc.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = fail;
    doc.head.appendChild(script);
  });
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      const frame = document.createElement("iframe");
      frame.hidden = true;
      frame.tabIndex = -1;
      document.body.appendChild(frame);
      const inner = this.inner = frame.contentWindow;
      inner.importScripts = (...urls) => urls.reduce((prior, src) => prior.then(() => load(inner.document, src)),
        Promise.resolve());
      inner.postMessage = (data) => this.dispatchEvent(new MessageEvent("message", { data }));
      this.started = load(inner.document, url);
    }

    postMessage(data) {
      this.started.then(() => this.inner.dispatchEvent(new this.inner.MessageEvent("message", { data })));
    }

    terminate() {}
  }
  window.IFrameWorker = window.Worker = IFrameWorker;
})();

// Web Workers for pages opened from file:// (Chromium refuses real workers there), so that search works
// offline from a copied folder: the worker script runs in a hidden iframe instead.
// The same idea as the npm package iframe-worker (which Material's offline plugin expects: the file name
// must keep containing "iframe-worker"), but the frame's worker globals are set from here, not by an
// inline script in the frame: the pages' Content-Security-Policy allows no inline script it does not
// know in advance. The worker script stays the frame's only script with a src (Material's search worker
// finds its own URL that way).
(() => {
  "use strict";
  if (location.protocol !== "file:") return;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = `${url}`;
      const iframe = document.createElement("iframe");
      iframe.hidden = true;
      document.body.appendChild(this.iframe = iframe);
      const frame = iframe.contentWindow;
      const doc = frame.document;
      doc.open();
      frame.postMessage = (data) => setTimeout(() => this.deliver(structuredClone(data)));
      frame.importScripts = (...urls) => urls.reduce((done, src) => done.then(() => new Promise((resolve) => {
        const script = doc.createElement("script");
        script.src = src;
        script.onload = resolve;
        doc.body.appendChild(script);
      })), Promise.resolve());
      frame.addEventListener("error", (event) => {
        this.dispatchEvent(new ErrorEvent("error", { message: event.message, filename: this.url, error: event.error }));
        if (this.onerror) this.onerror(event);
      });
      const script = doc.createElement("script");
      script.src = `${this.url}?${Date.now()}`;
      this.ready = new Promise((resolve, reject) => { script.onload = resolve; script.onerror = reject; });
      doc.write("<html><body></body></html>");
      doc.close();
      doc.body.appendChild(script);
    }

    deliver(data) {
      const event = new MessageEvent("message", { data });
      this.dispatchEvent(event);
      if (this.onmessage) this.onmessage(event);
    }

    postMessage(data) {
      this.ready.catch(() => {}).then(() => {
        this.iframe.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();

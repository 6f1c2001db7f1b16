// make serve only: MkDocs' live reload, as a file. MkDocs injects it as an inline script, which the pages'
// Content-Security-Policy blocks (its text changes on every response, so no hash can allow it); the plugin has
// the server write <script src="…/livereload.js" data-epoch data-request> instead. Same protocol as MkDocs 1.6.
(() => {
  const me = document.currentScript;
  const epoch = Number(me.dataset.epoch), requestId = me.dataset.request;
  let req, timeout;
  const poll = () => {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) location.reload();
      else timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    req.open("GET", `/livereload/${epoch}/${requestId}`);
    req.send();
  };
  const stop = () => { if (req) req.abort(); if (timeout) clearTimeout(timeout); req = timeout = undefined; };
  addEventListener("load", () => { if (document.visibilityState === "visible") poll(); });
  addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") poll(); else stop(); });
  addEventListener("beforeunload", stop);
})();

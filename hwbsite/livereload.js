/* hwbsite's preview only (`mkdocs serve`; never in a built site): MkDocs' live-reload poller,
   served as a file from the site itself. MkDocs injects the same code as an inline script whose
   text changes on every request (it carries the build's epoch and a request id), so no hash in
   the page's Content-Security-Policy can allow it and the policy blocks it: the page never
   reloaded. hwbsite/preview.py makes the server write <script src="this file" data-epoch
   data-request> instead, which script-src 'self' already allows. The loop is MkDocs 1.6.1's
   (mkdocs/livereload/__init__.py): a long poll that answers with a newer epoch once a rebuild
   has finished. */
(function () {
  "use strict";
  var me = document.currentScript;
  var epoch = parseFloat(me.getAttribute("data-epoch"));
  var requestId = me.getAttribute("data-request");
  var req, timeout;

  function poll() {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    req.open("GET", "/livereload/" + epoch + "/" + requestId);
    req.send();
  }

  function stop() {
    if (req) req.abort();
    if (timeout) clearTimeout(timeout);
    req = timeout = undefined;
  }

  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") poll();
  });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("beforeunload", stop);
})();

// hwbsite: the search page (hwbsite/theme/search.html; issue 15). Reads ?q= from the address, loads
// Pagefind's API from this site only now (no other page fetches any search bytes), and lists the
// results as links with excerpts. Pagefind fetches just the index fragments the query needs.
//
// A classic script, not a module: Material's instant navigation re-inserts the page's scripts
// (Back to this page), and a module would not run a second time. Safe DOM only: every string
// becomes a text node. Pagefind's excerpt is the page's text with "<" and ">" escaped as &lt; and
// &gt; and each matched word wrapped in <mark>...</mark>; it is split on those two tags, never
// parsed as HTML, so nothing in an indexed page can become markup here.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form[data-hwb-search]");
  if (!script || !form) return;
  var root = new URL("../../", script.src);           // assets/hwbsite/search.js -> the site root
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("hwb-search-status");
  var list = document.getElementById("hwb-search-results");
  var more = document.getElementById("hwb-search-more");
  var STEP = 10;                                      // results whose excerpts are fetched at a time

  var query = (new URLSearchParams(location.search).get("q") || "").trim();
  input.value = query;
  var box = document.getElementById("hwb-search-box"); // the header's form says what was searched
  if (box) box.value = query;
  if (!query) {
    status.textContent = "Type one or more words and press Enter.";
    return;
  }
  document.title = "\u201c" + query + "\u201d \u2013 " + document.title;
  status.textContent = "Searching for \u201c" + query + "\u201d\u2026";

  function excerptNodes(excerpt, into) {
    var parts = String(excerpt || "").split(/(<mark>|<\/mark>)/);
    var marked = false;
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === "<mark>") { marked = true; continue; }
      if (parts[i] === "</mark>") { marked = false; continue; }
      if (!parts[i]) continue;
      var text = document.createTextNode(parts[i].replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        into.appendChild(mark);
      } else {
        into.appendChild(text);
      }
    }
  }

  function sameSite(url) {
    try {
      var u = new URL(url, root);
      return u.origin === root.origin && u.pathname.indexOf(root.pathname) === 0 ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function item(data) {
    var href = sameSite(data.url);
    if (!href) return null;
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = href;
    a.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(a);
    var p = document.createElement("p");
    p.className = "hwb-search__excerpt";
    excerptNodes(data.excerpt, p);
    li.appendChild(p);
    return li;
  }

  function say(shown, total) {
    var words = total === 1 ? "1 result" : total + " results";
    status.textContent = total === 0
      ? "No results for \u201c" + query + "\u201d. Try fewer or different words."
      : words + " for \u201c" + query + "\u201d" + (shown < total ? ", showing " + shown + "." : ".");
  }

  function failed() {
    status.textContent = "Search could not load its index. Every meeting, paper and decision " +
      "is also listed on the Meetings, Papers and Decisions pages.";
  }

  var results = [];
  var shown = 0;

  function show() {
    var batch = results.slice(shown, shown + STEP);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      var first = null;
      datas.forEach(function (d) {
        var li = item(d);
        if (li) {
          list.appendChild(li);
          first = first || li.querySelector("a");
        }
      });
      shown += batch.length;
      more.hidden = shown >= results.length;
      say(shown, results.length);
      return first;
    });
  }

  more.addEventListener("click", function () {
    more.disabled = true;
    // focus moves to the first new result, so a keyboard user carries on where the list grew
    show().then(function (first) {
      more.disabled = false;
      if (first) first.focus();
    }, failed);
  });

  import(new URL("pagefind/pagefind.js", root).href)
    .then(function (pagefind) {
      return Promise.resolve(pagefind.options({ baseUrl: root.pathname }))
        .then(function () { return pagefind.search(query); });
    })
    .then(function (search) {
      results = (search && search.results) || [];
      return show();
    })
    .catch(failed);
})();

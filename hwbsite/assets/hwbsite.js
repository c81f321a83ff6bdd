// hwbsite: draws charts as they scroll into view, on every page load, including Material's
// instant navigation. The figure, its summary and its data table are in the HTML: they read
// before and without JavaScript; the chart is an enhancement.
//
// plotly.js (the basic partial bundle, served from this site) is fetched only when the first
// chart approaches the viewport, and charts are drawn one per task as they come near it, so a
// page with 27 charts never blocks the main thread. Every chart is laid out for the width of its
// container, redrawn when that width changes (window resize, sidebar, instant navigation) and
// when the palette changes. Runs under a Content Security Policy of script-src 'self':
// no eval, no inline script.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var plotlySrc = here ? here.replace(/hwbsite\.js(\?.*)?$/, "plotly-basic.min.js") : null;
  var NARROW = 600;        // px: below this a chart gets the phone layout
  var loading = null;
  var pageState = null;    // observers and drawn charts of the current page

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = plotlySrc;
        s.async = true;
        s.onload = function () { resolve(window.Plotly); };
        s.onerror = function () { loading = null; reject(new Error("plotly.js failed to load")); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function palette() {
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    var style = getComputedStyle(document.body);
    var fg = style.getPropertyValue("--md-typeset-color").trim() || (dark ? "#e2e4e9" : "#1f1f1f");
    return { fg: fg, grid: dark ? "rgba(255,255,255,0.15)" : "rgba(0,0,0,0.12)",
             bg: dark ? "#1e2129" : "#ffffff" };
  }

  function clone(x) { return JSON.parse(JSON.stringify(x || {})); }

  // The layout for this container width. The figure's own layout (from charts.py) says what is
  // charted; this decides where things go so that nothing overlaps at any width.
  function layoutFor(fig, width) {
    var p = palette();
    var narrow = width < NARROW;
    var base = clone(fig.layout);
    var layout = clone(base);
    var breakdown = !!(base.yaxis && base.yaxis.categoryarray);
    layout.width = width;
    layout.autosize = false;
    layout.height = base.height || (narrow ? 320 : 400);
    layout.paper_bgcolor = "rgba(0,0,0,0)";
    layout.plot_bgcolor = "rgba(0,0,0,0)";
    layout.font = { color: p.fg, family: "inherit", size: narrow ? 12 : 13 };
    layout.hoverlabel = { bgcolor: p.bg, font: { color: p.fg } };
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({ gridcolor: p.grid, zerolinecolor: p.grid, linecolor: p.grid,
                                     automargin: true }, layout[axis] || {});
      if (layout[axis].title) layout[axis].title.standoff = 8;
    });
    // Ticks outside the plot, so the first date label clears the y axis's "0".
    ["xaxis", "yaxis"].forEach(function (axis) {
      Object.assign(layout[axis], { ticks: "outside", ticklen: 5, tickcolor: p.grid });
    });
    // Fewer ticks where there is less room: about one per 110 px across, one per 50 px up.
    var maxX = Math.max(3, Math.min(10, Math.floor(width / 110)));
    if (layout.xaxis.type === "date" && base.xaxis.tickvals) {
      // The papers' own period labels (figures.py), thinned to the room there is, the latest kept.
      var span = dateTicks(fig.data, maxX), vals = base.xaxis.tickvals, every = Math.ceil(vals.length / maxX);
      var keep = function (_, i) { return (vals.length - 1 - i) % every === 0; };
      Object.assign(layout.xaxis, { range: span.range, autorange: false, tickmode: "array",
        tickvals: vals.filter(keep),
        ticktext: base.xaxis.ticktext.filter(keep).map(function (t) { return wrap(String(t), 12); }) });
    }
    else if (layout.xaxis.type === "date") Object.assign(layout.xaxis, dateTicks(fig.data, maxX));
    else if (!breakdown) layout.xaxis.nticks = maxX;
    // Every category row keeps its label; a value axis gets about one tick per 50 px.
    if (breakdown) {
      layout.yaxis.dtick = 1;
      // Long category names wrap (about a third of the width each), rather than squeezing the
      // plot to nothing or running off the left edge; the chart grows to fit the lines.
      var cats = base.yaxis.categoryarray;
      var chars = Math.max(12, Math.floor(width / 3 / 7));
      var wrapped = cats.map(function (c) { return wrap(String(c), chars); });
      var lines = wrapped.reduce(function (n, w) { return n + w.split("<br>").length; }, 0);
      layout.yaxis.tickmode = "array";
      layout.yaxis.tickvals = cats;
      layout.yaxis.ticktext = wrapped;
      layout.height = Math.max(layout.height, lines * 17 + cats.length * 14 + (narrow ? 150 : 90));
    }
    else layout.yaxis.nticks = Math.max(4, Math.min(8, Math.floor(layout.height / 50)));
    if (narrow) {
      // Phones: the legend goes under the chart, at the foot of the figure, never beside it.
      layout.legend = { orientation: "h", x: 0, xanchor: "left", y: 0, yanchor: "bottom",
                        yref: "container", font: { size: 12 } };
      layout.margin = { l: 8, r: 8, t: 12, b: 8, autoexpand: true };
    } else {
      // Wide screens: the legend to the right of the plot, clear of both axis titles.
      layout.legend = { orientation: "v", x: 1.02, xanchor: "left", y: 1, yanchor: "top" };
      layout.margin = { l: 12, r: 12, t: 16, b: 12, autoexpand: true };
    }
    return layout;
  }

  // Break a label into lines of at most about `chars` characters, at spaces.
  function wrap(text, chars) {
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > chars) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines.join("<br>");
  }

  var DAY = 864e5;
  var MONTH_STEPS = [1, 2, 3, 6, 12, 24, 36, 60, 120];

  // Date ticks on whole months or years, at most maxTicks of them, each labelled once: plotly's
  // own choice repeats "Jan 2017" on weekly ticks, or shows a time of day around a single point.
  function dateTicks(data, maxTicks) {
    var xs = [];
    data.forEach(function (t) { (t.x || []).forEach(function (x) { xs.push(Date.parse(x)); }); });
    xs = xs.filter(function (x) { return !isNaN(x); });
    if (!xs.length) return {};
    var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs);
    var pad = hi > lo ? Math.max(20 * DAY, (hi - lo) * 0.04) : 183 * DAY;
    lo -= pad; hi += pad;
    var months = (hi - lo) / (30.44 * DAY);
    var step = MONTH_STEPS.filter(function (m) { return months / m <= maxTicks; })[0] || 240;
    var iso = function (t) { return new Date(t).toISOString().slice(0, 10); };
    return { range: [iso(lo), iso(hi)], autorange: false, tick0: "2000-01-01", dtick: "M" + step,
             tickformat: step >= 12 ? "%Y" : "%b %Y" };
  }

  var CONFIG = { displayModeBar: false, responsive: false, displaylogo: false };

  function drawOne(el) {
    var fig = el.__hwbFigure || (el.__hwbFigure = JSON.parse(el.dataset.figure));
    var width = Math.floor(el.getBoundingClientRect().width);
    el.__hwbWidth = width;
    if (!width) return Promise.resolve();   // hidden (a closed details block): drawn when shown
    return window.Plotly.react(el, fig.data, layoutFor(fig, width), CONFIG);
  }

  // One chart per task: the browser paints and answers input between charts.
  function queue(state) {
    if (state.running || !state.pending.length) return;
    state.running = true;
    var el = state.pending.shift();
    loadPlotly().then(function (Plotly) {
      if (state !== pageState || !el.isConnected) return;
      return drawOne(el).then(function () {
        if (el.__hwbWidth) state.drawn.add(el);
        // Also watched when it could not be drawn yet (no width): drawn once it has one.
        state.resize.observe(el);
      });
    }).catch(function (err) {
      if (window.console) console.error(err);
    }).then(function () {
      state.running = false;
      setTimeout(function () { queue(state); }, 0);
    });
  }

  function schedule(state, el) {
    if (state.pending.indexOf(el) < 0) state.pending.push(el);
    queue(state);
  }

  function teardown() {
    if (!pageState) return;
    window.removeEventListener("scroll", pageState.onScroll);
    pageState.io.disconnect();
    pageState.resize.disconnect();
    pageState.drawn.forEach(function (el) { if (!el.isConnected && window.Plotly) window.Plotly.purge(el); });
    pageState = null;
  }

  function setup() {
    teardown();
    var plots = Array.prototype.slice.call(document.querySelectorAll(".hwb-chart__plot[data-figure]"));
    if (!plots.length || !plotlySrc) return;
    var state = { pending: [], drawn: new Set(), running: false };
    // Start a chart (and the first time, plotly.js itself) when it is within a screen of view.
    state.io = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        state.io.unobserve(entry.target);
        schedule(state, entry.target);
      });
    }, { rootMargin: "100% 0px 100% 0px" });
    // Redraw for a new width: phone and desktop layouts differ, not just in scale.
    state.resize = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        var el = entry.target;
        var w = Math.floor(entry.contentRect.width);
        if (w && Math.abs(w - (el.__hwbWidth || 0)) >= 2) schedule(state, el);
      });
    });
    pageState = state;
    // Reserve each chart's height before it is drawn, so that charts drawn as the reader scrolls
    // (or jumps to a heading) never push the text below them out of place.
    plots.forEach(function (el) {
      var width = Math.floor(el.getBoundingClientRect().width);
      if (!width) return;
      try {
        var fig = el.__hwbFigure || (el.__hwbFigure = JSON.parse(el.dataset.figure));
        el.style.minHeight = layoutFor(fig, width).height + "px";
      } catch (err) { if (window.console) console.error(err); }
    });
    plots.forEach(function (el) { state.io.observe(el); });
    // A safety net for the observer: after instant navigation Material can swap the page while a
    // chart's first intersection is being reported, and that chart would then wait for nothing.
    // On scroll (at most once a frame), any undrawn chart within a screen of view is scheduled.
    var frame = 0;
    state.onScroll = function () {
      if (frame) return;
      frame = requestAnimationFrame(function () {
        frame = 0;
        if (state !== pageState) return;
        var vh = window.innerHeight;
        plots.forEach(function (el) {
          if (state.drawn.has(el) || !el.isConnected) return;
          var r = el.getBoundingClientRect();
          if (r.bottom > -vh && r.top < 2 * vh) schedule(state, el);
        });
      });
    };
    window.addEventListener("scroll", state.onScroll, { passive: true });
    state.onScroll();
  }

  function recolour() {
    if (!pageState || !window.Plotly) return;
    pageState.drawn.forEach(function (el) { if (el.isConnected) schedule(pageState, el); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
  // Follow the palette switch: Material sets data-md-color-scheme on the body.
  new MutationObserver(recolour)
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();

// Tables that scroll sideways (accessibility, WCAG 2.1.1). Material wraps every table in a
// div.md-typeset__scrollwrap that scrolls when the table is wider than the page. A scrolling
// region must be reachable by keyboard (axe: scrollable-region-focusable), so a wrapper that
// actually scrolls becomes a named, focusable region; one that does not gets nothing (no useless
// tab stop). Runs on every page load, instant navigation included (document$), and on resize.
// (It was an inline script in overrides/main.html; as a file it needs no hash in the policy.)
(function () {
  "use strict";
  function nameOf(wrap, n) {
    var caption = wrap.querySelector("caption");
    var before = wrap.previousElementSibling;
    var text = caption ? caption.textContent
      : before && before.classList.contains("hwb-table-caption") ? before.textContent
      : "Table " + n;
    return text.replace(/\s+/g, " ").trim() + " (scrolls sideways)";
  }
  function scrolls(wrap) {
    return wrap.scrollWidth > wrap.clientWidth + 1;
  }
  function mark() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.getAttribute("role") === "region" && !scrolls(wrap)) {
        // A region's first column is held to 42vw (hwbsite.css), which can make its table just fit:
        // it stays a region if it would scroll without that rule (or each mark would flip it back).
        wrap.removeAttribute("role");
        var wide = scrolls(wrap);
        wrap.setAttribute("role", "region");
        if (wide) continue;
      }
      if (scrolls(wrap)) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", nameOf(wrap, i + 1));
      } else if (wrap.hasAttribute("tabindex")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(mark, 150);
  });
  if (window.document$) window.document$.subscribe(mark);
  else document.addEventListener("DOMContentLoaded", mark);
})();

// Material's drawer and search toggles are checkboxes with autocomplete="off", which HTML does not
// allow on checkboxes (Nu HTML Checker); the post-build pass removes the attribute. Its only job
// was to stop Firefox restoring a checked drawer on reload or back, which this does instead.
(function () {
  "use strict";
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle) toggle.checked = false;
  });
})();

// Sortable tables (issue 27): a table inside div.hwb-sortable gets a button in each column head that
// sorts its rows by that column (amounts as numbers, "£1,234" and "not printed" included), and
// says so with aria-sort. Without script the table stays in the order the page wrote it
// (largest amount first), so nothing depends on this.
(function () {
  "use strict";
  function key(text) {
    var t = text.replace(/\s+/g, " ").trim();
    var m = t.match(/^-?£?\d[\d,]*(?:\.\d+)?/);
    return m ? { n: parseFloat(m[0].replace(/[£,]/g, "")), t: t } : { n: null, t: t.toLowerCase() };
  }
  function compare(a, b) {
    if (a.n !== null && b.n !== null) return a.n - b.n;
    if (a.n !== null) return -1;
    if (b.n !== null) return 1;
    return a.t < b.t ? -1 : a.t > b.t ? 1 : 0;
  }
  function sortBy(table, col, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (r1, r2) {
      var c = compare(key(r1.cells[col] ? r1.cells[col].textContent : ""),
                      key(r2.cells[col] ? r2.cells[col].textContent : ""));
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setup() {
    document.querySelectorAll(".hwb-sortable table").forEach(function (table) {
      if (!table.tHead || !table.tBodies.length || table.dataset.hwbSortable) return;
      table.dataset.hwbSortable = "1";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "hwb-sort";
        button.textContent = th.textContent;
        button.setAttribute("aria-label", "Sort by " + th.textContent.trim());
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, col, th); });
      });
    });
  }
  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();

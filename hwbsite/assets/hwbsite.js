// hwbsite: draws charts on every page load, including Material's instant navigation.
// plotly.js is served from this site and fetched only the first time a page has a chart.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var plotlySrc = here ? here.replace(/hwbsite\.js(\?.*)?$/, "plotly.min.js") : null;
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = plotlySrc;
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
    return { fg: fg, grid: dark ? "rgba(255,255,255,0.15)" : "rgba(0,0,0,0.12)" };
  }

  function layoutFor(base) {
    var p = palette();
    var layout = JSON.parse(JSON.stringify(base || {}));
    layout.paper_bgcolor = "rgba(0,0,0,0)";
    layout.plot_bgcolor = "rgba(0,0,0,0)";
    layout.font = { color: p.fg, family: "inherit", size: 13 };
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({ gridcolor: p.grid, zerolinecolor: p.grid, linecolor: p.grid }, layout[axis] || {});
    });
    return layout;
  }

  function draw() {
    var plots = document.querySelectorAll(".hwb-chart__plot");
    if (!plots.length || !plotlySrc) return;
    loadPlotly().then(function (Plotly) {
      plots.forEach(function (el) {
        if (!el.dataset.figure) return;
        var fig = JSON.parse(el.dataset.figure);
        Plotly.react(el, fig.data, layoutFor(fig.layout), { displayModeBar: false, responsive: true })
          .then(function () {
            // The container may have had no width yet when the page was swapped in.
            requestAnimationFrame(function () { Plotly.Plots.resize(el); });
          });
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(draw);
  } else {
    document.addEventListener("DOMContentLoaded", draw);
  }
  // Follow the palette switch: Material sets data-md-color-scheme on the body.
  new MutationObserver(function () { if (window.Plotly) draw(); })
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();

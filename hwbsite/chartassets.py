"""The chart runtime the site serves itself (never a CDN): plotly.js's basic bundle, its licence and its
own stylesheet, derived from the pinned bundle."""

from __future__ import annotations

import functools
from pathlib import Path

from . import patterns


VENDOR = Path(__file__).parent / "assets" / "vendor"


def runtime_files() -> dict[str, str]:
    """The chart runtime served from the site (never a CDN), by name under the asset folder.

    The official basic partial bundle of plotly.js (scatter, bar, pie; ~400 KB gzip against the
    full bundle's ~1.4 MB), pinned in assets/vendor (see its README), with its licence. It needs
    no eval, so it runs under script-src 'self'.
    """
    return {name: str(VENDOR / name) for name in ("plotly-basic.min.js", "plotly-basic.LICENSE.txt")}


# plotly.js's built-in stylesheet: an object literal {selector: declarations} in the bundle, where X
# stands for the plot's root and Y for its notifier (plotly's src/css/_base.js and style.js).
_STYLE_START = '{"X,X div":'


_STYLE_RULE = patterns.compile("chartassets.style_rule", r"""(?:"([^"]+)"|([A-Z])):(?:'([^']*)'|"([^"]*)")""")


@functools.lru_cache(maxsize=1)   # the bundle is 4.8 MB: read once per process, not per preview rebuild
def runtime_css() -> str:
    """plotly.js's own stylesheet, as a file the site serves beside the bundle.

    plotly.js writes these rules into a <style> it appends to <head> once, when it loads. Material's
    instant navigation drops that element when it re-renders a page (an in-page jump can do it), and
    without `.main-svg {position: absolute}` each chart's info and hover layers stack below the
    chart, transparent, over the headings that follow it (issue 14). Served as a stylesheet, the
    rules survive any re-render; derived from the pinned bundle, they stay in step with it.
    """
    js = (VENDOR / "plotly-basic.min.js").read_text(encoding="utf-8")
    start = js.index(_STYLE_START)
    literal = js[start: js.index("}", start) + 1]   # declarations hold no braces
    rules = []
    for quoted, bare, single, double in _STYLE_RULE.findall(literal):
        selector = (quoted or bare).replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        selector = " ," + selector[1:] if selector.startswith(",") else selector
        rules.append(f"{selector}{{{single or double}}}")
    return ("/* plotly.js's stylesheet, from the pinned bundle (hwbsite.chartassets.runtime_css) */\n"
            + "\n".join(rules) + "\n")

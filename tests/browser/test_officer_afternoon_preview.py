"""Done when: the officer's afternoon includes the preview reload in Chromium, in a `git clone` of the
repository. tests/test_officer_afternoon.py does the afternoon's tasks in a clone without a browser;
this is its preview step: the clone served as `make serve` serves it, the list of red actions open
in Chromium, the afternoon's RAG update (the red actions only, turned amber) saved, and the open
page shows that no action is red, reloaded by the preview itself under the site's CSP.

One page and one save: the other assertions of the afternoon are not repeated here.
"""

from __future__ import annotations

import subprocess
import time

import pytest

from conftest import REPO
from test_officer_afternoon import DAY, UPDATE, hwbsite, red_actions, turned_amber
from test_serve import fetch, wait_for

from .test_preview_reload import open_watched, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RED = "strategy/action-plan-2017-18/actions/red/"
NONE_RED = "No actions are red at the moment."


def test_turning_the_last_red_action_amber_repaints_the_open_preview(context, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(root)], check=True)
    reds = red_actions(root)
    assert reds
    # The update as the afternoon writes it; kept aside until the page is open, then saved once
    # (the template's placeholder text would make the preview show its error page instead).
    assert hwbsite(root, "new", "update", DAY, *reds).exit_code == 0
    update = root / UPDATE
    text = turned_amber(update.read_text(encoding="utf-8"))
    update.unlink()

    base, proc, log = serve(root)
    try:
        url = base + RED
        assert wait_for(lambda: "Actions rated Red" in fetch(url) and NONE_RED not in fetch(url), 240), "".join(log)
        found: list[str] = []
        page = open_watched(context, url, found)
        assert page.get_by_text(NONE_RED).count() == 0   # the list shows the red actions before the save
        update.write_text(text, encoding="utf-8")
        saved = time.monotonic()
        page.get_by_text(NONE_RED).wait_for(timeout=180_000)
        print(f"repainted {time.monotonic() - saved:.2f} s after the save")
        assert page.evaluate("window.__notReloaded === undefined")   # reloaded by the preview, not the test
        found += page.evaluate("window.__csp")
        assert found == [], found
    finally:
        proc.terminate()
        proc.wait(timeout=20)

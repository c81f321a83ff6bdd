"""The Content Security Policy every page carries (hwbsite/theme/main.html).

Scripts only from the site itself plus the hashes of the inline scripts the pages really carry:
no 'unsafe-inline', no 'unsafe-eval', no other origin. Whether Chromium reports any violation is
tests/browser/test_site_csp.py; here the policy itself, read from the built pages.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

import pytest

pytestmark = [pytest.mark.slow]


class _Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.policies: list[str] = []
        self.first_script_before_policy = False
        self.inline: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(a.get("content") or "")
        if tag == "script":
            if not self.policies:
                self.first_script_before_policy = True
            if "src" not in a and (a.get("type") or "text/javascript") in ("text/javascript", "module"):
                self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline.append("".join(self._script))
            self._script = None


def directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_one_strict_policy_before_any_script(rotherham_site):
    pages = sorted(rotherham_site.rglob("*.html"))
    assert len(pages) > 100
    used: set[str] = set()
    for path in pages:
        head = _Head()
        head.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(rotherham_site)
        assert len(head.policies) == 1, where
        assert not head.first_script_before_policy, where
        policy = directives(head.policies[0])
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, where
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        for name, sources in policy.items():
            # nothing from another site: only keywords, hashes and data: images/fonts
            assert all(s.startswith("'") or s in ("data:",) for s in sources), (name, sources)
        missing = [s[:80] for s in head.inline if sha256(s) not in scripts]
        assert not missing, f"{where}: inline script(s) not allowed by the policy; add " + \
            ", ".join(sha256(s) for s in head.inline if sha256(s) not in scripts) + f" for {missing}"
        used |= {sha256(s) for s in head.inline}
    listed = {s for s in directives(_policy_of(pages[0]))["script-src"] if s.startswith("'sha256-")}
    assert listed == used, f"hashes in hwbsite/theme/main.html that no page needs: {sorted(listed - used)}"


def _policy_of(path) -> str:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head.policies[0]


def test_only_the_search_page_may_compile_webassembly(rotherham_site):
    """Pagefind needs 'wasm-unsafe-eval'; no other page gets it (it never allows eval())."""
    allowed = sorted(p.relative_to(rotherham_site).as_posix() for p in rotherham_site.rglob("*.html")
                     if "'wasm-unsafe-eval'" in directives(_policy_of(p))["script-src"])
    assert allowed == ["search/index.html"]

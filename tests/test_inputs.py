"""The input side of the theme's slots: front matter, files and board fields are typed and allow-listed.

Each refusal is an error at file:line from `hwbsite check` and the build alike (one loader); what is
accepted reaches the theme as text, never markup.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from hwbsite import frontmatter
from hwbsite.checkrun import run_check
from hwbsite.project import load_project


def errors(root):
    _project, log = load_project(root)
    return sorted(f"{p.file}:{p.line}:{p.column}: {p.message}" for p in log.errors)


def page(root, name, text):
    path = root / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- front matter

def test_a_hand_written_page_may_use_only_the_allowed_front_matter_keys(fixture_project):
    root = fixture_project("minimal")
    page(root, "a.md", "---\ntitle: A page\ntempalte: redirect.html\n---\n\n# A\n")
    page(root, "b.md", "---\ntitle: B\ntemplate: redirect.html\nlocation: x\n---\n\n# B\n")
    page(root, "c.md", "---\ntitle: C\nstatus: new\nicon: ../../etc/passwd\nhide: [toc, navigaton]\n---\n\n# C\n")
    found = errors(root)
    assert "content/a.md:3:1: unknown front matter key 'tempalte'" in found
    assert "content/b.md:3:1: unknown front matter key 'template' (the theme would use it unchecked)" in found
    assert "content/b.md:4:1: unknown front matter key 'location' (the theme would use it unchecked)" in found
    assert "content/c.md:3:1: unknown front matter key 'status' (the theme would use it unchecked)" in found
    assert "content/c.md:4:1: unknown front matter key 'icon' (the theme would use it unchecked)" in found
    assert "content/c.md:5:13: cannot hide 'navigaton'" in found
    _project, log = load_project(root)
    hints = {p.message: p.hint for p in log.errors}
    assert hints["unknown front matter key 'tempalte'"] == "did you mean 'template'?" or \
        "title" in hints["unknown front matter key 'tempalte'"]
    assert hints["cannot hide 'navigaton'"] == "did you mean 'navigation'?"


def test_front_matter_values_are_judged_after_yaml_has_decoded_them(fixture_project):
    root = fixture_project("minimal")
    page(root, "a.md", '---\ntitle: "\\x3c/title\\x3e\\x3cscript\\x3ex\\x3c/script\\x3e"\n---\n\n# A\n')
    page(root, "b.md", '---\ndescription: "a\\x22 onmouseover=x"\n---\n\n# B\n')
    page(root, "c.md", '---\ntitle: "bell\\a and escape\\e"\n---\n\n# C\n')
    found = errors(root)
    assert any(f.startswith("content/a.md:2:1: '<' and '>' cannot be used here") for f in found), found
    assert any(f.startswith("content/b.md:2:1: '\"' cannot be used here") for f in found), found
    assert any(f.startswith("content/c.md:2:1: control characters (U+0007, U+001B)") for f in found), found


def test_front_matter_after_a_byte_order_mark_is_checked_as_mkdocs_reads_it(fixture_project):
    # MkDocs reads a page as utf-8-sig: after a BOM, "---" still opens front matter for it. The check
    # did not see it, and the plain MkDocs build of `hwbsite generate`'s tree made the page Material's
    # redirect page (an inline script the post-build pass hashed, to another site).
    root = fixture_project("minimal")
    page(root, "a.md", "\ufeff---\ntemplate: redirect.html\nlocation: //evil.example/\n---\n\n# A\n")
    page(root, "b.md", "\ufeff---\r\ntitle: Fine\r\n---\r\n\r\n# B\r\n")
    found = errors(root)
    assert "content/a.md:2:1: unknown front matter key 'template' (the theme would use it unchecked)" in found
    assert "content/a.md:3:1: unknown front matter key 'location' (the theme would use it unchecked)" in found
    assert [f for f in found if f.startswith("content/b.md")] == []
    project, _log = load_project(root)
    assert project.content_pages["b.md"].startswith("---\ntitle: Fine\n---\n")


def test_a_key_given_twice_is_an_error_where_mkdocs_would_take_the_second(fixture_project):
    root = fixture_project("minimal")
    page(root, "a.md", "---\ntitle: Fine\ntitle: Also fine\n---\n\n# A\n")
    assert "content/a.md:3:1: duplicate key 'title' in the same mapping" in errors(root)


def test_multimarkdown_meta_lines_are_refused(fixture_project):
    """MkDocs reads `key: value` lines at the top of a page without --- fences as its settings."""
    root = fixture_project("minimal")
    page(root, "a.md", 'description: "><script>x</script>\n\n# A\n')
    page(root, "b.md", "# B\n\ndescription: this is text, after the heading\n")
    found = errors(root)
    assert [f for f in found if f.startswith("content/a.md")] == [
        "content/a.md:1:1: MkDocs reads 'key: value' lines at the top of a page as the page's settings "
        "(MultiMarkdown meta-data), unchecked"]
    assert [f for f in found if f.startswith("content/b.md")] == []


def test_the_allowed_keys_are_accepted_and_documented(fixture_project):
    root = fixture_project("minimal")
    page(root, "a.md", "---\ntitle: Health & wellbeing\ndescription: What we do\nhide: [toc]\n"
                       "search:\n  exclude: true\nupdated: 2026-01-02\n---\n\n# A\n")
    assert errors(root) == []
    editing = (os.path.dirname(__file__) + "/../EDITING.md")
    text = open(editing, encoding="utf-8").read()
    for key in frontmatter.PAGE_KEYS:
        assert f"`{key}`" in text, key


@pytest.mark.parametrize("value", [
    '\\x22\\x3e\\x3cscript\\x3ewindow.__pwned=1\\x3c/script\\x3e',
    '"><script>window.__pwned=1</script>',
    "a\nb\n---\nc",
    "'single' & \"double\" </title>",
])
def test_generated_front_matter_carries_text_not_markup(value):
    from mkdocs.utils.meta import get_data
    body, meta = get_data(frontmatter.emit(value, value, search_exclude=True) + "\n\n# Body\n")
    assert body == "# Body\n"
    assert set(meta) == {"title", "description", "search"}
    import html
    shown = html.unescape(meta["title"])
    assert shown == " ".join(value.split())          # reads as the text written
    assert "<" not in meta["title"] and '"' not in meta["title"]   # nothing the theme could print as markup


# --------------------------------------------------------------------------- files

PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)


def test_symbolic_links_in_content_and_data_are_errors(fixture_project, tmp_path):
    root = fixture_project("minimal")
    secret = tmp_path / "secret.yml"
    secret.write_text("x: 1\n")
    os.symlink(secret, root / "content" / "leak.md")
    os.symlink(root / "data" / "meetings", root / "content" / "linked")
    os.symlink(secret, root / "data" / "meetings" / "2026-02-01.yml")
    found = errors(root)
    assert [f.split(": ")[0] for f in found] == ["content/leak.md:1:1", "content/linked:1:1",
                                                  "data/meetings/2026-02-01.yml:1:1"]
    assert all("symbolic link" in f for f in found)


def test_file_types_are_decided_by_case_insensitive_name_and_by_content(fixture_project):
    root = fixture_project("minimal")
    page(root, "evil.MD", "<script>window.__pwned=1</script>\n")
    (root / "content/logo.png").write_bytes(b"<script>window.__pwned=1</script>")
    (root / "content/photo.JPG").write_bytes(b"\xff\xd8\xff\xe0" + bytes(12))
    (root / "content/anim.gif").write_bytes(b"GIF89a" + bytes(10))
    (root / "content/pic.webp").write_bytes(b"RIFF\x10\x00\x00\x00WEBPVP8 ")
    (root / "content/fake.webp").write_bytes(b"RIFF\x10\x00\x00\x00WAVEfmt ")
    found = errors(root)
    assert [f.split(": ")[0] for f in found] == ["content/evil.MD:1:1", "content/fake.webp:1:1",
                                                  "content/logo.png:1:1"]
    assert "must end in '.md' (lower case)" in found[0]
    assert "is not a PNG image" in found[2]


def test_only_checked_images_and_rendered_pages_reach_the_site_in_either_engine(fixture_project, tmp_path):
    from conftest import build
    from hwbsite.generate import generate
    root = fixture_project("minimal")
    (root / "content/logo.png").write_bytes(PNG)
    (root / "content/.hidden.html").write_text("<script></script>")
    page(root, "index.md", (root / "content/index.md").read_text() + "\n![Logo](logo.png)\n")
    site = build(root)
    assert (site / "logo.png").read_bytes() == PNG
    assert not (site / ".hidden.html").exists()
    out = tmp_path / "generated"
    generate(root, out, dt.date(2026, 2, 1))   # the minimal fixture's build date
    assert (out / "docs/logo.png").read_bytes() == PNG
    assert sorted(p.name for p in (out / "docs").iterdir() if not p.is_dir()) == \
        sorted(p.name for p in (out / "docs").iterdir() if not p.is_dir() and not p.name.startswith("."))


def test_check_and_build_refuse_the_same_inputs(fixture_project):
    root = fixture_project("minimal")
    page(root, "a.md", "---\ntitle: A\ntemplate: redirect.html\n---\n\n# A\n")
    (root / "content/logo.png").write_bytes(b"GIF89a")
    checked = sorted(f"{p.file}:{p.line}:{p.column}" for p in run_check(root).errors)
    assert checked == ["content/a.md:3:1", "content/logo.png:1:1"]
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
                           capture_output=True, text=True)
    assert build.returncode != 0
    assert all(where in build.stderr for where in checked)
    assert not (root / "site").exists()


# --------------------------------------------------------------------------- the board's printed fields

def test_every_board_field_the_footer_or_theme_prints_is_typed(fixture_project):
    root = fixture_project("minimal")
    board = root / "data/board.yml"
    board.write_text(board.read_text(encoding="utf-8") + "\n".join([
        'contact_email: "hwb@example.gov.uk\\x22 onmouseover=x"',
        'contact_phone: "\\x3cscript\\x3ewindow.__pwned=1\\x3c/script\\x3e"',
        "contact_address: |-",
        "  Town Hall",
        "  <img src=x onerror=window.__pwned=1>",
        "website: javascript:window.__pwned=1",
        "colour: \"#1d4f91\\\"><script>\"",
        "language: 'en\" onload=\"x'",
        "licence:",
        "  name: \"Open\\u0000Licence\"",
        "  url: \" javascript:window.__pwned=1\"",
        "  exceptions: \"</footer><script>x</script>\"",
        "accessibility:",
        "  contact_email: javascript:x@example.org",
    ]) + "\n", encoding="utf-8")
    found = errors(root)
    start = len((root / "data/board.yml").read_text().splitlines()) - 14
    fields = {f.split(": ")[0]: f for f in found}
    expected = {f"data/board.yml:{start + n}" for n in (1, 2, 3, 6, 7, 8, 10, 11, 12, 14)}
    assert {k.rsplit(":", 1)[0] for k in fields} == expected, found


# --------------------------------------------------------------------------- mkdocs.yml

def test_what_the_theme_prints_from_mkdocs_yml_is_checked_by_check_build_and_generate(fixture_project, tmp_path):
    from hwbsite.generate import GenerateError, generate
    root = fixture_project("minimal")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n".join([
        'site_description: "\\x22><script>window.__pwned=1</script>"',
        "site_author: <img src=x onerror=window.__pwned=1>",
        "copyright: Fine text",
        "repo_name: \"</a><script>window.__pwned=1</script>\"",
        "extra:",
        "  polyfills: [evil.js]",
        "  status:",
        "    new: '\" onmouseover=\"x'",
        "  generator: false",
    ]) + "\n", encoding="utf-8")
    lines = config.read_text(encoding="utf-8").splitlines()
    at = {key: n for n, line in enumerate(lines, start=1) for key in
          ("site_description", "site_author", "repo_name", "polyfills", "status") if line.lstrip().startswith(key + ":")}
    expected = sorted(f"mkdocs.yml:{at[k]}" for k in at)
    checked = sorted(f"{p.file}:{p.line}" for p in run_check(root).errors)
    assert checked == expected
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                           capture_output=True, text=True)
    assert build.returncode != 0
    assert all(f"{where}:" in build.stderr for where in expected), build.stderr[-2000:]
    with pytest.raises(GenerateError) as refused:
        generate(root, tmp_path / "out", dt.date(2017, 9, 20))
    assert all(f"{where}:" in str(refused.value) for where in expected)


def test_a_page_saved_with_windows_line_endings_keeps_its_front_matter(fixture_project):
    """MkDocs reads files with universal newlines; hwbsite hands it the page as text, normalised."""
    from conftest import build
    root = fixture_project("minimal")
    (root / "content/index.md").write_bytes(b"---\r\ntitle: Welcome\r\n---\r\n\r\n# Home\r\n\r\nText.\r\n")
    assert errors(root) == []
    html = (build(root) / "index.html").read_text(encoding="utf-8")
    assert "title: Welcome" not in html
    assert "<title>Welcome - " in html


def test_front_matter_mkdocs_would_not_read_is_refused(fixture_project):
    root = fixture_project("minimal")
    page(root, "a.md", "---\ntitle: A\n---")   # no line after the closing ---: MkDocs shows it as text
    page(root, "b.md", "---\ntitle: B\ndescription: |-\n  x\n  ---\n  template: redirect.html\n---\n\n# B\n")
    assert [f.split(": ")[0] for f in errors(root)] == ["content/a.md:3:1", "content/b.md:5:1"]


def test_nav_titles_and_palette_labels_are_plain_text():
    from hwbsite import siteconfig
    found = siteconfig.problems({"nav": [{"Home": "index.md"}, {"Papers</a><script>x</script>": "p.md"}],
                                 "theme": {"palette": [{"toggle": {"name": 'Dark" onmouseover="x'}}]}})
    assert [path for path, _message, _hint in found] == [
        ("nav", 1, "Papers</a><script>x</script>"), ("theme", "palette", 0, "toggle", "name")]


# --------------------------------------------------------------------------- fields joined into one page

def test_fields_safe_alone_but_live_together_are_refused_by_check_build_and_generate(fixture_project, tmp_path):
    """One minute opens an HTML block whose attribute the next minute closes with a handler: each
    minute alone renders harmless text, the meeting page that joins them would not."""
    from hwbsite.generate import GenerateError, generate
    root = fixture_project("minimal")
    meeting = root / "data/meetings/2026-01-14.yml"
    text = meeting.read_text(encoding="utf-8")
    text = text.replace("      body: The board discussed the refresh.\n",
                        "      body: |-\n        The board discussed the refresh.\n\n        <div title=\"\n")
    text += ("    - number: 2\n      title: Any other business\n      body: |-\n"
             "        \" onclick=\"window.__pwned=1\">click</div>\n")
    meeting.write_text(text, encoding="utf-8")
    checked = [p.format() for p in run_check(root, build_date=dt.date(2026, 3, 1)).errors]
    assert checked == ["data/meetings/2026-01-14.yml:1:1: error: the page meetings/2026-01-14.md would contain "
                       "the event handler onclick= on <div> once its parts are joined (hint: look for a link, '<' "
                       "or '{:' split between two fields of this file; write each link or attribute list whole, "
                       "in one field)"]
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
                           capture_output=True, text=True)
    assert build.returncode != 0 and "meetings/2026-01-14.md would contain the event handler onclick=" in build.stderr
    assert list((root / "site").rglob("*.html")) == []   # nothing half-built
    with pytest.raises(GenerateError, match="would contain the event handler onclick="):
        generate(root, tmp_path / "out", dt.date(2026, 3, 1))
    assert not (tmp_path / "out").exists()


def test_mkdocs_yml_may_not_run_code_or_publish_what_the_checks_do_not_see(fixture_project, tmp_path):
    """Red team: pymdownx.snippets put an exempt paper's table on a page, hooks: ran Python,
    extra_javascript: made any site file a script, a favicon and edit_uri broke out of attributes;
    check, the build and generate passed each. Each is now refused at its line, by all three."""
    from hwbsite.generate import GenerateError, generate
    root = fixture_project("minimal")
    (root / "hook.py").write_text("def on_config(config):\n    return config\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("markdown_extensions:\n",
                                                      "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [.]\n", 1)
    text = text.replace("plugins:\n", "plugins:\n  - search\n", 1)
    config.write_text(text + "\n".join([
        "hooks: [hook.py]",
        "extra_javascript: [calendar.ics]",
        "edit_uri: 'javascript:alert(1)//'",
    ]) + "\n", encoding="utf-8")
    lines = config.read_text(encoding="utf-8").splitlines()
    at = {n for n, line in enumerate(lines, start=1)
          if line.lstrip().startswith(("- pymdownx.snippets", "- search", "hooks:", "extra_javascript:", "edit_uri:"))}
    assert len(at) == 5
    checked = {p.line for p in run_check(root).errors if p.file == "mkdocs.yml"}
    assert checked == at
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                           capture_output=True, text=True)
    assert build.returncode != 0
    assert all(f"mkdocs.yml:{n}:" in build.stderr for n in at), build.stderr[-2000:]
    assert not (root / "site" / "index.html").exists()
    with pytest.raises(GenerateError) as refused:
        generate(root, tmp_path / "out", dt.date(2017, 9, 20))
    assert all(f"mkdocs.yml:{n}:" in str(refused.value) for n in at)

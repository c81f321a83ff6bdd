"""What `hwbsite check` runs: every problem in the data and, when there is no error, every link and
page the strict build would refuse, so that what passes the check builds, and the reverse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .claims import ClaimError
from .errors import HwbsiteError, ProblemLog
from .publication import london_today


def run_check(root: Path, data_dir: str = "data", content_dir: str = "content",
              build_date: dt.date | None = None) -> ProblemLog:
    """Every problem in the data; when there is no error, also every link of the site that the
    strict build would refuse (so that what passes the check, builds). Dates are judged as of
    ``build_date``: default, build_date in mkdocs.yml, else today."""
    from . import buildcheck, output
    from .project import load_project
    from .publication import public_view
    build_date = build_date or configured_build_date(root) or london_today()
    project, log = load_project(root, data_dir, content_dir, build_date)
    config_file = Path(root) / "mkdocs.yml"
    if config_file.is_file():   # what the theme prints from mkdocs.yml (the plugin checks the same)
        from . import mkdocsconfig, siteconfig
        try:
            values = mkdocsconfig.read(root)
        except mkdocsconfig.ConfigError:   # MkDocs reports its own configuration errors
            values = None
        if isinstance(values, dict):   # the text gives each value's line
            siteconfig.check(values, config_file.read_text(encoding="utf-8"), str(config_file), log)
    if project is not None and not log.errors:
        try:
            items = output.build_output(public_view(project, build_date))
        except ClaimError as exc:   # each untrue sentence at the record that makes it untrue
            for claim in exc.claims:
                log.add(project.root / claim.file, claim.line, 1, "", f"{claim.page}: {claim.message}",
                        "the page's sentence is computed from the data: correct the record, or the "
                        "transcription it disagrees with", code="claim")
        except HwbsiteError as exc:  # e.g. two outputs for one path: a page the data cannot make twice
            log.add(project.root / "mkdocs.yml", 1, 1, "", f"the site cannot be built: {exc}",
                    "see which of your files make that page, and keep only one", code="build")
        else:
            # content/'s images are in the output list; nothing else of the folder is published
            buildcheck.report_broken_links(items, project.texts, log)
            buildcheck.report_unsafe_pages(items, log)   # the plugin and generate refuse the same
            config = Path(root) / "mkdocs.yml"
            if config.is_file():
                buildcheck.report_missing_nav(config.read_text(encoding="utf-8"), "mkdocs.yml", items, log,
                                              Path(root))
    return log


def configured_build_date(root: Path) -> dt.date | None:
    """The plugin's build_date in mkdocs.yml, so that check and build judge dates alike (else: today)."""
    from . import mkdocsconfig
    try:
        return mkdocsconfig.build_date(mkdocsconfig.read(root))
    except (mkdocsconfig.ConfigError, ValueError):
        return None  # the build reports an unreadable mkdocs.yml or build_date itself

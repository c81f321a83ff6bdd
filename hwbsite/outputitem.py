"""One file of the site: the one type every builder returns and every consumer reads.

A page builder, an export and the asset list all make ``OutputItem``s; ``output.build_output``
gathers them, the MkDocs plugin turns them into ``File`` objects and ``hwbsite generate`` writes them
as a docs tree. Like MkDocs' ``File.generated``, an item holds its content *or* names a file to
copy, never both and never neither: the constructor refuses anything else, so no consumer has to
ask which kind of item it was given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputItem:
    """One file of the site, relative to the docs directory."""

    path: str                          # "meetings/2017-09-20.md", "downloads/tables/x.csv", ...
    text: str | bytes | None = None    # the content (a page's Markdown, a download's text), or ...
    source: Path | None = None         # ... a file to copy as it is (assets)
    in_nav: bool = False
    updated: dt.date | None = None     # the date the page's data last changed, from the data itself
    edit: str | None = None            # the officer's file that made it (for "edit this page")

    def __post_init__(self) -> None:
        if (self.text is None) == (self.source is None):
            raise TypeError(f"the output item {self.path} needs either text or a source file, not "
                            + ("both" if self.text is not None else "neither"))
        if self.is_page and not isinstance(self.text, str):
            raise TypeError(f"the page {self.path} needs its Markdown as text")

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")

    @property
    def markdown(self) -> str:
        """A page's Markdown (the constructor ensures a page has it as text)."""
        if not isinstance(self.text, str):
            raise TypeError(f"{self.path} is not a page")
        return self.text

    def read_bytes(self) -> bytes:
        if self.text is None:
            return Path(self.source).read_bytes()  # type: ignore[arg-type]  # the constructor ensures it
        return self.text.encode("utf-8") if isinstance(self.text, str) else self.text

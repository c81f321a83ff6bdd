"""Indexes worked out once per project (or public view) and dropped with it.

Builders ask for the same index (citations, appendices) once per page; each cache holds one view
at a time. It holds the view weakly where it can, so a build's models and texts are freed as soon
as the output list is made, not kept in memory while MkDocs renders every page.
"""

from __future__ import annotations

import weakref
from typing import Callable, TypeVar

T = TypeVar("T")


class PerView:
    """``cache(view)`` gives ``make(view)``, made once for the view being built."""

    def __init__(self, make: Callable[[object], T]):
        self.make = make
        self.entry: tuple | None = None    # (weak or strong reference to the view, index)

    def __call__(self, view) -> T:
        entry = self.entry
        if entry is None or entry[0]() is not view:
            try:
                ref = weakref.ref(view, self._dropped)
            except TypeError:   # a stand-in object without weak references (tests, the bench)
                ref = lambda view=view: view  # noqa: E731
            entry = self.entry = (ref, self.make(view))
        return entry[1]

    def _dropped(self, ref) -> None:
        if self.entry is not None and self.entry[0] is ref:
            self.entry = None

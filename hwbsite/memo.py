"""Indexes worked out once per project (or public view) and dropped with it.

Builders ask for the same index (citations, appendices) once per page; each cache holds one view
at a time. It holds the view weakly where it can, so a build's models and texts are freed as soon
as the output list is made, not kept in memory while MkDocs renders every page.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


class PerView(Generic[T]):
    """``cache(view)`` gives ``make(view)``, made once for the view being built."""

    def __init__(self, make: Callable[[Any], T]) -> None:
        self.make = make
        self.entry: tuple[Callable[[], object], T] | None = None    # (weak or strong reference to the view, index)

    def __call__(self, view: object) -> T:
        entry = self.entry
        if entry is None or entry[0]() is not view:
            try:
                ref: Callable[[], object] = weakref.ref(view, self._dropped)
            except TypeError:   # a stand-in object without weak references (tests, the bench)
                def ref(view: object = view) -> object:
                    return view
            entry = self.entry = (ref, self.make(view))
        return entry[1]

    def _dropped(self, ref: object) -> None:
        if self.entry is not None and self.entry[0] is ref:
            self.entry = None

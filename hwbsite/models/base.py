"""Base model: strict keys, and a source position on every object."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, PrivateAttr

from ..yamlsource import SourcePos


class Model(BaseModel):
    """A record from an officer's file; ``src`` says where it was written."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    _src: SourcePos | None = PrivateAttr(default=None)
    _field_pos: dict[str, SourcePos] = PrivateAttr(default_factory=dict)

    @property
    def src(self) -> SourcePos:
        return self._src or SourcePos("<unknown>", 1, 1)

    def pos_of(self, field: str) -> SourcePos:
        """Position of one field of this object (falls back to the object's own)."""
        return self._field_pos.get(field, self.src)
